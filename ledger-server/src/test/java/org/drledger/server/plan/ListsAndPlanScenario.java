package org.drledger.server.plan;

import org.drledger.server.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.drledger.server.checklist.ProblemChecks.problem;
import static org.drledger.server.plan.PlanRequests.batch;
import static org.drledger.server.plan.PlanRequests.item;
import static org.drledger.server.plan.PlanRequests.plan;
import static org.drledger.server.plan.PlanRequests.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.command.sealer.MerkleStore;
import org.drledger.command.selfcheck.SelfCheck;
import org.drledger.command.selfcheck.SelfCheckReport;
import org.drledger.server.checklist.SeedItems;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.ServerTestSupport;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The 一单 and the annual plan walked end to end on a running server, the date driven by a mutable clock: three
 * departments draft, revise and publish their lists; the office's joint list consolidates them; the department
 * plans for 2027 come in (one late); the office consolidates the district plan, records the government's approval,
 * publishes and files it; an adjustment is refused outside the quarter-end window and accepted inside it. Every
 * entry is sealed and the self-check passes. Departments, calendar, approver and filing recipient are the
 * district's own ({@code seeds/ziyang-plan-2020.json}, 益资政发〔2020〕6号). Runs on H2 and on PostgreSQL (subclasses).
 */
@Import(MutableClockConfiguration.class)
abstract class ListsAndPlanScenario extends ServerTestSupport {
    private static final int YEAR = 2027;

    @Autowired
    MutableClock clock;
    @Autowired
    MerkleStore merkle;
    @Autowired
    SelfCheck selfCheck;

    private record Dept(String id, String list, TestUsers.Credentials clerk, TestUsers.Credentials approver) {
    }

    /** One of the departments the district's document names, registered (with a signing key) under a fresh id. */
    private String register(ZiyangPlanSeed.Department seed) {
        String id = unique(seed.id());
        assertThat(http.post("/api/departments", admin, Map.of("departmentId", id, "name", seed.name())).status())
                .isEqualTo(201);
        assertThat(http.post("/api/departments/" + id + "/keys", admin, null).status()).isEqualTo(201);
        return id;
    }

    private Dept departmentWithPublishedList(ZiyangPlanSeed.Department seed, List<String> codes) {
        String id = register(seed);
        TestUsers.Credentials clerk = user(id, Role.DEPT_CLERK);
        TestUsers.Credentials approver = user(id, Role.DEPT_APPROVER);
        String list = id + "-list";
        ok(http.post("/api/checklists", clerk, Map.of("listId", list, "ownerDepartment", id, "kind", "DEPARTMENT",
                "title", "随机抽查事项清单")), 201);
        for (String code : codes) {
            ok(http.post("/api/checklists/" + list + "/items", clerk, SeedItems.item(code)), 200);
        }
        // a revision of the draft before publication
        ok(http.post("/api/checklists/" + list + "/items", clerk, SeedItems.with(SeedItems.item(codes.get(0)),
                "remarks", "结合本部门权责清单")), 200);
        JsonNode published = ok(http.post("/api/checklists/" + list + "/publish", approver, null), 200);
        assertThat(published.get("version").asInt()).isEqualTo(1);
        return new Dept(id, list, clerk, approver);
    }

    private static Map<String, Object> jointItem(String code, String seed, String lead, String assisting,
                                                 List<Map<String, Object>> sources) {
        Map<String, Object> i = SeedItems.with(SeedItems.item(seed), "code", code);
        i = SeedItems.with(i, "field", "市场监管");
        i = SeedItems.with(i, "leadDepartment", lead);
        i = SeedItems.with(i, "assistingDepartments", List.of(assisting));
        i = SeedItems.with(i, "level", "区级");
        return SeedItems.with(i, "sources", sources);
    }

    @Test
    void listsThenTheAnnualPlanFromSubmissionToAdjustment() {
        clock.setToday(LocalDate.of(2026, 12, 1));

        // 1. three of the district's priority lead departments (益资政发〔2020〕6号): lists drafted, revised, published
        List<ZiyangPlanSeed.Department> leads = ZiyangPlanSeed.priorityLeadDepartments();
        Dept a = departmentWithPublishedList(leads.get(0), List.of("A01-01", "A01-02"));
        Dept b = departmentWithPublishedList(leads.get(1), List.of("A01-01", "A01-03"));
        Dept c = departmentWithPublishedList(leads.get(2), List.of("A01-03"));
        ok(http.post("/api/checklists/" + a.list() + "/items/A01-02/retire", a.clerk(),
                Map.of("reason", "并入营业执照检查")), 204);
        assertThat(ok(http.post("/api/checklists/" + a.list() + "/publish", a.approver(), null), 200)
                .get("version").asInt()).isEqualTo(2);

        // 2. the office's joint list consolidating them
        String joint = "joint-" + YEAR;
        ok(http.post("/api/checklists", admin, Map.of("listId", joint, "ownerDepartment", office, "kind", "JOINT",
                "title", "资阳区部门联合随机抽查事项清单")), 201);
        ok(http.post("/api/checklists/" + joint + "/items", admin, jointItem("J01-01", "A01-01", a.id(), b.id(),
                List.of(item(a.list(), 2, "A01-01"), item(b.list(), 1, "A01-01")))), 200);
        problem(http.post("/api/checklists/" + joint + "/items", admin, jointItem("J01-02", "A01-02", a.id(), c.id(),
                List.of(item(a.list(), 2, "A01-02")))), 422, "item.sources[0]", "source-retired");
        ok(http.post("/api/checklists/" + joint + "/items", admin, jointItem("J01-02", "A01-03", c.id(), b.id(),
                List.of(item(c.list(), 1, "A01-03"), item(b.list(), 1, "A01-03")))), 200);
        ok(http.post("/api/checklists/" + joint + "/publish", admin, null), 200);
        assertThat(jdbc.queryForList("SELECT code FROM published_item WHERE list_id = ? AND version = 1 "
                + "ORDER BY code", String.class, joint)).containsExactly("J01-01", "J01-02");

        // 3. department plans: two on time, one late
        clock.setToday(LocalDate.of(2026, 12, 28));
        JsonNode planA = ok(http.post("/api/plans/" + YEAR + "/departments/" + a.id(), a.approver(),
                plan(batch(YEAR, a.id() + "-01", a.id(), List.of(), List.of(item(a.list(), 2, "A01-01"))))), 201);
        assertThat(planA.get("late").asBoolean()).isFalse();
        assertThat(planA.get("deadline").asText()).as("12月底前, the year before")
                .isEqualTo(ZiyangPlanSeed.due("departmentPlansDue", YEAR).toString());
        JsonNode planB = ok(http.post("/api/plans/" + YEAR + "/departments/" + b.id(), b.approver(),
                plan(batch(YEAR, b.id() + "-01", b.id(), List.of(), List.of(item(b.list(), 1, "A01-01"))),
                        batch(YEAR, b.id() + "-02", b.id(), List.of(), List.of(item(b.list(), 1, "A01-03"))))), 201);
        assertThat(planB.get("late").asBoolean()).isFalse();

        clock.setToday(LocalDate.of(2027, 1, 6));
        JsonNode missing = ok(http.get("/api/plans/" + YEAR + "/missing", admin), 200);
        assertThat(missing.get("departments").findValuesAsText("departmentId")).contains(c.id())
                .doesNotContain(a.id(), b.id());
        JsonNode planC = ok(http.post("/api/plans/" + YEAR + "/departments/" + c.id(), c.approver(),
                plan(batch(YEAR, c.id() + "-01", c.id(), List.of(), List.of(item(c.list(), 1, "A01-03"))))), 201);
        assertThat(planC.get("late").asBoolean()).as("a late submission is recorded, not refused").isTrue();
        assertThat(planC.get("deadline").asText()).isEqualTo("2026-12-31");

        // 4. the district plan: consolidated, approved, published, filed
        clock.setToday(LocalDate.of(2027, 1, 22));
        String district = "/api/plans/" + YEAR + "/district";
        List<Map<String, Object>> selections = new ArrayList<>();
        for (Dept d : List.of(a, b, c)) {
            selections.add(Map.of("department", d.id(), "version", 1));
        }
        Map<String, Object> jointBatch = batch(YEAR, "joint-01", a.id(), List.of(b.id()),
                List.of(item(joint, 1, "J01-01")));
        JsonNode consolidated = ok(http.post(district + "/consolidation", admin, Map.of("departmentPlans", selections,
                "jointBatches", List.of(jointBatch))), 200);
        assertThat(consolidated.get("late").asBoolean()).isFalse();
        assertThat(consolidated.get("deadline").asText()).as("1月底前")
                .isEqualTo(ZiyangPlanSeed.due("districtPlanDue", YEAR).toString());
        assertThat(consolidated.get("departmentPlans")).hasSize(3);
        assertThat(consolidated.get("departmentPlans").get(1).get("batchIds")).extracting(JsonNode::asText)
                .containsExactly(b.id() + "-01", b.id() + "-02");

        clock.setToday(LocalDate.of(2027, 1, 29));
        problem(http.post(district + "/publication", admin, null), 409, "publishedOn", "not-approved");
        ok(http.post(district + "/approval", admin, Map.of("document", "资政函〔2027〕3号", "approvedOn", "2027-01-28")),
                200);
        clock.setToday(LocalDate.of(2027, 2, 5));
        JsonNode published = ok(http.post(district + "/publication", admin, null), 200);
        assertThat(published.get("late").asBoolean()).isFalse();
        assertThat(published.get("deadline").asText()).as("2月上旬")
                .isEqualTo(ZiyangPlanSeed.due("publicationDue", YEAR).toString());
        ok(http.post(district + "/filing", admin, Map.of("filedWith", ZiyangPlanSeed.filedWith(),
                "filedOn", "2027-02-05")), 200);

        // 5. an adjustment: refused outside the window, accepted inside it
        Map<String, Object> adjustment = Map.of(
                "changes", Map.of(
                        "added", List.of(batch(YEAR, "joint-02", c.id(), List.of(b.id()),
                                List.of(item(joint, 1, "J01-02")))),
                        "removed", List.of(c.id() + "-01"),
                        "changed", List.of(with(batch(YEAR, a.id() + "-01", a.id(), List.of(),
                                List.of(item(a.list(), 2, "A01-01"))), "quantity", 5))),
                "reason", "市局部署专项抽查，调整批次",
                "approver", ZiyangPlanSeed.government());
        clock.setToday(LocalDate.of(2027, 2, 20));
        long before = events();
        Http.Response outside = http.post(district + "/adjustments", admin, adjustment);
        problem(outside, 422, "adjustedOn", "outside-adjustment-window");
        assertThat(outside.json().get("detail").asText()).contains("2027-03-25 to 2027-03-31");
        assertThat(events()).as("a refused adjustment writes nothing").isEqualTo(before);

        clock.setToday(LocalDate.of(2027, 3, 27));
        JsonNode adjusted = ok(http.post(district + "/adjustments", admin, adjustment), 201);
        assertThat(adjusted.get("adjustment").asInt()).isEqualTo(1);
        assertThat(adjusted.get("window").get("from").asText()).isEqualTo("2027-03-25");
        assertThat(adjusted.get("window").get("to").asText()).isEqualTo("2027-03-31");
        assertThat(LocalDate.parse(adjusted.get("window").get("from").asText()).plusDays(
                ZiyangPlanSeed.adjustmentWindowDays() - 1L)).as("每个季度的最后一个星期").isEqualTo(LocalDate.of(YEAR, 3, 31));

        // the plan as it stands, with its history
        JsonNode view = ok(http.get(district, c.clerk()), 200);
        assertThat(view.get("state").get("publishedOn").asText()).isEqualTo("2027-02-05");
        assertThat(view.get("state").get("filedOn").asText()).isEqualTo("2027-02-05");
        assertThat(view.get("approval").get("document").asText()).isEqualTo("资政函〔2027〕3号");
        assertThat(view.get("filing").get("filedWith").asText()).isEqualTo(ZiyangPlanSeed.filedWith());
        assertThat(view.get("adjustments")).hasSize(1);
        Map<String, String> status = new java.util.TreeMap<>();
        view.get("batches").forEach(r -> status.put(r.get("batchId").asText(), r.get("status").asText()));
        assertThat(status).containsEntry(a.id() + "-01", "ACTIVE").containsEntry(b.id() + "-01", "ACTIVE")
                .containsEntry(b.id() + "-02", "ACTIVE").containsEntry(c.id() + "-01", "REMOVED")
                .containsEntry("joint-01", "ACTIVE").containsEntry("joint-02", "ACTIVE");
        assertThat(jdbc.queryForObject("SELECT items FROM plan_batch WHERE plan_year = ? AND batch_id = 'joint-02'",
                String.class, YEAR)).isEqualTo(joint + ":1:J01-02");
        assertThat(ok(http.get(district + "/adjustments", c.clerk()), 200).get(0).get("reason").asText())
                .isEqualTo("市局部署专项抽查，调整批次");

        // every entry is signed, chained and sealed
        assertThat(jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, "plan:" + YEAR + ":district"))
                .extracting(t -> t.substring(Math.max(t.lastIndexOf('.'), t.lastIndexOf('$')) + 1))
                .containsExactly("DistrictPlanConsolidated", "DistrictPlanApproved", "DistrictPlanPublished",
                        "DistrictPlanFiled", "DistrictPlanAdjusted");
        long total = events();
        await().atMost(Duration.ofSeconds(60)).until(() -> merkle.size() == total);
        SelfCheckReport report = selfCheck.run();
        assertThat(report.ok()).as(report.toString()).isTrue();
    }

    private static JsonNode ok(Http.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r.status() == 204 ? null : r.json();
    }
}
