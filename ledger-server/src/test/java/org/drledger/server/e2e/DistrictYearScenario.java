package org.drledger.server.e2e;

import static org.drledger.server.e2e.PlanRequests.batch;
import static org.drledger.server.e2e.PlanRequests.item;
import static org.drledger.server.e2e.PlanRequests.jointItem;
import static org.drledger.server.e2e.PlanRequests.newTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.drledger.server.testing.LedgerReplay.one;
import static org.drledger.server.testing.LedgerReplay.taskEntries;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.command.sealer.CheckpointService;
import org.drledger.command.sealer.MerkleStore;
import org.drledger.command.vault.Vault;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.HashAlgorithm;
import org.drledger.core.draw.DrawHashes;
import org.drledger.core.json.CanonicalJson;
import org.drledger.server.checklist.SeedItems;
import org.drledger.server.registry.RegistryFiles;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.LedgerReplay;
import org.drledger.server.testing.LedgerReplay.Stored;
import org.drledger.server.testing.ServerTestSupport;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A year of a small district, end to end through the REST API as its users act, the date moved by an injected clock
 * (written once, run on H2 and PostgreSQL). Three departments publish their lists and the office a joint list
 * (Dec 2022); department plans for 2023 come in, one late; the office consolidates, records the approval, publishes
 * and files the district plan and adjusts it in the quarter-end week (a second joint batch). The departments import
 * their registries by CSV (200 entities, 21 inspectors). On 2023-08-23 two joint tasks (lead and assisting
 * departments) are planned, frozen and committed before drand quicknet round 123, then randomness, reveals and draws;
 * a recusal brings the deterministic substitute. Results are entered by the inspecting departments, reviewed and
 * published, one late (recorded late with its working days), after showing on the overdue list. Finally every draw is
 * recomputed from the stored entries alone with the kernel and the self-check is clean.
 */
@Import(YearClock.Configuration.class)
public abstract class DistrictYearScenario extends ServerTestSupport {
    private static final int YEAR = 2023;
    /** drand quicknet round 123 (published 2023-08-23T15:15:33Z), the public vector of the formats reference. */
    private static final String SIGNATURE = "b75c69d0b72a5d906e854e808ba7e2accb1542ac355ae486d591aa9d43765482e26cd02df835d3546d23c4b13e0dfc92";
    private static final String RANDOMNESS = "fb8f7bc29bf24db51871ec8c79f3a1e4bd0557bc0dfcee9ed1d924e69d1c60dc";
    private static final Instant DRAW_DAY = Instant.parse("2023-08-23T02:00:00Z");
    private static final Instant AFTER_ROUND = Instant.parse("2023-08-23T15:20:00Z");
    private static final String ORG = "organizer";
    private static final String DIO = "discipline-office";
    private static final String[] DISTRICTS = {"宝台镇", "松涛镇", "南津镇"};
    private static final String[] CLASSES = {"A", "B", "C", "D"};

    @Autowired
    YearClock clock;
    @Autowired
    MerkleStore merkle;
    @Autowired
    CheckpointService checkpoints;
    @Autowired
    CryptoSuite suite;
    @Autowired
    Vault vault;

    private record Dept(String id, String list, TestUsers.Credentials clerk, TestUsers.Credentials approver) {
    }

    @Test
    protected void aYearOfTheDistrictFromListsToPublicationIsRecomputableFromTheLedgerAlone() {
        // 1. 一单: three departments' lists and the office's joint list
        clock.setToday(LocalDate.of(2022, 12, 1));
        Dept market = departmentWithList("scjg", "区市场监督管理局", List.of("A01-01", "A01-03"));
        Dept env = departmentWithList("sthj", "区生态环境局", List.of("A01-01", "A01-03"));
        Dept agri = departmentWithList("nync", "区农业农村局", List.of("A01-03"));
        String joint = unique("joint");
        ok(http.post("/api/checklists", admin, Map.of("listId", joint, "ownerDepartment", office, "kind", "JOINT",
                "title", "资阳区部门联合随机抽查事项清单")), 201);
        ok(http.post("/api/checklists/" + joint + "/items", admin, jointItem("J01-01", "A01-01", market.id(),
                List.of(env.id(), agri.id()), List.of(item(market.list(), 1, "A01-01"), item(env.list(), 1, "A01-01")))),
                200);
        ok(http.post("/api/checklists/" + joint + "/items", admin, jointItem("J01-02", "A01-03", env.id(),
                List.of(market.id()), List.of(item(env.list(), 1, "A01-03"), item(agri.list(), 1, "A01-03")))), 200);
        ok(http.post("/api/checklists/" + joint + "/publish", admin, null), 200);

        // 2. the annual plan: department plans (one late), consolidation, approval, publication, filing
        clock.setToday(LocalDate.of(2022, 12, 28));
        for (Dept d : List.of(market, env)) {
            assertThat(ok(http.post("/api/plans/" + YEAR + "/departments/" + d.id(), d.approver(), Map.of("batches",
                    List.of(batch(d.id() + "-01", d.id(), List.of(), item(d.list(), 1, "A01-03"))))), 201)
                    .get("late").asBoolean()).isFalse();
        }
        clock.setToday(LocalDate.of(2023, 1, 6));
        assertThat(ok(http.get("/api/plans/" + YEAR + "/missing", admin), 200).get("departments")
                .findValuesAsText("departmentId")).contains(agri.id()).doesNotContain(market.id(), env.id());
        JsonNode latePlan = ok(http.post("/api/plans/" + YEAR + "/departments/" + agri.id(), agri.approver(),
                Map.of("batches", List.of(batch(agri.id() + "-01", agri.id(), List.of(),
                        item(agri.list(), 1, "A01-03"))))), 201);
        assertThat(latePlan.get("late").asBoolean()).isTrue();
        assertThat(latePlan.get("deadline").asText()).isEqualTo("2022-12-31");

        String district = "/api/plans/" + YEAR + "/district";
        clock.setToday(LocalDate.of(2023, 1, 20));
        List<Map<String, Object>> selections = new ArrayList<>();
        for (Dept d : List.of(market, env, agri)) {
            selections.add(Map.of("department", d.id(), "version", 1));
        }
        ok(http.post(district + "/consolidation", admin, Map.of("departmentPlans", selections, "jointBatches",
                List.of(batch("joint-01", market.id(), List.of(env.id(), agri.id()), item(joint, 1, "J01-01"))))), 200);
        clock.setToday(LocalDate.of(2023, 1, 30));
        ok(http.post(district + "/approval", admin, Map.of("document", "资政函〔2023〕3号", "approvedOn", "2023-01-29")),
                200);
        clock.setToday(LocalDate.of(2023, 2, 6));
        assertThat(ok(http.post(district + "/publication", admin, null), 200).get("late").asBoolean()).isFalse();
        ok(http.post(district + "/filing", admin, Map.of("filedWith", "资阳市市场监督管理局", "filedOn", "2023-02-06")),
                200);

        // 3. the registries, imported by CSV by each department (200 entities, 21 inspectors)
        clock.setToday(LocalDate.of(2023, 2, 15));
        List<String> entities = new ArrayList<>();
        importObjects(market, 0, 120, entities);
        importObjects(env, 120, 50, entities);
        importObjects(agri, 170, 30, entities);
        assertThat(entities).hasSize(200);
        List<String> marketOfficers = importInspectors(market, "SC", 9, entities.get(3));
        List<String> envOfficers = importInspectors(env, "HJ", 6, null);
        List<String> agriOfficers = importInspectors(agri, "NY", 6, null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registry_object", Long.class)).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registry_inspector", Long.class)).isEqualTo(21);

        // 4. the plan adjusted in the quarter-end week: a second joint batch led by the environment bureau
        clock.setToday(LocalDate.of(2023, 3, 28));
        JsonNode adjusted = ok(http.post(district + "/adjustments", admin, Map.of(
                "changes", Map.of("added", List.of(batch("joint-02", env.id(), List.of(market.id()),
                        item(joint, 1, "J01-02"))), "removed", List.of(), "changed", List.of()),
                "reason", "市局部署专项联合抽查", "approver", "资阳区人民政府")), 201);
        assertThat(adjusted.get("window").get("to").asText()).isEqualTo("2023-03-31");

        // 5. two joint tasks on the draw day: planned, frozen, committed, all sealed before round 123
        clock.set(DRAW_DAY);
        String task1 = unique("zy2023-joint-01");
        String task2 = unique("zy2023-joint-02");
        ok(http.post("/api/tasks", market.approver(), newTask(task1, "joint-01", market.id(),
                List.of(env.id(), agri.id()), joint, "J01-01")), 201);
        ok(http.post("/api/tasks", env.approver(), newTask(task2, "joint-02", env.id(), List.of(market.id()), joint,
                "J01-02")), 201);
        JsonNode frozen1 = ok(http.post("/api/tasks/" + task1 + "/freeze", market.clerk(), null), 200);
        assertThat(frozen1.get("registryObjects").asLong()).isEqualTo(200);
        assertThat(frozen1.get("registryInspectors").asLong()).isEqualTo(21);
        assertThat(frozen1.get("conflicts").asLong()).isEqualTo(1);
        ok(http.post("/api/tasks/" + task2 + "/freeze", env.clerk(), null), 200);
        commit(task1, market.clerk(), ORG);
        commit(task1, agri.clerk(), DIO);
        commit(task2, env.clerk(), ORG);
        commit(task2, market.clerk(), DIO);
        long sealed = sealAll();
        assertThat(checkpoints.signIfBehind()).contains(sealed);

        // 6. after the round: randomness, reveals by both parties, the draws
        clock.set(AFTER_ROUND);
        for (String[] t : new String[][]{{task1, "m"}, {task2, "e"}}) {
            TestUsers.Credentials clerk = t[1].equals("m") ? market.clerk() : env.clerk();
            TestUsers.Credentials other = t[1].equals("m") ? agri.clerk() : market.clerk();
            String path = "/api/tasks/" + t[0];
            JsonNode rand = ok(http.post(path + "/randomness", clerk, Map.of("source", "drand-quicknet", "round", 123,
                    "signature", SIGNATURE, "randomness", RANDOMNESS)), 200);
            assertThat(rand.at("/randomness/sealedBy/treeSize").asLong()).isLessThanOrEqualTo(sealed);
            ok(http.post(path + "/reveals", clerk, Map.of("partyId", ORG, "secret", Hex.encode(secret(t[0], ORG)))),
                    200);
            ok(http.post(path + "/reveals", other, Map.of("partyId", DIO, "secret", Hex.encode(secret(t[0], DIO)))),
                    200);
            ok(http.post(path + "/draw", clerk, null), 200);
        }
        JsonNode draw1 = one(taskEntries(ledger(), task1), "DrawExecuted");
        JsonNode draw2 = one(taskEntries(ledger(), task2), "DrawExecuted");
        assertThat(draw1.get("targets").size()).isGreaterThanOrEqualTo(3);
        assertThat(draw2.get("targets").size()).isGreaterThanOrEqualTo(3);
        assertThat(draw1.get("seed").asText()).isNotEqualTo(draw2.get("seed").asText());
        for (JsonNode team : draw1.get("teams")) {
            assertThat(team.at("/slots/0/department").asText()).isEqualTo(market.id());
            assertThat(team.at("/slots/1/department").asText()).isIn(env.id(), agri.id());
        }
        assertThat(draw2.at("/teams/0/slots/0/department").asText()).isEqualTo(env.id());
        assertThat(draw2.at("/teams/0/slots/1/department").asText()).isEqualTo(market.id());

        // 7. a recusal in the first task: the lead's approver records it, the kernel's substitute takes the slot
        JsonNode team = draw1.get("teams").get(0);
        String target = team.get("entityId").asText();
        String recused = team.at("/slots/1/officerId").asText();
        ok(http.post("/api/tasks/" + task1 + "/recusals", market.approver(), Map.of("objectId", target, "officerId",
                recused, "reason", "与检查对象法定代表人系近亲属", "decidedBy", "局长 王某")), 200);
        JsonNode substitute = one(taskEntries(ledger(), task1), "SubstituteAssigned");
        assertThat(substitute.get("recusedOfficerId").asText()).isEqualTo(recused);
        assertThat(substitute.get("officerId").asText()).isNotEqualTo(recused);
        assertThat(jdbc.queryForObject("SELECT officer_id FROM task_assignment WHERE task_id = ? AND object_id = ? "
                + "AND slot = 2", String.class, task1, target)).isEqualTo(substitute.get("officerId").asText());
        assertThat(marketOfficers.size() + envOfficers.size() + agriOfficers.size()).isEqualTo(21);

        // 8. results (trigger Fri 2023-09-08, deadline Thu 2023-10-12 across 中秋/国庆 2023): entered by the
        // inspecting departments, reviewed by their approvers
        clock.setToday(LocalDate.of(2023, 9, 11));
        String r1 = result(task1, target, "J01-01");
        String r2 = result(task1, draw1.at("/teams/1/entityId").asText(), "J01-01");
        String r3 = result(task2, draw2.at("/teams/0/entityId").asText(), "J01-02");
        JsonNode entered = ok(put(r1, market.clerk(), entry()), 200);
        assertThat(entered.get("deadline").asText()).isEqualTo("2023-10-12");
        ok(put(r2, agri.clerk(), entry()), 200);
        ok(put(r3, env.clerk(), entry()), 200);
        clock.setToday(LocalDate.of(2023, 9, 12));
        ok(http.post(r1 + "/review", market.approver(), Map.of("decision", "APPROVED")), 200);
        ok(http.post(r2 + "/review", agri.approver(), Map.of("decision", "APPROVED")), 200);
        ok(http.post(r3 + "/review", env.approver(), Map.of("decision", "APPROVED")), 200);

        // 9. publication: two on time; the third shows as overdue, then is published late
        clock.setToday(LocalDate.of(2023, 10, 10));
        for (String[] p : new String[][]{{r1, "m"}, {r3, "e"}}) {
            JsonNode pub = ok(http.post(p[0] + "/publish", p[1].equals("m") ? market.approver() : env.approver(),
                    "{}"), 200);
            assertThat(pub.at("/publication/late").asBoolean()).isFalse();
        }
        clock.setToday(LocalDate.of(2023, 10, 13));
        JsonNode overdue = ok(http.get("/api/results/overdue", admin), 200);
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).get("taskId").asText()).isEqualTo(task1);
        assertThat(overdue.get(0).get("deadline").asText()).isEqualTo("2023-10-12");
        assertThat(overdue.get(0).get("workingDaysOverdue").asInt()).isEqualTo(1);
        assertThat(ok(http.get("/api/results/overdue", market.approver()), 200)).as("own department only").isEmpty();
        clock.setToday(LocalDate.of(2023, 10, 16));
        JsonNode late = ok(http.post(r2 + "/publish", agri.approver(), "{}"), 200);
        assertThat(late.at("/publication/late").asBoolean()).isTrue();
        assertThat(late.at("/publication/workingDaysLate").asInt()).as("Fri 10-13 and Mon 10-16").isEqualTo(2);
        assertThat(ok(http.get("/api/results/overdue", admin), 200)).isEmpty();

        // 10. the verifier's view: every draw recomputed from the stored entries alone, and a clean self-check
        List<Stored> all = ledger();
        JsonNode latePayload = all.stream().filter(s -> s.type().equals("ResultPublished") && s.payload()
                .get("late").asBoolean()).map(Stored::payload).findFirst().orElseThrow();
        assertThat(latePayload.get("workingDaysLate").asInt()).isEqualTo(2);
        for (String t : List.of(task1, task2)) {
            LedgerReplay.recomputeDraw(all, taskEntries(all, t), c -> vault.open(c).map(JsonNode::asText));
        }
        assertThat(CanonicalJson.write(one(taskEntries(all, task1), "DrawExecuted")))
                .isEqualTo(CanonicalJson.write(draw1));
        JsonNode check = ok(http.get("/api/admin/self-check", user(office, Role.AUDITOR)), 200);
        assertThat(check.get("findings")).as(check.toString()).isEmpty();
        assertThat(check.get("ok").asBoolean()).isTrue();
    }

    private Dept departmentWithList(String prefix, String name, List<String> codes) {
        String id = unique(prefix);
        ok(http.post("/api/departments", admin, Map.of("departmentId", id, "name", name)), 201);
        ok(http.post("/api/departments/" + id + "/keys", admin, null), 201);
        TestUsers.Credentials clerk = user(id, Role.DEPT_CLERK);
        TestUsers.Credentials approver = user(id, Role.DEPT_APPROVER);
        String list = id + "-list";
        ok(http.post("/api/checklists", clerk, Map.of("listId", list, "ownerDepartment", id, "kind", "DEPARTMENT",
                "title", name + "随机抽查事项清单")), 201);
        for (String code : codes) {
            ok(http.post("/api/checklists/" + list + "/items", clerk, SeedItems.item(code)), 200);
        }
        assertThat(ok(http.post("/api/checklists/" + list + "/publish", approver, null), 200).get("version").asInt())
                .isEqualTo(1);
        return new Dept(id, list, clerk, approver);
    }

    /** {@code count} enterprises of the department (a few individual businesses, one in 25 deregistered). */
    private void importObjects(Dept d, int first, int count, List<String> ids) {
        List<String> rows = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String id = RegistryFiles.uscc(7000 + i);
            ids.add(id);
            rows.add(String.join(",", id, i % 10 == 0 ? "INDIVIDUAL_BUSINESS" : "ENTERPRISE", "资阳市场主体" + i,
                    i % 3 == 0 ? "food" : "retail", DISTRICTS[i % 3], "\"" + DISTRICTS[i % 3] + ", 某路" + i + "号\"",
                    i % 25 == 7 ? "DEREGISTERED" : "ACTIVE", CLASSES[(i * 7 + i / 4) % 4], d.id()));
        }
        JsonNode report = ok(http.send("POST", "/api/registries/objects/imports", d.clerk(), "text/csv; charset=UTF-8",
                RegistryFiles.csv(RegistryFiles.OBJECT_HEADER, rows)), 200);
        assertThat(report.at("/rows/written").asLong()).as(report.toString()).isEqualTo(count);
    }

    /** {@code count} officers of the department, competent for both joint items; the first declares a conflict. */
    private List<String> importInspectors(Dept d, String prefix, int count, String conflict) {
        List<String> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + String.format("%03d", i);
            ids.add(id);
            long person = prefix.hashCode() % 1000 * 100L + i + 100000;
            rows.add(String.join(",", id, d.id(), "检查员" + id, "川执" + id, "2027-06-30", "food;retail",
                    "J01-01;J01-02", DISTRICTS[i % 3], "ACTIVE", i % 2 == 0 ? "true" : "false",
                    i == 0 && conflict != null ? conflict : "", RegistryFiles.idCard(Math.abs(person)),
                    RegistryFiles.phone(Math.abs(person))));
        }
        JsonNode report = ok(http.send("POST", "/api/registries/inspectors/imports", d.clerk(),
                "text/csv; charset=UTF-8", RegistryFiles.csv(RegistryFiles.INSPECTOR_HEADER, rows)), 200);
        assertThat(report.at("/rows/written").asLong()).as(report.toString()).isEqualTo(count);
        return ids;
    }

    private static byte[] secret(String taskId, String party) {
        return HashAlgorithm.SHA_256.digest(("secret of " + party + " for " + taskId).getBytes(StandardCharsets.UTF_8));
    }

    private void commit(String taskId, TestUsers.Credentials who, String party) {
        ok(http.post("/api/tasks/" + taskId + "/commitments", who, Map.of("partyId", party, "commitment",
                Hex.encode(DrawHashes.commitment(taskId, party, secret(taskId, party))))), 200);
    }

    private static String result(String taskId, String objectId, String itemCode) {
        return "/api/results/" + taskId + "/" + objectId + "/" + itemCode;
    }

    private static Map<String, Object> entry() {
        Map<String, Object> body = new HashMap<>();
        body.put("method", "ON_SITE");
        body.put("resultCodes", List.of("1"));
        body.put("evidence", List.of("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        body.put("triggerKind", "INSPECTION_ENDED");
        body.put("triggerDate", "2023-09-08");
        return body;
    }

    private Http.Response put(String path, TestUsers.Credentials who, Object body) {
        return http.send("PUT", path, who, "application/json", Http.toJson(body));
    }

    private long sealAll() {
        long n = events();
        await().atMost(Duration.ofSeconds(60)).until(() -> merkle.size() == n);
        return n;
    }

    /** Every entry, once sealed, in leaf order, each checked against its hash and its leaf. */
    private List<Stored> ledger() {
        sealAll();
        return LedgerReplay.read(jdbc, suite);
    }

    private static JsonNode ok(Http.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r.status() == 204 ? null : r.json();
    }
}
