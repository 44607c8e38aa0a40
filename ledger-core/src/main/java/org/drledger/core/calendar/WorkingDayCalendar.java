package org.drledger.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PRC working-day calendar for state organs: a day is a working day when it is Monday–Friday and not a
 * statutory holiday (放假) of a 国务院办公厅 arrangement notice, or when it is a make-up workday (调休上班).
 * Weekends follow 国务院关于职工工作时间的规定 第七条 (Saturday and Sunday are rest days).
 *
 * <p>Counting follows 民法典 第二百零一条: the start day is not counted. 第二百零三条 (a period whose last day is
 * a statutory holiday ends on the next working day) needs no extra step here, because the n-th working day is a
 * working day by construction.
 *
 * <p>Every date looked at, the start date included, must lie within the data's coverage; otherwise a
 * {@link CalendarCoverageException} is thrown. Instances are immutable and thread-safe.
 */
public final class WorkingDayCalendar {
    /** The newest built-in PRC calendar version. */
    public static final int PRC_LATEST_VERSION = 1;
    private static final String PRC_RESOURCE = "prc-working-days-v%d.json";
    private static final ConcurrentHashMap<Integer, WorkingDayCalendar> BUILT_IN = new ConcurrentHashMap<>();

    private final CalendarData data;

    private WorkingDayCalendar(CalendarData data) {
        this.data = data;
    }

    /** The newest built-in PRC calendar. */
    public static WorkingDayCalendar prc() {
        return prc(PRC_LATEST_VERSION);
    }

    /** A built-in PRC calendar version, kept so that deadlines computed under it stay explainable. */
    public static WorkingDayCalendar prc(int version) {
        if (version < 1 || version > PRC_LATEST_VERSION) {
            throw new CalendarDataException("unknown-calendar-version", "",
                    "no built-in PRC calendar version " + version + " (1.." + PRC_LATEST_VERSION + ")");
        }
        return BUILT_IN.computeIfAbsent(version, v -> load(resource(String.format(PRC_RESOURCE, v))));
    }

    /**
     * The built-in calendar a deadline recorded: same id, version and digest, or a {@link CalendarDataException}
     * ({@code unknown-calendar-version} / {@code digest-mismatch}).
     */
    public static WorkingDayCalendar prc(CalendarRef recorded) {
        WorkingDayCalendar cal = prc(recorded.version());
        if (!cal.ref().equals(recorded)) {
            throw new CalendarDataException("digest-mismatch", "", "recorded calendar " + recorded
                    + " does not match the built-in " + cal.ref());
        }
        return cal;
    }

    /** Loads and validates a calendar document (UTF-8 JSON); throws {@link CalendarDataException}. */
    public static WorkingDayCalendar load(byte[] json) {
        return new WorkingDayCalendar(CalendarData.parse(Objects.requireNonNull(json, "json")));
    }

    private static byte[] resource(String name) {
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing calendar resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CalendarRef ref() {
        return data.ref;
    }

    public LocalDate coverageFirst() {
        return data.first;
    }

    public LocalDate coverageLast() {
        return data.last;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(data.first) && !date.isAfter(data.last);
    }

    public DayKind dayKind(LocalDate date) {
        return kind(date, "");
    }

    /** The name of the holiday (e.g. 春节) when the date is a statutory holiday day. */
    public Optional<String> holidayName(LocalDate date) {
        require(date, "");
        return Optional.ofNullable(data.off.get(date));
    }

    public boolean isWorkingDay(LocalDate date) {
        return kind(date, "").isWorkingDay();
    }

    /**
     * The n-th working day strictly after {@code start} (民法典 201: the start day is not counted), for n ≥ 1.
     * {@code start} may be any covered day, working or not.
     *
     * @throws IllegalArgumentException n &lt; 1 (a period of zero working days has no last day)
     * @throws CalendarCoverageException start or a day up to the result is outside the coverage
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1 working day, was " + n);
        }
        String context = "counting " + n + " working days after " + start;
        require(start, context);
        LocalDate d = start;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (kind(d, context).isWorkingDay()) {
                counted++;
            }
        }
        return d;
    }

    /**
     * The number of working days in the half-open interval (a, b]; negative (−count of (b, a]) when b &lt; a, so
     * that {@code workingDaysBetween(s, addWorkingDays(s, n)) == n}. Both ends must be covered.
     */
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (b.isBefore(a)) {
            return -workingDaysBetween(b, a);
        }
        String context = "counting working days in (" + a + ", " + b + "]";
        require(a, context);
        require(b, context);
        int count = 0;
        for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
            if (kind(d, context).isWorkingDay()) {
                count++;
            }
        }
        return count;
    }

    private DayKind kind(LocalDate date, String context) {
        require(date, context);
        if (data.work.contains(date)) {
            return DayKind.MAKE_UP_WORKDAY;
        }
        if (data.off.containsKey(date)) {
            return DayKind.HOLIDAY;
        }
        return CalendarData.isWeekend(date) ? DayKind.WEEKEND : DayKind.WORKDAY;
    }

    private void require(LocalDate date, String context) {
        Objects.requireNonNull(date, "date");
        if (!covers(date)) {
            throw new CalendarCoverageException(date, data.ref, data.first, data.last, context);
        }
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar[" + data.ref.calendarId() + " v" + data.ref.version() + ", " + data.first + ".."
                + data.last + ", sha256=" + data.ref.sha256() + "]";
    }
}
