package org.drledger.server.task;

import org.drledger.server.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.drledger.server.testing.LedgerReplay.one;
import static org.drledger.server.testing.LedgerReplay.taskEntries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drledger.command.actor.ActorMetaData;
import org.drledger.command.actor.Role;
import org.drledger.command.sealer.CheckpointService;
import org.drledger.command.sealer.MerkleStore;
import org.drledger.command.vault.Vault;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.HashAlgorithm;
import org.drledger.core.draw.DrawHashes;
import org.drledger.core.draw.Population;
import org.drledger.core.json.CanonicalJson;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.LedgerReplay;
import org.drledger.server.testing.LedgerReplay.Stored;
import org.drledger.server.testing.ServerTestSupport;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Tasks and draws on a running server, written once and run on H2 and PostgreSQL (subclasses). The clock lives in
 * 2023 so that quicknet round 123 (published 2023-08-23T15:15:33Z, the public vector of the formats reference) is
 * still ahead when the commitments are sealed. Registries come from TEST-ONLY entries of the exact registry types.
 */
@Import(TaskScenario.Clocks.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class) // the first counts 200 objects
abstract class TaskScenario extends ServerTestSupport {
    static final Instant MORNING = Instant.parse("2023-08-23T10:00:00Z");
    static final Instant AFTER_ROUND = Instant.parse("2023-08-23T15:20:00Z");
    static final Instant AFTER_DEADLINE = Instant.parse("2023-08-23T16:00:05Z");
    static final String SIGNATURE = "b75c69d0b72a5d906e854e808ba7e2accb1542ac355ae486d591aa9d43765482e26cd02df835d3546d23c4b13e0dfc92";
    static final String RANDOMNESS = "fb8f7bc29bf24db51871ec8c79f3a1e4bd0557bc0dfcee9ed1d924e69d1c60dc";
    static final String ORG = "organizer";
    static final String DIO = "discipline-office";
    static final String[] CLASSES = {"A", "B", "C", "D"};

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(MORNING);
        }
    }

    @Autowired
    MutableClock clock;
    @Autowired
    CommandGateway commands;
    @Autowired
    Vault vault;
    @Autowired
    MerkleStore merkle;
    @Autowired
    CheckpointService checkpoints;
    @Autowired
    CryptoSuite suite;

    String lead;
    String env;
    String agri;
    TestUsers.Credentials leadApprover;
    TestUsers.Credentials leadClerk;
    TestUsers.Credentials envClerk;
    TestUsers.Credentials agriApprover;
    String listId;
    /** The batch of the approved 2023 district plan these tasks carry out (led by {@code lead}). */
    String batchId;
    final List<String> leadOfficers = new ArrayList<>();
    final List<String> assistOfficers = new ArrayList<>();

    @BeforeEach
    void departmentsUsersAndChecklist() {
        clock.set(MORNING);
        lead = department();
        env = department();
        agri = department();
        leadApprover = user(lead, Role.DEPT_APPROVER);
        leadClerk = user(lead, Role.DEPT_CLERK);
        envClerk = user(env, Role.DEPT_CLERK);
        agriApprover = user(agri, Role.DEPT_APPROVER);
        listId = unique("list");
        // published checklist rows, inserted directly (the checklist feature maintains them in production)
        for (Object[] r : new Object[][]{{1, "A07-01", false}, {1, "A07-02", false}, {2, "A07-01", false},
                {2, "A07-02", true}, {2, "A08-01", false}}) {
            jdbc.update("INSERT INTO published_item (list_id, version, code, owner_department, kind, tier, name, "
                    + "object_types, retired) VALUES (?, ?, ?, ?, 'DEPARTMENT', 'GENERAL', '食品标签', 'ENTERPRISE', ?)",
                    listId, r[0], r[1], lead, r[2]);
        }
        // an approved 2023 district plan with this test's batch, as the plan feature's lookup tables hold it
        batchId = unique("第三批");
        if (jdbc.queryForObject("SELECT COUNT(*) FROM district_plan WHERE plan_year = 2023", Long.class) == 0) {
            jdbc.update("INSERT INTO district_plan (plan_year, version, consolidated_on, approved_on, published_on, "
                    + "adjustments) VALUES (2023, 1, DATE '2023-01-20', DATE '2023-01-29', DATE '2023-02-06', 0)");
        }
        String batchJson = "{\"batchId\":\"" + batchId + "\",\"inspectingAuthority\":\"" + lead + "\",\"name\":\"第三批\","
                + "\"items\":[{\"listId\":\"" + listId + "\",\"version\":1,\"code\":\"A07-01\"}],"
                + "\"period\":{\"from\":\"2023-08-01\",\"to\":\"2023-09-30\"},\"unit\":\"执法一队\","
                + "\"ratio\":{\"num\":1,\"den\":10},\"frequency\":1,\"quantity\":20,\"leadDepartment\":\"" + lead
                + "\",\"assistingDepartments\":[\"" + env + "\",\"" + agri + "\"]}";
        jdbc.update("INSERT INTO plan_batch (plan_year, batch_id, origin, lead_department, assisting_departments, "
                + "items, period_from, period_to, ratio_num, ratio_den, status, batch_json) VALUES (2023, ?, 'joint', "
                + "?, ?, ?, DATE '2023-08-01', DATE '2023-09-30', 1, 10, 'ACTIVE', ?)", batchId, lead,
                env + "," + agri, listId + ":1:A07-01", batchJson);
    }

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(ActorMetaData.of(lead, leadClerk.username())));
    }

    /**
     * About 200 entities with confidential risk classes sealed in the vault (a few deregistered), and 20 officers in
     * three departments: one suspended, one with an expired certificate, one not competent, one with a declared
     * conflict.
     */
    private List<String> registries(String prefix) {
        Random r = new Random(20230823);
        List<String> entities = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = prefix + "E" + String.format("%03d", i);
            entities.add(id);
            ObjectNode risk = vault.commitmentField(vault.seal(TextNode.valueOf(CLASSES[r.nextInt(4)])));
            send(new TestInspectionObject.RegisterTestObject(new TestInspectionObject.ObjectState(id, "OTHER",
                    i % 10 == 0 ? "INDIVIDUAL_BUSINESS" : "ENTERPRISE", "主体 " + i, i % 3 == 0 ? "food" : "retail",
                    "D" + (1 + r.nextInt(3)), "资阳区 " + i + " 号", i % 40 == 7 ? "DEREGISTERED" : "ACTIVE", risk,
                    lead)));
        }
        String[] depts = {lead, lead, lead, lead, lead, lead, lead, lead, env, env, env, env, env, env, agri, agri,
                agri, agri, agri, agri};
        for (int i = 0; i < 20; i++) {
            String id = prefix + "O" + String.format("%02d", i);
            (depts[i].equals(lead) ? leadOfficers : assistOfficers).add(id);
            ObjectNode idCard = vault.commitmentField(vault.seal(TextNode.valueOf("11010119900307" + (1000 + i))));
            send(new TestInspector.RegisterTestInspector(id, depts[i], "检查员" + i, "ZF-" + i,
                    i == 3 ? "2023-09-15" : "2026-12-31", i == 9 ? List.of("A07-02") : List.of("A07-01", "A07-02"),
                    "D" + (1 + i % 3), i == 5 ? "SUSPENDED" : "ACTIVE", i == 1 ? List.of(entities.get(10)) : List.of(),
                    idCard));
        }
        return entities;
    }

    ObjectNode plan(String taskId, long round, String deadline, String from, String to) {
        return json("{'algorithm':'drl-draw/1','taskId':'" + taskId + "','stratifyBy':'creditRiskClass',"
                + "'strata':[{'stratum':'A','ratio':{'num':1,'den':20},'min':1},{'stratum':'B','ratio':{'num':1,'den':10}},"
                + "{'stratum':'C','ratio':{'num':1,'den':5}},{'stratum':'D','ratio':{'num':1,'den':2},'max':10}],"
                + "'populationFilter':{'items':['A07-01'],'frequencyCap':{'maxPerYear':2,'year':2023,"
                + "'exemptCategories':['COMPLAINT']}},'officerCap':6,"
                + "'teamTemplate':[{'allowedDepartments':['" + lead + "']},{'allowedDepartments':['" + env + "','" + agri
                + "']}],'matchingRules':{'distinctDepartments':true,'avoidSameDistrict':true},"
                + "'relaxationLadder':['DROP_AVOID_SAME_DISTRICT'],'randomness':{'source':'drand-quicknet','round':"
                + round + "},'parties':['" + ORG + "','" + DIO + "'],'revealDeadline':'" + deadline + "',"
                + "'plannedDates':{'from':'" + from + "','to':'" + to + "'}}");
    }

    Map<String, Object> newTask(String taskId, ObjectNode plan, String itemCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("taskId", taskId);
        body.put("source", "PLAN");
        body.put("planRef", Map.of("year", 2023, "batch", batchId));
        body.put("leadDepartment", lead);
        body.put("assistingDepartments", List.of(env, agri));
        body.put("category", "ROUTINE");
        body.put("items", List.of(Map.of("listId", listId, "code", itemCode)));
        body.put("drawPlan", plan);
        return body;
    }

    static ObjectNode json(String s) {
        return (ObjectNode) CanonicalJson.parse(s.replace('\'', '"').getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static byte[] secret(String party) {
        return HashAlgorithm.SHA_256.digest(("scenario secret of " + party).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static void problem(Http.Response r, int status, String field, String rule) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.json().get("rule").asText()).as(r.toString()).isEqualTo(rule);
        assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private long sealAll() {
        long n = events();
        await().atMost(Duration.ofSeconds(60)).until(() -> merkle.size() == n);
        return n;
    }

    /** Every entry, once sealed, in leaf order. */
    private List<Stored> ledger() {
        sealAll();
        return LedgerReplay.read(jdbc, suite);
    }

    @Test
    void aStratifiedJointTaskIsDrawnMatchedRecusedAdjustedAndRecomputedFromTheLedgerAlone() {
        String taskId = unique("zy-2023-joint");
        List<String> entities = registries(taskId + "-");
        String path = "/api/tasks/" + taskId;

        // plan: lead approver, items from the latest published list version
        Http.Response planned = http.post("/api/tasks", leadApprover, newTask(taskId,
                plan(taskId, 123, "2023-08-23T16:00:00Z", "2023-09-01", "2023-09-30"), "A07-01"));
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        assertThat(planned.json().at("/planned/items/0/version").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT status FROM task_state WHERE task_id = ?", String.class, taskId))
                .isEqualTo("PLANNED");

        // out of order: nothing before the freeze
        problem(http.post(path + "/commitments", leadClerk, Map.of("partyId", ORG, "commitment",
                Hex.encode(DrawHashes.commitment(taskId, ORG, secret(ORG))))), 409, "taskId", "commit-before-freeze");

        // freeze: computed by the server from the registries as of the sealed log size
        Http.Response frozen = http.post(path + "/freeze", leadClerk, null);
        assertThat(frozen.status()).as(frozen.toString()).isEqualTo(200);
        long asOf = frozen.json().get("asOfLeaf").asLong();
        assertThat(asOf).isGreaterThan(220);
        assertThat(frozen.json().get("registryObjects").asLong()).isEqualTo(200);
        assertThat(frozen.json().get("registryInspectors").asLong()).isEqualTo(20);
        // 20 officers minus the suspended, the one whose certificate expires before 2023-09-30, the one not competent
        assertThat(frozen.json().get("rosterSize").asLong()).isEqualTo(17);
        assertThat(frozen.json().get("conflicts").asLong()).isEqualTo(1);
        problem(http.post(path + "/freeze", leadClerk, null), 409, "taskId", "already-frozen");

        // a registry change after the freeze: the draw must still use the registries as of the freeze
        String changed = entities.get(0);
        send(new TestInspectionObject.ReviseTestObject(new TestInspectionObject.ObjectState(changed, "OTHER",
                "INDIVIDUAL_BUSINESS", "主体 0", "food", "D1", "资阳区 0 号", "REVOKED", JsonNodeFactory.instance.textNode("A"),
                lead)));

        // commitments: the lead's clerk for the organizer, an assisting department's clerk for the other party
        problem(http.post(path + "/reveals", leadClerk, Map.of("partyId", ORG, "secret", Hex.encode(secret(ORG)))),
                409, "partyId", "reveal-before-randomness");
        problem(http.post(path + "/commitments", leadClerk, Map.of("partyId", "mallory", "commitment", "00".repeat(32))),
                422, "partyId", "unknown-party");
        assertThat(http.post(path + "/commitments", leadClerk, Map.of("partyId", ORG, "commitment",
                Hex.encode(DrawHashes.commitment(taskId, ORG, secret(ORG))))).status()).isEqualTo(200);
        problem(http.post(path + "/randomness", leadClerk, Map.of("source", "drand-quicknet", "round", 123,
                "signature", SIGNATURE, "randomness", RANDOMNESS)), 409, "partyId", "missing-commitment");
        assertThat(http.post(path + "/commitments", envClerk, Map.of("partyId", DIO, "commitment",
                Hex.encode(DrawHashes.commitment(taskId, DIO, secret(DIO))))).status()).isEqualTo(200);

        // the plan, the freeze and the commitments are sealed and checkpointed in the morning, before round 123
        long sealedSize = sealAll();
        assertThat(checkpoints.signIfBehind()).contains(sealedSize);
        problem(http.post(path + "/randomness", leadClerk, Map.of("source", "drand-quicknet", "round", 123,
                "signature", SIGNATURE, "randomness", RANDOMNESS)), 409, "round", "randomness-before-round-time");
        problem(http.post(path + "/draw", leadClerk, null), 409, "taskId", "draw-before-randomness");

        // after the round: randomness with the public round-123 vector; reveals by the deadline
        clock.set(AFTER_ROUND);
        problem(http.post(path + "/randomness", leadClerk, Map.of("source", "drand-quicknet", "round", 123,
                "signature", SIGNATURE, "randomness", "00" + RANDOMNESS.substring(2))), 422, "randomness",
                "randomness-mismatch");
        Http.Response rand = http.post(path + "/randomness", leadClerk, Map.of("source", "drand-quicknet", "round", 123,
                "signature", SIGNATURE, "randomness", RANDOMNESS));
        assertThat(rand.status()).as(rand.toString()).isEqualTo(200);
        assertThat(rand.json().at("/randomness/rand").asText()).isEqualTo(RANDOMNESS);
        assertThat(rand.json().at("/randomness/sealedBy/signedAt").asText()).isEqualTo("2023-08-23T10:00:00Z");
        assertThat(rand.json().at("/randomness/roundTime").asText()).isEqualTo("2023-08-23T15:15:33Z");
        assertThat(http.post(path + "/reveals", leadClerk, Map.of("partyId", ORG, "secret", Hex.encode(secret(ORG))))
                .status()).isEqualTo(200);
        problem(http.post(path + "/reveals", envClerk, Map.of("partyId", DIO, "secret", Hex.encode(secret(ORG)))),
                422, "secret", "reveal-mismatch");
        problem(http.post(path + "/draw", leadClerk, null), 409, "taskId", "draw-before-reveal-deadline");

        // the discipline office misses the deadline: its reveal is refused, the draw runs with flag 0
        clock.set(AFTER_DEADLINE);
        problem(http.post(path + "/reveals", envClerk, Map.of("partyId", DIO, "secret", Hex.encode(secret(DIO)))),
                409, "secret", "reveal-after-deadline");
        Http.Response draw = http.post(path + "/draw", leadClerk, null);
        assertThat(draw.status()).as(draw.toString()).isEqualTo(200);
        problem(http.post(path + "/draw", leadClerk, null), 409, "taskId", "second-draw");

        List<Stored> afterDraw = taskEntries(ledger(), taskId);
        JsonNode missed = one(afterDraw, "RevealMissed");
        assertThat(missed.get("partyId").asText()).isEqualTo(DIO);
        assertThat(missed.get("reason").asText()).isEqualTo("NOT_REVEALED");
        JsonNode drawn = one(afterDraw, "DrawExecuted");
        byte[] drawnBytes = CanonicalJson.write(drawn);
        assertThat(drawn.get("targets").size()).isGreaterThan(10);
        assertThat(drawn.at("/commitments/0/partyId").asText()).isEqualTo(DIO);
        assertThat(drawn.at("/commitments/0/revealed").asBoolean()).isFalse();
        assertThat(drawn.at("/commitments/1/revealed").asBoolean()).isTrue();
        assertThat(drawn.at("/teams/0/slots/0/leader").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_assignment WHERE task_id = ?", Integer.class, taskId))
                .isEqualTo(drawn.get("targets").size() * 2);

        // a recusal decided by the agency head, with the deterministic substitute
        JsonNode team = drawn.get("teams").get(0);
        String target = team.get("entityId").asText();
        String recused = team.at("/slots/0/officerId").asText();
        problem(http.post(path + "/recusals", leadApprover, Map.of("objectId", target, "officerId", "nobody",
                "reason", "r", "decidedBy", "局长")), 422, "officerId", "recusal-not-on-team");
        Http.Response recusal = http.post(path + "/recusals", leadApprover, Map.of("objectId", target, "officerId",
                recused, "reason", "与检查对象法定代表人系近亲属（行政处罚法第四十三条）", "decidedBy", "局长 王某"));
        assertThat(recusal.status()).as(recusal.toString()).isEqualTo(200);
        JsonNode substitute = one(taskEntries(ledger(), taskId), "SubstituteAssigned");
        assertThat(substitute.get("recusedOfficerId").asText()).isEqualTo(recused);
        assertThat(substitute.get("officerId").isTextual()).as("a substitute was eligible: %s", substitute).isTrue();
        assertThat(substitute.get("officerId").asText()).isNotEqualTo(recused);
        Map<String, Object> row = jdbc.queryForMap("SELECT officer_id, leader FROM task_assignment WHERE task_id = ? "
                + "AND object_id = ? AND slot = 1", taskId, target);
        assertThat(row.get("officer_id")).isEqualTo(substitute.get("officerId").isNull() ? null
                : substitute.get("officerId").asText());

        // a manual adjustment of slot 2 of the second target: the draw entry stays untouched
        JsonNode team2 = drawn.get("teams").get(1);
        String target2 = team2.get("entityId").asText();
        Set<String> onTeam = new HashSet<>(team2.findValuesAsText("officerId"));
        String replacement = assistOfficers.stream().filter(o -> !onTeam.contains(o)).findFirst().orElseThrow();
        problem(http.post(path + "/adjustments", leadApprover, Map.of("objectId", target2, "slot", 2, "officerId",
                "ghost", "reason", "r", "approver", "a")), 422, "officerId", "unknown-officer");
        Http.Response adjusted = http.post(path + "/adjustments", leadApprover, Map.of("objectId", target2, "slot", 2,
                "officerId", replacement, "reason", "该检查员具备特种设备资质", "approver", "局长 王某"));
        assertThat(adjusted.status()).as(adjusted.toString()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT officer_id FROM task_assignment WHERE task_id = ? AND object_id = ? "
                + "AND slot = 2", String.class, taskId, target2)).isEqualTo(replacement);
        List<Stored> all = ledger();
        List<Stored> entries = taskEntries(all, taskId);
        assertThat(CanonicalJson.write(one(entries, "DrawExecuted"))).isEqualTo(drawnBytes);
        assertThat(one(entries, "ManualAdjustmentRecorded").get("officerId").asText()).isEqualTo(replacement);

        // the task as the API shows it
        Http.Response view = http.get(path, agriApprover);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().get("status").asText()).isEqualTo("DRAWN");
        assertThat(view.json().get("commitments").size()).isEqualTo(2);
        assertThat(view.json().get("reveals").size()).isEqualTo(1);
        assertThat(view.json().at("/draw/seed").asText()).isEqualTo(drawn.get("seed").asText());
        assertThat(view.json().get("recusals").size()).isEqualTo(1);
        assertThat(view.json().get("adjustments").size()).isEqualTo(1);
        assertThat(view.json().get("assignments").size()).isEqualTo(drawn.get("targets").size() * 2);

        recomputeFromTheLedgerAlone(all, entries);

        // the annual frequency cap: a later task of the lead department with at most 1 inspection a year leaves out
        // this draw's targets; once this draw is voided they count no more
        Http.Response capped = planAndFreezeWithCapOne(taskId + "-cap");
        long cappedCount = capped.json().get("cappedEntities").asLong();
        assertThat(cappedCount).isPositive().isLessThanOrEqualTo(drawn.get("targets").size());

        // void: afterwards nothing more happens on the task, and it has no assignments
        assertThat(http.post(path + "/void", leadApprover, Map.of("reason", "抽查程序瑕疵", "approver", "局长 王某"))
                .status()).isEqualTo(200);
        Http.Response uncapped = planAndFreezeWithCapOne(taskId + "-after-void");
        assertThat(uncapped.json().get("cappedEntities").asLong()).isZero();
        assertThat(uncapped.json().get("populationSize").asLong())
                .isEqualTo(capped.json().get("populationSize").asLong() + cappedCount);
        problem(http.post(path + "/adjustments", leadApprover, Map.of("objectId", target2, "slot", 2, "officerId",
                recused, "reason", "r", "approver", "a")), 409, "taskId", "task-voided");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_assignment WHERE task_id = ?", Integer.class, taskId))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM task_state WHERE task_id = ?", String.class, taskId))
                .isEqualTo("VOIDED");
    }

    /**
     * A plan stratified by a public attribute (the district): the draw records the strata in clear, the public
     * draw-input is served, and the offline verifier's {@code draw} command reproduces the recorded draw from it.
     */
    @Test
    void aTaskStratifiedByAPublicAttributeKeepsItsStrataInClearAndItsPublicDrawInputReproducesTheDraw()
            throws Exception {
        String taskId = unique("zy-2023-district");
        registries(taskId + "-");
        String path = "/api/tasks/" + taskId;
        ObjectNode plan = plan(taskId, 123, "2023-08-23T16:00:00Z", "2023-09-01", "2023-09-30");
        plan.put("stratifyBy", "district");
        plan.set("strata", CanonicalJson.parse(("[{'stratum':'D1','ratio':{'num':1,'den':20},'min':1},"
                + "{'stratum':'D2','ratio':{'num':1,'den':20}},{'stratum':'D3','ratio':{'num':1,'den':20}}]")
                .replace('\'', '"')));
        Http.Response planned = http.post("/api/tasks", leadApprover, newTask(taskId, plan, "A07-01"));
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        assertThat(http.post(path + "/freeze", leadClerk, null).status()).isEqualTo(200);
        assertThat(http.post(path + "/commitments", leadClerk, Map.of("partyId", ORG, "commitment",
                Hex.encode(DrawHashes.commitment(taskId, ORG, secret(ORG))))).status()).isEqualTo(200);
        assertThat(http.post(path + "/commitments", envClerk, Map.of("partyId", DIO, "commitment",
                Hex.encode(DrawHashes.commitment(taskId, DIO, secret(DIO))))).status()).isEqualTo(200);
        long sealedSize = sealAll();
        assertThat(checkpoints.signIfBehind()).contains(sealedSize);
        clock.set(AFTER_ROUND);
        assertThat(http.post(path + "/randomness", leadClerk, Map.of("source", "drand-quicknet", "round", 123,
                "signature", SIGNATURE, "randomness", RANDOMNESS)).status()).isEqualTo(200);
        assertThat(http.post(path + "/reveals", leadClerk, Map.of("partyId", ORG, "secret", Hex.encode(secret(ORG))))
                .status()).isEqualTo(200);
        assertThat(http.post(path + "/reveals", envClerk, Map.of("partyId", DIO, "secret", Hex.encode(secret(DIO))))
                .status()).isEqualTo(200);
        Http.Response draw = http.post(path + "/draw", leadClerk, null);
        assertThat(draw.status()).as(draw.toString()).isEqualTo(200);

        List<Stored> all = ledger();
        List<Stored> entries = taskEntries(all, taskId);
        JsonNode drawn = one(entries, "DrawExecuted");
        assertThat(drawn.get("targets")).isNotEmpty().allSatisfy(t -> {
            assertThat(t.get("stratum").isTextual()).as("a public stratum stays in clear: %s", t).isTrue();
            assertThat(t.get("stratum").asText()).isEqualTo(t.get("district").asText());
        });
        LedgerReplay.recomputeDraw(all, entries, c -> vault.open(c).map(JsonNode::asText));

        await().atMost(Duration.ofSeconds(60)).until(() -> projections.position() >= projections.logSize() - 1);
        Http.Response input = http.get("/api/public/tasks/" + taskId + "/draw-input", null);
        assertThat(input.status()).as(input.toString()).isEqualTo(200);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("draw-input-", ".json");
        try {
            java.nio.file.Files.writeString(file, input.body());
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            int rc = org.drledger.verifier.cli.Main.run(new String[]{"draw", file.toString()},
                    new java.io.PrintWriter(out), new java.io.PrintWriter(err), java.time.Clock.systemUTC());
            assertThat(rc).as(err.toString()).isZero();
            JsonNode result = CanonicalJson.parse(out.toString().strip());
            assertThat(result.get("seed").asText()).isEqualTo(drawn.get("seed").asText());
            assertThat(result.at("/population/popHash").asText())
                    .isEqualTo(one(entries, "PopulationFrozen").get("popHash").asText());
            assertThat(CanonicalJson.writeString(result.get("targets")))
                    .isEqualTo(CanonicalJson.writeString(drawn.get("targets")));
            result.get("teams").forEach(t -> t.get("slots").forEach(x -> ((ObjectNode) x).remove("relaxations")));
            assertThat(CanonicalJson.writeString(result.get("teams")))
                    .isEqualTo(CanonicalJson.writeString(drawn.get("teams")));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Autowired
    org.drledger.query.projection.ProjectionRunner projections;

    /** Plans a task of the lead department with round 2000 and a cap of 1 inspection in 2023, and freezes it. */
    private Http.Response planAndFreezeWithCapOne(String taskId) {
        ObjectNode plan = plan(taskId, 2000, "2023-08-23T18:00:00Z", "2023-09-01", "2023-09-30");
        ((ObjectNode) plan.at("/populationFilter/frequencyCap")).put("maxPerYear", 1);
        Http.Response planned = http.post("/api/tasks", leadApprover, newTask(taskId, plan, "A07-01"));
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        Http.Response frozen = http.post("/api/tasks/" + taskId + "/freeze", leadClerk, null);
        assertThat(frozen.status()).as(frozen.toString()).isEqualTo(200);
        return frozen;
    }

    /** The verifier's view: the draw recomputed from the stored entries alone (see {@link LedgerReplay}). */
    private void recomputeFromTheLedgerAlone(List<Stored> all, List<Stored> entries) {
        Population population = LedgerReplay.recomputeDraw(all, entries, c -> vault.open(c).map(JsonNode::asText));
        // the recusal excluded the recused officer and the draw did not use the registry change after the freeze
        assertThat(population.contains(one(entries, "InspectorRecused").get("objectId").asText())).isTrue();
    }

    @Test
    void onlyTheRightPeopleActAndBadInputIsAProblemThatWritesNothing() {
        String taskId = unique("zy-auth");
        String path = "/api/tasks/" + taskId;
        ObjectNode plan = plan(taskId, 123, "2023-08-23T16:00:00Z", "2023-09-01", "2023-09-30");
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        long before = events();

        problem(http.post("/api/tasks", leadClerk, newTask(taskId, plan, "A07-01")), 403, "", "access-denied");
        problem(http.post("/api/tasks", agriApprover, newTask(taskId, plan, "A07-01")), 403, "", "access-denied");
        assertThat(http.post("/api/tasks", auditor, newTask(taskId, plan, "A07-01")).status()).isEqualTo(403);
        assertThat(http.post("/api/tasks", null, newTask(taskId, plan, "A07-01")).status()).isEqualTo(401);
        assertThat(http.get(path, null).status()).isEqualTo(401);

        ObjectNode badRatio = plan.deepCopy();
        ((ObjectNode) badRatio.get("strata").get(2).get("ratio")).put("den", 0);
        problem(http.post("/api/tasks", leadApprover, newTask(taskId, badRatio, "A07-01")), 422,
                "drawPlan/strata/2/ratio", "bad-ratio");
        problem(http.post("/api/tasks", leadApprover, newTask(taskId, plan.deepCopy().put("colour", 1), "A07-01")), 422,
                "drawPlan/colour", "unknown-field");
        problem(http.post("/api/tasks", leadApprover, newTask(taskId, plan, "A07-02")), 422, "items[0].code",
                "item-retired");
        problem(http.post("/api/tasks", leadApprover, newTask(taskId, plan, "Z99-99")), 422, "items[0].code",
                "item-not-published");
        Map<String, Object> unknownDept = newTask(taskId, plan, "A07-01");
        unknownDept.put("assistingDepartments", List.of(env, "no-such-dept"));
        problem(http.post("/api/tasks", leadApprover, unknownDept), 422, "assistingDepartments[1]", "unknown-department");
        Map<String, Object> noBatch = newTask(taskId, plan, "A07-01");
        noBatch.put("planRef", Map.of("year", 2023, "batch", "no-such-batch"));
        problem(http.post("/api/tasks", leadApprover, noBatch), 422, "planRef.batch", "unknown-batch");
        Map<String, Object> noPlan = newTask(taskId, plan, "A07-01");
        noPlan.put("planRef", Map.of("year", 2031, "batch", batchId));
        problem(http.post("/api/tasks", leadApprover, noPlan), 422, "planRef.year", "no-district-plan");
        Map<String, Object> notTheLead = newTask(taskId, plan, "A07-01");
        notTheLead.put("leadDepartment", agri);
        notTheLead.put("assistingDepartments", List.of(lead, env));
        problem(http.post("/api/tasks", agriApprover, notTheLead), 422, "leadDepartment", "not-batch-lead");
        problem(http.post("/api/tasks", leadApprover, newTask(taskId, plan, "A08-01")), 422, "items[0]",
                "item-not-in-batch");
        Map<String, Object> noItems = newTask(taskId, plan, "A07-01");
        noItems.remove("items");
        assertThat(http.post("/api/tasks", leadApprover, noItems).status()).isEqualTo(400);
        clock.set(AFTER_ROUND);
        problem(http.post("/api/tasks", leadApprover, newTask(taskId, plan, "A07-01")),
                422, "drawPlan/randomness/round", "round-in-the-past");
        clock.set(MORNING);
        assertThat(events()).as("refusals write nothing").isEqualTo(before);

        assertThat(http.post("/api/tasks", leadApprover, newTask(taskId, plan, "A07-01")).status()).isEqualTo(201);
        problem(http.post("/api/tasks", leadApprover, newTask(taskId, plan, "A07-01")), 409, "id",
                "already-exists-or-concurrent-change");
        problem(http.get("/api/tasks/" + unique("none"), leadClerk), 404, "", "not-found");
        problem(http.post(path + "/freeze", envClerk, null), 403, "", "access-denied");
        problem(http.post(path + "/void", leadClerk, Map.of("reason", "r", "approver", "a")), 403, "", "access-denied");
        // recusals and adjustments need the lead's approver; randomness and the draw the lead's clerk or approver
        problem(http.post(path + "/recusals", leadClerk, Map.of("objectId", "x", "officerId", "y", "reason", "r",
                "decidedBy", "d")), 403, "", "access-denied");
        problem(http.post(path + "/adjustments", agriApprover, Map.of("objectId", "x", "slot", 1, "officerId", "y",
                "reason", "r", "approver", "a")), 403, "", "access-denied");
        problem(http.post(path + "/randomness", envClerk, Map.of("source", "drand-quicknet", "round", 123,
                "signature", SIGNATURE, "randomness", RANDOMNESS)), 403, "", "access-denied");
        problem(http.post(path + "/draw", envClerk, null), 403, "", "access-denied");
        problem(http.post(path + "/reveals", auditor, Map.of("partyId", ORG, "secret", "00".repeat(32))), 403, "",
                "access-denied");
        assertThat(http.get(path, auditor).status()).isEqualTo(200);
        TestUsers.Credentials stranger = user(department(), Role.DEPT_CLERK);
        problem(http.post(path + "/commitments", stranger, Map.of("partyId", ORG, "commitment", "00".repeat(32))), 403,
                "", "access-denied");
        // the office administrator acts for any task
        problem(http.post(path + "/commitments", admin, Map.of("partyId", ORG, "commitment", "00".repeat(32))), 409,
                "taskId", "commit-before-freeze");
        assertThat(http.post(path + "/void", admin, Map.of("reason", "计划取消", "approver", "联席办主任")).status())
                .isEqualTo(200);
    }
}
