package org.drledger.server.query.views;

import static org.drledger.server.e2e.PlanRequests.batch;
import static org.drledger.server.e2e.PlanRequests.item;
import static org.drledger.server.e2e.PlanRequests.jointItem;
import static org.drledger.server.e2e.PlanRequests.newTask;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.server.checklist.SeedItems;
import org.drledger.server.registry.RegistryFiles;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.MutableClock;
import org.drledger.server.testing.TestUsers;

/**
 * A district's year through the REST API, as DistrictYearScenario drives it but cut to what the views show: lists
 * (a second version retiring an item, an unpublished draft change), department plans (one late), the district plan
 * consolidated, approved, published, filed and adjusted, registries imported by CSV with confidential values, a joint
 * task planned and frozen, then an entity revised after the freeze. Remembers the confidential values it put in.
 */
final class ViewsYear {
    static final int YEAR = 2023;
    static final String DRAFT_ONLY_NAME = "仅在草稿中的事项名称";
    private static final String[] DISTRICTS = {"宝台镇", "松涛镇", "南津镇"};
    private static final String[] CLASSES = {"A", "B", "C", "D"};

    record Dept(String id, String list, TestUsers.Credentials clerk, TestUsers.Credentials approver) {
    }

    interface Server {
        Http http();

        TestUsers.Credentials admin();

        String office();

        TestUsers.Credentials user(String department, Role... roles);

        String unique(String prefix);
    }

    Dept market;
    Dept env;
    String joint;
    String taskId;
    JsonNode frozen;
    String revisedObject;
    String revisedOldName;
    String revisedNewName;
    final List<String> entities = new ArrayList<>();
    final List<String> idCards = new ArrayList<>();
    final List<String> phones = new ArrayList<>();

    /** Runs the year up to the freeze; {@link #reviseAfterFreeze} does the rest. */
    void run(Server s, MutableClock clock) {
        Http http = s.http();
        clock.setToday(LocalDate.of(2022, 12, 1));
        market = departmentWithList(s, "scjg", "区市场监督管理局", List.of("A01-01", "A01-02", "A01-03"));
        env = departmentWithList(s, "sthj", "区生态环境局", List.of("A01-01", "A01-03"));
        joint = s.unique("joint");
        ok(http.post("/api/checklists", s.admin(), Map.of("listId", joint, "ownerDepartment", s.office(), "kind",
                "JOINT", "title", "资阳区部门联合随机抽查事项清单")), 201);
        ok(http.post("/api/checklists/" + joint + "/items", s.admin(), jointItem("J01-01", "A01-01", market.id(),
                List.of(env.id()), List.of(item(market.list(), 1, "A01-01"), item(env.list(), 1, "A01-01")))), 200);
        ok(http.post("/api/checklists/" + joint + "/publish", s.admin(), null), 200);
        // the market list's second version: A01-02 retired, A01-03 revised
        ok(http.post("/api/checklists/" + market.list() + "/items/A01-02/retire", market.clerk(),
                Map.of("reason", "法律依据已废止")), 204);
        Map<String, Object> revised = new LinkedHashMap<>(SeedItems.item("A01-03"));
        revised.put("remarks", "2022年12月修订");
        ok(http.post("/api/checklists/" + market.list() + "/items", market.clerk(), revised), 200);
        ok(http.post("/api/checklists/" + market.list() + "/publish", market.approver(), null), 200);
        // an unpublished change to the environment list: a draft only its department sees
        Map<String, Object> draft = new LinkedHashMap<>(SeedItems.item("A01-03"));
        draft.put("name", DRAFT_ONLY_NAME);
        ok(http.post("/api/checklists/" + env.list() + "/items", env.clerk(), draft), 200);

        // the plan: market on time, environment late; consolidation, approval, publication, filing
        clock.setToday(LocalDate.of(2022, 12, 28));
        ok(http.post("/api/plans/" + YEAR + "/departments/" + market.id(), market.approver(), Map.of("batches",
                List.of(batch(market.id() + "-01", market.id(), List.of(), item(market.list(), 2, "A01-03"))))), 201);
        clock.setToday(LocalDate.of(2023, 1, 6));
        ok(http.post("/api/plans/" + YEAR + "/departments/" + env.id(), env.approver(), Map.of("batches",
                List.of(batch(env.id() + "-01", env.id(), List.of(), item(env.list(), 1, "A01-03"))))), 201);
        String district = "/api/plans/" + YEAR + "/district";
        clock.setToday(LocalDate.of(2023, 1, 20));
        ok(http.post(district + "/consolidation", s.admin(), Map.of("departmentPlans", List.of(
                Map.of("department", market.id(), "version", 1), Map.of("department", env.id(), "version", 1)),
                "jointBatches", List.of(batch("joint-01", market.id(), List.of(env.id()), item(joint, 1, "J01-01"))))),
                200);
        assertThat(http.get("/api/public/plans/" + YEAR, null).status()).as("not public before publication")
                .isEqualTo(404);
        clock.setToday(LocalDate.of(2023, 1, 30));
        ok(http.post(district + "/approval", s.admin(), Map.of("document", "资政函〔2023〕3号", "approvedOn",
                "2023-01-29")), 200);
        clock.setToday(LocalDate.of(2023, 2, 6));
        ok(http.post(district + "/publication", s.admin(), null), 200);
        ok(http.post(district + "/filing", s.admin(), Map.of("filedWith", "资阳市市场监督管理局", "filedOn",
                "2023-02-06")), 200);

        // the registries by CSV, with credit classes, ID numbers and phones
        clock.setToday(LocalDate.of(2023, 2, 15));
        importObjects(s, market, 0, 60);
        importObjects(s, env, 60, 20);
        importInspectors(s, market, "SC", 6);
        importInspectors(s, env, "HJ", 4);

        // the plan adjusted in the quarter-end week: remove the environment batch
        clock.setToday(LocalDate.of(2023, 3, 28));
        ok(http.post(district + "/adjustments", s.admin(), Map.of("changes", Map.of("added", List.of(),
                "removed", List.of(env.id() + "-01"), "changed", List.of()), "reason", "专项整治任务调整",
                "approver", "资阳区人民政府")), 201);

        // a joint task planned and frozen on the draw day
        clock.set(Instant.parse("2023-08-23T02:00:00Z"));
        taskId = s.unique("zy2023-views");
        ok(http.post("/api/tasks", market.approver(), newTask(taskId, "joint-01", market.id(), List.of(env.id()),
                joint, "J01-01")), 201);
        frozen = ok(http.post("/api/tasks/" + taskId + "/freeze", market.clerk(), null), 200);
        assertThat(frozen.get("registryObjects").asLong()).isEqualTo(80);
    }

    /** After the freeze: an entity renamed, deregistered and reclassified. */
    void reviseAfterFreeze(Server s) {
        revisedObject = entities.get(5);
        revisedOldName = "资阳市场主体5";
        revisedNewName = "资阳更名后的市场主体5";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("objectId", revisedObject);
        body.put("objectType", "ENTERPRISE");
        body.put("name", revisedNewName);
        body.put("industry", "retail");
        body.put("district", DISTRICTS[5 % 3]);
        body.put("address", DISTRICTS[5 % 3] + ", 某路5号");
        body.put("status", "DEREGISTERED");
        body.put("creditRiskClass", "D");
        body.put("registryDepartment", market.id());
        JsonNode r = ok(s.http().send("PUT", "/api/registries/objects/" + revisedObject, market.clerk(),
                "application/json", Http.toJson(body)), 200);
        assertThat(r.get("changed").asBoolean()).isTrue();
    }

    private Dept departmentWithList(Server s, String prefix, String name, List<String> codes) {
        Http http = s.http();
        String id = s.unique(prefix);
        ok(http.post("/api/departments", s.admin(), Map.of("departmentId", id, "name", name)), 201);
        ok(http.post("/api/departments/" + id + "/keys", s.admin(), null), 201);
        TestUsers.Credentials clerk = s.user(id, Role.DEPT_CLERK);
        TestUsers.Credentials approver = s.user(id, Role.DEPT_APPROVER);
        String list = id + "-list";
        ok(http.post("/api/checklists", clerk, Map.of("listId", list, "ownerDepartment", id, "kind", "DEPARTMENT",
                "title", name + "随机抽查事项清单")), 201);
        for (String code : codes) {
            ok(http.post("/api/checklists/" + list + "/items", clerk, SeedItems.item(code)), 200);
        }
        ok(http.post("/api/checklists/" + list + "/publish", approver, null), 200);
        return new Dept(id, list, clerk, approver);
    }

    private void importObjects(Server s, Dept d, int first, int count) {
        List<String> rows = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String id = RegistryFiles.uscc(9100 + i);
            entities.add(id);
            rows.add(String.join(",", id, i % 10 == 0 ? "INDIVIDUAL_BUSINESS" : "ENTERPRISE", "资阳市场主体" + i,
                    i % 3 == 0 ? "food" : "retail", DISTRICTS[i % 3], "\"" + DISTRICTS[i % 3] + ", 某路" + i + "号\"",
                    "ACTIVE", CLASSES[(i * 7 + i / 4) % 4], d.id()));
        }
        JsonNode report = ok(s.http().send("POST", "/api/registries/objects/imports", d.clerk(),
                "text/csv; charset=UTF-8", RegistryFiles.csv(RegistryFiles.OBJECT_HEADER, rows)), 200);
        assertThat(report.at("/rows/written").asLong()).as(report.toString()).isEqualTo(count);
    }

    private void importInspectors(Server s, Dept d, String prefix, int count) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + String.format("%03d", i);
            long person = Math.abs(prefix.hashCode() % 1000 * 100L + i + 200000);
            String idCard = RegistryFiles.idCard(person);
            String phone = RegistryFiles.phone(person);
            idCards.add(idCard);
            phones.add(phone);
            rows.add(String.join(",", id, d.id(), "检查员" + id, "川执" + id, "2027-06-30", "food;retail",
                    "J01-01", DISTRICTS[i % 3], "ACTIVE", i % 2 == 0 ? "true" : "false", "", idCard, phone));
        }
        JsonNode report = ok(s.http().send("POST", "/api/registries/inspectors/imports", d.clerk(),
                "text/csv; charset=UTF-8", RegistryFiles.csv(RegistryFiles.INSPECTOR_HEADER, rows)), 200);
        assertThat(report.at("/rows/written").asLong()).as(report.toString()).isEqualTo(count);
    }

    static JsonNode ok(Http.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r.status() == 204 ? null : r.json();
    }
}
