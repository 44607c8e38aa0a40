package org.drledger.server.plan;

import org.drledger.server.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.drledger.server.checklist.ProblemChecks.problem;
import static org.drledger.server.plan.PlanRequests.batch;
import static org.drledger.server.plan.PlanRequests.item;
import static org.drledger.server.plan.PlanRequests.plan;
import static org.drledger.server.plan.PlanRequests.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.server.checklist.SeedItems;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.ServerTestSupport;
import org.drledger.server.testing.TestDatabases;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Plans over HTTP: who may submit, consolidate, approve, publish, file and adjust; dates come from the (mutable)
 * clock; refusals are problem+json naming the field and the rule and write nothing. Each test uses its own year.
 */
@Import(MutableClockConfiguration.class)
class PlanApiTest extends ServerTestSupport {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Autowired
    MutableClock clock;

    /** A department with a published list of the seed items; its clerk and approver. */
    private record Dept(String id, String list, TestUsers.Credentials clerk, TestUsers.Credentials approver) {
    }

    private Dept departmentWithList() {
        String id = department();
        TestUsers.Credentials clerk = user(id, Role.DEPT_CLERK);
        TestUsers.Credentials approver = user(id, Role.DEPT_APPROVER);
        String list = unique("list");
        SeedItems.publishList(http, list, id, clerk, approver);
        return new Dept(id, list, clerk, approver);
    }

    private Map<String, Object> simplePlan(int year, Dept d, String batchId) {
        return plan(batch(year, batchId, d.id(), List.of(), List.of(item(d.list(), 1, "A01-01"))));
    }

    private Http.Response submit(int year, Dept d, TestUsers.Credentials who, Map<String, Object> body) {
        return http.post("/api/plans/" + year + "/departments/" + d.id(), who, body);
    }

    @Test
    void aDepartmentsApproverSubmitsAndALateSubmissionIsRecordedNotRefused() {
        int year = 2031;
        clock.setToday(LocalDate.of(2030, 12, 20));
        Dept a = departmentWithList();
        Dept b = departmentWithList();

        JsonNode early = http.get("/api/plans/" + year + "/missing", a.clerk()).json();
        assertThat(early.get("deadlinePassed").asBoolean()).isFalse();
        assertThat(early.get("departments")).isEmpty();

        long before = events();
        problem(submit(year, a, a.clerk(), simplePlan(year, a, "a-01")), 403, "", "access-denied");
        problem(submit(year, a, b.approver(), simplePlan(year, a, "a-01")), 403, "", "access-denied");
        problem(submit(year, a, admin, simplePlan(year, a, "a-01")), 403, "", "access-denied");
        assertThat(events()).isEqualTo(before);

        Http.Response onTime = submit(year, a, a.approver(), simplePlan(year, a, "a-01"));
        assertThat(onTime.status()).as(onTime.toString()).isEqualTo(201);
        assertThat(onTime.json().get("version").asInt()).isEqualTo(1);
        assertThat(onTime.json().get("deadline").asText()).isEqualTo("2030-12-31");
        assertThat(onTime.json().get("late").asBoolean()).isFalse();
        assertThat(onTime.json().get("submittedOn").asText()).isEqualTo("2030-12-20");

        clock.setToday(LocalDate.of(2031, 1, 4));
        JsonNode missing = http.get("/api/plans/" + year + "/missing", a.clerk()).json();
        assertThat(missing.get("deadlinePassed").asBoolean()).isTrue();
        assertThat(missing.get("asOf").asText()).isEqualTo("2031-01-04");
        assertThat(missing.get("departments").findValuesAsText("departmentId")).contains(b.id())
                .doesNotContain(a.id(), office);

        Http.Response late = submit(year, b, b.approver(), simplePlan(year, b, "b-01"));
        assertThat(late.status()).as(late.toString()).isEqualTo(201);
        assertThat(late.json().get("late").asBoolean()).isTrue();
        assertThat(http.get("/api/plans/" + year + "/missing", a.clerk()).json().get("departments")
                .findValuesAsText("departmentId")).doesNotContain(b.id());

        Http.Response again = submit(year, a, a.approver(), simplePlan(year, a, "a-02"));
        assertThat(again.json().get("version").asInt()).isEqualTo(2);
        assertThat(again.json().get("late").asBoolean()).isTrue();
        JsonNode view = http.get("/api/plans/" + year + "/departments/" + a.id(), b.clerk()).json();
        assertThat(view.get("stream").asText()).isEqualTo("plan:" + year + ":" + a.id());
        assertThat(view.get("submissions")).extracting(s -> s.get("version").asInt()).containsExactly(1, 2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM department_plan WHERE plan_year = ?", Integer.class, year))
                .isEqualTo(3);
    }

    @Test
    void batchesAreCheckedAgainstPublishedItemsAndKnownDepartments() {
        int year = 2032;
        clock.setToday(LocalDate.of(2031, 12, 10));
        Dept a = departmentWithList();
        Map<String, Object> good = batch(year, "a-01", a.id(), List.of(), List.of(item(a.list(), 1, "A01-01")));

        long before = events();
        problem(submit(year, a, a.approver(), plan(with(good, "items", List.of(item(a.list(), 2, "A01-01"))))), 422,
                "batches[0].items[0]", "item-not-published");
        problem(submit(year, a, a.approver(), plan(with(good, "ratio", Map.of("num", 1, "den", 5)))), 422,
                "batches[0].ratio", "ratio-above-item-cap");
        problem(submit(year, a, a.approver(), plan(with(good, "assistingDepartments", List.of("no-such-dept")))), 422,
                "batches[0].assistingDepartments[0]", "unknown-department");
        problem(submit(year, a, a.approver(), plan(with(good, "period", Map.of("from", year + "-05-01",
                "to", (year + 1) + "-01-31")))), 422, "batches[0].period", "period-outside-plan-year");
        problem(submit(year, a, a.approver(), Map.of("batches", List.of())), 422, "batches", "required");
        problem(submit(year, a, a.approver(), plan(with(good, "period", "March"))), 400, "batches.[0].period",
                "malformed-body");
        assertThat(events()).isEqualTo(before);
        assertThat(http.post("/api/plans/" + year + "/departments/no-such-dept", a.approver(), plan(good)).status())
                .isEqualTo(403);
    }

    @Test
    void onlyTheOfficeRunsTheDistrictPlanAndEachStepIsInOrder() {
        int year = 2033;
        clock.setToday(LocalDate.of(2032, 12, 15));
        Dept a = departmentWithList();
        assertThat(submit(year, a, a.approver(), simplePlan(year, a, "a-01")).status()).isEqualTo(201);
        clock.setToday(LocalDate.of(2033, 1, 20));
        String base = "/api/plans/" + year + "/district";
        Map<String, Object> consolidation = Map.of("departmentPlans", List.of(Map.of("department", a.id(),
                "version", 1)), "jointBatches", List.of());

        long before = events();
        problem(http.post(base + "/consolidation", a.approver(), consolidation), 403, "", "access-denied");
        problem(http.post(base + "/consolidation", admin, Map.of("departmentPlans", List.of(Map.of("department",
                a.id(), "version", 2)))), 422, "departmentPlans[0]", "department-plan-not-submitted");
        problem(http.post(base + "/approval", admin, Map.of("document", "资政函〔2033〕3号",
                "approvedOn", "2033-01-19")), 404, "id", "not-found");
        assertThat(events()).isEqualTo(before);

        Http.Response consolidated = http.post(base + "/consolidation", admin, consolidation);
        assertThat(consolidated.status()).as(consolidated.toString()).isEqualTo(200);
        assertThat(consolidated.json().get("departmentPlans").get(0).get("stream").asText())
                .isEqualTo("plan:" + year + ":" + a.id());
        assertThat(consolidated.json().get("late").asBoolean()).isFalse();

        before = events();
        problem(http.post(base + "/publication", admin, null), 409, "publishedOn", "not-approved");
        problem(http.post(base + "/filing", admin, Map.of("filedWith", "益阳市市场监督管理局", "filedOn", "2033-01-20")),
                409, "filedOn", "not-approved");
        problem(http.post(base + "/approval", admin, Map.of("document", "资政函〔2033〕3号", "approvedOn", "2033-01-21")),
                422, "approvedOn", "in-the-future");
        problem(http.post(base + "/approval", admin, Map.of("approvedOn", "2033-01-20")), 400, "document", "NotBlank");
        problem(http.post(base + "/approval", a.approver(), Map.of("document", "资政函〔2033〕3号",
                "approvedOn", "2033-01-20")), 403, "", "access-denied");
        assertThat(events()).isEqualTo(before);

        assertThat(http.post(base + "/approval", admin, Map.of("document", "资政函〔2033〕3号",
                "approvedOn", "2033-01-20")).status()).isEqualTo(200);
        clock.setToday(LocalDate.of(2033, 2, 14));
        Http.Response published = http.post(base + "/publication", admin, null);
        assertThat(published.json().get("publishedOn").asText()).isEqualTo("2033-02-14");
        assertThat(published.json().get("late").asBoolean()).as("due by 10 February").isTrue();

        before = events();
        Map<String, Object> adjustment = Map.of("changes", Map.of("removed", List.of("a-01")),
                "reason", "事项取消", "approver", "区人民政府");
        Http.Response outside = http.post(base + "/adjustments", admin, adjustment);
        problem(outside, 422, "adjustedOn", "outside-adjustment-window");
        assertThat(outside.json().get("detail").asText()).contains("2033-03-25 to 2033-03-31");
        problem(http.post(base + "/adjustments", a.approver(), adjustment), 403, "", "access-denied");
        assertThat(events()).isEqualTo(before);

        clock.setToday(LocalDate.of(2033, 3, 25));
        Http.Response inside = http.post(base + "/adjustments", admin, adjustment);
        assertThat(inside.status()).as(inside.toString()).isEqualTo(201);
        assertThat(inside.json().get("window").get("from").asText()).isEqualTo("2033-03-25");
        assertThat(jdbc.queryForObject("SELECT status FROM plan_batch WHERE plan_year = ? AND batch_id = 'a-01'",
                String.class, year)).isEqualTo("REMOVED");
    }

    @Test
    void planReadsNeedALogin() {
        assertThat(http.get("/api/plans/2034/district", null).status()).isEqualTo(401);
        assertThat(http.get("/api/plans/2034/missing", null).status()).isEqualTo(401);
        assertThat(http.get("/api/plans/2034/district/adjustments", null).status()).isEqualTo(401);
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        problem(http.get("/api/plans/2034/district", auditor), 404, "", "not-found");
        assertThat(http.get("/api/plans/2034/missing", auditor).status()).isEqualTo(200);
    }
}
