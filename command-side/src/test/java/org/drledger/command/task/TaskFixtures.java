package org.drledger.command.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drledger.command.task.TaskCommands.DrawOutcome;
import org.drledger.command.task.TaskCommands.Freeze;
import org.drledger.command.task.TaskEvents.AdHocApproval;
import org.drledger.command.task.TaskEvents.PlanRef;
import org.drledger.command.task.TaskEvents.PopulationFrozen;
import org.drledger.command.task.TaskEvents.RandomnessRecorded;
import org.drledger.command.task.TaskEvents.SealingCheckpoint;
import org.drledger.command.task.TaskEvents.SeedCommitted;
import org.drledger.command.task.TaskEvents.SeedRevealed;
import org.drledger.command.task.TaskEvents.TaskItem;
import org.drledger.command.task.TaskEvents.TaskPlanned;
import org.drledger.command.task.TaskFreeze.LedgerRecord;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;
import org.drledger.core.draw.Commitment;
import org.drledger.core.draw.Draw;
import org.drledger.core.draw.DrawHashes;
import org.drledger.core.draw.DrawInput;
import org.drledger.core.draw.DrawPlan;
import org.drledger.core.draw.DrawResult;
import org.drledger.core.draw.Randomness;
import org.drledger.core.draw.Recusal;
import org.drledger.core.draw.Reveal;
import org.drledger.core.entry.Commitments;
import org.drledger.core.json.CanonicalJson;

/**
 * A small task for aggregate and freeze tests: two strata, two slots, two parties, drand quicknet round 123 (the
 * public vector of the formats reference), six entities and five officers. Everything derived is computed by the
 * kernel, so the fixtures agree with what the server would compute.
 */
final class TaskFixtures {
    static final String TASK = "t-1";
    static final String ORG = "organizer";
    static final String DIO = "discipline-office";
    static final String SIGNATURE = "b75c69d0b72a5d906e854e808ba7e2accb1542ac355ae486d591aa9d43765482e26cd02df835d3546d23c4b13e0dfc92";
    static final String RANDOMNESS = "fb8f7bc29bf24db51871ec8c79f3a1e4bd0557bc0dfcee9ed1d924e69d1c60dc";
    /** Round 123 of quicknet is published at 2023-08-23T15:15:33Z. */
    static final Instant ROUND_TIME = Instant.parse("2023-08-23T15:15:33Z");
    static final Instant BEFORE_ROUND = Instant.parse("2023-08-23T10:00:00Z");
    static final Instant AFTER_ROUND = Instant.parse("2023-08-23T15:20:00Z");
    static final Instant AFTER_DEADLINE = Instant.parse("2023-08-23T16:00:01Z");
    static final long AS_OF = 40;

    private TaskFixtures() {
    }

    static ObjectNode json(String s) {
        return (ObjectNode) CanonicalJson.parse(s.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode planJson() {
        return json("{'algorithm':'drl-draw/1','taskId':'" + TASK + "','stratifyBy':'creditRiskClass',"
                + "'strata':[{'stratum':'B','ratio':{'num':1,'den':1}},{'stratum':'A','ratio':{'num':1,'den':2}}],"
                + "'populationFilter':{'items':['A07-01']},'officerCap':2,"
                + "'teamTemplate':[{'allowedDepartments':['amr']},{'allowedDepartments':['env','agri']}],"
                + "'matchingRules':{'distinctDepartments':true},"
                + "'randomness':{'source':'drand-quicknet','round':123},'parties':['" + ORG + "','" + DIO + "'],"
                + "'revealDeadline':'2023-08-23T16:00:00Z','plannedDates':{'from':'2023-09-01','to':'2023-09-30'}}");
    }

    static DrawPlan plan() {
        return DrawPlan.fromJson(planJson());
    }

    static TaskCommands.PlanTask planTask(ObjectNode drawPlan) {
        return new TaskCommands.PlanTask(TASK, InspectionTask.PLAN, new PlanRef(2023, "batch-3"), null, "amr",
                List.of("env", "agri"), "ROUTINE", List.of(new TaskItem("amr-list", 2, "A07-01")), drawPlan,
                BEFORE_ROUND);
    }

    static TaskPlanned planned() {
        DrawPlan p = plan();
        return new TaskPlanned(TASK, InspectionTask.PLAN, new PlanRef(2023, "batch-3"), null, "amr",
                List.of("agri", "env"), "ROUTINE", List.of(new TaskItem("amr-list", 2, "A07-01")), p.toJson(),
                Hex.encode(p.hash()));
    }

    static TaskPlanned plannedAdHoc() {
        TaskPlanned p = planned();
        return new TaskPlanned(TASK, InspectionTask.AD_HOC, null, new AdHocApproval("局长 王某", "资市监〔2023〕12号",
                "2023-08-20"), p.leadDepartment(), p.assistingDepartments(), "COMPLAINT", p.items(), p.drawPlan(),
                p.planHash());
    }

    /** The credit-risk class of an entity, as the registry records it: a commitment (salt derived from the id). */
    static Commitments.Opening riskOpening(String id, String risk) {
        return new Commitments.Opening(HashAlgorithm.SHA_256.digest(("salt " + id).getBytes(StandardCharsets.UTF_8)),
                TextNode.valueOf(risk));
    }

    static String riskCommitment(String id, String risk) {
        return Hex.encode(Commitments.commitment(HashAlgorithm.SHA_256, riskOpening(id, risk)));
    }

    /** Opens the fixture's credit-risk commitments (the vault's part). */
    static Optional<String> open(String commitment) {
        return Optional.ofNullable(OPENINGS.get(commitment));
    }

    private static final Map<String, String> OPENINGS = new HashMap<>();

    static ObjectNode entity(String id, String risk, String status) {
        OPENINGS.put(riskCommitment(id, risk), risk);
        return json("{'objectId':'" + id + "','idKind':'OTHER','objectType':'ENTERPRISE','name':'n " + id + "',"
                + "'industry':'food','district':'D" + (id.hashCode() % 2 + 1) + "','address':'a','status':'" + status
                + "','creditRiskClass':{'drl:commit':'" + riskCommitment(id, risk) + "'},'registryDepartment':'amr'}");
    }

    static ObjectNode inspector(String id, String dept, String status, String expiry, String conflicts) {
        return json("{'officerId':'" + id + "','department':'" + dept + "','name':'检查员 " + id + "',"
                + "'certificateNo':'C-" + id + "','certificateExpiry':'" + expiry + "','specialties':[],"
                + "'competentItems':['A07-01','B01-02'],'district':'D1','status':'" + status
                + "','assistEligible':false,'conflicts':" + conflicts + "}");
    }

    /** Registry entries in leaf order: six entities (one deregistered), five officers (one suspended). */
    static List<LedgerRecord> registry() {
        List<LedgerRecord> out = new ArrayList<>();
        long leaf = 3;
        String[][] entities = {{"E01", "A"}, {"E02", "A"}, {"E03", "A"}, {"E04", "B"}, {"E05", "B"}, {"E06", "B"},
                {"E07", "B"}};
        for (String[] e : entities) {
            out.add(new LedgerRecord(leaf++, "InspectionObjectRegistered",
                    entity(e[0], e[1], e[0].equals("E07") ? "DEREGISTERED" : "ACTIVE")));
        }
        out.add(new LedgerRecord(leaf++, "InspectorRegistered", inspector("O1", "amr", "ACTIVE", "2024-12-31", "['E01']")));
        out.add(new LedgerRecord(leaf++, "InspectorRegistered", inspector("O2", "amr", "ACTIVE", "2024-12-31", "[]")));
        out.add(new LedgerRecord(leaf++, "InspectorRegistered", inspector("O3", "env", "ACTIVE", "2024-12-31", "[]")));
        out.add(new LedgerRecord(leaf++, "InspectorRegistered", inspector("O4", "agri", "ACTIVE", "2024-12-31", "[]")));
        out.add(new LedgerRecord(leaf++, "InspectorRegistered", inspector("O5", "env", "SUSPENDED", "2024-12-31", "[]")));
        out.add(new LedgerRecord(leaf++, "InspectorRegistered", inspector("O6", "amr", "ACTIVE", "2024-12-31", "[]")));
        return out;
    }

    static TaskFreeze.Frozen frozen() {
        return TaskFreeze.compute(AS_OF, registry(), plan(), "amr", TaskFixtures::open);
    }

    static Freeze freeze() {
        return frozen().summary(AS_OF);
    }

    static PopulationFrozen populationFrozen() {
        Freeze f = freeze();
        return new PopulationFrozen(TASK, f.asOfLeaf(), f.popHash(), f.populationSize(), f.countsByStratum(),
                f.rosterHash(), f.rosterSize(), f.conflicts(), f.assistOfficers(), f.registryObjects(),
                f.registryInspectors(), f.cappedEntities());
    }

    static byte[] secret(String party) {
        return HashAlgorithm.SHA_256.digest(("test secret " + party).getBytes(StandardCharsets.UTF_8));
    }

    static String commitment(String party) {
        return Hex.encode(DrawHashes.commitment(TASK, party, secret(party)));
    }

    static SeedCommitted committed(String party) {
        return new SeedCommitted(TASK, party, commitment(party));
    }

    static SeedRevealed revealed(String party) {
        return new SeedRevealed(TASK, party, Hex.encode(secret(party)));
    }

    static final SealingCheckpoint SEALED = new SealingCheckpoint(50, "2023-08-23T10:00:00Z");

    static TaskCommands.RecordRandomness recordRandomness() {
        return new TaskCommands.RecordRandomness(TASK, "drand-quicknet", 123, SIGNATURE, RANDOMNESS, null, null, 45,
                SEALED, AFTER_ROUND);
    }

    static RandomnessRecorded randomnessRecorded() {
        return new RandomnessRecorded(TASK, "drand-quicknet", 123, SIGNATURE, RANDOMNESS, null, null, RANDOMNESS,
                "2023-08-23T15:15:33Z", 45, SEALED);
    }

    /** The kernel draw over the fixture's lists with the given parties revealed and the given recusals. */
    static DrawResult draw(List<String> revealed, List<Recusal> recusals) {
        TaskFreeze.Frozen f = frozen();
        List<Reveal> reveals = new ArrayList<>();
        revealed.forEach(p -> reveals.add(new Reveal(p, secret(p))));
        return Draw.run(new DrawInput(plan(), f.population(), f.roster(),
                List.of(new Commitment(ORG, Hex.decode(commitment(ORG))), new Commitment(DIO, Hex.decode(commitment(DIO)))),
                Randomness.drandQuicknet(123, Hex.decode(SIGNATURE), Hex.decode(RANDOMNESS)), reveals, recusals));
    }

    static DrawOutcome outcome(List<String> revealed) {
        return TaskDraws.outcome(draw(revealed, List.of()), AS_OF, plan().stratifyBy(), frozen().objects());
    }

    static TaskEvents.DrawExecuted drawExecuted(DrawOutcome o) {
        return new TaskEvents.DrawExecuted(TASK, o.asOfLeaf(), o.planHash(), o.popHash(), o.rosterHash(),
                o.commitments(), o.rand(), o.seed(), o.strata(), o.targets(), o.teams(), o.unfilled());
    }

    static JsonNode node(String s) {
        return json(s);
    }
}
