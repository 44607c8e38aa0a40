package org.drledger.core.calendar;

import org.drledger.core.FormatException;

/**
 * Calendar reference data that is malformed or inconsistent. {@link #rule()} is one of {@code malformed-json},
 * {@code malformed-calendar}, {@code invalid-date}, {@code not-ascending}, {@code coverage-mismatch},
 * {@code date-outside-year}, {@code duplicate-date}, {@code off-and-work}, {@code make-up-not-weekend},
 * {@code holiday-not-contiguous}, {@code holiday-without-weekday}, {@code cancelled-make-up-day},
 * {@code invalid-notice-url}, {@code unknown-calendar-version}, {@code digest-mismatch};
 * {@link #where()} is a JSON pointer into the calendar document where one applies.
 */
public final class CalendarDataException extends FormatException {
    CalendarDataException(String rule, String pointer, String message) {
        super(rule, pointer, message + (pointer == null || pointer.isEmpty() ? "" : " at " + pointer));
    }

    CalendarDataException(String rule, String pointer, String message, Throwable cause) {
        super(rule, pointer, message + (pointer == null || pointer.isEmpty() ? "" : " at " + pointer), cause);
    }
}
