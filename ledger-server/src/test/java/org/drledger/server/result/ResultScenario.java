package org.drledger.server.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.core.calendar.WorkingDayCalendar;
import org.drledger.core.result.ResultCodeTable;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * Results end to end, written once and run on H2 and PostgreSQL (subclasses). The drawn task is inserted directly
 * into the task feature's lookups ({@code task_state}, {@code task_assignment}, {@code task_item}; see
 * {@link ResultServerSupport#task}) because that feature lives on another branch. Results are entered by the lead and
 * an assisting department (one with problems and a case referral); one is returned, revised, approved and published
 * on time, another published on time, one published late (late, workingDaysLate), one exempted; a follow-up is
 * completed; the overdue list is read as the injected clock moves past the deadline and for a given asOf.
 */
abstract class ResultScenario extends ResultServerSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ITEM = "A07-01";
    private static final String ITEM2 = "B02-03";
    private static final String[] OBJECTS = {"91350100M000100Y43", "914403001922038216", "91350211M0000XUF46",
            "obj-product-7", "obj-project-8"};

    @Test
    void resultsAreEnteredReviewedPublishedOrExemptedAndOverdueOnesAreListed() throws IOException {
        today(LocalDate.of(2025, 2, 5));
        String lead = department();
        String assisting = department();
        TestUsers.Credentials clerk = user(lead, Role.DEPT_CLERK);
        TestUsers.Credentials approver = user(lead, Role.DEPT_APPROVER);
        TestUsers.Credentials assistingClerk = user(assisting, Role.DEPT_CLERK);
        TestUsers.Credentials assistingApprover = user(assisting, Role.DEPT_APPROVER);
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        String taskId = unique("T2025");
        task(taskId, lead, List.of(assisting), List.of(OBJECTS), List.of(ITEM, ITEM2), "DRAWN");

        // 1. entry (trigger Fri 2025-01-24, deadline Thu 2025-02-27 across 春节 2025)
        String clean = path(taskId, OBJECTS[0], ITEM);
        String problems = path(taskId, OBJECTS[1], ITEM);
        String closed = path(taskId, OBJECTS[2], ITEM);
        String corrected = path(taskId, OBJECTS[3], ITEM2);
        String secret = path(taskId, OBJECTS[4], ITEM);
        String forgotten = path(taskId, OBJECTS[0], ITEM2);
        String findings = "登记住所无法联系；经营场所存放过期食品三批次";
        ok(put(clean, clerk, entry(List.of("1"), null, null)));
        Http.Response entered = ok(put(problems, clerk, entry(List.of("3", "6", "2", "A"), findings, List.of(
                followUp("CASE_REFERRAL", "referredTo", "区市场监督管理局执法大队"),
                followUp("NOTIFY_OTHER_DEPT", "notifiedDepartment", "区卫生健康局")))));
        ok(put(closed, clerk, entry(List.of("7"), null, null)));
        ok(put(corrected, assistingClerk, entry(List.of("E"), "未在经营场所醒目位置悬挂营业执照，已当场责令改正", null)));
        ok(put(secret, clerk, entry(List.of("1"), null, null)));
        ok(put(forgotten, clerk, entry(List.of("1"), null, null)));

        JsonNode r = entered.json();
        assertThat(r.get("streamId").asText()).isEqualTo("result:" + taskId + ":" + OBJECTS[1] + ":" + ITEM);
        assertThat(r.get("status").asText()).isEqualTo("ENTERED");
        assertThat(r.get("revision").asInt()).isEqualTo(1);
        assertThat(r.get("department").asText()).isEqualTo(lead);
        assertThat(r.get("resultCodes").findValuesAsText("code")).containsExactly("A", "2", "6", "3");
        assertThat(r.at("/resultCodes/2/label").asText()).isEqualTo("通过登记的住所（经营场所）无法联系");
        assertThat(r.get("deadline").asText()).isEqualTo(DEADLINE.toString());
        assertThat(r.at("/calendar/sha256").asText()).isEqualTo(WorkingDayCalendar.prc().ref().sha256());
        assertThat(r.at("/codeTable/sha256").asText()).isEqualTo(ResultCodeTable.builtIn().ref().sha256());
        assertThat(r.get("findings").asText()).isEqualTo(findings);
        assertThat(r.get("evidence").get(0).asText()).isEqualTo(EVIDENCE);
        assertThat(r.at("/followUps/0/measure").asText()).isEqualTo("CASE_REFERRAL");
        assertThat(r.at("/followUps/0/referredTo").asText()).isEqualTo("区市场监督管理局执法大队");
        assertThat(r.at("/followUps/1/notifiedDepartment").asText()).isEqualTo("区卫生健康局");

        // the ledger holds codes and a commitment to the findings, never their text
        JsonNode payload = payload(r.get("streamId").asText(), 0);
        assertThat(payload.get("resultCodes").toString()).isEqualTo("[\"A\",\"2\",\"6\",\"3\"]");
        assertThat(payload.at("/findings/drl:commit").asText()).isEqualTo(r.get("findingsCommitment").asText());
        assertThat(payload.get("deadline").asText()).isEqualTo("2025-02-27");
        assertThat(payload.get("triggerKind").asText()).isEqualTo("INSPECTION_ENDED");
        assertThat(payload.at("/codeTable/tableId").asText()).isEqualTo("spot-check-result-codes");
        assertThat(ledgerText()).doesNotContain(findings).doesNotContain("过期食品");

        // 2. review: one returned and revised, then everything approved
        Http.Response returned = ok(post(clean + "/review", approver, Map.of("decision", "RETURNED",
                "reasons", List.of("未发现本次抽查涉及的经营活动，应勾选相应结果"))));
        assertThat(returned.json().get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.json().at("/review/reasons/0").asText()).isEqualTo("未发现本次抽查涉及的经营活动，应勾选相应结果");
        problem(post(clean + "/publish", approver, null), 409, "status", "not-approved");
        Http.Response revised = ok(put(clean, clerk, entry(List.of("F", "1"), null, null)));
        assertThat(revised.json().get("revision").asInt()).isEqualTo(2);
        assertThat(revised.json().get("status").asText()).isEqualTo("ENTERED");
        assertThat(revised.json().get("resultCodes").findValuesAsText("code")).containsExactly("1", "F");
        assertThat(revised.json().get("review").isNull()).isTrue();
        for (String p : List.of(clean, problems, closed, secret, forgotten)) {
            assertThat(ok(post(p + "/review", approver, Map.of("decision", "APPROVED"))).json().get("status").asText())
                    .isEqualTo("APPROVED");
        }
        ok(post(corrected + "/review", assistingApprover, Map.of("decision", "APPROVED")));

        // 3. publication on time (2025-02-20) and one exemption
        today(LocalDate.of(2025, 2, 20));
        for (String p : List.of(clean, problems)) {
            JsonNode pub = ok(post(p + "/publish", approver, null)).json();
            assertThat(pub.get("status").asText()).isEqualTo("PUBLISHED");
            assertThat(pub.at("/publication/late").asBoolean()).isFalse();
            assertThat(pub.at("/publication/workingDaysLate").asInt()).isZero();
        }
        JsonNode exempt = ok(post(secret + "/exemption", approver, Map.of(
                "legalBasis", "企业信息公示暂行条例 第三条：涉及商业秘密", "authority", "市市场监督管理局",
                "document", "市市监函〔2025〕12号", "approvedOn", "2025-02-18"))).json();
        assertThat(exempt.get("status").asText()).isEqualTo("EXEMPTED");
        assertThat(exempt.at("/exemption/approval/document").asText()).isEqualTo("市市监函〔2025〕12号");
        problem(post(secret + "/publish", approver, null), 409, "status", "exempted");

        // 4. overdue: nothing on the deadline day; the day after, the three unpublished results
        today(DEADLINE);
        assertThat(overdue(auditor)).isEmpty();
        today(LocalDate.of(2025, 2, 28));
        assertThat(ids(overdue(admin))).containsExactlyInAnyOrder(closed, corrected, forgotten);
        assertThat(ids(overdue(auditor))).containsExactlyInAnyOrder(closed, corrected, forgotten);
        assertThat(ids(overdue(approver))).as("own department only").containsExactlyInAnyOrder(closed, forgotten);
        assertThat(ids(overdue(assistingClerk))).containsExactly(corrected);
        JsonNode first = overdue(admin).get(0);
        assertThat(first.get("deadline").asText()).isEqualTo("2025-02-27");
        assertThat(first.get("daysOverdue").asInt()).isEqualTo(1);
        assertThat(first.get("workingDaysOverdue").asInt()).isEqualTo(1);
        assertThat(ids(http.get("/api/results/overdue?asOf=2025-02-27", admin).json())).isEmpty();

        // 5. a late publication (Mon 2025-03-03: Fri 02-28 and Mon 03-03 are two working days late)
        today(LocalDate.of(2025, 3, 3));
        JsonNode late = ok(post(closed + "/publish", approver, null)).json();
        assertThat(late.at("/publication/late").asBoolean()).isTrue();
        assertThat(late.at("/publication/workingDaysLate").asInt()).isEqualTo(2);
        JsonNode latePayload = payload(late.get("streamId").asText(), 2);
        assertThat(latePayload.get("late").asBoolean()).isTrue();
        assertThat(latePayload.get("workingDaysLate").asInt()).isEqualTo(2);
        assertThat(latePayload.get("publishedOn").asText()).isEqualTo("2025-03-03");
        assertThat(latePayload.get("deadline").asText()).isEqualTo("2025-02-27");
        assertThat(latePayload.at("/calendar/calendarId").asText()).isEqualTo("prc-working-days");
        JsonNode nowOverdue = overdue(admin);
        assertThat(ids(nowOverdue)).containsExactlyInAnyOrder(corrected, forgotten);
        assertThat(nowOverdue.get(0).get("workingDaysOverdue").asInt()).isEqualTo(2);

        // 6. the case referral is completed after publication
        JsonNode done = ok(post(problems + "/follow-ups/1", clerk, Map.of("state", "DONE",
                "completedOn", "2025-03-03"))).json();
        assertThat(done.at("/followUps/0/state").asText()).isEqualTo("DONE");
        assertThat(done.at("/followUps/0/completedOn").asText()).isEqualTo("2025-03-03");
        assertThat(done.at("/followUps/1/state").asText()).isEqualTo("OPEN");

        // the streams and their actors, as signed entries
        assertThat(types("result:" + taskId + ":" + OBJECTS[1] + ":" + ITEM)).containsExactly("ResultEntered",
                "ResultReviewed", "ResultPublished", "FollowUpUpdated");
        assertThat(types("result:" + taskId + ":" + OBJECTS[0] + ":" + ITEM)).as("returned, revised, on time")
                .containsExactly("ResultEntered", "ResultReviewed", "ResultEntered", "ResultReviewed", "ResultPublished");
        JsonNode onTime = payload("result:" + taskId + ":" + OBJECTS[0] + ":" + ITEM, 4);
        assertThat(onTime.get("revision").asInt()).isEqualTo(2);
        assertThat(onTime.get("late").asBoolean()).isFalse();
        assertThat(onTime.get("workingDaysLate").asInt()).isZero();
        assertThat(payload("result:" + taskId + ":" + OBJECTS[0] + ":" + ITEM, 1).get("decision").asText())
                .isEqualTo("RETURNED");
        assertThat(types("result:" + taskId + ":" + OBJECTS[2] + ":" + ITEM)).as("published late")
                .containsExactly("ResultEntered", "ResultReviewed", "ResultPublished");
        assertThat(types("result:" + taskId + ":" + OBJECTS[4] + ":" + ITEM)).containsExactly("ResultEntered",
                "ResultReviewed", "PublicationExemptionRecorded");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ? "
                + "AND type <> 'InspectionResult'", Long.class, "result:" + taskId + ":%")).isZero();
        JsonNode meta = JSON.readTree(jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE "
                + "aggregate_identifier = ? AND sequence_number = 0", byte[].class, "result:" + taskId + ":"
                + OBJECTS[3] + ":" + ITEM2));
        assertThat(meta.get("drl.actor.department").asText()).isEqualTo(assisting);
        assertThat(meta.get("drl.sig").asText()).isNotBlank();

        // every entry is sealed into the log, and the self-check re-verifies chains, signatures and leaves
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM merkle_leaf",
                Long.class).equals(events()));
        JsonNode check = ok(http.get("/api/admin/self-check", auditor)).json();
        assertThat(check.get("findings")).as(check.toString()).isEmpty();
        assertThat(check.get("ok").asBoolean()).isTrue();
    }

    private JsonNode overdue(TestUsers.Credentials who) {
        Http.Response r = http.get("/api/results/overdue", who);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(path(n.get("taskId").asText(), n.get("objectId").asText(),
                n.get("itemCode").asText())));
        return out;
    }

    private JsonNode payload(String streamId, int sequence) throws IOException {
        return JSON.readTree(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", byte[].class, streamId, sequence));
    }

    private List<String> types(String streamId) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, streamId).stream()
                .map(t -> t.substring(Math.max(t.lastIndexOf('.'), t.lastIndexOf('$')) + 1)).toList();
    }

    private String ledgerText() {
        StringBuilder all = new StringBuilder();
        jdbc.query("SELECT payload, meta_data FROM domain_event_entry", rs -> {
            all.append(new String(rs.getBytes(1), StandardCharsets.UTF_8));
            all.append(new String(rs.getBytes(2), StandardCharsets.UTF_8));
        });
        return all.toString();
    }

    private static Http.Response ok(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private Http.Response put(String path, TestUsers.Credentials who, Object body) {
        return http.send("PUT", path, who, "application/json", Http.toJson(body));
    }

    private Http.Response post(String path, TestUsers.Credentials who, Object body) {
        return http.post(path, who, body == null ? "{}" : body);
    }
}
