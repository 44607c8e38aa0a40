package org.drledger.server.query;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.entry.Actor;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.EntrySigner;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.entry.StreamId;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.merkle.MerkleHasher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test set-up only: writes kernel-signed entries straight into {@code domain_event_entry} and {@code merkle_leaf}
 * (no command side, no sealer), so runner tests choose the leaf order, gaps and timing themselves.
 */
final class SyntheticLedger {
    static final String LEDGER = "drl-test";
    static final String DEPARTMENT = "office";

    private final JdbcTemplate jdbc;
    private final SigningKey key = CryptoSuites.ED25519_SHA256.generateKey(new SecureRandom(new byte[]{1}));
    private final MerkleHasher hasher = new MerkleHasher(CryptoSuites.ED25519_SHA256.hash());
    private final Map<String, String> prevs = new HashMap<>();
    private final Map<String, Long> seqs = new HashMap<>();
    private final Map<Long, SignedEntry> leafData = new HashMap<>();
    private long globalIndex;

    SyntheticLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.update("INSERT INTO ledger_info (ledger_id, suite, origin, log_key_vkey, root_department, genesis_event) "
                + "VALUES (?, 'ed25519-sha256', 'test/origin', 'vkey', ?, 'genesis')", LEDGER, DEPARTMENT);
    }

    /** Appends an event row (not yet a leaf); returns its global index. */
    long event(String stream, String type, int n) {
        long seq = seqs.merge(stream, 1L, Long::sum) - 1;
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("n", n);
        Entry e = new Entry(LEDGER, new StreamId("Probe", stream), seq, type, 1,
                Instant.parse("2023-01-01T00:00:00Z").plusSeconds(n), new Actor(DEPARTMENT, "tester"), payload,
                prevs.getOrDefault(stream, Entry.GENESIS_PREV), key.verifyingKey().keyId());
        SignedEntry s = EntrySigner.sign(e, key);
        prevs.put(stream, s.hashHex());
        ObjectNode meta = JsonNodeFactory.instance.objectNode()
                .put("drl.actor.department", DEPARTMENT).put("drl.actor.user", "tester")
                .put("drl.time", e.timeText()).put("drl.schema", "1").put("drl.prev", e.prev())
                .put("drl.key", e.keyId()).put("drl.hash", s.hashHex()).put("drl.sig", Hex.encode(s.signature()));
        long g = ++globalIndex;
        jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                        + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                        + "VALUES (?, ?, ?, ?, 'Probe', ?, ?, NULL, ?, ?)", g, "ev-" + g, stream, seq, e.timeText(),
                "org.drledger.test." + type, CanonicalJson.write(payload), CanonicalJson.write(meta));
        leafData.put(g, s);
        return g;
    }

    /** Seals an event row as a leaf at a chosen index. */
    void leaf(long leafIndex, long globalIndex) {
        SignedEntry s = leafData.get(globalIndex);
        String stream = jdbc.queryForObject("SELECT aggregate_identifier FROM domain_event_entry WHERE global_index = ?",
                String.class, globalIndex);
        Long seq = jdbc.queryForObject("SELECT sequence_number FROM domain_event_entry WHERE global_index = ?",
                Long.class, globalIndex);
        jdbc.update("INSERT INTO merkle_leaf (leaf_index, global_index, aggregate_identifier, sequence_number, "
                + "entry_hash, leaf_hash) VALUES (?, ?, ?, ?, ?, ?)", leafIndex, globalIndex, stream, seq,
                s.hashHex(), hasher.leafHash(s.leafData()));
    }

    /** Appends {@code count} events and seals them in order as leaves {@code from..from+count-1}. */
    void sealed(long from, int count) {
        for (int i = 0; i < count; i++) {
            long g = event("s" + ((from + i) % 5), "Probed", (int) (from + i));
            leaf(from + i, g);
        }
    }
}
