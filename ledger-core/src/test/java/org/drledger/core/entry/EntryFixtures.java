package org.drledger.core.entry;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.SigningKey;

/** Builds small signed streams for tests. */
final class EntryFixtures {
    static final String LEDGER = "ziyang-2026";
    static final Instant T0 = Instant.parse("2026-03-02T01:30:00.000Z");

    private EntryFixtures() {
    }

    static ObjectNode payload(String k, String v) {
        return JsonNodeFactory.instance.objectNode().put(k, v);
    }

    static Entry entry(StreamId stream, long seq, String prev, String dept, SigningKey key, ObjectNode payload) {
        return new Entry(LEDGER, stream, seq, "ChecklistItemRevised", 1, T0.plusSeconds(seq), new Actor(dept, "clerk-01"),
                payload, prev, key.verifyingKey().keyId());
    }

    /** {@code n} entries of one stream, each linking to the previous. */
    static java.util.List<SignedEntry> stream(StreamId stream, int n, String dept, SigningKey key) {
        java.util.List<SignedEntry> out = new java.util.ArrayList<>();
        String prev = Entry.GENESIS_PREV;
        for (int i = 0; i < n; i++) {
            SignedEntry s = EntrySigner.sign(entry(stream, i, prev, dept, key, payload("item", "A07-" + i)), key);
            out.add(s);
            prev = Hex.encode(s.hash());
        }
        return out;
    }
}
