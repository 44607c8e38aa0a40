package org.drledger.command.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drledger.command.task.TaskCommands.DrawOutcome;
import org.drledger.core.TestVectors;
import org.drledger.core.bytes.Hex;
import org.drledger.core.draw.Commitment;
import org.drledger.core.draw.Draw;
import org.drledger.core.draw.DrawInput;
import org.drledger.core.draw.DrawPlan;
import org.drledger.core.draw.Randomness;
import org.drledger.core.draw.Reveal;
import org.drledger.core.json.CanonicalJson;
import org.junit.jupiter.api.Test;

/**
 * The writer against docs/test-vectors/bundle/task-strata-ed25519-sha256.json: from the vector's public-ledger
 * entries and the auditor-full openings, the server's freeze ({@link TaskFreeze}) and its {@code DrawExecuted}
 * ({@link TaskDraws}, schema 2) give exactly the recorded payload, each confidential stratum the registry's commitment.
 */
class TaskDrawsVectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theServerWritesTheVectorsDrawExecutedWithCommittedStrata() {
        JsonNode doc = TestVectors.read("bundle/task-strata-ed25519-sha256.json");
        JsonNode clean = doc.get("vectors").get(0);
        assertThat(clean.get("name").asText()).isEqualTo("confidential-strata-public-ledger");
        Map<String, String> openings = new HashMap<>();
        for (JsonNode o : lines(doc.get("vectors").get(1).at("/files/openings.jsonl").asText())) {
            openings.put(o.get("commitment").asText(), o.get("value").asText());
        }
        List<TaskFreeze.LedgerRecord> records = new ArrayList<>();
        Map<String, List<JsonNode>> byType = new HashMap<>();
        JsonNode drawEntry = null;
        for (JsonNode l : lines(clean.at("/files/entries.jsonl").asText())) {
            JsonNode e = l.at("/signed/entry");
            String type = e.get("type").asText();
            records.add(new TaskFreeze.LedgerRecord(l.get("leafIndex").asLong(), type, e.get("payload")));
            byType.computeIfAbsent(type, k -> new ArrayList<>()).add(e.get("payload"));
            if (type.equals("DrawExecuted")) {
                drawEntry = e;
            }
        }
        assertThat(drawEntry).isNotNull();
        assertThat(drawEntry.get("schema").asText()).isEqualTo(TaskEvents.DrawExecuted.SCHEMA);
        JsonNode planned = byType.get("TaskPlanned").get(0);
        DrawPlan plan = DrawPlan.fromJson(planned.get("drawPlan"));
        assertThat(plan.stratifyBy()).isEqualTo("creditRiskClass");
        long asOf = byType.get("PopulationFrozen").get(0).get("asOfLeaf").asLong();
        TaskFreeze.Frozen frozen = TaskFreeze.compute(asOf, records.stream().filter(r -> r.leafIndex() < asOf)
                        .filter(r -> TaskFreeze.TYPES.contains(r.type())).toList(), plan,
                planned.get("leadDepartment").asText(), c -> Optional.ofNullable(openings.get(c)));
        assertThat(frozen.popHash()).isEqualTo(byType.get("PopulationFrozen").get(0).get("popHash").asText());

        List<Commitment> commitments = new ArrayList<>();
        byType.get("SeedCommitted").forEach(c -> commitments.add(new Commitment(c.get("partyId").asText(),
                Hex.decode(c.get("commitment").asText()))));
        List<Reveal> reveals = new ArrayList<>();
        byType.get("SeedRevealed").forEach(r -> reveals.add(new Reveal(r.get("partyId").asText(),
                Hex.decode(r.get("secret").asText()))));
        JsonNode r = byType.get("RandomnessRecorded").get(0);
        DrawOutcome o = TaskDraws.outcome(Draw.run(new DrawInput(plan, frozen.population(), frozen.roster(),
                commitments, Randomness.drandQuicknet(r.get("round").asLong(), Hex.decode(r.get("signature").asText()),
                        Hex.decode(r.get("randomness").asText())), reveals, List.of())), asOf, plan.stratifyBy(),
                frozen.objects());
        TaskEvents.DrawExecuted written = new TaskEvents.DrawExecuted(planned.get("taskId").asText(), o.asOfLeaf(),
                o.planHash(), o.popHash(), o.rosterHash(), o.commitments(), o.rand(), o.seed(), o.strata(),
                o.targets(), o.teams(), o.unfilled());
        assertThat(CanonicalJson.writeString(JSON.valueToTree(written)))
                .isEqualTo(CanonicalJson.writeString(drawEntry.get("payload")));
        assertThat(o.targets()).allSatisfy(t -> assertThat(openings).containsKey(t.stratum().get("drl:commit")
                .asText()));
    }

    private static List<JsonNode> lines(String text) {
        List<JsonNode> out = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isEmpty()) {
                out.add(CanonicalJson.parse(l.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return out;
    }
}
