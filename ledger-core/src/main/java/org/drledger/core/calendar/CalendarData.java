package org.drledger.core.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.json.CanonicalJsonException;

/** Parses and validates a calendar document; see docs/calendar-and-codes.md for the format. */
final class CalendarData {
    static final String NOTICE_URL_PREFIX = "https://www.gov.cn/zhengce/zhengceku/";
    /** How far outside its own year a notice's dates may lie (2023's notice starts on 2022-12-31). */
    private static final int ADJACENT_DAYS = 31;

    final CalendarRef ref;
    final LocalDate first;
    final LocalDate last;
    /** OFF date -> holiday name. */
    final Map<LocalDate, String> off;
    /** WORK (make-up) dates. */
    final Set<LocalDate> work;

    private CalendarData(CalendarRef ref, LocalDate first, LocalDate last, Map<LocalDate, String> off,
            Set<LocalDate> work) {
        this.ref = ref;
        this.first = first;
        this.last = last;
        this.off = Collections.unmodifiableMap(off);
        this.work = Collections.unmodifiableSet(work);
    }

    static CalendarData parse(byte[] utf8) {
        JsonNode root;
        try {
            root = CanonicalJson.parse(utf8);
        } catch (CanonicalJsonException e) {
            throw new CalendarDataException("malformed-json", e.where(), "calendar is not canonical-JSON-compatible: "
                    + e.getMessage(), e);
        }
        fields(root, "", Set.of("calendarId", "version", "coverage", "years"), Set.of("desc", "source"));
        String id = text(root, "calendarId", "");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new CalendarDataException("malformed-calendar", "/calendarId", "calendarId must match [a-z0-9-]+");
        }
        JsonNode v = root.get("version");
        if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > Integer.MAX_VALUE) {
            throw new CalendarDataException("malformed-calendar", "/version", "version must be a positive integer");
        }
        JsonNode cov = root.get("coverage");
        fields(cov, "/coverage", Set.of("first", "last"), Set.of());
        LocalDate first = date(cov.get("first"), "/coverage/first");
        LocalDate last = date(cov.get("last"), "/coverage/last");
        if (first.getDayOfYear() != 1 || !last.equals(LocalDate.of(last.getYear(), 12, 31))
                || last.isBefore(first)) {
            throw new CalendarDataException("coverage-mismatch", "/coverage",
                    "coverage must be whole years: first = 1 January, last = 31 December, first <= last");
        }
        JsonNode years = root.get("years");
        if (!years.isArray() || years.size() != last.getYear() - first.getYear() + 1) {
            throw new CalendarDataException("coverage-mismatch", "/years",
                    "years must hold exactly one block per covered year " + first.getYear() + ".." + last.getYear());
        }
        Map<LocalDate, String> off = new TreeMap<>();
        Set<LocalDate> work = new HashSet<>();
        for (int i = 0; i < years.size(); i++) {
            int year = first.getYear() + i;
            yearBlock(years.get(i), "/years/" + i, year, first, last, off, work);
        }
        byte[] canonical = CanonicalJson.write(root);
        String digest = Hex.encode(HashAlgorithm.SHA_256.digest(canonical));
        return new CalendarData(new CalendarRef(id, (int) v.asLong(), digest), first, last, off, work);
    }

    private static void yearBlock(JsonNode b, String at, int year, LocalDate first, LocalDate last,
            Map<LocalDate, String> off, Set<LocalDate> work) {
        fields(b, at, Set.of("year", "notices", "holidays", "makeUpWorkdays"), Set.of("cancelledMakeUpWorkdays"));
        JsonNode y = b.get("year");
        if (!y.isIntegralNumber() || y.asLong() != year) {
            throw new CalendarDataException("coverage-mismatch", at + "/year", "expected year " + year
                    + " (blocks are consecutive and ascending)");
        }
        LocalDate lo = LocalDate.of(year, 1, 1).minusDays(ADJACENT_DAYS);
        LocalDate hi = LocalDate.of(year, 12, 31).plusDays(ADJACENT_DAYS);

        JsonNode notices = array(b, "notices", at, false);
        Set<String> docNos = new HashSet<>();
        for (int i = 0; i < notices.size(); i++) {
            JsonNode n = notices.get(i);
            String nat = at + "/notices/" + i;
            fields(n, nat, Set.of("title", "url"), Set.of("docNo", "effect"));
            text(n, "title", nat);
            String url = text(n, "url", nat);
            if (!url.startsWith(NOTICE_URL_PREFIX) || url.length() == NOTICE_URL_PREFIX.length()
                    || url.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new CalendarDataException("invalid-notice-url", nat + "/url",
                        "notice url must be a printable-ASCII URL under " + NOTICE_URL_PREFIX);
            }
            if (n.has("docNo")) {
                docNos.add(text(n, "docNo", nat));
            }
            if (n.has("effect")) {
                text(n, "effect", nat);
            }
        }

        JsonNode holidays = array(b, "holidays", at, false);
        for (int h = 0; h < holidays.size(); h++) {
            JsonNode hol = holidays.get(h);
            String hat = at + "/holidays/" + h;
            fields(hol, hat, Set.of("name", "off"), Set.of());
            String name = text(hol, "name", hat);
            JsonNode days = array(hol, "off", hat, false);
            LocalDate prev = null;
            boolean weekday = false;
            for (int d = 0; d < days.size(); d++) {
                String dat = hat + "/off/" + d;
                LocalDate day = date(days.get(d), dat);
                within(day, lo, hi, first, last, year, dat);
                if (prev != null && !day.equals(prev.plusDays(1))) {
                    throw new CalendarDataException("holiday-not-contiguous", dat,
                            "the off days of one holiday must be consecutive, ascending days; " + day + " follows " + prev);
                }
                if (work.contains(day)) {
                    throw new CalendarDataException("off-and-work", dat, day + " is both off and a make-up workday");
                }
                if (off.put(day, name) != null) {
                    throw new CalendarDataException("duplicate-date", dat, day + " is listed more than once");
                }
                weekday |= !isWeekend(day);
                prev = day;
            }
            if (!weekday) {
                throw new CalendarDataException("holiday-without-weekday", hat,
                        "holiday " + name + " has no Monday–Friday off day, so it changes nothing");
            }
        }

        JsonNode makeUp = array(b, "makeUpWorkdays", at, true);
        LocalDate prev = null;
        for (int d = 0; d < makeUp.size(); d++) {
            String dat = at + "/makeUpWorkdays/" + d;
            LocalDate day = date(makeUp.get(d), dat);
            within(day, lo, hi, first, last, year, dat);
            if (prev != null && !day.isAfter(prev)) {
                throw new CalendarDataException("not-ascending", dat, "make-up workdays must be strictly ascending");
            }
            if (!isWeekend(day)) {
                throw new CalendarDataException("make-up-not-weekend", dat,
                        day + " is a " + day.getDayOfWeek() + "; a make-up workday must be a Saturday or Sunday");
            }
            if (off.containsKey(day)) {
                throw new CalendarDataException("off-and-work", dat, day + " is both off and a make-up workday");
            }
            if (!work.add(day)) {
                throw new CalendarDataException("duplicate-date", dat, day + " is listed more than once");
            }
            prev = day;
        }

        if (b.has("cancelledMakeUpWorkdays")) {
            JsonNode cancelled = array(b, "cancelledMakeUpWorkdays", at, false);
            for (int c = 0; c < cancelled.size(); c++) {
                JsonNode e = cancelled.get(c);
                String cat = at + "/cancelledMakeUpWorkdays/" + c;
                fields(e, cat, Set.of("date", "by"), Set.of());
                LocalDate day = date(e.get("date"), cat + "/date");
                within(day, lo, hi, first, last, year, cat + "/date");
                if (!isWeekend(day) || work.contains(day)) {
                    throw new CalendarDataException("cancelled-make-up-day", cat,
                            "a cancelled make-up day must be a weekend day that is no longer a make-up workday");
                }
                if (!docNos.contains(text(e, "by", cat))) {
                    throw new CalendarDataException("cancelled-make-up-day", cat + "/by",
                            "the cancelling notice must be one of this year's notices (by docNo)");
                }
            }
        }
    }

    private static void within(LocalDate day, LocalDate lo, LocalDate hi, LocalDate first, LocalDate last, int year,
            String at) {
        if (day.isBefore(lo) || day.isAfter(hi)) {
            throw new CalendarDataException("date-outside-year", at,
                    day + " is neither in " + year + " nor within " + ADJACENT_DAYS + " days of it");
        }
        if (day.isBefore(first) || day.isAfter(last)) {
            throw new CalendarDataException("date-outside-year", at, day + " is outside the declared coverage");
        }
    }

    static boolean isWeekend(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
    }

    private static void fields(JsonNode n, String at, Set<String> required, Set<String> optional) {
        if (n == null || !n.isObject()) {
            throw new CalendarDataException("malformed-calendar", at, "expected an object");
        }
        for (String r : required) {
            if (!n.has(r)) {
                throw new CalendarDataException("malformed-calendar", at, "missing member \"" + r + "\"");
            }
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!required.contains(f) && !optional.contains(f)) {
                throw new CalendarDataException("malformed-calendar", at + "/" + f, "unknown member \"" + f + "\"");
            }
        }
    }

    private static String text(JsonNode n, String field, String at) {
        JsonNode t = n.get(field);
        if (t == null || !t.isTextual() || t.asText().isBlank()) {
            throw new CalendarDataException("malformed-calendar", at + "/" + field, "expected a non-blank string");
        }
        return t.asText();
    }

    private static JsonNode array(JsonNode n, String field, String at, boolean mayBeEmpty) {
        JsonNode a = n.get(field);
        if (a == null || !a.isArray() || (!mayBeEmpty && a.isEmpty())) {
            throw new CalendarDataException("malformed-calendar", at + "/" + field,
                    mayBeEmpty ? "expected an array" : "expected a non-empty array");
        }
        return a;
    }

    private static LocalDate date(JsonNode n, String at) {
        if (n == null || !n.isTextual() || !n.asText().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            throw new CalendarDataException("invalid-date", at, "expected a date as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(n.asText());
        } catch (DateTimeParseException e) {
            throw new CalendarDataException("invalid-date", at, "not a calendar date: " + n.asText(), e);
        }
    }
}
