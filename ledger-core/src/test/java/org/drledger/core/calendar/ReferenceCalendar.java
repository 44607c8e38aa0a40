package org.drledger.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A slow, independent reference for tests: its own transcription of the domain-reference §5 table, in the table's
 * range notation, and a day-by-day walk. It shares no code or data with the production calendar.
 */
final class ReferenceCalendar {
    /** year, OFF, WORK — literally as in domain-reference §5 (2020 with the 国办发明电〔2020〕1号 extension). */
    static final String[][] TABLE = {
        {"2020", "01-01; 01-24..02-02; 04-04..06; 05-01..05; 06-25..27; 10-01..08",
            "01-19; 04-26; 05-09; 06-28; 09-27; 10-10"},
        {"2021", "01-01..03; 02-11..17; 04-03..05; 05-01..05; 06-12..14; 09-19..21; 10-01..07",
            "02-07; 02-20; 04-25; 05-08; 09-18; 09-26; 10-09"},
        {"2022", "01-01..03; 01-31..02-06; 04-03..05; 04-30..05-04; 06-03..05; 09-10..12; 10-01..07",
            "01-29; 01-30; 04-02; 04-24; 05-07; 10-08; 10-09"},
        {"2023", "2022-12-31..01-02; 01-21..27; 04-05; 04-29..05-03; 06-22..24; 09-29..10-06",
            "01-28; 01-29; 04-23; 05-06; 06-25; 10-07; 10-08"},
        {"2024", "01-01; 02-10..17; 04-04..06; 05-01..05; 06-10; 09-15..17; 10-01..07",
            "02-04; 02-18; 04-07; 04-28; 05-11; 09-14; 09-29; 10-12"},
        {"2025", "01-01; 01-28..02-04; 04-04..06; 05-01..05; 05-31..06-02; 10-01..08",
            "01-26; 02-08; 04-27; 09-28; 10-11"},
        {"2026", "01-01..03; 02-15..23; 04-04..06; 05-01..05; 06-19..21; 09-25..27; 10-01..07",
            "01-04; 02-14; 02-28; 05-09; 09-20; 10-10"},
    };
    static final LocalDate FIRST = LocalDate.of(2020, 1, 1);
    static final LocalDate LAST = LocalDate.of(2026, 12, 31);

    final Set<LocalDate> off = new HashSet<>();
    final Set<LocalDate> work = new HashSet<>();

    ReferenceCalendar() {
        for (String[] row : TABLE) {
            int year = Integer.parseInt(row[0]);
            off.addAll(expand(year, row[1]));
            work.addAll(expand(year, row[2]));
        }
    }

    /** Expands "MM-DD", "MM-DD..DD", "MM-DD..MM-DD" and "YYYY-MM-DD..MM-DD" items; each end inclusive. */
    static List<LocalDate> expand(int year, String items) {
        List<LocalDate> out = new ArrayList<>();
        for (String item : items.split(";")) {
            String[] ends = item.trim().split("\\.\\.");
            LocalDate a = end(year, ends[0], null);
            LocalDate b = ends.length == 1 ? a : end(year, ends[1], a);
            for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
                out.add(d);
            }
        }
        return out;
    }

    private static LocalDate end(int year, String s, LocalDate from) {
        String[] p = s.split("-");
        return switch (p.length) {
            case 3 -> LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            case 2 -> LocalDate.of(year, Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            default -> LocalDate.of(from.getYear(), from.getMonthValue(), Integer.parseInt(p[0]));
        };
    }

    /** The reference's own out-of-coverage signal. */
    static final class Uncovered extends RuntimeException {
        final LocalDate date;

        Uncovered(LocalDate date) {
            super("uncovered " + date);
            this.date = date;
        }
    }

    boolean isWorkingDay(LocalDate d) {
        if (d.getYear() < 2020 || d.getYear() > 2026) {
            throw new Uncovered(d);
        }
        if (work.contains(d)) {
            return true;
        }
        return !off.contains(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    LocalDate add(LocalDate start, int n) {
        isWorkingDay(start); // coverage of the start day
        LocalDate d = start;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    int between(LocalDate a, LocalDate b) {
        isWorkingDay(a);
        isWorkingDay(b);
        int sign = 1;
        if (b.isBefore(a)) {
            LocalDate t = a;
            a = b;
            b = t;
            sign = -1;
        }
        int n = 0;
        for (LocalDate d = b; d.isAfter(a); d = d.minusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return sign * n;
    }
}
