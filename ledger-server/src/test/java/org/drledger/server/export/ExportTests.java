package org.drledger.server.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.server.testing.TestUsers;
import org.drledger.verifier.Report;
import org.junit.jupiter.api.Test;

/** The export endpoints on the workflow of {@link ExportScenario}; subclasses pick the database. */
abstract class ExportTests extends ExportScenario {

    @Test
    void thePublicLedgerBundleIsPublicCompleteAndVerifiesWithoutPersonalData() {
        Download d = download("GET", "/api/exports/public-ledger", null);
        assertThat(d.status()).as(d.text()).isEqualTo(200);
        assertThat(d.header("Content-Disposition")).startsWith("attachment; filename=\"public-ledger-");
        long point = Long.parseLong(d.header("X-Drl-Export-Tree-Size"));
        assertThat(point).isGreaterThanOrEqualTo(world.sealedSize());
        Bundle b = Bundle.of(d.body());
        b.verifiedWith("bundle.manifest", "bundle.genesis", "bundle.trust", "entry.canonical", "entry.hash",
                "entry.key", "entry.signature", "chain.sequence", "chain.prev", "log.leaf-order", "checkpoint.signature",
                "checkpoint.root", "checkpoint.consistency", "checkpoint.beyond-log", "log.sealed", "task.one-draw",
                "cosignature.signature", "task.timing", "task.reveals", "task.publication");
        assertThat(b.manifest().get("kind").asText()).isEqualTo("public-ledger");
        assertThat(b.lines("checkpoints.jsonl")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(b.members().keySet()).containsExactlyInAnyOrder("manifest.json", "trust.jsonl", "entries.jsonl",
                "checkpoints.jsonl");
        List<JsonNode> entries = b.lines("entries.jsonl");
        assertThat(entries).hasSize((int) point);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).get("leafIndex").asLong()).isEqualTo(i);
        }
        assertThat(b.types("entries.jsonl")).contains("LedgerInitialized", "InspectorRegistered", "DrawExecuted",
                "ResultPublished", "FollowUpUpdated");
        assertThat(b.types("trust.jsonl")).startsWith("LedgerInitialized").contains("DepartmentKeyRegistered",
                "DepartmentKeyRotated", "WitnessRegistered");
        // personal and confidential data stays in the vault: commitments only
        String text = b.allText();
        for (String value : world.personal()) {
            assertThat(text).as("personal data in the public bundle").doesNotContain(value);
        }
        assertThat(text).doesNotContain(FINDINGS).contains("drl:commit");
    }

    /**
     * The house rule on the draw: the credit-risk class the plan stratifies by is confidential, so the public exports
     * carry each drawn entity's stratum only as the registry's commitment, and still verify, saying what they could
     * not check; the auditor-full export re-derives the whole draw with the openings.
     */
    @Test
    void theCreditRiskClassOfDrawnEntitiesIsNowhereInThePublicExportsWhichSayWhatTheyCheckedByCommitmentOnly() {
        Map<String, String> classes = new HashMap<>();
        for (int i = 0; i < world.entities().size(); i++) {
            classes.put(world.entities().get(i), CLASSES[i % 4]);
        }
        JsonNode recorded = taskEntry(world.taskId(), "DrawExecuted");
        Map<String, String> drawn = new HashMap<>();
        recorded.get("targets").forEach(t -> drawn.put(t.get("entityId").asText(), classes.get(t.get("entityId")
                .asText())));
        assertThat(new java.util.HashSet<>(drawn.values())).as("targets in several classes").hasSizeGreaterThan(1);

        for (String path : List.of("/api/exports/public-ledger", "/api/exports/tasks/" + world.taskId()
                + "/fairness")) {
            Bundle b = bundle(path, null);
            b.verifiedWith("task.one-draw");
            List<JsonNode> lines = b.lines("entries.jsonl");
            Map<String, JsonNode> registry = new HashMap<>();
            StringBuilder task = new StringBuilder();
            for (JsonNode l : lines) {
                JsonNode e = l.at("/signed/entry");
                if (e.get("type").asText().startsWith("InspectionObject")) {
                    registry.put(e.at("/payload/objectId").asText(), e.get("payload"));
                }
                if (e.at("/stream/id").asText().equals("task:" + world.taskId())) {
                    task.append(l).append('\n');
                }
                if (e.get("type").asText().equals("DrawExecuted")) {
                    assertThat(e.get("schema").asInt()).as("DrawExecuted payload schema").isEqualTo(2);
                    for (JsonNode t : e.at("/payload/targets")) {
                        assertThat(t.get("stratum")).as(path + ": the registry's commitment, not the class")
                                .isEqualTo(registry.get(t.get("entityId").asText()).get("creditRiskClass"));
                    }
                }
            }
            assertThat(b.allText()).as(path).doesNotContainPattern(
                    "\"entityId\":\"[^\"]+\",\"order\":[0-9]+,\"stratum\":\"");
            org.drledger.server.query.tasks.TaskViewsScenario.noClassNextToItsEntity(task.toString(), drawn);
        }

        Bundle pub = bundle("/api/exports/public-ledger", null);
        assertThat(pub.report().get("task.population").orElseThrow().status()).isEqualTo(Report.Status.UNCHECKED);
        Report.Check draw = pub.report().get("task.draw").orElseThrow();
        assertThat(draw.status()).as(pub.report().toText()).isEqualTo(Report.Status.PASS);
        assertThat(draw.reason()).as(pub.report().toText())
                .contains("entity, ticket, visiting order and district of " + drawn.size() + " target(s) checked")
                .contains("the stratum of " + drawn.size() + " target(s) (confidential attribute creditRiskClass) "
                        + "checked only by commitment");

        Bundle full = bundle("/api/exports/auditor-full", auditor());
        full.verifiedWith("commitment.opening", "task.population", "task.draw");
        assertThat(full.report().notes()).anySatisfy(n -> assertThat(n).contains("the committed stratum of "
                + drawn.size() + " target(s) (confidential attribute creditRiskClass) is the registry's commitment, "
                + "checked against its opening"));
    }

    @Test
    void aTaskFairnessBundleHoldsWhatTheDrawNeedsWithInclusionProofs() {
        Bundle b = bundle("/api/exports/tasks/" + world.taskId() + "/fairness", null);
        b.verifiedWith("bundle.manifest", "bundle.genesis", "entry.hash", "entry.key", "entry.signature", "chain.prev",
                "log.inclusion", "checkpoint.signature", "task.one-draw");
        assertThat(b.manifest().get("kind").asText()).isEqualTo("task-fairness");
        assertThat(b.manifest().at("/subject/taskId").asText()).isEqualTo(world.taskId());
        List<String> types = b.types("entries.jsonl");
        assertThat(types).contains("TaskPlanned", "PopulationFrozen", "SeedCommitted", "RandomnessRecorded",
                "SeedRevealed", "DrawExecuted", "InspectorRecused", "SubstituteAssigned");
        long frozenAt = taskEntry(world.taskId(), "PopulationFrozen").get("asOfLeaf").asLong();
        List<JsonNode> registry = b.lines("entries.jsonl").stream().filter(l -> l.at("/signed/entry/type").asText()
                .startsWith("InspectionObject") || l.at("/signed/entry/type").asText().startsWith("Inspector"))
                .filter(l -> !l.at("/signed/entry/type").asText().equals("InspectorRecused")).toList();
        assertThat(registry).hasSize(48).allSatisfy(l -> assertThat(l.get("leafIndex").asLong()).isLessThan(frozenAt));
        assertThat(types).doesNotContain("ResultEntered", "ChecklistPublished");
        assertThat(b.streams("entries.jsonl")).filteredOn(s -> s.startsWith("task:")).containsOnly("task:" + world.taskId());
        assertThat(b.lines("trust.jsonl")).allSatisfy(l -> assertThat(l.has("inclusion")).isTrue());
        // the checkpoint that sealed plan, freeze and commitments before the round, then the anchor, consistent
        long sealedBy = taskEntry(world.taskId(), "RandomnessRecorded").at("/sealedBy/treeSize").asLong();
        List<JsonNode> cps = b.lines("checkpoints.jsonl");
        assertThat(cps).hasSize(2);
        assertThat(cps.get(0).get("note").asText()).contains("\n" + sealedBy + "\n");
        assertThat(cps.get(1).has("consistency")).isTrue();
        assertThat(b.report().get("checkpoint.consistency").orElseThrow().status()).isEqualTo(Report.Status.PASS);
        assertThat(b.allText()).doesNotContain(world.personal().get(0));
    }

    @Test
    void anInspectionEvidenceBundleShowsListRegistryDrawResultAndFollowUp() {
        String path = "/api/exports/tasks/" + world.taskId() + "/inspections/" + world.target() + "/evidence";
        Bundle b = bundle(path, world.marketApprover());
        b.verifiedWith("bundle.manifest", "entry.hash", "entry.signature", "chain.prev", "log.inclusion");
        assertThat(b.manifest().get("kind").asText()).isEqualTo("inspection-evidence");
        assertThat(b.manifest().at("/subject/objectId").asText()).isEqualTo(world.target());
        assertThat(b.types("entries.jsonl")).contains("ChecklistPublished", "InspectionObjectRegistered",
                "InspectorRegistered", "TaskPlanned", "PopulationFrozen", "DrawExecuted", "InspectorRecused",
                "SubstituteAssigned", "ResultEntered", "ResultReviewed", "ResultPublished", "FollowUpUpdated");
        assertThat(b.streams("entries.jsonl")).contains("entity:" + world.target(), "checklist:" + world.listId())
                .filteredOn(s -> s.startsWith("entity:")).containsOnly("entity:" + world.target());
        assertThat(b.allText()).doesNotContain(FINDINGS);

        // an assisting department's clerk and auditors read it too; the summary says the same in words
        bundle(path, world.envClerk()).verifiedWith("log.inclusion");
        bundle(path, auditor()).verifiedWith("log.inclusion");
        Download summary = download("GET", "/api/exports/tasks/" + world.taskId() + "/inspections/" + world.target()
                + "/summary", world.marketApprover());
        assertThat(summary.status()).as(summary.text()).isEqualTo(200);
        JsonNode s = summary.json();
        assertThat(s.at("/checklist/0/inForceWhenPlanned").asBoolean()).as(s.toString()).isTrue();
        assertThat(s.at("/registry/inRegistryAtFreeze").asBoolean()).isTrue();
        assertThat(s.at("/draw/method").asText()).isEqualTo("drl-draw/1");
        assertThat(s.at("/draw/target/entityId").asText()).isEqualTo(world.target());
        assertThat(s.at("/draw/teamChanges").findValuesAsText("type")).contains("InspectorRecused",
                "SubstituteAssigned");
        assertThat(s.at("/results/0/published").asBoolean()).isTrue();
        assertThat(s.at("/results/0/steps").findValuesAsText("type")).containsExactly("ResultEntered",
                "ResultReviewed", "ResultPublished", "FollowUpUpdated");
    }

    @Test
    void evidenceIsForTheTasksDepartmentsAuditorsAndTheOffice() {
        String path = "/api/exports/tasks/" + world.taskId() + "/inspections/" + world.target() + "/evidence";
        assertThat(download("GET", path, null).status()).isEqualTo(401);
        TestUsers.Credentials stranger = user(department(), Role.DEPT_APPROVER);
        problem(download("GET", path, stranger), 403, "", "access-denied");
        assertThat(download("GET", path, admin).status()).isEqualTo(200);
    }

    @Test
    void unknownSubjectsAre404ProblemsNamingTheField() {
        problem(download("GET", "/api/exports/tasks/no-such-task/fairness", null), 404, "taskId", "unknown-task");
        problem(download("GET", "/api/exports/tasks/no-such-task/inspections/x/evidence", auditor()), 404, "taskId",
                "unknown-task");
        problem(download("GET", "/api/exports/tasks/" + world.taskId() + "/inspections/no-such-entity/evidence",
                auditor()), 404, "entityId", "unknown-entity");
        problem(download("GET", "/api/exports/tasks/" + world.taskId() + "/inspections/" + world.notDrawn()
                + "/evidence", auditor()), 404, "entityId", "not-drawn");
        problem(download("POST", "/api/exports/no-such-kind", null), 404, "kind", "unknown-kind");
        problem(download("POST", "/api/exports/task-fairness", null), 422, "taskId", "required");
        problem(download("GET", "/api/exports/jobs/no-such-job", null), 404, "id", "unknown-job");
    }

    @Test
    void theAuditorFullExportIsForAuditorsOnlyAndItsOpeningsMatch() {
        assertThat(download("GET", "/api/exports/auditor-full", null).status()).isEqualTo(401);
        problem(download("GET", "/api/exports/auditor-full", admin), 403, "", "access-denied");
        problem(download("GET", "/api/exports/auditor-full", world.marketApprover()), 403, "", "access-denied");
        problem(download("POST", "/api/exports/auditor-full", admin), 403, "", "access-denied");
        problem(download("POST", "/api/exports/auditor-full", null), 401, "", "authentication-required");

        Bundle b = bundle("/api/exports/auditor-full", auditor());
        // with the openings, the confidential strata are known: the whole draw is re-derived from the ledger
        b.verifiedWith("bundle.trust", "entry.signature", "chain.prev", "checkpoint.root", "log.sealed",
                "commitment.opening", "task.timing", "task.reveals", "task.population", "task.draw",
                "task.publication");
        assertThat(b.manifest().get("kind").asText()).isEqualTo("auditor-full");
        List<JsonNode> openings = b.lines("openings.jsonl");
        assertThat(openings).isNotEmpty();
        String values = openings.stream().map(o -> o.get("value").toString()).reduce("", String::concat);
        assertThat(values).contains(FINDINGS).contains(world.personal().get(0), world.personal().get(1));
    }

    @Test
    void largeExportsRunAsJobsWithProgress() {
        Download started = download("POST", "/api/exports/public-ledger", null);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String id = started.json().get("id").asText();
        assertThat(started.header("Location")).isEqualTo("/api/exports/jobs/" + id);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                download("GET", "/api/exports/jobs/" + id, null).json().get("status").asText().equals("DONE"));
        JsonNode job = download("GET", "/api/exports/jobs/" + id, null).json();
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        assertThat(job.get("entriesWritten").asLong()).isEqualTo(job.get("exportPoint").asLong());
        Bundle b = bundle("/api/exports/jobs/" + id + "/file", null);
        b.verifiedWith("checkpoint.root", "log.sealed");
        assertThat(b.lines("entries.jsonl")).hasSize((int) job.get("exportPoint").asLong());

        // a restricted job is shown to its owner only
        TestUsers.Credentials auditor = auditor();
        Download evidence = download("POST", "/api/exports/inspection-evidence?taskId=" + world.taskId()
                + "&entityId=" + world.target(), auditor);
        assertThat(evidence.status()).as(evidence.text()).isEqualTo(202);
        String eid = evidence.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                download("GET", "/api/exports/jobs/" + eid, auditor).json().get("status").asText().equals("DONE"));
        bundle("/api/exports/jobs/" + eid + "/file", auditor).verifiedWith("log.inclusion");
        problem(download("GET", "/api/exports/jobs/" + eid, null), 404, "id", "unknown-job");
        problem(download("GET", "/api/exports/jobs/" + eid + "/file", auditor()), 404, "id", "unknown-job");

        Download fairness = download("POST", "/api/exports/task-fairness?taskId=" + world.taskId(), null);
        assertThat(fairness.status()).as(fairness.text()).isEqualTo(202);
        String fid = fairness.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                download("GET", "/api/exports/jobs/" + fid, null).json().get("status").asText().equals("DONE"));
        bundle("/api/exports/jobs/" + fid + "/file", null).verifiedWith("log.inclusion");
    }
}
