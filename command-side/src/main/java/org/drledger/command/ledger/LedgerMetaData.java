package org.drledger.command.ledger;

/**
 * Metadata keys under which an event carries its ledger entry fields. The payload column holds the entry's
 * canonical payload; the rest of the envelope is rebuilt from the event row and these keys.
 */
public final class LedgerMetaData {
    public static final String ACTOR_DEPARTMENT = "drl.actor.department";
    public static final String ACTOR_USER = "drl.actor.user";
    public static final String TIME = "drl.time";
    public static final String SCHEMA = "drl.schema";
    public static final String PREV = "drl.prev";
    public static final String KEY = "drl.key";
    public static final String HASH = "drl.hash";
    public static final String SIGNATURE = "drl.sig";

    /** Keys only the append path may set; an event arriving with any of them is refused. */
    static final String[] SEALED = {TIME, SCHEMA, PREV, KEY, HASH, SIGNATURE};

    private LedgerMetaData() {
    }
}
