package org.drledger.server.query.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.drledger.command.actor.Role;
import org.drledger.command.vault.Vault;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.draw.Draw;
import org.drledger.core.draw.DrawInputParser;
import org.drledger.core.draw.DrawJson;
import org.drledger.core.json.CanonicalJson;
import org.drledger.query.projection.Projection;
import org.drledger.query.projection.ProjectionRunner;
import org.drledger.query.projection.ViewDigests;
import org.drledger.server.e2e.DistrictYearScenario;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.MutableClock;
import org.drledger.server.testing.LedgerReplay;
import org.drledger.server.testing.LedgerReplay.Stored;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The query side's task, result and disclosure views over the district's year (written once, run on H2 and
 * PostgreSQL): after the year has run through the command API, every view is compared with what the ledger entries
 * say, the draw input re-runs to the recorded draw with the kernel, and no public answer contains a confidential
 * value the year put in (ID numbers, phones, credit classes).
 */
public abstract class TaskViewsScenario extends DistrictYearScenario {
    @Autowired
    ProjectionRunner runner;
    @Autowired
    CryptoSuite cryptoSuite;
    @Autowired
    Vault theVault;
    @Autowired
    MutableClock yearClock;
    @Autowired
    ViewDigests digests;

    /** Every entry of the year, in leaf order, once the views have caught up with the log. */
    protected List<Stored> entries;
    /** The confidential values the year put in (vault openings of at least 6 characters: ID numbers, phones). */
    protected Set<String> secrets;
    protected List<String> taskIds;

    @Test
    @Override
    protected void aYearOfTheDistrictFromListsToPublicationIsRecomputableFromTheLedgerAlone() {
        super.aYearOfTheDistrictFromListsToPublicationIsRecomputableFromTheLedgerAlone();
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.position() >= runner.logSize() - 1);
        entries = LedgerReplay.read(jdbc, cryptoSuite);
        secrets = new HashSet<>();
        for (Stored s : entries) {
            collectSecrets(s.payload());
        }
        assertThat(secrets).as("ID numbers and phones of 21 inspectors").hasSizeGreaterThanOrEqualTo(42);
        taskIds = entries.stream().filter(s -> s.type().equals("TaskPlanned")).map(s -> s.payload().get("taskId")
                .asText()).toList();
        assertThat(taskIds).hasSize(2);
        views();
    }

    /** What to check once the year has run and the views caught up. */
    protected void views() {
        tasks();
        results();
        lookup();
        stats();
        rebuild();
    }

    /** The task and result views are disposable: a rebuild from the log reproduces them row for row. */
    void rebuild() {
        List<Projection> mine = runner.projections().stream()
                .filter(p -> p.name().equals("tasks") || p.name().equals("results")).toList();
        assertThat(mine).hasSize(2);
        Map<String, String> before = digests.of(mine);
        runner.rebuild();
        assertThat(digests.of(mine)).isEqualTo(before);
        assertThat(before.get("qtask_target")).doesNotContain("(0 rows)");
    }

    private void collectSecrets(JsonNode n) {
        if (n.isObject() && n.has("drl:commit")) {
            theVault.open(n.get("drl:commit").asText()).map(JsonNode::asText).filter(v -> v.length() >= 6)
                    .ifPresent(secrets::add);
            return;
        }
        n.forEach(this::collectSecrets);
    }

    /** Tasks and their draw proofs, public and supervisors', and the draw input re-run with the kernel. */
    void tasks() {
        JsonNode list = ok(http.get("/api/public/tasks", null));
        assertThat(list.findValuesAsText("taskId")).containsExactlyInAnyOrderElementsOf(taskIds);
        noSecrets(list.toString());
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        for (String taskId : taskIds) {
            List<Stored> task = LedgerReplay.taskEntries(entries, taskId);
            JsonNode planned = LedgerReplay.one(task, "TaskPlanned");
            JsonNode frozen = LedgerReplay.one(task, "PopulationFrozen");
            JsonNode drawn = LedgerReplay.one(task, "DrawExecuted");
            Http.Response response = http.get("/api/public/tasks/" + taskId, null);
            JsonNode proof = ok(response);
            noSecrets(response.body());
            assertThat(proof.get("leadDepartment").asText()).isEqualTo(planned.get("leadDepartment").asText());
            assertThat(proof.at("/plan/planHash").asText()).isEqualTo(planned.get("planHash").asText());
            assertThat(proof.at("/plan/strataConfidential").asBoolean()).isTrue();
            assertThat(proof.at("/freeze/popHash").asText()).isEqualTo(frozen.get("popHash").asText());
            assertThat(proof.at("/freeze/rosterHash").asText()).isEqualTo(frozen.get("rosterHash").asText());
            assertThat(proof.at("/freeze/populationSize").asLong()).isEqualTo(frozen.get("populationSize").asLong());
            assertThat(proof.get("commitments").findValuesAsText("commitment")).containsExactlyInAnyOrderElementsOf(
                    task.stream().filter(s -> s.type().equals("SeedCommitted"))
                            .map(s -> s.payload().get("commitment").asText()).toList());
            assertThat(proof.at("/randomness/round").asLong()).isEqualTo(123);
            assertThat(proof.at("/randomness/checkUrl").asText()).startsWith("https://api.drand.sh/").endsWith("/123");
            assertThat(proof.get("reveals")).hasSize(2);
            assertThat(proof.get("reveals").findValuesAsText("counted")).containsOnly("true");
            assertThat(proof.at("/draw/seed").asText()).isEqualTo(drawn.get("seed").asText());
            JsonNode targets = proof.at("/draw/targets");
            assertThat(targets).hasSize(drawn.get("targets").size());
            Map<String, String> classes = classesOfTargets(drawn);
            noClassNextToItsEntity(response.body(), classes);
            for (int i = 0; i < targets.size(); i++) {
                assertThat(targets.get(i).get("entityId").asText())
                        .isEqualTo(drawn.get("targets").get(i).get("entityId").asText());
                assertThat(targets.get(i).get("ticket").asText())
                        .isEqualTo(drawn.get("targets").get(i).get("ticket").asText());
                assertThat(targets.get(i).get("entityName").asText()).startsWith("资阳市场主体");
                assertThat(targets.get(i).get("stratum").isNull()).as("credit class never public").isTrue();
                assertThat(targets.get(i).get("stratumCommitment").asText())
                        .isEqualTo(drawn.get("targets").get(i).at("/stratum/drl:commit").asText());
            }
            JsonNode slot = proof.at("/draw/teams/0/slots/0");
            assertThat(slot.get("leader").asBoolean()).isTrue();
            assertThat(slot.get("officerName").asText()).startsWith("检查员");
            assertThat(slot.get("certificateNo").asText()).startsWith("川执");

            // supervisors: the strata, and the draw input that re-runs to the recorded draw
            JsonNode full = ok(http.get("/api/tasks-view/" + taskId, auditor));
            for (JsonNode t : full.at("/draw/targets")) {
                assertThat(t.get("stratum").asText()).as("opened for supervisors")
                        .isEqualTo(classes.get(t.get("entityId").asText()));
            }
            Http.Response refused = http.get("/api/public/tasks/" + taskId + "/draw-input", null);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("rule").asText()).isEqualTo("confidential-strata");
            Http.Response input = http.get("/api/tasks-view/" + taskId + "/draw-input", auditor);
            assertThat(input.status()).isEqualTo(200);
            JsonNode result = DrawJson.result(Draw.run(DrawInputParser.parse(
                    input.body().getBytes(StandardCharsets.UTF_8))));
            assertThat(result.get("seed").asText()).isEqualTo(drawn.get("seed").asText());
            assertThat(result.at("/population/popHash").asText()).isEqualTo(frozen.get("popHash").asText());
            assertThat(result.get("targets")).hasSize(drawn.get("targets").size());
            for (int i = 0; i < result.get("targets").size(); i++) {
                JsonNode k = result.get("targets").get(i);
                JsonNode rec = drawn.get("targets").get(i);
                for (String f : List.of("order", "entityId", "district", "ticket")) {
                    assertThat(k.get(f).asText()).as(f).isEqualTo(rec.get(f).asText());
                }
                assertThat(k.get("stratum").asText()).as("the recorded commitment opens to the kernel's stratum")
                        .isEqualTo(classes.get(rec.get("entityId").asText()));
            }
            List<String> recomputed = new ArrayList<>();
            result.get("substitutions").forEach(s -> recomputed.add(s.get("substituteOfficerId").asText()));
            assertThat(recomputed).isEqualTo(task.stream().filter(s -> s.type().equals("SubstituteAssigned"))
                    .map(s -> s.payload().get("officerId").asText()).toList());
            String outsider = department();
            assertThat(http.get("/api/tasks-view/" + taskId, user(outsider, Role.DEPT_APPROVER)).status())
                    .as("another department's task").isEqualTo(403);

            // the pages
            Http.Response page = http.get("/public/tasks/" + taskId, null);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains(drawn.get("seed").asText(), frozen.get("popHash").asText(),
                    "id=\"step-8\"", "draw-input-confidential", "/api/exports/tasks/" + taskId + "/fairness");
            noSecrets(page.body());
            noClassNextToItsEntity(page.body(), classes);
        }
        // the recusal in the first task, with its substitute
        String first = taskIds.get(0);
        JsonNode sub = LedgerReplay.one(LedgerReplay.taskEntries(entries, first), "SubstituteAssigned");
        JsonNode recusals = ok(http.get("/api/public/tasks/" + first, null)).get("recusals");
        assertThat(recusals).hasSize(1);
        assertThat(recusals.get(0).get("substituteOfficerId").asText()).isEqualTo(sub.get("officerId").asText());
        assertThat(recusals.get(0).get("reason").asText()).isEqualTo("与检查对象法定代表人系近亲属");
        Http.Response listPage = http.get("/public/tasks", null);
        assertThat(listPage.body()).contains(taskIds.get(0), taskIds.get(1));
        noSecrets(listPage.body());
        assertThat(http.get("/api/public/tasks/no-such-task", null).status()).isEqualTo(404);
    }

    /** Results as published (3, one late), then a fourth result left unpublished past its deadline. */
    void results() {
        Http.Response all = http.get("/api/public/results", null);
        JsonNode published = ok(all);
        noSecrets(all.body());
        assertThat(published).hasSize(3);
        assertThat(published.findValuesAsText("late")).containsExactlyInAnyOrder("false", "false", "true");
        JsonNode late = stream(published).filter(r -> r.get("late").asBoolean()).findFirst().orElseThrow();
        assertThat(late.get("workingDaysLate").asInt()).isEqualTo(2);
        assertThat(late.get("deadline").asText()).isEqualTo("2023-10-12");
        assertThat(late.get("publishedOn").asText()).isEqualTo("2023-10-16");
        assertThat(late.at("/resultCodes/0/code").asText()).isEqualTo("1");
        assertThat(late.at("/resultCodes/0/label").asText()).contains("未发现问题");
        assertThat(late.has("findings")).isFalse();
        String task1 = taskIds.get(0);
        assertThat(ok(http.get("/api/public/results?task=" + task1, null))).hasSize(2);
        String object = late.get("objectId").asText();
        assertThat(ok(http.get("/api/public/results?task=" + task1 + "&entity=" + object, null))).hasSize(1);
        Http.Response page = http.get("/public/results/" + late.get("taskId").asText() + "/" + object, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("2023-10-16", "2023-10-12", "未发现问题");
        noSecrets(page.body());
        Http.Response listPage = http.get("/public/results", null);
        assertThat(listPage.body()).contains(object);
        noSecrets(listPage.body());

        // an unpublished result of the second task's lead department, past its deadline
        String task2 = taskIds.get(1);
        JsonNode drawn2 = LedgerReplay.one(LedgerReplay.taskEntries(entries, task2), "DrawExecuted");
        String env = drawn2.at("/teams/0/slots/0/department").asText();
        String open = drawn2.at("/teams/1/entityId").asText();
        yearClock.setToday(LocalDate.of(2023, 10, 20));
        Map<String, Object> body = new HashMap<>();
        body.put("method", "DOCUMENTARY");
        body.put("resultCodes", List.of("1"));
        body.put("evidence", List.of());
        body.put("triggerKind", "INSPECTION_ENDED");
        body.put("triggerDate", "2023-10-19");
        Http.Response entered = http.send("PUT", "/api/results/" + task2 + "/" + open + "/J01-02",
                user(env, Role.DEPT_CLERK), "application/json", Http.toJson(body));
        assertThat(entered.status()).as(entered.toString()).isEqualTo(200);
        String deadline = entered.json().get("deadline").asText();
        assertThat(deadline).isEqualTo("2023-11-16");
        yearClock.setToday(LocalDate.of(2023, 11, 20));
        catchUp();
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        JsonNode overdue = ok(http.get("/api/results-view?overdue=true", auditor));
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).get("objectId").asText()).isEqualTo(open);
        assertThat(overdue.get(0).get("timeliness").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.get(0).get("daysOverdue").asLong()).isEqualTo(4);
        assertThat(overdue.get(0).get("workingDaysOverdue").asLong()).as("Fri 11-17, Mon 11-20").isEqualTo(2);
        assertThat(ok(http.get("/api/results-view?overdue=true", user(env, Role.DEPT_APPROVER)))).hasSize(1);
        String market = LedgerReplay.one(LedgerReplay.taskEntries(entries, task1), "TaskPlanned")
                .get("leadDepartment").asText();
        assertThat(ok(http.get("/api/results-view?overdue=true", user(market, Role.DEPT_APPROVER)))).isEmpty();
        assertThat(http.get("/api/results-view?department=" + env, user(market, Role.DEPT_APPROVER)).status())
                .isEqualTo(403);
        JsonNode every = ok(http.get("/api/results-view", auditor));
        assertThat(every.findValuesAsText("timeliness"))
                .containsExactlyInAnyOrder("ON_TIME", "ON_TIME", "LATE", "OVERDUE");
        assertThat(ok(http.get("/api/public/results", null))).as("published only").hasSize(3);
    }

    /** The public lookup of an entity's inspections by USCC. */
    void lookup() {
        String task1 = taskIds.get(0);
        JsonNode drawn = LedgerReplay.one(LedgerReplay.taskEntries(entries, task1), "DrawExecuted");
        String uscc = drawn.at("/teams/0/entityId").asText();
        Http.Response r = http.get("/api/public/entities/" + uscc + "/inspections", null);
        JsonNode found = ok(r);
        noSecrets(r.body());
        assertThat(found.get("name").asText()).startsWith("资阳市场主体");
        assertThat(found.get("draws").findValuesAsText("taskId")).contains(task1);
        assertThat(found.at("/draws/0/ticket").asText()).isEqualTo(drawn.at("/targets/0/ticket").asText());
        assertThat(found.get("results")).hasSize(1);
        assertThat(found.has("creditRiskClass")).isFalse();
        assertThat(http.get("/api/public/entities/91510000000000000X/inspections", null).status()).isEqualTo(404);
        Http.Response page = http.get("/public/entities/" + uscc, null);
        assertThat(page.body()).contains(task1, found.get("name").asText());
        noSecrets(page.body());
    }

    /** The numbers behind the charts, on the district's year. */
    void stats() {
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        JsonNode selection = ok(http.get("/api/stats/selection", auditor));
        assertThat(selection.get("entities").asLong()).isEqualTo(200);
        long targets = 0;
        double p1 = 0;
        double p2 = 0;
        for (int i = 0; i < 2; i++) {
            JsonNode t = selection.get("tasks").get(i);
            targets += t.get("targets").asLong();
            double p = t.get("targets").asDouble() / t.get("population").asDouble();
            if (i == 0) {
                p1 = p;
            } else {
                p2 = p;
            }
        }
        long observedSum = 0;
        long drawnSum = 0;
        double expectedSum = 0;
        for (JsonNode b : selection.get("bins")) {
            observedSum += b.get("observed").asLong();
            drawnSum += b.get("observed").asLong() * b.get("timesDrawn").asLong();
            expectedSum += b.get("expected").asDouble();
        }
        assertThat(observedSum).isEqualTo(200);
        assertThat(drawnSum).isEqualTo(targets);
        assertThat(expectedSum).isCloseTo(200.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(selection.at("/bins/0/expected").asDouble())
                .isCloseTo(200 * (1 - p1) * (1 - p2), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(selection.at("/bins/2/expected").asDouble())
                .isCloseTo(200 * p1 * p2, org.assertj.core.data.Offset.offset(1e-9));
        Http.Response publicSelection = http.get("/api/public/stats/selection", null);
        assertThat(ok(publicSelection)).isEqualTo(selection);
        noSecrets(publicSelection.body());
        noSecrets(http.get("/api/public/stats/timeliness", null).body());
        noSecrets(http.get("/public/stats", null).body());

        JsonNode timeliness = ok(http.get("/api/stats/timeliness", auditor));
        assertThat(timeliness).hasSize(3);
        long onTime = 0;
        long late = 0;
        long overdue = 0;
        for (JsonNode d : timeliness) {
            onTime += d.get("ON_TIME").asLong();
            late += d.get("LATE").asLong();
            overdue += d.get("OVERDUE").asLong();
        }
        assertThat(List.of(onTime, late, overdue)).isEqualTo(List.of(2L, 1L, 1L));

        JsonNode changes = ok(http.get("/api/stats/changes", auditor));
        JsonNode recused = LedgerReplay.one(LedgerReplay.taskEntries(entries, taskIds.get(0)), "InspectorRecused");
        JsonNode officer = stream(changes.get("officers"))
                .filter(o -> o.get("id").asText().equals(recused.get("officerId").asText())).findFirst().orElseThrow();
        assertThat(officer.get("recusals").asLong()).isEqualTo(1);
        assertThat(officer.get("recusalRate").asDouble())
                .isEqualTo(1.0 / officer.get("slots").asLong());
        String lead = LedgerReplay.one(LedgerReplay.taskEntries(entries, taskIds.get(0)), "TaskPlanned")
                .get("leadDepartment").asText();
        JsonNode organizer = stream(changes.get("organizers")).filter(o -> o.get("id").asText().equals(lead))
                .findFirst().orElseThrow();
        assertThat(organizer.get("recusals").asLong()).isEqualTo(1);
        assertThat(organizer.get("adjustments").asLong()).isZero();
        assertThat(organizer.get("slots").asLong())
                .isEqualTo(2L * LedgerReplay.one(LedgerReplay.taskEntries(entries, taskIds.get(0)), "DrawExecuted")
                        .get("teams").size());
        assertThat(http.get("/api/stats/changes", null).status()).as("officer rates are not public").isEqualTo(401);
    }

    private void catchUp() {
        long n = events();
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.logSize() >= n
                && runner.position() >= runner.logSize() - 1);
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    /**
     * The credit-risk class of each drawn entity, opened from the vault: DrawExecuted (schema 2) records the registry's
     * commitment, never the class.
     */
    protected Map<String, String> classesOfTargets(JsonNode drawn) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode t : drawn.get("targets")) {
            assertThat(t.get("stratum").isObject()).as("committed stratum in %s", t).isTrue();
            out.put(t.get("entityId").asText(), theVault.open(t.at("/stratum/drl:commit").asText())
                    .map(JsonNode::asText).orElseThrow());
        }
        assertThat(new HashSet<>(out.values())).as("the draw spans several classes").hasSizeGreaterThan(1);
        return out;
    }

    /**
     * No drawn entity's class appears next to it: after every occurrence of its id, up to the next drawn entity's id
     * (its row or object), neither the JSON string {@code "X"} nor the cell text {@code >X<}.
     */
    public static void noClassNextToItsEntity(String body, Map<String, String> classes) {
        assertThat(classes).isNotEmpty();
        for (Map.Entry<String, String> e : classes.entrySet()) {
            int at = body.indexOf(e.getKey());
            assertThat(at).as("entity %s is on the page", e.getKey()).isNotNegative();
            while (at >= 0) {
                int end = Math.min(body.length(), at + 600);
                for (String other : classes.keySet()) {
                    int o = body.indexOf(other, at + e.getKey().length());
                    if (o >= 0 && o < end && !other.equals(e.getKey())) {
                        end = o;
                    }
                }
                String window = body.substring(at, end);
                assertThat(window).as("class of %s next to it", e.getKey())
                        .doesNotContain("\"" + e.getValue() + "\"").doesNotContain(">" + e.getValue() + "<");
                at = body.indexOf(e.getKey(), at + 1);
            }
        }
    }

    protected void noSecrets(String body) {
        for (String s : secrets) {
            assertThat(body).as("confidential value in a public answer").doesNotContain(s);
        }
    }

    protected static JsonNode ok(Http.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
