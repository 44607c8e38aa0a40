package org.drledger.core.calendar;

import java.util.Objects;

/**
 * Identifies the exact calendar data a deadline was computed with: its id, its version and the SHA-256 (lowercase
 * hex) of the canonical JSON (RFC 8785, {@code CanonicalJson}) of the calendar document. Recording it with a
 * deadline keeps the deadline explainable after the calendar is superseded.
 */
public record CalendarRef(String calendarId, int version, String sha256) {
    public CalendarRef {
        Objects.requireNonNull(calendarId, "calendarId");
        Objects.requireNonNull(sha256, "sha256");
        if (version < 1) {
            throw new IllegalArgumentException("calendar version must be >= 1: " + version);
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits: " + sha256);
        }
    }
}
