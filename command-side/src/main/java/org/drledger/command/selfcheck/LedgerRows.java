package org.drledger.command.selfcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.drledger.command.ledger.StoredEntry;
import org.drledger.command.sealer.Sealer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The self-check's reads, page by page (keyset pagination on the ordering column), so a ledger of any size
 * streams through in bounded memory. Same SQL on H2 and PostgreSQL.
 */
final class LedgerRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT_COLUMNS = "e.global_index, e.type, e.aggregate_identifier, e.sequence_number, "
            + "e.payload_type, e.payload_revision, e.payload, e.meta_data";

    private final JdbcTemplate jdbc;
    private final int page;

    LedgerRows(JdbcTemplate jdbc, int page) {
        this.jdbc = jdbc;
        this.page = page;
    }

    record LedgerInfo(String ledgerId, String suite, String origin, String logKeyVkey, String rootDepartment) {
    }

    /** A leaf row with the event row it points at ({@code event} is null when that row is missing). */
    record LeafRow(long leafIndex, long globalIndex, String aggregateId, long sequence, String entryHash,
                   byte[] leafHash, StoredEntry.Row event) {
    }

    record CheckpointRow(long treeSize, byte[] root, long signedAt, String note) {
    }

    record CosignatureRow(String witness, long cosignedAt, String signatureLine) {
    }

    record WitnessRow(String name, String vkey, String keyId, boolean active) {
    }

    /** An event row without a leaf. */
    record OrphanRow(long globalIndex, String aggregateType, String aggregateId, long sequence) {
    }

    /**
     * How far the sealer has read the event store: every event at or below {@code index}, except the gaps it is
     * still waiting for, has been given a leaf. {@code index} is -1 when the sealer has not started.
     */
    record SealerPosition(long index, Set<Long> gaps) {
        boolean covers(long globalIndex) {
            return globalIndex <= index && !gaps.contains(globalIndex);
        }
    }

    List<LedgerInfo> ledgerInfo() {
        return jdbc.query("SELECT ledger_id, suite, origin, log_key_vkey, root_department FROM ledger_info",
                (rs, i) -> new LedgerInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
    }

    /** One past the highest leaf index (the log size if no leaf is missing). */
    long leafBound() {
        Long max = jdbc.queryForObject("SELECT MAX(leaf_index) FROM merkle_leaf", Long.class);
        return max == null ? 0 : max + 1;
    }

    long checkpointBound() {
        Long max = jdbc.queryForObject("SELECT MAX(tree_size) FROM checkpoint", Long.class);
        return max == null ? -1 : max;
    }

    /** Leaves with {@code after < leaf_index < bound}, joined with their event rows, in leaf order. */
    List<LeafRow> leaves(long after, long bound) {
        return jdbc.query("SELECT l.leaf_index, l.global_index, l.aggregate_identifier, l.sequence_number, "
                        + "l.entry_hash, l.leaf_hash, " + EVENT_COLUMNS + " FROM merkle_leaf l "
                        + "LEFT JOIN domain_event_entry e ON e.global_index = l.global_index "
                        + "WHERE l.leaf_index > ? AND l.leaf_index < ? ORDER BY l.leaf_index LIMIT ?",
                (rs, i) -> new LeafRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getBytes(6), rs.getObject(7) == null ? null : event(rs, 7)),
                after, bound, page);
    }

    /**
     * Leaves whose event may be a key lifecycle entry (genesis or a department key event), in leaf order. A
     * pre-filter only: the signed entry type decides, and a row whose type was altered fails its own hash.
     */
    List<LeafRow> keyLeaves(long after, long bound) {
        return jdbc.query("SELECT l.leaf_index, l.global_index, l.aggregate_identifier, l.sequence_number, "
                        + "l.entry_hash, l.leaf_hash, " + EVENT_COLUMNS + " FROM merkle_leaf l "
                        + "JOIN domain_event_entry e ON e.global_index = l.global_index "
                        + "WHERE l.leaf_index > ? AND l.leaf_index < ? "
                        + "AND (e.payload_type LIKE '%LedgerInitialized' OR e.payload_type LIKE '%DepartmentKey%') "
                        + "ORDER BY l.leaf_index LIMIT ?",
                (rs, i) -> new LeafRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getBytes(6), event(rs, 7)),
                after, bound, page);
    }

    /** Checkpoints with {@code after < tree_size <= bound}, smallest first. */
    List<CheckpointRow> checkpoints(long after, long bound) {
        return jdbc.query("SELECT tree_size, root, signed_at, note FROM checkpoint WHERE tree_size > ? AND tree_size <= ? "
                        + "ORDER BY tree_size LIMIT ?",
                (rs, i) -> new CheckpointRow(rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getString(4)),
                after, bound, page);
    }

    List<CosignatureRow> cosignatures(long treeSize) {
        return jdbc.query("SELECT witness_name, cosigned_at, signature_line FROM checkpoint_cosignature "
                        + "WHERE tree_size = ? ORDER BY witness_name",
                (rs, i) -> new CosignatureRow(rs.getString(1), rs.getLong(2), rs.getString(3)), treeSize);
    }

    List<WitnessRow> witnesses() {
        return jdbc.query("SELECT name, vkey, key_id, active FROM witness ORDER BY name",
                (rs, i) -> new WitnessRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
    }

    /** Event rows above {@code after} that no leaf points at, in global index order. */
    List<OrphanRow> eventsWithoutLeaf(long after) {
        return jdbc.query("SELECT e.global_index, e.type, e.aggregate_identifier, e.sequence_number "
                        + "FROM domain_event_entry e WHERE e.global_index > ? "
                        + "AND NOT EXISTS (SELECT 1 FROM merkle_leaf l WHERE l.global_index = e.global_index) "
                        + "ORDER BY e.global_index LIMIT ?",
                (rs, i) -> new OrphanRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)), after, page);
    }

    /**
     * The sealer's position from its tracking token (Axon's gap-aware token as JSON; during a replay, the replay
     * token's current token). Empty when the token cannot be read: then no event without a leaf can be judged.
     */
    Optional<SealerPosition> sealerPosition() {
        List<byte[]> tokens = jdbc.query("SELECT token FROM token_entry WHERE processor_name = ?",
                (rs, i) -> rs.getBytes(1), Sealer.GROUP);
        if (tokens.isEmpty()) {
            return Optional.of(new SealerPosition(-1, Set.of()));
        }
        SealerPosition lowest = null;
        for (byte[] token : tokens) {
            Optional<SealerPosition> p = parseToken(token);
            if (p.isEmpty()) {
                return Optional.empty();
            }
            if (lowest == null || p.get().index() < lowest.index()) {
                lowest = p.get();
            }
        }
        return Optional.of(lowest);
    }

    static Optional<SealerPosition> parseToken(byte[] token) {
        if (token == null) {
            return Optional.of(new SealerPosition(-1, Set.of()));
        }
        try {
            JsonNode t = JSON.readTree(token);
            if (t.has("currentToken")) {
                t = t.get("currentToken");
            }
            if (t == null || t.isNull()) {
                return Optional.of(new SealerPosition(-1, Set.of()));
            }
            JsonNode index = t.get("index");
            if (index == null || !index.canConvertToLong()) {
                return Optional.empty();
            }
            Set<Long> gaps = new HashSet<>();
            JsonNode g = t.get("gaps");
            if (g != null) {
                g.forEach(n -> gaps.add(n.asLong()));
            }
            return Optional.of(new SealerPosition(index.asLong(), gaps));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static StoredEntry.Row event(ResultSet rs, int from) throws SQLException {
        return new StoredEntry.Row(rs.getLong(from), rs.getString(from + 1), rs.getString(from + 2),
                rs.getLong(from + 3), rs.getString(from + 4), rs.getString(from + 5), rs.getBytes(from + 6),
                rs.getBytes(from + 7));
    }
}
