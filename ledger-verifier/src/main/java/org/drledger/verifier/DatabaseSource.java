package org.drledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import org.drledger.core.FormatException;
import org.drledger.core.bundle.BundleKind;
import org.drledger.core.bundle.BundleLines;
import org.drledger.core.bundle.BundleManifest;
import org.drledger.core.bytes.Hex;
import org.drledger.core.checkpoint.SignedNote;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.entry.Actor;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.entry.StreamId;
import org.drledger.core.entry.TrustEntries;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.merkle.MerkleHasher;
import org.drledger.core.merkle.ProofGenerator;

/**
 * A ledger database read directly, read-only, as if it were a {@code public-ledger} bundle: the lines of
 * {@code entries.jsonl} are made from {@code merkle_leaf} joined with {@code domain_event_entry} in leaf order (the
 * signed entry rebuilt from the row's columns and its {@code drl.*} metadata, docs/ledger-format.md §8), those of
 * {@code trust.jsonl} from the same rows filtered to trust entries, those of {@code checkpoints.jsonl} from
 * {@code checkpoint} with the cosignatures of {@code checkpoint_cosignature} and a consistency proof from the
 * previous checkpoint computed from {@code merkle_node} (a proof from storage is only a claim: the verifier checks it
 * against both signed roots). The identity comes from {@code ledger_info} and is then checked against the signed
 * genesis entry. Reads page by page (keyset pagination), so memory does not grow with the ledger; one REPEATABLE READ
 * transaction on a read-only connection gives every pass the same snapshot. Same SQL on H2 and PostgreSQL.
 */
final class DatabaseSource implements LedgerSource {
    static final int PAGE = 2_000;
    private static final String LEAF_SELECT = "SELECT l.leaf_index, e.type, e.aggregate_identifier, "
            + "e.sequence_number, e.payload_type, e.payload, e.meta_data FROM merkle_leaf l "
            + "LEFT JOIN domain_event_entry e ON e.global_index = l.global_index WHERE l.leaf_index > ? ";

    private final Connection db;
    private final BundleManifest manifest;
    private final MerkleHasher hasher;

    DatabaseSource(Connection db) throws SQLException, UnusableInputException {
        this.db = db;
        db.setReadOnly(true);
        db.setAutoCommit(false);
        db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        List<String[]> info = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement("SELECT ledger_id, suite, origin, log_key_vkey FROM ledger_info");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                info.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        if (info.size() != 1) {
            throw new UnusableInputException("no-ledger", "ledger_info", "the database holds " + info.size()
                    + " ledger_info rows; expected exactly one (an initialized ledger)", null);
        }
        String[] i = info.get(0);
        manifest = new BundleManifest(BundleKind.PUBLIC_LEDGER, i[0], i[1], i[2], i[3], null, List.of());
        try {
            hasher = new MerkleHasher(CryptoSuites.byId(i[1]).hash());
        } catch (FormatException e) {
            throw new UnusableInputException(e.rule(), "ledger_info.suite", e.getMessage(), e);
        }
    }

    @Override
    public BundleManifest manifest() {
        return manifest;
    }

    @Override
    public boolean describesFiles() {
        return false;
    }

    @Override
    public Lines lines(String name) {
        return switch (name) {
            case BundleManifest.ENTRIES -> new EntryLines(false);
            case BundleManifest.TRUST -> new EntryLines(true);
            case BundleManifest.CHECKPOINTS -> new CheckpointLines();
            default -> new Paged() {
                @Override
                long fetch(long after, Deque<byte[]> into) {
                    return after;
                }
            };
        };
    }

    @Override
    public void close() throws IOException {
        try {
            db.rollback();
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    /** Lines fetched a page at a time by a key ({@code after}). */
    private abstract class Paged implements Lines {
        private final Deque<byte[]> page = new ArrayDeque<>();
        private long after = -1;
        private boolean done;
        private long line;

        /** Fills {@code into} with the next page after key {@code after}; returns the new key. */
        abstract long fetch(long after, Deque<byte[]> into) throws SQLException;

        @Override
        public boolean hasNext() {
            if (page.isEmpty() && !done) {
                try {
                    long next = fetch(after, page);
                    done = page.isEmpty() || next == after;
                    after = next;
                } catch (SQLException e) {
                    throw new IllegalStateException("database read failed: " + e.getMessage(), e);
                }
            }
            return !page.isEmpty();
        }

        @Override
        public byte[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            line++;
            return page.pollFirst();
        }

        @Override
        public long lineNumber() {
            return line;
        }

        @Override
        public BundleManifest.FileInfo actual() {
            return new BundleManifest.FileInfo("database", "", 0, line);
        }

        @Override
        public void close() {
        }
    }

    private final class EntryLines extends Paged {
        private final boolean trustOnly;

        EntryLines(boolean trustOnly) {
            this.trustOnly = trustOnly;
        }

        @Override
        long fetch(long after, Deque<byte[]> into) throws SQLException {
            String sql = LEAF_SELECT + (trustOnly ? "AND (e.payload_type LIKE '%LedgerInitialized' "
                    + "OR e.payload_type LIKE '%DepartmentKey%' OR e.payload_type LIKE '%Witness%') " : "")
                    + "ORDER BY l.leaf_index LIMIT " + PAGE;
            long last = after;
            try (PreparedStatement st = db.prepareStatement(sql)) {
                st.setLong(1, after);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        byte[] line = line(last, rs);
                        if (line != null) {
                            into.add(line);
                        }
                    }
                }
            }
            return last;
        }

        private byte[] line(long leaf, ResultSet rs) throws SQLException {
            if (rs.getString(2) == null) {
                return ("{\"leafIndex\":" + leaf + ",\"missing\":\"no domain_event_entry row for this leaf\"}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            SignedEntry s;
            try {
                s = rebuild(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getBytes(6),
                        rs.getBytes(7));
            } catch (RuntimeException e) {
                String why = String.valueOf(e.getMessage()).replace('"', '\'').replace('\\', '/');
                return ("{\"leafIndex\":" + leaf + ",\"unreadable\":\"" + why + "\"}").getBytes(StandardCharsets.UTF_8);
            }
            if (trustOnly && !TrustEntries.isTrustEntry(s.entry().type())) {
                return null;
            }
            return new BundleLines.EntryLine(leaf, s, null).toCanonicalJson();
        }
    }

    /** The signed entry of one event row: envelope from the columns and the {@code drl.*} metadata. */
    private SignedEntry rebuild(String aggregateType, String aggregateId, long seq, String payloadType,
                                byte[] payload, byte[] metaData) {
        JsonNode meta = CanonicalJson.parse(metaData);
        JsonNode p = CanonicalJson.parse(payload);
        if (!p.isObject()) {
            throw new IllegalArgumentException("payload is not a JSON object");
        }
        int dot = Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$'));
        Entry e = new Entry(manifest.ledgerId(), new StreamId(aggregateType, aggregateId), seq,
                payloadType.substring(dot + 1), Integer.parseInt(text(meta, "drl.schema")),
                Instant.parse(text(meta, "drl.time")), new Actor(text(meta, "drl.actor.department"),
                text(meta, "drl.actor.user")), (ObjectNode) p, text(meta, "drl.prev"), text(meta, "drl.key"));
        return new SignedEntry(e, e.canonicalBytes(), Hex.decode(text(meta, "drl.hash"), 32),
                Hex.decode(text(meta, "drl.sig")));
    }

    private static String text(JsonNode meta, String key) {
        JsonNode v = meta.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("ledger metadata " + key + " is missing");
        }
        return v.textValue();
    }

    private final class CheckpointLines extends Paged {
        private long prevSize = -1;

        @Override
        long fetch(long after, Deque<byte[]> into) throws SQLException {
            long last = after;
            List<long[]> sizes = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            try (PreparedStatement st = db.prepareStatement("SELECT tree_size, note FROM checkpoint WHERE tree_size > ? "
                    + "ORDER BY tree_size LIMIT " + PAGE)) {
                st.setLong(1, after);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        sizes.add(new long[]{rs.getLong(1)});
                        notes.add(rs.getString(2));
                    }
                }
            }
            for (int i = 0; i < sizes.size(); i++) {
                long size = sizes.get(i)[0];
                last = size;
                StringBuilder note = new StringBuilder(notes.get(i));
                try (PreparedStatement st = db.prepareStatement("SELECT signature_line FROM checkpoint_cosignature "
                        + "WHERE tree_size = ? ORDER BY witness_name")) {
                    st.setLong(1, size);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            String l = rs.getString(1);
                            note.append(l.endsWith("\n") ? l : l + "\n");
                        }
                    }
                }
                List<byte[]> proof = null;
                if (prevSize >= 0) {
                    try {
                        proof = prevSize == 0 || prevSize == size ? List.of()
                                : new ProofGenerator(hasher, this::node).consistencyProof(prevSize, size);
                    } catch (RuntimeException e) {
                        proof = null; // reported as a checkpoint without a consistency proof
                    }
                }
                try {
                    into.add(new BundleLines.CheckpointLine(SignedNote.parse(note.toString()), proof)
                            .toCanonicalJson());
                } catch (FormatException e) {
                    into.add(("{\"unreadable\":\"checkpoint of size " + size + "\"}").getBytes(StandardCharsets.UTF_8));
                }
                prevSize = size;
            }
            return last;
        }

        private byte[] node(int level, long index) {
            String sql = level == 0 ? "SELECT leaf_hash FROM merkle_leaf WHERE leaf_index = ?"
                    : "SELECT hash FROM merkle_node WHERE level = ? AND node_index = ?";
            try (PreparedStatement st = db.prepareStatement(sql)) {
                if (level == 0) {
                    st.setLong(1, index);
                } else {
                    st.setInt(1, level);
                    st.setLong(2, index);
                }
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("merkle node " + level + "/" + index + " is not stored");
                    }
                    return rs.getBytes(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
