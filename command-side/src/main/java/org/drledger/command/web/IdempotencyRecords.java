package org.drledger.command.web;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows of {@code idempotency_record}, one per (key, user). A row is inserted first as a reservation (status 0)
 * and completed with the response in the same transaction, so no other transaction ever sees a reservation
 * unless the database is read uncommitted.
 */
final class IdempotencyRecords {
    static final int RESERVED = 0;

    record Record(String requestHash, int status, String contentType, byte[] body) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Record> find(String key, String user) {
        return jdbc.query("SELECT request_hash, status, content_type, body FROM idempotency_record "
                        + "WHERE idem_key = ? AND username = ?",
                (rs, i) -> new Record(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBytes(4)), key, user)
                .stream().findFirst();
    }

    /** Takes the key; a concurrent holder makes this wait, then fail on the primary key once it commits. */
    void reserve(String key, String user, String requestHash, Instant now) {
        jdbc.update("INSERT INTO idempotency_record (idem_key, username, request_hash, status, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", key, user, requestHash, RESERVED, now.toString());
    }

    void complete(String key, String user, int status, String contentType, byte[] body) {
        jdbc.update("UPDATE idempotency_record SET status = ?, content_type = ?, body = ? "
                + "WHERE idem_key = ? AND username = ?", status, contentType, body, key, user);
    }

    void release(String key, String user) {
        jdbc.update("DELETE FROM idempotency_record WHERE idem_key = ? AND username = ?", key, user);
    }
}
