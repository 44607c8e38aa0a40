package org.drledger.command.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code import_job} and {@code import_issue} tables. Joins the caller's transaction when there is one. */
@Component
class ImportJobs {
    enum Status { QUEUED, RUNNING, DONE, REJECTED, FAILED }

    enum Phase { QUEUED, VALIDATING, WRITING, FINISHED }

    /** Per-row outcome, one byte each in {@code row_status}. */
    static final byte ACCEPTED = 'A';
    static final byte REJECTED = 'R';
    static final byte UNCHANGED = 'U';

    record Counts(long processed, long accepted, long rejected, long unchanged, long warnings, long written) {
        static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(processed + o.processed, accepted + o.accepted, rejected + o.rejected,
                    unchanged + o.unchanged, warnings + o.warnings, written + o.written);
        }
    }

    record Job(String importId, String registry, String username, String department, String fileName,
               String sha256, long bytes, boolean partial, boolean dryRun, Status status, Phase phase, long total,
               Counts counts, String createdAt, String startedAt, String finishedAt, String heartbeatAt,
               String message) {
        boolean finished() {
            return status == Status.DONE || status == Status.REJECTED || status == Status.FAILED;
        }
    }

    record Issue(long row, int seq, String severity, String recordId, String field, String rule, String message) {
    }

    private static final String COLUMNS = "import_id, registry, username, department, file_name, file_sha256, "
            + "file_bytes, partial_import, dry_run, status, phase, rows_total, rows_processed, accepted, rejected, "
            + "unchanged, warnings, written, created_at, started_at, finished_at, heartbeat_at, message";

    private final JdbcTemplate jdbc;

    ImportJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void create(Job j) {
        jdbc.update("INSERT INTO import_job (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?)", j.importId(), j.registry(), j.username(), j.department(),
                j.fileName(), j.sha256(), j.bytes(), j.partial(), j.dryRun(), j.status().name(), j.phase().name(),
                j.total(), 0, 0, 0, 0, 0, 0, j.createdAt(), null, null, j.heartbeatAt(), null);
    }

    Optional<Job> find(String importId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM import_job WHERE import_id = ?", ImportJobs::job, importId)
                .stream().findFirst();
    }

    void phase(String importId, Status status, Phase phase, String now) {
        jdbc.update("UPDATE import_job SET status = ?, phase = ?, started_at = COALESCE(started_at, ?), "
                + "heartbeat_at = ? WHERE import_id = ?", status.name(), phase.name(), now, now, importId);
    }

    void progress(String importId, Counts c, String now) {
        jdbc.update("UPDATE import_job SET rows_processed = ?, accepted = ?, rejected = ?, unchanged = ?, warnings = ?, "
                        + "written = ?, heartbeat_at = ? WHERE import_id = ?", c.processed(), c.accepted(),
                c.rejected(), c.unchanged(), c.warnings(), c.written(), now, importId);
    }

    void finish(String importId, Status status, Counts c, byte[] rowStatus, String message, String now) {
        jdbc.update("UPDATE import_job SET status = ?, phase = ?, rows_processed = ?, accepted = ?, rejected = ?, "
                        + "unchanged = ?, warnings = ?, written = ?, row_status = ?, message = ?, finished_at = ?, "
                        + "heartbeat_at = ? WHERE import_id = ?", status.name(), Phase.FINISHED.name(), c.processed(),
                c.accepted(), c.rejected(), c.unchanged(), c.warnings(), c.written(), rowStatus,
                truncate(message, 2000), now, now, importId);
    }

    /** Marks jobs without progress since {@code cutoff} failed (their node stopped); returns their ids. */
    List<String> failStale(String cutoff, String now) {
        List<String> ids = jdbc.queryForList("SELECT import_id FROM import_job WHERE status IN ('QUEUED', 'RUNNING') "
                + "AND heartbeat_at < ?", String.class, cutoff);
        for (String id : ids) {
            jdbc.update("UPDATE import_job SET status = 'FAILED', phase = 'FINISHED', finished_at = ?, message = ? "
                    + "WHERE import_id = ? AND status IN ('QUEUED', 'RUNNING')", now, "interrupted: no progress since "
                    + cutoff + " (the server stopped); import the file again, unchanged rows write nothing", id);
        }
        return ids;
    }

    List<String> active() {
        return jdbc.queryForList("SELECT import_id FROM import_job WHERE status IN ('QUEUED', 'RUNNING')", String.class);
    }

    void issues(String importId, List<Issue> issues) {
        if (issues.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO import_issue (import_id, row_no, seq, severity, record_id, field, rule, message) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", issues, 500, (ps, i) -> {
                    ps.setString(1, importId);
                    ps.setLong(2, i.row());
                    ps.setInt(3, i.seq());
                    ps.setString(4, i.severity());
                    ps.setString(5, truncate(i.recordId(), 255));
                    ps.setString(6, truncate(i.field(), 100));
                    ps.setString(7, truncate(i.rule(), 100));
                    ps.setString(8, truncate(i.message(), 2000));
                });
    }

    List<Issue> issues(String importId, long fromRow, long toRow) {
        return jdbc.query("SELECT row_no, seq, severity, record_id, field, rule, message FROM import_issue "
                        + "WHERE import_id = ? AND row_no >= ? AND row_no <= ? ORDER BY row_no, seq",
                (rs, n) -> new Issue(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)), importId, fromRow, toRow);
    }

    Optional<byte[]> rowStatus(String importId) {
        List<byte[]> b = new ArrayList<>();
        jdbc.query("SELECT row_status FROM import_job WHERE import_id = ?", rs -> {
            b.add(rs.getBytes(1));
        }, importId);
        return b.isEmpty() ? Optional.empty() : Optional.ofNullable(b.get(0));
    }

    private static Job job(ResultSet rs, int n) throws SQLException {
        return new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getBoolean(8), rs.getBoolean(9), Status.valueOf(rs.getString(10)),
                Phase.valueOf(rs.getString(11)), rs.getLong(12), new Counts(rs.getLong(13), rs.getLong(14),
                rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getLong(18)), rs.getString(19), rs.getString(20),
                rs.getString(21), rs.getString(22), rs.getString(23));
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
