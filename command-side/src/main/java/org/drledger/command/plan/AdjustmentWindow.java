package org.drledger.command.plan;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When the annual plan may be adjusted: the last {@code days} calendar days of each quarter, both ends inclusive
 * (调整时间为每个季度的最后一个星期; with 7 days: 25–31 March, 24–30 June, 24–30 September, 25–31 December). Pure:
 * the date and the length come from the caller.
 */
public final class AdjustmentWindow {
    /** The shortest quarter (January–March of a common year) has 90 days. */
    public static final int MAX_DAYS = 90;

    private AdjustmentWindow() {
    }

    /** A window's first and last day, both inclusive. */
    public record Window(LocalDate from, LocalDate to) {
        public boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /**
     * The window of the quarter {@code day} falls in. As a window ends on its quarter's last day, this is the window
     * open on {@code day} or, when none is, the next one.
     */
    public static Window forQuarterOf(LocalDate day, int days) {
        requireDays(days);
        int lastMonth = (day.getMonthValue() - 1) / 3 * 3 + 3;
        LocalDate end = YearMonth.of(day.getYear(), lastMonth).atEndOfMonth();
        return new Window(end.minusDays(days - 1L), end);
    }

    public static boolean isOpen(LocalDate day, int days) {
        return forQuarterOf(day, days).contains(day);
    }

    public static boolean validDays(int days) {
        return days >= 1 && days <= MAX_DAYS;
    }

    static void requireDays(int days) {
        if (!validDays(days)) {
            throw new IllegalArgumentException("an adjustment window is 1 to " + MAX_DAYS + " days; got " + days);
        }
    }
}
