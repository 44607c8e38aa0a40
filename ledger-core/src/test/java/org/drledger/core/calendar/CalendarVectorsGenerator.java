package org.drledger.core.calendar;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes docs/test-vectors/calendar/working-days.json and calendar-data.json. Run once from the repository root
 * (argument: the test-vectors directory); the tests then check the implementation reproduces every value.
 * Hand-checked cases carry literal expected dates that the generator refuses to overwrite with computed ones.
 */
public final class CalendarVectorsGenerator {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final ObjectMapper M = new ObjectMapper();

    private CalendarVectorsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/test-vectors").resolve("calendar");
        Files.createDirectories(dir);
        write(dir.resolve("working-days.json"), workingDays());
        write(dir.resolve("calendar-data.json"), CalendarDataFixtures.vectors());
    }

    static void write(Path p, ObjectNode root) throws IOException {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance);
        String text = M.writer(pp).writeValueAsString(root) + "\n";
        Files.writeString(p, text, StandardCharsets.UTF_8);
        System.out.println("wrote " + p);
    }

    /** Hand-checked against the notices; the reasoning is the case desc. {name, start, n, expected, desc}. */
    static final String[][] HAND = {
        {"spring-festival-2020-extended", "2020-01-20", "20", "2020-02-25",
            "Mon 2020-01-20. Counted: 01-21,22,23 (1-3); 01-24..02-02 off (春节 extended by 国办发明电〔2020〕1号; "
                + "the Sat 02-01 make-up day was cancelled); 02-03..07 (4-8); 02-10..14 (9-13); 02-17..21 (14-18); "
                + "02-24 (19); 02-25 Tue (20)."},
        {"spring-festival-2025-make-up-days", "2025-01-24", "20", "2025-02-27",
            "Fri 2025-01-24. 01-25 Sat rest; 01-26 Sun make-up (1); 01-27 Mon (2); 01-28..02-04 off (春节); "
                + "02-05..07 (3-5); 02-08 Sat make-up (6); 02-09 Sun rest; 02-10..14 (7-11); 02-17..21 (12-16); "
                + "02-24,25,26 (17-19); 02-27 Thu (20)."},
        {"year-boundary-2023-2024", "2023-12-29", "20", "2024-01-29",
            "Fri 2023-12-29. 12-30/31 weekend; 2024-01-01 Mon off (元旦); 01-02..05 (1-4); 01-08..12 (5-9); "
                + "01-15..19 (10-14); 01-22..26 (15-19); 01-29 Mon (20)."},
        {"national-day-2026", "2026-09-18", "20", "2026-10-22",
            "Fri 2026-09-18. 09-19 Sat rest; 09-20 Sun make-up (1); 09-21..24 (2-5); 09-25..27 off (中秋节); "
                + "09-28,29,30 (6-8); 10-01..07 off (国庆节); 10-08 Thu, 10-09 Fri (9-10); 10-10 Sat make-up (11); "
                + "10-11 Sun rest; 10-12..16 (12-16); 10-19,20,21 (17-19); 10-22 Thu (20)."},
        {"start-on-holiday", "2024-10-03", "20", "2024-11-01",
            "Start Thu 2024-10-03, a 国庆节 off day; the start day is not counted whatever it is (民法典 201). "
                + "10-04..07 off; 10-08..11 (1-4); 10-12 Sat make-up (5); 10-14..18 (6-10); 10-21..25 (11-15); "
                + "10-28..11-01 (16-20): Fri 2024-11-01."},
        {"start-on-make-up-saturday", "2025-02-08", "20", "2025-03-07",
            "Start Sat 2025-02-08, a make-up workday, not counted. 02-09 Sun rest; 02-10..14 (1-5); 02-17..21 (6-10); "
                + "02-24..28 (11-15); 03-03..07 (16-20): Fri 2025-03-07."},
        {"n1-friday", "2025-03-07", "1", "2025-03-10", "Fri 2025-03-07 + 1: the weekend is skipped, Mon 2025-03-10."},
        {"n1-friday-before-make-up-sunday", "2025-01-24", "1", "2025-01-26",
            "Fri 2025-01-24 + 1: Sat 01-25 rest, Sun 01-26 is a make-up workday (春节 2025)."},
        {"n1-cancelled-make-up-2020-02-01", "2020-01-23", "1", "2020-02-03",
            "Thu 2020-01-23 + 1: 01-24..02-02 off; Sat 02-01 would have been a make-up day under the original "
                + "2020 notice but 国办发明电〔2020〕1号 cancelled it; first working day Mon 2020-02-03."},
        {"n1-across-2022-12-31", "2022-12-30", "1", "2023-01-03",
            "Fri 2022-12-30 + 1: 12-31 Sat and 2023-01-01 Sun rest/off, 01-02 Mon off (元旦 2023, whose notice also "
                + "lists 2022-12-31); Tue 2023-01-03."},
        {"n1-into-2023-combined-national-day", "2023-09-28", "1", "2023-10-07",
            "Thu 2023-09-28 + 1: 09-29..10-06 off (中秋节、国庆节); Sat 10-07 is a make-up workday."},
        {"last-covered-day", "2026-12-30", "1", "2026-12-31", "Wed 2026-12-30 + 1 = Thu 2026-12-31, the last covered day."},
    };

    /** {name, start, n, uncovered date, desc}. */
    static final String[][] HAND_ERRORS = {
        {"runs-past-coverage", "2026-12-15", "20", "2027-01-01",
            "Tue 2026-12-15: 12-16..18 (3), 12-21..25 (8), 12-28..31 (12); the 13th would need 2027, which v1 does "
                + "not cover: error on 2027-01-01, never a guess."},
        {"day-after-last-covered", "2026-12-31", "1", "2027-01-01", "2026-12-31 + 1 needs 2027-01-01: error."},
        {"start-in-2019", "2019-12-20", "20", "2019-12-20", "The start day must be covered too: 2019 is not."},
        {"start-2019-12-31", "2019-12-31", "1", "2019-12-31",
            "Even though 2020-01-02 could be reached, the start day 2019-12-31 is outside the coverage: error."},
        {"start-in-2027", "2027-03-01", "5", "2027-03-01", "2027 is not covered by v1."},
    };

    static ObjectNode workingDays() {
        WorkingDayCalendar cal = WorkingDayCalendar.prc();
        ReferenceCalendar ref = new ReferenceCalendar();
        ObjectNode root = F.objectNode();
        root.put("format", "drl working-day deadlines");
        root.put("version", 1);
        root.put("desc", "Working-day arithmetic under the PRC calendar named below. addWorkingDays(start, n) is "
                + "the n-th working day strictly after start (民法典 201: start day not counted); counted lists those "
                + "n days and skipped the non-working days passed, each as 'date KIND'. A date outside the coverage "
                + "(2020-01-01..2026-12-31), start included, is an error with rule outside-coverage naming the date. "
                + "between(a, b) counts working days in (a, b], negative when b < a. days lists every OFF and WORK "
                + "date of the data plus ordinary days with their kind.");
        ObjectNode c = root.putObject("calendar");
        c.put("calendarId", cal.ref().calendarId());
        c.put("version", cal.ref().version());
        c.put("sha256", cal.ref().sha256());
        ArrayNode cases = root.putArray("cases");
        for (String[] h : HAND) {
            LocalDate start = LocalDate.parse(h[1]);
            int n = Integer.parseInt(h[2]);
            LocalDate got = cal.addWorkingDays(start, n);
            if (!got.toString().equals(h[3]) || !ref.add(start, n).toString().equals(h[3])) {
                throw new IllegalStateException(h[0] + ": hand-checked " + h[3] + " but computed " + got);
            }
            cases.add(addCase(cal, h[0], "hand-checked: " + h[4], start, n));
        }
        for (String[] h : HAND_ERRORS) {
            ObjectNode k = F.objectNode();
            k.put("name", h[0]);
            k.put("desc", "hand-checked: " + h[4]);
            k.put("op", "addWorkingDays");
            k.put("start", h[1]);
            k.put("n", Integer.parseInt(h[2]));
            try {
                cal.addWorkingDays(LocalDate.parse(h[1]), Integer.parseInt(h[2]));
                throw new IllegalStateException(h[0] + " did not fail");
            } catch (CalendarCoverageException e) {
                if (!e.date().toString().equals(h[3])) {
                    throw new IllegalStateException(h[0] + ": expected uncovered " + h[3] + " got " + e.date());
                }
            }
            ObjectNode err = k.putObject("error");
            err.put("rule", "outside-coverage");
            err.put("date", h[3]);
            cases.add(k);
        }
        Random rnd = new Random(20_200_120L);
        LocalDate lo = LocalDate.of(2020, 1, 1);
        int span = (int) (LocalDate.of(2026, 11, 20).toEpochDay() - lo.toEpochDay());
        for (int i = 0; i < 40; i++) {
            LocalDate start = lo.plusDays(rnd.nextInt(span));
            cases.add(addCase(cal, "seeded-20-" + i, "seed 20200120, trigger #" + i + " + 20 working days", start, 20));
        }
        for (int i = 0; i < 20; i++) {
            LocalDate start = lo.plusDays(rnd.nextInt(span));
            int n = 1 + rnd.nextInt(30);
            cases.add(addCase(cal, "seeded-n-" + i, "seed 20200120, start #" + i + " + " + n + " working days",
                    start, n));
        }
        String[][] between = {
            {"between-spring-festival-2020", "2020-01-20", "2020-02-25", "inverse of spring-festival-2020-extended: 20"},
            {"between-same-day", "2025-02-08", "2025-02-08", "empty interval: 0"},
            {"between-reversed", "2025-02-27", "2025-01-24", "b < a: minus the count of (b, a] = -20"},
            {"between-holiday-only", "2025-01-27", "2025-02-04", "(01-27, 02-04] lies in 春节 2025: 0"},
            {"between-lateness-over-weekend", "2025-03-07", "2025-03-09",
                "published on Sun 03-09 after a Fri 03-07 deadline: overdue by calendar date, 0 working days late"},
            {"between-year", "2023-12-31", "2024-12-31", "working days of 2024"},
        };
        for (String[] b : between) {
            ObjectNode k = F.objectNode();
            k.put("name", b[0]);
            k.put("desc", b[3]);
            k.put("op", "workingDaysBetween");
            k.put("a", b[1]);
            k.put("b", b[2]);
            k.put("expected", cal.workingDaysBetween(LocalDate.parse(b[1]), LocalDate.parse(b[2])));
            cases.add(k);
        }
        ArrayNode days = root.putArray("days");
        java.util.TreeSet<LocalDate> all = new java.util.TreeSet<>(ref.off);
        all.addAll(ref.work);
        all.add(LocalDate.of(2020, 2, 3));
        all.add(LocalDate.of(2024, 2, 29));
        all.add(LocalDate.of(2026, 3, 14));
        all.add(LocalDate.of(2026, 12, 31));
        for (LocalDate d : all) {
            ObjectNode e = F.objectNode();
            e.put("date", d.toString());
            e.put("kind", cal.dayKind(d).name());
            e.put("working", cal.isWorkingDay(d));
            cal.holidayName(d).ifPresent(nm -> e.put("holiday", nm));
            days.add(e);
        }
        return root;
    }

    static ObjectNode addCase(WorkingDayCalendar cal, String name, String desc, LocalDate start, int n) {
        ObjectNode k = F.objectNode();
        k.put("name", name);
        k.put("desc", desc);
        k.put("op", "addWorkingDays");
        k.put("start", start.toString());
        k.put("startKind", cal.dayKind(start).name());
        k.put("n", n);
        ArrayNode counted = k.putArray("counted");
        ArrayNode skipped = k.putArray("skipped");
        LocalDate d = start;
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            DayKind kind = cal.dayKind(d);
            if (kind.isWorkingDay()) {
                counted.add(d + " " + kind.name());
                left--;
            } else {
                skipped.add(d + " " + kind.name());
            }
        }
        k.put("expected", cal.addWorkingDays(start, n).toString());
        return k;
    }
}
