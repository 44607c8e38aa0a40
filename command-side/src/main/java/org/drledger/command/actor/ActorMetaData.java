package org.drledger.command.actor;

import java.util.Map;
import org.drledger.command.ledger.LedgerMetaData;

/** The actor as command and event metadata. */
public final class ActorMetaData {
    /** The user recorded for acts the system performs itself (genesis). */
    public static final String SYSTEM_USER = "system";

    private ActorMetaData() {
    }

    public static Map<String, String> of(String department, String user) {
        return Map.of(LedgerMetaData.ACTOR_DEPARTMENT, department, LedgerMetaData.ACTOR_USER, user);
    }

    public static Map<String, String> of(LedgerPrincipal principal) {
        return of(principal.department(), principal.username());
    }
}
