package org.drledger.query.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads the audit trail view: filtered pages in leaf order, one row, an entry's references. */
@Component
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
public class AuditTrail {
    public static final int MAX_PAGE = 200;
    private static final String COLUMNS = "a.leaf_index, a.global_index, a.stream_type, a.stream_id, a.seq, "
            + "a.event_type, a.actor_department, a.actor_user, a.entry_time, a.entry_hash, a.prev, a.key_id, "
            + "a.task_id, a.entity_id, a.officer_id";
    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
            rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
            rs.getString(15));

    private final JdbcTemplate jdbc;

    AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One entry of the trail (time: the entry's signed time, UTC). */
    public record Row(long leafIndex, long globalIndex, String streamType, String streamId, long seq,
                      String eventType, String department, String user, String time, String entryHash, String prev,
                      String keyId, String taskId, String entityId, String officerId) {
    }

    /**
     * A page of matching entries in leaf order: after a leaf index (keyset, preferred for walking a long trail) or
     * at an offset ({@code page * size}); {@code total} counts every match, {@code nextAfter} continues (null at
     * the end).
     */
    public record Page(List<Row> items, int page, int size, long total, Long nextAfter) {
    }

    public Page search(AuditFilter f, Long after, int page, int size) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        eq(where, args, "a.actor_user", f.actor());
        eq(where, args, "a.actor_department", f.department());
        eq(where, args, "a.stream_type", f.streamType());
        eq(where, args, "a.stream_id", f.streamId());
        eq(where, args, "a.event_type", f.eventType());
        ref(where, args, AuditReferences.TASK, f.task());
        ref(where, args, AuditReferences.ENTITY, f.entity());
        ref(where, args, AuditReferences.OFFICER, f.officer());
        if (f.fromMillis() != null) {
            where.append(" AND a.entry_millis >= ?");
            args.add(f.fromMillis());
        }
        if (f.toMillis() != null) {
            where.append(" AND a.entry_millis < ?");
            args.add(f.toMillis());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry a" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        String sql = "SELECT " + COLUMNS + " FROM audit_entry a" + where;
        if (after != null) {
            sql += " AND a.leaf_index > ?";
            pageArgs.add(after);
        }
        sql += " ORDER BY a.leaf_index LIMIT ? OFFSET ?";
        pageArgs.add(size + 1);
        pageArgs.add(after != null ? 0L : (long) page * size);
        List<Row> rows = jdbc.query(sql, ROW, pageArgs.toArray());
        Long next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = rows.get(size - 1).leafIndex();
        }
        return new Page(List.copyOf(rows), page, size, total == null ? 0 : total, next);
    }

    public Optional<Row> entry(long leafIndex) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry a WHERE a.leaf_index = ?", ROW, leafIndex)
                .stream().findFirst();
    }

    public List<AuditReferences.Reference> references(long leafIndex) {
        return jdbc.query("SELECT kind, ref_id FROM audit_reference WHERE leaf_index = ? ORDER BY kind, ref_id",
                (rs, i) -> new AuditReferences.Reference(rs.getString(1), rs.getString(2)), leafIndex);
    }

    /** The leaf of a task's {@code PopulationFrozen} entry, when the view has one. */
    public Optional<Long> leafOf(String eventType, String taskId) {
        return jdbc.queryForList("SELECT leaf_index FROM audit_entry WHERE event_type = ? AND task_id = ? "
                + "ORDER BY leaf_index LIMIT 1", Long.class, eventType, taskId).stream().findFirst();
    }

    private static void eq(StringBuilder where, List<Object> args, String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static void ref(StringBuilder where, List<Object> args, String kind, String value) {
        if (value != null) {
            where.append(" AND a.leaf_index IN (SELECT r.leaf_index FROM audit_reference r WHERE r.kind = ? "
                    + "AND r.ref_id = ?)");
            args.add(kind);
            args.add(value);
        }
    }
}
