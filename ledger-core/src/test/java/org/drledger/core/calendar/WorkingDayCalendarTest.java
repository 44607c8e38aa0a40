package org.drledger.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.drledger.core.FormatException;
import org.drledger.core.TestVectors;
import org.drledger.core.json.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingDayCalendarTest {
    private static final WorkingDayCalendar CAL = WorkingDayCalendar.prc();
    private static final ReferenceCalendar REF = new ReferenceCalendar();

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void everyOffAndWorkDateOfTheTableIsReflected() {
        // 2020: 30, 2021: 31, 2022: 31, 2023: 27 (with 2022-12-31), 2024: 28, 2025: 28, 2026: 33 off days
        assertThat(REF.off).hasSize(208);
        for (LocalDate off : REF.off) {
            assertThat(CAL.isWorkingDay(off)).as("OFF %s", off).isFalse();
            assertThat(CAL.dayKind(off)).as("OFF %s", off).isEqualTo(DayKind.HOLIDAY);
            assertThat(CAL.holidayName(off)).as("OFF %s", off).isPresent();
        }
        for (LocalDate work : REF.work) {
            assertThat(CAL.isWorkingDay(work)).as("WORK %s", work).isTrue();
            assertThat(CAL.dayKind(work)).as("WORK %s", work).isEqualTo(DayKind.MAKE_UP_WORKDAY);
        }
    }

    @Test
    void everyCoveredDayAgreesWithTheIndependentTranscription() {
        int holidays = 0;
        int makeUps = 0;
        for (LocalDate x = ReferenceCalendar.FIRST; !x.isAfter(ReferenceCalendar.LAST); x = x.plusDays(1)) {
            assertThat(CAL.isWorkingDay(x)).as("%s", x).isEqualTo(REF.isWorkingDay(x));
            DayKind k = CAL.dayKind(x);
            assertThat(k == DayKind.HOLIDAY).as("%s", x).isEqualTo(REF.off.contains(x));
            assertThat(k == DayKind.MAKE_UP_WORKDAY).as("%s", x).isEqualTo(REF.work.contains(x));
            holidays += k == DayKind.HOLIDAY ? 1 : 0;
            makeUps += k == DayKind.MAKE_UP_WORKDAY ? 1 : 0;
        }
        assertThat(holidays).isEqualTo(REF.off.size());
        assertThat(makeUps).isEqualTo(REF.work.size()).isEqualTo(46);
    }

    @Test
    void theCancelledMakeUpDayOf2020IsNotAWorkingDay() {
        assertThat(CAL.isWorkingDay(d("2020-02-01"))).isFalse();
        assertThat(CAL.dayKind(d("2020-02-01"))).isEqualTo(DayKind.HOLIDAY);
        assertThat(CAL.holidayName(d("2020-02-01"))).contains("春节");
        assertThat(CAL.isWorkingDay(d("2020-02-02"))).isFalse();
        assertThat(CAL.isWorkingDay(d("2020-02-03"))).isTrue();
    }

    @Test
    void the2023NoticeDateIn2022IsAHoliday() {
        assertThat(CAL.dayKind(d("2022-12-31"))).isEqualTo(DayKind.HOLIDAY);
        assertThat(CAL.holidayName(d("2022-12-31"))).contains("元旦");
        assertThat(CAL.dayKind(d("2023-01-02"))).isEqualTo(DayKind.HOLIDAY);
        assertThat(CAL.dayKind(d("2022-12-30"))).isEqualTo(DayKind.WORKDAY);
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
        "2020-01-20, 20, 2020-02-25", "2025-01-24, 20, 2025-02-27", "2023-12-29, 20, 2024-01-29",
        "2026-09-18, 20, 2026-10-22", "2024-10-03, 20, 2024-11-01", "2025-02-08, 20, 2025-03-07",
        "2025-03-07, 1, 2025-03-10", "2025-01-24, 1, 2025-01-26", "2020-01-23, 1, 2020-02-03",
        "2022-12-30, 1, 2023-01-03", "2023-09-28, 1, 2023-10-07", "2026-12-30, 1, 2026-12-31"})
    void handCheckedDeadlines(String start, int n, String expected) {
        assertThat(CAL.addWorkingDays(d(start), n)).isEqualTo(d(expected));
        assertThat(REF.add(d(start), n)).isEqualTo(d(expected));
        assertThat(CAL.workingDaysBetween(d(start), d(expected))).isEqualTo(n);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void aPeriodOfFewerThanOneWorkingDayIsRejected(int n) {
        assertThatThrownBy(() -> CAL.addWorkingDays(d("2025-03-07"), n))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be >= 1");
    }

    @Test
    void outsideCoverageIsAnExplicitErrorNamingTheDateAndTheRange() {
        CalendarCoverageException e = catchThrowableOfType(() -> CAL.addWorkingDays(d("2026-12-15"), 20),
                CalendarCoverageException.class);
        assertThat(e).isInstanceOf(FormatException.class);
        assertThat(e.rule()).isEqualTo("outside-coverage");
        assertThat(e.where()).isEqualTo("2027-01-01");
        assertThat(e.date()).isEqualTo(d("2027-01-01"));
        assertThat(e.coverageFirst()).isEqualTo(d("2020-01-01"));
        assertThat(e.coverageLast()).isEqualTo(d("2026-12-31"));
        assertThat(e.getMessage()).contains("2027-01-01", "2020-01-01..2026-12-31", "prc-working-days v1",
                "counting 20 working days after 2026-12-15");
        for (String x : new String[] {"2019-12-31", "2027-01-01", "1970-01-01", "2100-06-01"}) {
            assertThatThrownBy(() -> CAL.isWorkingDay(d(x))).isInstanceOf(CalendarCoverageException.class)
                    .hasMessageContaining(x);
            assertThatThrownBy(() -> CAL.dayKind(d(x))).isInstanceOf(CalendarCoverageException.class);
            assertThatThrownBy(() -> CAL.holidayName(d(x))).isInstanceOf(CalendarCoverageException.class);
        }
        assertThatThrownBy(() -> CAL.addWorkingDays(d("2019-12-31"), 1))
                .isInstanceOfSatisfying(CalendarCoverageException.class,
                        x -> assertThat(x.date()).isEqualTo(d("2019-12-31")));
        assertThatThrownBy(() -> CAL.workingDaysBetween(d("2026-12-01"), d("2027-01-04")))
                .isInstanceOf(CalendarCoverageException.class);
        assertThatThrownBy(() -> CAL.workingDaysBetween(d("2027-01-04"), d("2026-12-01")))
                .isInstanceOf(CalendarCoverageException.class);
        assertThat(CAL.covers(d("2020-01-01"))).isTrue();
        assertThat(CAL.covers(d("2019-12-31"))).isFalse();
    }

    /** Every start day of the coverage, n = 1, 20 and 45, against the slow reference, errors included. */
    @ParameterizedTest
    @ValueSource(ints = {1, 20, 45})
    void everyStartDayAgreesWithTheReference(int n) {
        for (LocalDate s = d("2019-12-25"); !s.isAfter(d("2027-01-05")); s = s.plusDays(1)) {
            assertSameOutcome(s, n);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 20_200_120L, 42L})
    void seededRandomStartsAndPeriodsAgreeWithTheReference(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 300; i++) {
            LocalDate s = d("2019-12-01").plusDays(rnd.nextInt(2620));
            int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 25 : 400);
            assertSameOutcome(s, n);
            LocalDate b = d("2020-01-01").plusDays(rnd.nextInt(2557));
            if (CAL.covers(s)) {
                assertThat(CAL.workingDaysBetween(s, b)).isEqualTo(REF.between(s, b))
                        .isEqualTo(-CAL.workingDaysBetween(b, s));
            }
        }
    }

    private static void assertSameOutcome(LocalDate s, int n) {
        LocalDate expected;
        try {
            expected = REF.add(s, n);
        } catch (ReferenceCalendar.Uncovered u) {
            assertThatThrownBy(() -> CAL.addWorkingDays(s, n)).as("%s + %d", s, n)
                    .isInstanceOfSatisfying(CalendarCoverageException.class,
                            e -> assertThat(e.date()).isEqualTo(u.date));
            return;
        }
        LocalDate got = CAL.addWorkingDays(s, n);
        assertThat(got).as("%s + %d", s, n).isEqualTo(expected);
        // 民法典 203 holds by construction: the last day of a working-day period is a working day
        assertThat(CAL.isWorkingDay(got)).isTrue();
        assertThat(CAL.workingDaysBetween(s, got)).isEqualTo(n);
        assertThat(CAL.workingDaysBetween(s, got.minusDays(1))).isEqualTo(n - 1);
    }

    @Test
    void vectorsAreReproduced() {
        JsonNode v = TestVectors.read("calendar/working-days.json");
        JsonNode c = v.get("calendar");
        assertThat(CAL.ref()).isEqualTo(new CalendarRef(c.get("calendarId").asText(), c.get("version").asInt(),
                c.get("sha256").asText()));
        int hand = 0;
        for (JsonNode k : v.get("cases")) {
            String name = k.get("name").asText();
            hand += k.get("desc").asText().startsWith("hand-checked") ? 1 : 0;
            switch (k.get("op").asText()) {
                case "addWorkingDays" -> {
                    LocalDate s = d(k.get("start").asText());
                    int n = k.get("n").asInt();
                    if (k.has("error")) {
                        assertThat(k.get("error").get("rule").asText()).isEqualTo("outside-coverage");
                        LocalDate at = d(k.get("error").get("date").asText());
                        assertThatThrownBy(() -> CAL.addWorkingDays(s, n)).as(name)
                                .isInstanceOfSatisfying(CalendarCoverageException.class, e -> {
                                    assertThat(e.date()).isEqualTo(at);
                                    assertThat(e.rule()).isEqualTo("outside-coverage");
                                });
                        assertThatThrownBy(() -> REF.add(s, n)).isInstanceOfSatisfying(
                                ReferenceCalendar.Uncovered.class, u -> assertThat(u.date).isEqualTo(at));
                        continue;
                    }
                    LocalDate expected = d(k.get("expected").asText());
                    assertThat(CAL.addWorkingDays(s, n)).as(name).isEqualTo(expected);
                    assertThat(REF.add(s, n)).as(name).isEqualTo(expected);
                    assertThat(CAL.dayKind(s).name()).isEqualTo(k.get("startKind").asText());
                    List<String> counted = new ArrayList<>();
                    List<String> skipped = new ArrayList<>();
                    for (LocalDate x = s.plusDays(1); !x.isAfter(expected); x = x.plusDays(1)) {
                        (REF.isWorkingDay(x) ? counted : skipped).add(x + " " + CAL.dayKind(x).name());
                    }
                    assertThat(counted).as(name).hasSize(n).containsExactlyElementsOf(texts(k.get("counted")));
                    assertThat(skipped).as(name).containsExactlyElementsOf(texts(k.get("skipped")));
                }
                case "workingDaysBetween" -> {
                    LocalDate a = d(k.get("a").asText());
                    LocalDate b = d(k.get("b").asText());
                    assertThat(CAL.workingDaysBetween(a, b)).as(name).isEqualTo(k.get("expected").asInt())
                            .isEqualTo(REF.between(a, b));
                }
                default -> throw new AssertionError("unknown op in " + name);
            }
        }
        assertThat(hand).isGreaterThanOrEqualTo(15);
        int days = 0;
        for (JsonNode e : v.get("days")) {
            LocalDate x = d(e.get("date").asText());
            assertThat(CAL.dayKind(x).name()).as("%s", x).isEqualTo(e.get("kind").asText());
            assertThat(CAL.isWorkingDay(x)).isEqualTo(e.get("working").asBoolean()).isEqualTo(REF.isWorkingDay(x));
            assertThat(CAL.holidayName(x).orElse(null))
                    .isEqualTo(e.has("holiday") ? e.get("holiday").asText() : null);
            days++;
        }
        assertThat(days).isGreaterThanOrEqualTo(REF.off.size() + REF.work.size());
    }

    private static List<String> texts(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(x -> out.add(x.asText()));
        return out;
    }

    @Test
    void digestIsSha256OfTheCanonicalJsonOfTheResource() throws Exception {
        byte[] raw;
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream("prc-working-days-v1.json")) {
            raw = in.readAllBytes();
        }
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(CanonicalJson.canonicalize(raw)));
        assertThat(CAL.ref()).isEqualTo(new CalendarRef("prc-working-days", 1, hex));
        assertThat(WorkingDayCalendar.load(CanonicalJson.canonicalize(raw)).ref()).isEqualTo(CAL.ref());
    }

    @Test
    void aRecordedRefSelectsTheBuiltInVersionOrFails() {
        assertThat(WorkingDayCalendar.prc(CAL.ref())).isSameAs(CAL).isSameAs(WorkingDayCalendar.prc(1));
        CalendarRef forged = new CalendarRef("prc-working-days", 1, "0".repeat(64));
        assertThatThrownBy(() -> WorkingDayCalendar.prc(forged)).isInstanceOfSatisfying(CalendarDataException.class,
                e -> assertThat(e.rule()).isEqualTo("digest-mismatch"));
        assertThatThrownBy(() -> WorkingDayCalendar.prc(2)).isInstanceOfSatisfying(CalendarDataException.class,
                e -> assertThat(e.rule()).isEqualTo("unknown-calendar-version"));
    }

    @Test
    void calendarDataVectors() {
        JsonNode v = TestVectors.read("calendar/calendar-data.json");
        int negatives = 0;
        for (JsonNode k : v.get("cases")) {
            byte[] doc = k.get("document").asText().getBytes(StandardCharsets.UTF_8);
            String name = k.get("name").asText();
            if (k.has("error")) {
                negatives++;
                assertThatThrownBy(() -> WorkingDayCalendar.load(doc)).as(name)
                        .isInstanceOfSatisfying(CalendarDataException.class,
                                e -> assertThat(e.rule()).as(name).isEqualTo(k.get("error").asText()));
            } else {
                WorkingDayCalendar cal = WorkingDayCalendar.load(doc);
                JsonNode r = k.get("ref");
                assertThat(cal.ref()).isEqualTo(new CalendarRef(r.get("calendarId").asText(), r.get("version").asInt(),
                        r.get("sha256").asText()));
                k.get("kinds").fields().forEachRemaining(
                        e -> assertThat(cal.dayKind(d(e.getKey())).name()).as(e.getKey()).isEqualTo(e.getValue().asText()));
            }
        }
        assertThat(negatives).isGreaterThanOrEqualTo(20);
    }

    @Test
    void publicationDeadlineRecordsTheCalendar() {
        PublicationDeadline p = PublicationDeadline.compute(d("2025-01-24"), CAL);
        assertThat(p.deadline()).isEqualTo(d("2025-02-27"));
        assertThat(p.workingDays()).isEqualTo(PublicationDeadline.WORKING_DAYS).isEqualTo(20);
        assertThat(p.calendar()).isEqualTo(CAL.ref());
        assertThat(p.isOverdue(d("2025-02-27"))).isFalse();
        assertThat(p.isOverdue(d("2025-02-28"))).isTrue();
        assertThat(p.reproducesWith(WorkingDayCalendar.prc(p.calendar()))).isTrue();
        PublicationDeadline wrong = new PublicationDeadline(p.trigger(), 20, d("2025-02-26"), p.calendar());
        assertThat(wrong.reproducesWith(CAL)).isFalse();
        assertThatThrownBy(() -> PublicationDeadline.compute(d("2026-12-15"), CAL))
                .isInstanceOf(CalendarCoverageException.class);
        assertThatThrownBy(() -> new PublicationDeadline(d("2025-01-24"), 20, d("2025-01-24"), CAL.ref()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
