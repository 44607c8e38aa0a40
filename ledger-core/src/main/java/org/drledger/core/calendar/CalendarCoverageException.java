package org.drledger.core.calendar;

import java.time.LocalDate;
import org.drledger.core.FormatException;

/**
 * A date the calendar has no data for. The calendar never guesses: weekends-only reasoning outside the covered
 * range would silently ignore holidays not yet announced, so the caller must get a calendar version that covers
 * the date. {@link #rule()} is {@code outside-coverage}; {@link #where()} is the ISO date.
 */
public final class CalendarCoverageException extends FormatException {
    private final LocalDate date;
    private final LocalDate coverageFirst;
    private final LocalDate coverageLast;

    CalendarCoverageException(LocalDate date, CalendarRef calendar, LocalDate first, LocalDate last, String context) {
        super("outside-coverage", date.toString(), "date " + date + " is outside the coverage " + first + ".." + last
                + " of calendar " + calendar.calendarId() + " v" + calendar.version()
                + (context.isEmpty() ? "" : " (" + context + ")")
                + "; a calendar version covering it is needed");
        this.date = date;
        this.coverageFirst = first;
        this.coverageLast = last;
    }

    public LocalDate date() {
        return date;
    }

    public LocalDate coverageFirst() {
        return coverageFirst;
    }

    public LocalDate coverageLast() {
        return coverageLast;
    }
}
