package org.drledger.query.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.SignedEntry;

/**
 * One sealed ledger entry as projections see it: the signed entry (canonical payload, actor, time) and its place in
 * the Merkle log. Projections read the public format, not the command side's Java events, so the views are exactly
 * what the ledger says and could be rebuilt from an exported bundle.
 */
public record LedgerRecord(long leafIndex, long globalIndex, SignedEntry signed) {

    public Entry entry() {
        return signed.entry();
    }

    public String eventType() {
        return signed.entry().type();
    }

    public String streamType() {
        return signed.entry().stream().type();
    }

    public String streamId() {
        return signed.entry().stream().id();
    }

    public long sequence() {
        return signed.entry().seq();
    }

    public ObjectNode payload() {
        return signed.entry().payload();
    }

    /** A payload field as text, or null when absent or JSON null. */
    public String text(String field) {
        JsonNode n = payload().get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    public Instant time() {
        return signed.entry().time();
    }

    public String department() {
        return signed.entry().actor().department();
    }

    public String user() {
        return signed.entry().actor().user();
    }

    public String entryHash() {
        return signed.hashHex();
    }
}
