package org.drledger.query.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.drledger.command.support.CommandRefusedException;

/**
 * What an investigator filters the trail by; null = any. {@code from}/{@code to}: an ISO instant
 * ({@code 2023-08-23T02:00:00Z}; from inclusive, to exclusive) or a date ({@code 2023-08-23}, a day in Asia/Shanghai
 * like every business date; from its start, to its end inclusive).
 */
public record AuditFilter(String actor, String department, String streamType, String streamId, String eventType,
                          String task, String entity, String officer, Long fromMillis, Long toMillis) {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public static AuditFilter of(String actor, String department, String streamType, String streamId,
                                 String eventType, String task, String entity, String officer, String from,
                                 String to) {
        return new AuditFilter(blank(actor), blank(department), blank(streamType), blank(streamId), blank(eventType),
                blank(task), blank(entity), blank(officer), time("from", from, false), time("to", to, true));
    }

    AuditFilter withDepartment(String d) {
        return new AuditFilter(actor, d, streamType, streamId, eventType, task, entity, officer, fromMillis,
                toMillis);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Long time(String field, String value, boolean end) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (end ? d.plusDays(1) : d).atStartOfDay(CHINA).toInstant().toEpochMilli();
            }
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new CommandRefusedException(field, "bad-time",
                    "expected a date (2023-08-23) or an instant (2023-08-23T02:00:00Z), was " + v);
        }
    }
}
