package org.drledger.server.query.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.drledger.query.projection.ProjectionRunner;
import org.drledger.server.e2e.DistrictYearScenario;
import org.drledger.server.testing.Http;
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
        tasks();
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
            for (int i = 0; i < targets.size(); i++) {
                assertThat(targets.get(i).get("entityId").asText())
                        .isEqualTo(drawn.get("targets").get(i).get("entityId").asText());
                assertThat(targets.get(i).get("ticket").asText())
                        .isEqualTo(drawn.get("targets").get(i).get("ticket").asText());
                assertThat(targets.get(i).get("entityName").asText()).startsWith("资阳市场主体");
                assertThat(targets.get(i).get("stratum").isNull()).as("credit class never public").isTrue();
            }
            JsonNode slot = proof.at("/draw/teams/0/slots/0");
            assertThat(slot.get("leader").asBoolean()).isTrue();
            assertThat(slot.get("officerName").asText()).startsWith("检查员");
            assertThat(slot.get("certificateNo").asText()).startsWith("川执");

            // supervisors: the strata, and the draw input that re-runs to the recorded draw
            JsonNode full = ok(http.get("/api/tasks-view/" + taskId, auditor));
            assertThat(full.at("/draw/targets/0/stratum").asText())
                    .isEqualTo(drawn.at("/targets/0/stratum").asText());
            Http.Response refused = http.get("/api/public/tasks/" + taskId + "/draw-input", null);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("rule").asText()).isEqualTo("confidential-strata");
            Http.Response input = http.get("/api/tasks-view/" + taskId + "/draw-input", auditor);
            assertThat(input.status()).isEqualTo(200);
            JsonNode result = DrawJson.result(Draw.run(DrawInputParser.parse(
                    input.body().getBytes(StandardCharsets.UTF_8))));
            assertThat(result.get("seed").asText()).isEqualTo(drawn.get("seed").asText());
            assertThat(result.at("/population/popHash").asText()).isEqualTo(frozen.get("popHash").asText());
            assertThat(CanonicalJson.writeString(result.get("targets")))
                    .isEqualTo(CanonicalJson.writeString(drawn.get("targets")));
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
        assertThat(http.get("/api/public/tasks/no-such-task", null).status()).isEqualTo(404);
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
