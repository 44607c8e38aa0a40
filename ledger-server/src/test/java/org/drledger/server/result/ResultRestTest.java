package org.drledger.server.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.TestDatabases;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Authorization and refusals of the result endpoints on H2: who may enter, review, publish and read, the task
 * lookups the aggregate cannot make, and problem+json naming the field and the rule with nothing written.
 */
class ResultRestTest extends ResultServerSupport {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    /** Created once for the class (the context is shared): registering a department generates its key. */
    private static String lead;
    private static String assisting;
    private static String outsider;
    private String taskId;
    private TestUsers.Credentials leadClerk;
    private TestUsers.Credentials leadApprover;
    private TestUsers.Credentials assistingClerk;
    private TestUsers.Credentials outsiderClerk;
    private TestUsers.Credentials auditor;

    @BeforeEach
    void setUpTask() {
        today(LocalDate.of(2025, 2, 5));
        if (lead == null) {
            lead = department();
            assisting = department();
            outsider = department();
        }
        leadClerk = user(lead, Role.DEPT_CLERK);
        leadApprover = user(lead, Role.DEPT_APPROVER);
        assistingClerk = user(assisting, Role.DEPT_CLERK);
        outsiderClerk = user(outsider, Role.DEPT_CLERK);
        auditor = user(office, Role.AUDITOR);
        taskId = unique("T");
        task(taskId, lead, List.of(assisting), List.of("91350100M000100Y43", "914403001922038216"),
                List.of("A07-01", "B02-03"), "DRAWN");
    }

    @Test
    void cannotEnterResultForAnObjectNotDrawn() {
        long events = events();
        long sealed = vaultRows();
        problem(http.send("PUT", path(taskId, "91350211M0000XUF46", "A07-01"), leadClerk, "application/json",
                Http.toJson(entry(List.of("E"), "未亮照经营", null))), 422, "objectId", "not-drawn");
        assertThat(events()).isEqualTo(events);
        assertThat(vaultRows()).isEqualTo(sealed);
    }

    @Test
    void cannotEnterAResultForAnItemOfAnotherTaskOrForAnUnknownOrVoidTask() {
        problem(put(path(taskId, "91350100M000100Y43", "C09-09"), leadClerk, entry(List.of("1"), null, null)), 422,
                "itemCode", "not-a-task-item");
        problem(put(path("no-such-task", "91350100M000100Y43", "A07-01"), leadClerk, entry(List.of("1"), null, null)),
                422, "taskId", "unknown-task");
        String voided = unique("T");
        task(voided, lead, List.of(), List.of("91350100M000100Y43"), List.of("A07-01"), "VOIDED");
        problem(put(path(voided, "91350100M000100Y43", "A07-01"), leadClerk, entry(List.of("1"), null, null)), 409,
                "taskId", "task-voided");
    }

    @Test
    void onlyTheTasksInspectingDepartmentsEnterResults() {
        long events = events();
        problem(put(path(taskId, "91350100M000100Y43", "A07-01"), outsiderClerk, entry(List.of("1"), null, null)),
                403, "", "access-denied");
        problem(put(path(taskId, "91350100M000100Y43", "A07-01"), auditor, entry(List.of("1"), null, null)), 403, "",
                "access-denied");
        assertThat(http.send("PUT", path(taskId, "91350100M000100Y43", "A07-01"), null, "application/json",
                Http.toJson(entry(List.of("1"), null, null))).status()).isEqualTo(401);
        assertThat(events()).isEqualTo(events);

        assertThat(put(path(taskId, "91350100M000100Y43", "B02-03"), assistingClerk, entry(List.of("1"), null, null))
                .status()).as("an assisting department inspects too").isEqualTo(200);
        Http.Response lead = put(path(taskId, "91350100M000100Y43", "A07-01"), leadClerk, entry(List.of("1"), null,
                null));
        assertThat(lead.status()).as(lead.toString()).isEqualTo(200);
        assertThat(lead.json().get("department").asText()).isEqualTo(this.lead);
    }

    @Test
    void aDepartmentGrantedByAnInspectingDepartmentEntersOnItsBehalf() {
        String p = path(taskId, "91350100M000100Y43", "A07-01");
        String grantee = department();
        TestUsers.Credentials granteeClerk = user(grantee, Role.DEPT_CLERK);
        Map<String, Object> onBehalf = entry(List.of("1"), null, null);
        onBehalf.put("department", lead);
        problem(put(p, granteeClerk, onBehalf), 403, "", "access-denied");
        assertThat(http.post("/api/departments/" + lead + "/grants", leadApprover, Map.of("grantee", grantee,
                "reason", "联合检查人手不足，委托录入")).status()).isEqualTo(201);
        Http.Response r = put(p, granteeClerk, onBehalf);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("department").asText()).isEqualTo(lead);
    }

    @Test
    void onlyTheEnteringDepartmentRevisesAResult() {
        String p = path(taskId, "91350100M000100Y43", "A07-01");
        assertThat(put(p, leadClerk, entry(List.of("1"), null, null)).status()).isEqualTo(200);
        problem(put(p, assistingClerk, entry(List.of("1"), null, null)), 403, "", "access-denied");
        Http.Response revised = put(p, user(lead, Role.DEPT_CLERK), entry(List.of("7", "1"), null, null));
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.json().get("revision").asInt()).isEqualTo(2);
        assertThat(revised.json().at("/resultCodes/1/label").asText()).isEqualTo("已关闭停业或正在组织清算");
    }

    @Test
    void theApproverOfTheResultsDepartmentReviewsAndPublishes() {
        String p = path(taskId, "91350100M000100Y43", "A07-01");
        assertThat(put(p, leadClerk, entry(List.of("1"), null, null)).status()).isEqualTo(200);
        problem(post(p + "/publish", leadApprover, null), 409, "status", "not-approved");
        problem(post(p + "/review", leadClerk, Map.of("decision", "APPROVED")), 403, "", "access-denied");
        problem(post(p + "/review", user(assisting, Role.DEPT_APPROVER), Map.of("decision", "APPROVED")), 403, "",
                "access-denied");
        problem(post(p + "/review", leadApprover, Map.of("decision", "RETURNED")), 422, "reasons",
                "required-when-returned");
        assertThat(post(p + "/review", leadApprover, Map.of("decision", "APPROVED")).status()).isEqualTo(200);
        problem(post(p + "/publish", user(assisting, Role.DEPT_APPROVER), null), 403, "", "access-denied");
        problem(post(p + "/publish", leadClerk, null), 403, "", "access-denied");
        today(LocalDate.of(2025, 2, 20));
        Http.Response published = post(p + "/publish", leadApprover, null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().at("/publication/publishedOn").asText()).isEqualTo("2025-02-20");
        assertThat(published.json().at("/publication/late").asBoolean()).isFalse();
        problem(post(p + "/publish", leadApprover, null), 409, "status", "already-published");
        problem(post(p + "/exemption", leadApprover, Map.of("legalBasis", "x", "authority", "y", "document", "z",
                "approvedOn", "2025-02-19")), 409, "status", "already-published");
    }

    @Test
    void aUserCannotReviewTheirOwnEntry() {
        TestUsers.Credentials both = user(lead, Role.DEPT_CLERK, Role.DEPT_APPROVER);
        String p = path(taskId, "91350100M000100Y43", "A07-01");
        assertThat(put(p, both, entry(List.of("1"), null, null)).status()).isEqualTo(200);
        problem(post(p + "/review", both, Map.of("decision", "APPROVED")), 422, "reviewer", "own-entry");
    }

    @Test
    void codeTableRulesAndCalendarCoverageAreRefusedNamingTheFieldAndRule() {
        long events = events();
        long sealed = vaultRows();
        String p = path(taskId, "91350100M000100Y43", "A07-01");
        problem(put(p, leadClerk, entry(List.of("1", "A", "3"), "过期食品", List.of(followUp("ORDER_CORRECTION", null,
                null)))), 422, "resultCodes", "no-problem-excludes-problem");
        problem(put(p, leadClerk, entry(List.of("A", "3"), "过期食品", null)), 422, "followUps",
                "required-for-pending-problems");
        problem(put(p, leadClerk, entry(List.of("E"), null, null)), 422, "findings", "required-for-problems");
        Map<String, Object> late = entry(List.of("1"), null, null);
        late.put("triggerDate", "2026-12-15");
        today(LocalDate.of(2026, 12, 16));
        problem(put(p, leadClerk, late), 422, "triggerDate", "outside-coverage");
        assertThat(events()).isEqualTo(events);
        assertThat(vaultRows()).as("sealed findings roll back with the refused command").isEqualTo(sealed);
    }

    @Test
    void malformedInputIsABadRequest() {
        String p = path(taskId, "91350100M000100Y43", "A07-01");
        Map<String, Object> bad = entry(List.of("1"), null, null);
        bad.put("method", "BY_PHONE");
        problem(put(p, leadClerk, bad), 400, "method", "malformed-body");
        problem(http.get("/api/results/overdue?asOf=yesterday", auditor), 400, "asOf", "type-mismatch");
        problem(put(path(taskId, "91350100M000100Y43", "A%3A07"), leadClerk, entry(List.of("1"), null, null)), 422,
                "itemCode", "identifier");
    }

    @Test
    void readingAResultNeedsItsDepartmentOrAnAuditor() {
        String p = path(taskId, "914403001922038216", "A07-01");
        assertThat(put(p, leadClerk, entry(List.of("A", "2", "6"), "通过登记的住所无法联系",
                List.of(followUp("STOP_AND_HAND_BACK", null, null)))).status()).isEqualTo(200);
        Http.Response own = http.get(p, leadApprover);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("findings").asText()).isEqualTo("通过登记的住所无法联系");
        assertThat(http.get(p, auditor).status()).isEqualTo(200);
        assertThat(http.get(p, admin).status()).isEqualTo(200);
        problem(http.get(p, outsiderClerk), 403, "", "access-denied");
        problem(http.get(path(taskId, "914403001922038216", "B02-03"), leadClerk), 404, "", "not-found");
        assertThat(http.get(p, null).status()).isEqualTo(401);
    }

    @Test
    void theCodeTableIsListedWithItsVersionAndDigest() {
        Http.Response r = http.get("/api/results/codes", leadClerk);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/ref/tableId").asText()).isEqualTo("spot-check-result-codes");
        assertThat(r.json().at("/ref/sha256").asText()).hasSize(64);
        assertThat(r.json().get("codes").size()).isEqualTo(19);
    }

    @Test
    void theOverdueListIsForSupervisorsAndDepartmentsSeeTheirOwn() {
        assertThat(http.get("/api/results/overdue", auditor).status()).isEqualTo(200);
        assertThat(http.get("/api/results/overdue", leadClerk).status()).isEqualTo(200);
        problem(http.get("/api/results/overdue", user(lead)), 403, "", "access-denied");
    }

    @Test
    void exemptionsAndFollowUpsBelongToTheResultsDepartment() {
        String p = path(taskId, "914403001922038216", "B02-03");
        problem(post(p + "/follow-ups/1", leadClerk, Map.of("state", "OPEN")), 404, "", "not-found");
        assertThat(put(p, leadClerk, entry(List.of("A", "3"), "超范围经营",
                List.of(followUp("NOTIFY_OTHER_DEPT", "notifiedDepartment", "区卫生健康局")))).status()).isEqualTo(200);
        long events = events();
        problem(post(p + "/follow-ups/1", assistingClerk, Map.of("state", "DONE", "completedOn", "2025-02-05")), 403,
                "", "access-denied");
        problem(post(p + "/follow-ups/2", leadClerk, Map.of("state", "DONE", "completedOn", "2025-02-05")), 422,
                "followUpNo", "unknown-follow-up");
        problem(post(p + "/follow-ups/1", leadClerk, Map.of("state", "DONE", "completedOn", "2025-02-06")), 422,
                "completedOn", "out-of-range");
        assertThat(events()).isEqualTo(events);
        Http.Response done = post(p + "/follow-ups/1", leadClerk, Map.of("state", "DONE", "completedOn", "2025-02-05"));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().at("/followUps/0/state").asText()).isEqualTo("DONE");

        Map<String, Object> exemption = Map.of("legalBasis", "企业信息公示暂行条例 第三条", "authority", "市市场监督管理局",
                "document", "市市监函〔2025〕3号", "approvedOn", "2025-02-04");
        problem(post(p + "/exemption", leadApprover, exemption), 409, "status", "not-approved");
        assertThat(post(p + "/review", leadApprover, Map.of("decision", "APPROVED")).status()).isEqualTo(200);
        problem(post(p + "/exemption", leadClerk, exemption), 403, "", "access-denied");
        problem(post(p + "/exemption", leadApprover, Map.of("legalBasis", "企业信息公示暂行条例 第三条",
                "authority", "市市场监督管理局", "document", "市市监函〔2025〕3号", "approvedOn", "2025-02-06")), 422,
                "approval.approvedOn", "after-recording-date");
        problem(post(p + "/exemption", leadApprover, Map.of("authority", "市市场监督管理局",
                "document", "市市监函〔2025〕3号", "approvedOn", "2025-02-04")), 422, "legalBasis", "required");
        Http.Response exempted = post(p + "/exemption", leadApprover, exemption);
        assertThat(exempted.status()).as(exempted.toString()).isEqualTo(200);
        assertThat(exempted.json().at("/exemption/approval/authority").asText()).isEqualTo("市市场监督管理局");
        assertThat(exempted.json().get("publication").isNull()).isTrue();
    }

    private Http.Response put(String path, TestUsers.Credentials who, Object body) {
        return http.send("PUT", path, who, "application/json", Http.toJson(body));
    }

    private Http.Response post(String path, TestUsers.Credentials who, Object body) {
        return http.post(path, who, body == null ? "{}" : body);
    }
}
