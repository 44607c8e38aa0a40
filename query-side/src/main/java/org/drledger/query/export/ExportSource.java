package org.drledger.query.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.drledger.command.ledger.StoredEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The export's reads: keyset pages of leaves joined to their event rows (same SQL on H2 and PostgreSQL), so a ledger
 * of any size streams through in bounded memory, and the checkpoints up to the export point.
 */
@Repository
class ExportSource {
    /** Rows per keyset page ({@code ledger.export.page-size}, default 500). */
    static final String PAGE_SIZE = "${ledger.export.page-size:500}";
    private static final String LEAF_COLUMNS = "SELECT l.leaf_index, e.global_index, e.type, e.aggregate_identifier, "
            + "e.sequence_number, e.payload_type, e.payload_revision, e.payload, e.meta_data FROM merkle_leaf l "
            + "JOIN domain_event_entry e ON e.global_index = l.global_index ";

    private final JdbcTemplate jdbc;
    private final int page;

    ExportSource(JdbcTemplate jdbc, @Value(PAGE_SIZE) int page) {
        if (page < 1) {
            throw new IllegalArgumentException("ledger.export.page-size must be at least 1");
        }
        this.jdbc = jdbc;
        this.page = page;
    }

    int pageSize() {
        return page;
    }

    record LedgerInfo(String ledgerId, String suite, String origin, String logKeyVkey) {
    }

    /** A leaf with its stored event row. */
    record Leaf(long leafIndex, StoredEntry.Row row) {
        String streamId() {
            return row.aggregateId();
        }

        String type() {
            return StoredEntry.eventType(row.payloadType());
        }
    }

    record CheckpointRow(long treeSize, String note) {
    }

    /**
     * Which leaves a bundle takes: an SQL pre-filter over {@code l} (merkle_leaf) and {@code e} (domain_event_entry)
     * and the exact rule in Java (LIKE patterns only narrow the scan).
     */
    record Selection(String where, List<Object> args, Predicate<Leaf> exact) {
        static Selection all() {
            return new Selection("1 = 1", List.of(), l -> true);
        }
    }

    Optional<LedgerInfo> ledger() {
        return jdbc.query("SELECT ledger_id, suite, origin, log_key_vkey FROM ledger_info",
                (rs, i) -> new LedgerInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .stream().findFirst();
    }

    /**
     * Feeds every selected leaf below {@code bound} in leaf order, page by page; {@code scanned} hears the highest
     * leaf index read so far (for progress).
     */
    void leaves(long bound, Selection s, Consumer<Leaf> sink, Consumer<Long> scanned) {
        long after = -1;
        while (true) {
            List<Object> args = new ArrayList<>();
            args.add(after);
            args.add(bound);
            args.addAll(s.args());
            args.add(this.page);
            List<Leaf> rows = jdbc.query(LEAF_COLUMNS + "WHERE l.leaf_index > ? AND l.leaf_index < ? AND (" + s.where()
                    + ") ORDER BY l.leaf_index LIMIT ?", (rs, i) -> new Leaf(rs.getLong(1), new StoredEntry.Row(
                    rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                    rs.getBytes(8), rs.getBytes(9))), args.toArray());
            for (Leaf l : rows) {
                if (s.exact().test(l)) {
                    sink.accept(l);
                }
            }
            if (rows.size() < this.page) {
                scanned.accept(bound - 1);
                return;
            }
            after = rows.get(rows.size() - 1).leafIndex();
            scanned.accept(after);
        }
    }

    /** Every leaf of one stream below {@code bound}, in leaf order (a task or result stream is small). */
    List<Leaf> stream(String streamId, long bound) {
        List<Leaf> out = new ArrayList<>();
        leaves(bound, new Selection("l.aggregate_identifier = ?", List.of(streamId), l -> true), out::add, x -> {
        });
        return out;
    }

    boolean streamExists(String streamId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Integer.class, streamId);
        return n != null && n > 0;
    }

    /** Checkpoints with {@code after < tree_size <= bound}, smallest first, one page. */
    List<CheckpointRow> checkpoints(long after, long bound) {
        return jdbc.query("SELECT tree_size, note FROM checkpoint WHERE tree_size > ? AND tree_size <= ? "
                        + "ORDER BY tree_size LIMIT ?", (rs, i) -> new CheckpointRow(rs.getLong(1), rs.getString(2)),
                after, bound, page);
    }
}
