package org.drledger.core.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** A small fictional one-year calendar and its systematically mutated negatives, for calendar-data.json. */
final class CalendarDataFixtures {
    private CalendarDataFixtures() {
    }

    static final String NOTICE = "测试〔2030〕1号";

    /** 2030: Jan 1 is a Tuesday, May 1 a Wednesday; Jan 5, Apr 27, May 4 Saturdays; Jun 8/9 a weekend. */
    static ObjectNode fixture() {
        ObjectNode root = CalendarVectorsGenerator.F.objectNode();
        root.put("calendarId", "test-fixture");
        root.put("version", 1);
        root.put("desc", "fictional calendar for format tests");
        ObjectNode cov = root.putObject("coverage");
        cov.put("first", "2030-01-01");
        cov.put("last", "2030-12-31");
        ObjectNode y = root.putArray("years").addObject();
        y.put("year", 2030);
        ObjectNode n = y.putArray("notices").addObject();
        n.put("title", "测试通知");
        n.put("url", CalendarData.NOTICE_URL_PREFIX + "test/content_1.htm");
        n.put("docNo", NOTICE);
        ArrayNode hol = y.putArray("holidays");
        ObjectNode h1 = hol.addObject();
        h1.put("name", "元旦");
        h1.putArray("off").add("2030-01-01");
        ObjectNode h2 = hol.addObject();
        h2.put("name", "测试假期");
        h2.putArray("off").add("2030-05-01").add("2030-05-02").add("2030-05-03");
        y.putArray("makeUpWorkdays").add("2030-01-05").add("2030-05-04");
        ObjectNode c = y.putArray("cancelledMakeUpWorkdays").addObject();
        c.put("date", "2030-04-27");
        c.put("by", NOTICE);
        return root;
    }

    private static ObjectNode year(ObjectNode root) {
        return (ObjectNode) root.get("years").get(0);
    }

    private static ArrayNode off(ObjectNode root, int holiday) {
        return (ArrayNode) year(root).get("holidays").get(holiday).get("off");
    }

    static ObjectNode vectors() {
        ObjectNode root = CalendarVectorsGenerator.F.objectNode();
        root.put("format", "drl working-day calendar document");
        root.put("version", 1);
        root.put("desc", "Calendar documents (UTF-8 JSON text) and the result of loading them: either the calendar "
                + "ref (id, version, SHA-256 of the canonical JSON) and day kinds, or the rule of the "
                + "CalendarDataException a conforming loader reports. Negatives are single mutations of the valid "
                + "fixture, named after their fault.");
        ArrayNode cases = root.putArray("cases");
        String valid = text(fixture());
        WorkingDayCalendar cal = WorkingDayCalendar.load(valid.getBytes(StandardCharsets.UTF_8));
        ObjectNode ok = cases.addObject();
        ok.put("name", "valid-fixture");
        ok.put("desc", "one year, two holidays, two make-up Saturdays, one cancelled make-up day");
        ok.put("document", valid);
        ObjectNode r = ok.putObject("ref");
        r.put("calendarId", cal.ref().calendarId());
        r.put("version", cal.ref().version());
        r.put("sha256", cal.ref().sha256());
        ObjectNode kinds = ok.putObject("kinds");
        for (String d : new String[] {"2030-01-01", "2030-01-02", "2030-01-05", "2030-01-06", "2030-04-27",
            "2030-05-03", "2030-05-04"}) {
            kinds.put(d, cal.dayKind(java.time.LocalDate.parse(d)).name());
        }

        neg(cases, "float-version", "version 1.0 is a float: outside the canonical value space", "malformed-json",
                valid.replace("\"version\":1,", "\"version\":1.0,"));
        neg(cases, "duplicate-member", "calendarId given twice", "malformed-json",
                valid.replace("{\"calendarId\":\"test-fixture\",", "{\"calendarId\":\"x\",\"calendarId\":\"test-fixture\","));
        neg(cases, "not-nfc", "holiday name in NFD (decomposed e + U+0301)", "malformed-json",
                valid.replace("测试假期", "测试假期e\u0301"));
        neg(cases, "missing-coverage", "no coverage member", "malformed-calendar", m(x -> x.remove("coverage")));
        neg(cases, "unknown-member", "typo makeupWorkdays for makeUpWorkdays", "malformed-calendar", m(x -> {
            ObjectNode y = year(x);
            y.set("makeupWorkdays", y.remove("makeUpWorkdays"));
        }));
        neg(cases, "version-zero", "version must be >= 1", "malformed-calendar", m(x -> x.put("version", 0)));
        neg(cases, "bad-calendar-id", "calendarId must be lowercase [a-z0-9-]", "malformed-calendar",
                m(x -> x.put("calendarId", "PRC")));
        neg(cases, "empty-holiday", "a holiday without off days", "malformed-calendar",
                m(x -> off(x, 1).removeAll()));
        neg(cases, "no-such-date", "2030-02-30 does not exist", "invalid-date", m(x -> off(x, 0).set(0, "2030-02-30")));
        neg(cases, "date-not-padded", "2030-1-1 is not YYYY-MM-DD", "invalid-date", m(x -> off(x, 0).set(0, "2030-1-1")));
        neg(cases, "coverage-not-whole-year", "coverage must start on 1 January", "coverage-mismatch",
                m(x -> ((ObjectNode) x.get("coverage")).put("first", "2030-01-02")));
        neg(cases, "missing-year-block", "coverage 2030..2031 but one year block", "coverage-mismatch",
                m(x -> ((ObjectNode) x.get("coverage")).put("last", "2031-12-31")));
        neg(cases, "wrong-year-number", "the block for 2030 says 2031", "coverage-mismatch",
                m(x -> year(x).put("year", 2031)));
        neg(cases, "date-far-outside-year", "a 2031-03-03 off day in the 2030 block", "date-outside-year",
                m(x -> off(x, 0).set(0, "2031-03-03")));
        neg(cases, "adjacent-date-outside-coverage", "2029-12-31 is adjacent to 2030 but not covered",
                "date-outside-year", m(x -> {
                    ArrayNode o = off(x, 0);
                    o.removeAll();
                    o.add("2029-12-31").add("2030-01-01");
                }));
        neg(cases, "duplicate-date", "2030-01-01 off in two holidays", "duplicate-date", m(x -> {
            ObjectNode h = year(x).withArray("holidays").addObject();
            h.put("name", "重复");
            h.putArray("off").add("2030-01-01");
        }));
        neg(cases, "off-and-work", "Sat 2030-05-04 both off and a make-up workday", "off-and-work",
                m(x -> off(x, 1).add("2030-05-04")));
        neg(cases, "make-up-on-weekday", "Mon 2030-05-06 as a make-up workday", "make-up-not-weekend",
                m(x -> ((ArrayNode) year(x).get("makeUpWorkdays")).set(1, "2030-05-06")));
        neg(cases, "make-up-unsorted", "make-up workdays out of order", "not-ascending", m(x -> {
            ArrayNode w = (ArrayNode) year(x).get("makeUpWorkdays");
            w.removeAll();
            w.add("2030-05-04").add("2030-01-05");
        }));
        neg(cases, "holiday-gap", "off days 05-01, 05-03: not consecutive", "holiday-not-contiguous",
                m(x -> off(x, 1).remove(1)));
        neg(cases, "holiday-descending", "off days listed backwards", "holiday-not-contiguous", m(x -> {
            ArrayNode o = off(x, 1);
            o.removeAll();
            o.add("2030-05-03").add("2030-05-02").add("2030-05-01");
        }));
        neg(cases, "holiday-weekend-only", "a holiday on Sat 06-08 and Sun 06-09 only changes nothing",
                "holiday-without-weekday", m(x -> {
                    ObjectNode h = year(x).withArray("holidays").addObject();
                    h.put("name", "周末");
                    h.putArray("off").add("2030-06-08").add("2030-06-09");
                }));
        neg(cases, "cancelled-on-weekday", "cancelled make-up day Mon 2030-04-29", "cancelled-make-up-day",
                m(x -> ((ObjectNode) year(x).get("cancelledMakeUpWorkdays").get(0)).put("date", "2030-04-29")));
        neg(cases, "cancelled-still-make-up", "cancelled day 2030-05-04 is still listed as make-up",
                "cancelled-make-up-day",
                m(x -> ((ObjectNode) year(x).get("cancelledMakeUpWorkdays").get(0)).put("date", "2030-05-04")));
        neg(cases, "cancelled-by-unknown-notice", "the cancelling docNo is not among the year's notices",
                "cancelled-make-up-day",
                m(x -> ((ObjectNode) year(x).get("cancelledMakeUpWorkdays").get(0)).put("by", "其他〔2030〕9号")));
        neg(cases, "notice-url-not-gov", "notice url outside www.gov.cn/zhengce/zhengceku/", "invalid-notice-url",
                m(x -> ((ObjectNode) year(x).get("notices").get(0)).put("url", "https://example.com/notice.htm")));
        neg(cases, "notice-url-http", "plain http URL", "invalid-notice-url",
                m(x -> ((ObjectNode) year(x).get("notices").get(0))
                        .put("url", "http://www.gov.cn/zhengce/zhengceku/test/content_1.htm")));
        return root;
    }

    private static String m(Consumer<ObjectNode> mutation) {
        ObjectNode doc = fixture();
        mutation.accept(doc);
        return text(doc);
    }

    private static void neg(ArrayNode cases, String name, String desc, String rule, String document) {
        try {
            WorkingDayCalendar.load(document.getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException(name + ": loaded without error");
        } catch (CalendarDataException e) {
            if (!e.rule().equals(rule)) {
                throw new IllegalStateException(name + ": expected " + rule + " got " + e.rule() + ": " + e.getMessage());
            }
        }
        ObjectNode k = cases.addObject();
        k.put("name", name);
        k.put("desc", desc);
        k.put("document", document);
        k.put("error", rule);
    }

    static String text(ObjectNode doc) {
        try {
            return CalendarVectorsGenerator.M.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
