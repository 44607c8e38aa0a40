package org.drledger.core.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drledger.core.bytes.Hex;
import org.drledger.core.calendar.PublicationDeadline;
import org.drledger.core.calendar.WorkingDayCalendar;
import org.drledger.core.checkpoint.Checkpoint;
import org.drledger.core.checkpoint.NoteSigner;
import org.drledger.core.checkpoint.SignedNote;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.draw.Commitment;
import org.drledger.core.draw.Draw;
import org.drledger.core.draw.DrawHashes;
import org.drledger.core.draw.DrawInput;
import org.drledger.core.draw.DrawPlan;
import org.drledger.core.draw.DrawResult;
import org.drledger.core.draw.EntityRecord;
import org.drledger.core.draw.InspectionCount;
import org.drledger.core.draw.Population;
import org.drledger.core.draw.PopulationFreeze;
import org.drledger.core.draw.Randomness;
import org.drledger.core.draw.RandomnessSources;
import org.drledger.core.draw.Recusal;
import org.drledger.core.draw.Reveal;
import org.drledger.core.draw.Roster;
import org.drledger.core.draw.RosterFreeze;
import org.drledger.core.entry.Actor;
import org.drledger.core.entry.Commitments;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.EntrySigner;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.entry.StreamId;
import org.drledger.core.entry.TrustEntries;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.merkle.InMemoryMerkleTree;
import org.drledger.core.registry.InspectionHistory;
import org.drledger.core.registry.RecordedStratum;
import org.drledger.core.registry.RegistryFold;
import org.drledger.core.result.ResultCodeTable;
import org.drledger.core.testing.DeterministicRandom;
import org.drledger.core.uscc.Uscc;

/**
 * A small ledger with one complete double-random task, built and signed with the kernel, deterministic from its
 * seed, whose task and result payloads are those of docs/workflow.md §2, §4 and §5: departments and keys, 30
 * inspection objects and 8 inspectors, a task planned from the annual plan, the freeze as of the sealed log size,
 * two commitments sealed by a checkpoint before drand quicknet round 123 (the public vector of formats-reference,
 * so a BLS check of it passes), the randomness, the reveals, the kernel draw, a recusal with its substitute, and
 * results entered, reviewed and published (one late and flagged late). Registry changes after the freeze (an
 * object deregistered, an inspector added) must not reach the draw. {@link Variant}s are correctly signed ledgers
 * whose server broke a task rule; each must be rejected by its named check.
 */
public final class TaskLedgerScenario {
    public static final String LEDGER = "ziyang-2023";
    public static final String ORIGIN = "ledger.ziyang.example/2023";
    public static final String WITNESS = "jiwei.ziyang.example/witness";
    public static final String ROOT = "lianxiban";
    public static final String AMR = "amr";
    public static final String ENV = "env";
    public static final String TASK_ID = "2023-amr-007";
    public static final String TASK_STREAM = "task:" + TASK_ID;
    public static final String ORG = "organizer";
    public static final String DIO = "discipline-office";
    public static final long ROUND = 123;
    /** drand quicknet round 123 (formats-reference §2.1). */
    public static final String ROUND_SIGNATURE = "b75c69d0b72a5d906e854e808ba7e2accb1542ac355ae486d591aa9d43765482"
            + "e26cd02df835d3546d23c4b13e0dfc92";
    public static final String ROUND_RANDOMNESS = "fb8f7bc29bf24db51871ec8c79f3a1e4bd0557bc0dfcee9ed1d924e69d1c60dc";
    public static final int ENTITIES = 30;
    public static final int INSPECTORS = 8;
    static final long CHECKPOINT_EVERY = 16;

    /** Correctly signed and sealed ledgers whose task breaks a rule. */
    public enum Variant {
        /** The freeze (and the draw on it) left one active, eligible object out of the population. */
        ENTITY_REMOVED,
        /** A party's recorded reveal does not open its commitment. */
        ALTERED_REVEAL,
        /** The draw ran on other randomness than the recorded round's. */
        ALTERED_RANDOMNESS,
        /** A result published after its deadline is recorded as on time. */
        LATE_UNFLAGGED,
        /** The task gets a second DrawExecuted. */
        SECOND_DRAW,
        /**
         * Not a broken rule: the plan stratifies by the confidential credit-risk class, so the draw records each
         * target's stratum as the registry's commitment (DrawExecuted schema 2).
         */
        CONFIDENTIAL_STRATA,
        /** With {@link #CONFIDENTIAL_STRATA}: the draw records the targets' credit-risk classes in clear. */
        CLEAR_CONFIDENTIAL_STRATUM,
        /** With {@link #CONFIDENTIAL_STRATA}: the first target's stratum is another object's commitment. */
        FORGED_STRATUM_COMMITMENT
    }

    /** The payload schema of DrawExecuted (docs/workflow.md §4): 2, confidential strata committed. */
    public static final int DRAW_EXECUTED_SCHEMA = 2;

    public final CryptoSuite suite;
    public final Set<Variant> variants;
    public final List<SignedEntry> entries = new ArrayList<>();
    public final List<BundleLines.CheckpointLine> checkpoints = new ArrayList<>();
    public final List<BundleLines.OpeningLine> openings = new ArrayList<>();
    public final InMemoryMerkleTree tree;
    public final NoteSigner log;
    public final NoteSigner witness;
    public final List<String> entityIds = new ArrayList<>();
    public DrawResult draw;
    public long freezeLeaf;
    private final Map<String, SigningKey> keys = new HashMap<>();
    private final Map<StreamId, String> tips = new HashMap<>();
    private final Map<StreamId, Long> seqs = new HashMap<>();
    private final List<Long> checkpointTimes = new ArrayList<>();
    private final DeterministicRandom random;
    private Instant now = Instant.parse("2023-08-01T01:00:00Z");
    private long lastCheckpointSize = -1;

    public TaskLedgerScenario(CryptoSuite suite, Variant... variants) {
        this.suite = suite;
        this.variants = variants.length == 0 ? EnumSet.noneOf(Variant.class) : EnumSet.copyOf(List.of(variants));
        this.random = new DeterministicRandom("task-ledger-scenario/" + suite.id());
        this.tree = new InMemoryMerkleTree(suite.hash());
        this.log = NoteSigner.log(ORIGIN, suite.generateKey(random));
        this.witness = NoteSigner.witness(WITNESS, suite.generateKey(random));
        build();
    }

    private void build() {
        SigningKey root = key("root");
        append(new StreamId("Ledger", LEDGER), "LedgerInitialized", ROOT, root, obj()
                .put("ledgerId", LEDGER).put("suite", suite.id()).put("origin", ORIGIN)
                .put("logKey", log.noteKey().vkey()).put("rootDepartmentId", ROOT)
                .put("rootDepartmentName", "资阳区双随机联席办").put("rootKeyId", root.verifyingKey().keyId())
                .put("rootPublicKey", root.verifyingKey().toPem()));
        department(AMR, "资阳区市场监督管理局");
        department(ENV, "资阳区生态环境局");
        append(new StreamId("Witness", "witness:" + WITNESS), TrustEntries.WITNESS_REGISTERED, ROOT, root, obj()
                .put("name", WITNESS).put("vkey", witness.noteKey().vkey()));
        registry();
        now = Instant.parse("2023-08-23T09:00:00Z");
        task();
        results();
        seal(true);
    }

    // ---- registries (docs/workflow.md §2) ---------------------------------------------------------------------

    static String uscc(int i) {
        String body8 = String.format("MA%06d", 6100 + i);
        String first17 = "92" + "512002" + body8 + Uscc.organizationCheckCharacter(body8);
        return first17 + Uscc.checkCharacter(first17);
    }

    private ObjectNode object(int i, String status) {
        String id = uscc(i);
        ObjectNode p = obj().put("objectId", id).put("idKind", "USCC").putNull("idWarning")
                .put("objectType", i % 7 == 3 ? "INDIVIDUAL_BUSINESS" : "ENTERPRISE")
                .put("name", "资阳市测试商贸有限公司" + i).put("industry", i % 2 == 0 ? "food" : "retail")
                .put("district", "D" + (1 + i % 3)).put("address", "资阳区 " + i + " 号").put("status", status);
        p.set("creditRiskClass", commitment(String.valueOf("ABCD".charAt(i % 4))));
        p.put("registryDepartment", AMR);
        return p;
    }

    private ObjectNode inspector(int i, String status) {
        boolean amr = i <= 5;
        ObjectNode p = obj().put("officerId", "ZF-" + (amr ? "AMR" : "ENV") + "-0" + i)
                .put("department", amr ? AMR : ENV).put("name", "检查员" + i).put("certificateNo", "ZJ2023" + i)
                .put("certificateExpiry", i == 4 ? "2023-09-15" : "2026-12-31");
        p.putArray("specialties").add(amr ? "食品安全" : "环境监测");
        ArrayNode items = p.putArray("competentItems");
        items.add("A07-01");
        p.put("district", "D" + (1 + i % 3)).put("status", status).put("assistEligible", i == 8);
        ArrayNode conflicts = p.putArray("conflicts");
        if (i == 2) {
            conflicts.add(uscc(6));
        }
        p.set("idCardNo", commitment("51200219800101" + (1000 + i)));
        p.set("phone", commitment("+86-138000000" + (10 + i)));
        return p;
    }

    private void registry() {
        for (int i = 1; i <= ENTITIES; i++) {
            entityIds.add(uscc(i));
            ObjectNode p = object(i, i == 17 ? "DEREGISTERED" : "ACTIVE");
            append(new StreamId("InspectionObject", "entity:" + uscc(i)), RegistryFold.OBJECT_REGISTERED, AMR,
                    key(AMR), p);
        }
        for (int i = 1; i <= INSPECTORS; i++) {
            ObjectNode p = inspector(i, i == 5 ? "SUSPENDED" : "ACTIVE");
            append(new StreamId("Inspector", "inspector:" + p.get("officerId").textValue()),
                    RegistryFold.INSPECTOR_REGISTERED, i <= 5 ? AMR : ENV, key(i <= 5 ? AMR : ENV), p);
        }
        // a revision before the freeze: it counts
        append(new StreamId("InspectionObject", "entity:" + uscc(9)), RegistryFold.OBJECT_REVISED, AMR, key(AMR),
                object(9, "ACTIVE").put("address", "资阳区 新址 9 号"));
    }

    private JsonNode commitment(String value) {
        Commitments.Opening o = Commitments.open(JsonNodeFactory.instance.textNode(value), random);
        openings.add(new BundleLines.OpeningLine(Hex.encode(Commitments.commitment(suite.hash(), o)), o));
        opened.put(Hex.encode(Commitments.commitment(suite.hash(), o)), value);
        return Commitments.field(suite.hash(), o);
    }

    private final Map<String, String> opened = new HashMap<>();

    private boolean confidential() {
        return variants.contains(Variant.CONFIDENTIAL_STRATA);
    }

    // ---- the task (docs/workflow.md §4) -----------------------------------------------------------------------

    DrawPlan plan() {
        ObjectNode p = obj().put("algorithm", "drl-draw/1").put("taskId", TASK_ID)
                .put("stratifyBy", confidential() ? "creditRiskClass" : "industry");
        ArrayNode strata = p.putArray("strata");
        if (confidential()) {
            strata.addObject().put("stratum", "A").putObject("ratio").put("num", 1).put("den", 5);
            strata.addObject().put("stratum", "B").put("min", 1).putObject("ratio").put("num", 1).put("den", 4);
            strata.addObject().put("stratum", "C").putObject("ratio").put("num", 1).put("den", 3);
            strata.addObject().put("stratum", "D").putObject("ratio").put("num", 1).put("den", 2);
        } else {
            strata.addObject().put("stratum", "food").put("min", 1).putObject("ratio").put("num", 1).put("den", 5);
            strata.addObject().put("stratum", "retail").putObject("ratio").put("num", 1).put("den", 4);
        }
        ObjectNode filter = p.putObject("populationFilter");
        filter.putArray("objectTypes").add("ENTERPRISE").add("INDIVIDUAL_BUSINESS");
        filter.putArray("items").add("A07-01");
        filter.putObject("frequencyCap").put("maxPerYear", 2).put("year", 2023).putArray("exemptCategories")
                .add("COMPLAINT");
        p.put("officerCap", 3);
        ArrayNode template = p.putArray("teamTemplate");
        template.addObject().putArray("allowedDepartments").add(AMR);
        template.addObject().putArray("allowedDepartments").add(ENV);
        p.putObject("matchingRules").put("distinctDepartments", true).put("avoidSameDistrict", true);
        p.putArray("relaxationLadder").add("DROP_AVOID_SAME_DISTRICT");
        p.putObject("randomness").put("source", RandomnessSources.DRAND_QUICKNET).put("round", ROUND);
        p.putArray("parties").add(DIO).add(ORG);
        p.put("revealDeadline", "2023-08-24T08:00:00Z");
        p.putObject("plannedDates").put("from", "2023-09-01").put("to", "2023-09-30");
        return DrawPlan.fromJson(p);
    }

    private byte[] secret(String party) {
        return org.drledger.core.crypto.HashAlgorithm.SHA_256.digest(("drl-draw/1 test secret: " + party)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void task() {
        StreamId s = new StreamId("InspectionTask", TASK_STREAM);
        DrawPlan plan = plan();
        ObjectNode planned = obj().put("taskId", TASK_ID).put("source", "PLAN");
        planned.putObject("planRef").put("year", 2023).put("batch", "第三批");
        planned.putNull("adHocApproval");
        planned.put("leadDepartment", AMR);
        planned.putArray("assistingDepartments").add(ENV);
        planned.put("category", "ROUTINE");
        planned.putArray("items").addObject().put("listId", "amr-2023").put("version", 1).put("code", "A07-01");
        planned.set("drawPlan", plan.toJson());
        planned.put("planHash", Hex.encode(plan.hash()));
        append(s, InspectionHistory.TASK_PLANNED, AMR, key(AMR), planned);

        // freeze as of the sealed log size L
        seal(false);
        freezeLeaf = tree.size();
        Frozen f = freeze(plan, freezeLeaf);
        ObjectNode frozen = obj().put("taskId", TASK_ID).put("asOfLeaf", freezeLeaf)
                .put("popHash", Hex.encode(f.population.hash())).put("populationSize", f.population.size());
        ArrayNode counts = frozen.putArray("countsByStratum");
        f.population.countsByStratum().forEach((st, n) -> counts.addObject().put("stratum", st).put("count", n));
        frozen.put("rosterHash", Hex.encode(f.roster.hash())).put("rosterSize", f.roster.officers().size())
                .put("conflicts", f.roster.conflicts().size()).put("assistOfficers", f.roster.assistCount())
                .put("registryObjects", f.objects).put("registryInspectors", f.inspectors)
                .put("cappedEntities", f.capped);
        append(s, "PopulationFrozen", AMR, key(AMR), frozen);

        // registry changes after the freeze never reach the draw
        append(new StreamId("InspectionObject", "entity:" + uscc(2)), RegistryFold.OBJECT_REVISED, AMR, key(AMR),
                object(2, "CLOSED"));
        ObjectNode late = inspector(7, "ACTIVE").put("officerId", "ZF-ENV-09").put("name", "检查员9");
        append(new StreamId("Inspector", "inspector:ZF-ENV-09"), RegistryFold.INSPECTOR_REGISTERED, ENV, key(ENV),
                late);

        for (String party : List.of(ORG, DIO)) {
            append(s, "SeedCommitted", party.equals(ORG) ? AMR : ENV, key(party.equals(ORG) ? AMR : ENV), obj()
                    .put("taskId", TASK_ID).put("partyId", party)
                    .put("commitment", Hex.encode(DrawHashes.commitment(TASK_ID, party, secret(party)))));
        }
        long through = tree.size() - 1;
        now = Instant.parse("2023-08-23T09:30:00Z");
        seal(false);
        long sealedSize = lastCheckpointSize;
        long signedAt = checkpointTimes.get(checkpointTimes.size() - 1);

        // randomness after the round's time
        now = Instant.parse("2023-08-23T15:20:00Z");
        Randomness r = Randomness.drandQuicknet(ROUND, Hex.decode(ROUND_SIGNATURE), Hex.decode(ROUND_RANDOMNESS));
        ObjectNode rec = obj().put("taskId", TASK_ID).put("source", RandomnessSources.DRAND_QUICKNET)
                .put("round", ROUND).put("signature", ROUND_SIGNATURE).put("randomness", ROUND_RANDOMNESS)
                .putNull("value").putNull("drawDate").put("rand", Hex.encode(r.rand()))
                .put("roundTime", RandomnessSources.drandQuicknetRoundTime(ROUND).toString())
                .put("sealedThroughLeaf", through);
        rec.putObject("sealedBy").put("treeSize", sealedSize).put("signedAt",
                Instant.ofEpochSecond(signedAt).toString());
        append(s, "RandomnessRecorded", AMR, key(AMR), rec);

        now = Instant.parse("2023-08-23T16:00:00Z");
        for (String party : List.of(ORG, DIO)) {
            byte[] sj = secret(party);
            if (variants.contains(Variant.ALTERED_REVEAL) && party.equals(DIO)) {
                sj = secret("someone else");
            }
            append(s, "SeedRevealed", party.equals(ORG) ? AMR : ENV, key(party.equals(ORG) ? AMR : ENV), obj()
                    .put("taskId", TASK_ID).put("partyId", party).put("secret", Hex.encode(sj)));
        }

        now = Instant.parse("2023-08-24T09:00:00Z");
        List<Commitment> commitments = List.of(new Commitment(DIO, DrawHashes.commitment(TASK_ID, DIO, secret(DIO))),
                new Commitment(ORG, DrawHashes.commitment(TASK_ID, ORG, secret(ORG))));
        List<Reveal> reveals = List.of(new Reveal(DIO, secret(DIO)), new Reveal(ORG, secret(ORG)));
        Randomness used = variants.contains(Variant.ALTERED_RANDOMNESS)
                ? Randomness.drandQuicknet(ROUND, flipped(ROUND_SIGNATURE), null)
                : r;
        if (used.randomness() == null) {
            used = Randomness.drandQuicknet(ROUND, used.signature(),
                    org.drledger.core.crypto.HashAlgorithm.SHA_256.digest(used.signature()));
        }
        draw = Draw.run(new DrawInput(plan, f.population, f.roster, commitments, used, reveals, List.of()));
        append(s, InspectionHistory.DRAW_EXECUTED, AMR, key(AMR), drawExecuted(draw, plan, f.registry));
        if (variants.contains(Variant.SECOND_DRAW)) {
            append(s, InspectionHistory.DRAW_EXECUTED, AMR, key(AMR), drawExecuted(draw, plan, f.registry));
        }

        // a recusal (回避) of the first target's leader and the kernel's substitute
        DrawResult.Team first = draw.teams().get(0);
        DrawResult.SlotAssignment leader = first.slots().get(0);
        DrawResult withRecusal = Draw.run(new DrawInput(plan, f.population, f.roster, commitments, used, reveals,
                List.of(new Recusal(first.entityId(), leader.officerId(), 1))));
        DrawResult.Substitution sub = withRecusal.substitutions().get(0);
        append(s, "InspectorRecused", AMR, key(AMR), obj().put("taskId", TASK_ID).put("recusal", 1)
                .put("objectId", first.entityId()).put("slot", 1).put("officerId", leader.officerId())
                .put("reason", "近亲属在该企业任职").put("decidedBy", "局长 李四"));
        ObjectNode sa = obj().put("taskId", TASK_ID).put("recusal", 1).put("objectId", first.entityId())
                .put("slot", 1).put("recusedOfficerId", leader.officerId());
        if (sub.substituteOfficerId() == null) {
            sa.putNull("officerId").putNull("department");
        } else {
            sa.put("officerId", sub.substituteOfficerId()).put("department", sub.department());
        }
        sa.put("leader", true).put("relaxationStep", sub.relaxationStep());
        append(s, "SubstituteAssigned", AMR, key(AMR), sa);
        seal(false);
    }

    private static byte[] flipped(String hex) {
        byte[] b = Hex.decode(hex);
        b[5] ^= 0x40;
        return b;
    }

    /**
     * The server's DrawExecuted (command-side TaskDraws): a target's stratum as the registry records the plan's
     * attribute as of the freeze (kernel RecordedStratum), so a confidential one is the registry's commitment.
     */
    private ObjectNode drawExecuted(DrawResult r, DrawPlan plan, Map<String, JsonNode> registry) {
        ObjectNode d = obj().put("taskId", TASK_ID);
        d.put("asOfLeaf", 0); // replaced by the caller's freeze position below
        d.put("planHash", Hex.encode(r.planHash())).put("popHash", Hex.encode(r.popHash()))
                .put("rosterHash", Hex.encode(r.rosterHash()));
        ArrayNode cs = d.putArray("commitments");
        r.contributions().forEach(c -> cs.addObject().put("partyId", c.partyId())
                .put("commitment", Hex.encode(c.commitment())).put("revealed", c.revealed()));
        d.put("rand", Hex.encode(r.rand())).put("seed", Hex.encode(r.seed()));
        ArrayNode strata = d.putArray("strata");
        r.strata().forEach(s -> strata.addObject().put("stratum", s.stratum()).put("populationCount",
                s.populationCount()).put("targetCount", s.targetCount()));
        ArrayNode targets = d.putArray("targets");
        for (DrawResult.Target t : r.targets()) {
            JsonNode stratum = variants.contains(Variant.CLEAR_CONFIDENTIAL_STRATUM)
                    ? JsonNodeFactory.instance.textNode(t.stratum())
                    : RecordedStratum.of(registry.get(t.entityId()), plan.stratifyBy(), t.stratum());
            if (variants.contains(Variant.FORGED_STRATUM_COMMITMENT) && t.order() == 1) {
                String other = r.targets().get(1).entityId();
                stratum = registry.get(other).get(plan.stratifyBy()).deepCopy();
            }
            ObjectNode x = targets.addObject().put("order", t.order()).put("entityId", t.entityId());
            x.set("stratum", stratum);
            x.put("district", t.district()).put("ticket", Hex.encode(t.ticket()));
        }
        ArrayNode teams = d.putArray("teams");
        for (DrawResult.Team t : r.teams()) {
            ObjectNode team = teams.addObject().put("entityId", t.entityId());
            ArrayNode slots = team.putArray("slots");
            for (DrawResult.SlotAssignment s : t.slots()) {
                ObjectNode slot = slots.addObject().put("slot", s.slot());
                if (s.officerId() == null) {
                    slot.putNull("officerId").putNull("department");
                } else {
                    slot.put("officerId", s.officerId()).put("department", s.department());
                }
                slot.put("leader", s.leader()).put("relaxationStep", s.relaxationStep());
            }
        }
        ArrayNode unfilled = d.putArray("unfilled");
        r.unfilledSlots().forEach(u -> unfilled.addObject().put("entityId", u.entityId()).put("slot", u.slot()));
        return d;
    }

    private record Frozen(Population population, Roster roster, int objects, int inspectors, long capped,
                          Map<String, JsonNode> registry) {
    }

    /** The server's freeze (command-side TaskFreeze) composed from the same kernel calls, over this ledger. */
    private Frozen freeze(DrawPlan plan, long asOf) {
        RegistryFold registry = new RegistryFold();
        InspectionHistory history = new InspectionHistory();
        for (int i = 0; i < asOf; i++) {
            Entry e = entries.get(i).entry();
            if (RegistryFold.isRegistryEntry(e.type())) {
                registry.accept(e.type(), e.payload());
            } else {
                history.accept(e.type(), e.payload());
            }
        }
        List<EntityRecord> entities = new ArrayList<>(registry.entityRecords(plan.stratifyBy(), c -> {
            if (!confidential()) {
                throw new IllegalStateException("the plan stratifies by a public attribute");
            }
            return java.util.Optional.ofNullable(opened.get(c)); // the vault's openings
        }));
        if (variants.contains(Variant.ENTITY_REMOVED)) {
            entities.removeIf(e -> e.entityId().equals(uscc(4))); // an active enterprise, food
        }
        Set<String> known = new HashSet<>(registry.objects().keySet());
        List<InspectionCount> counts = new ArrayList<>();
        DrawPlan.FrequencyCap cap = plan.populationFilter().frequencyCap();
        for (InspectionCount c : history.counts(AMR, cap.year(), new HashSet<>(cap.exemptCategories()))) {
            if (known.contains(c.entityId())) {
                counts.add(c);
            }
        }
        Population population = PopulationFreeze.freeze(plan, entities, counts);
        Roster roster = RosterFreeze.freeze(plan, registry.officerRecords(), registry.declaredConflicts(), population);
        return new Frozen(population, roster, registry.objects().size(), registry.inspectors().size(), 0,
                new java.util.TreeMap<>(registry.objects()));
    }

    // ---- results (docs/workflow.md §5) ------------------------------------------------------------------------

    private void results() {
        WorkingDayCalendar cal = WorkingDayCalendar.prc();
        ResultCodeTable codes = ResultCodeTable.builtIn();
        for (int i = 0; i < 2; i++) {
            String objectId = draw.targets().get(i).entityId();
            StreamId s = new StreamId("InspectionResult", "result:" + TASK_ID + ":" + objectId + ":A07-01");
            LocalDate trigger = LocalDate.parse(i == 0 ? "2023-09-15" : "2023-09-20");
            PublicationDeadline d = PublicationDeadline.compute(trigger, cal);
            LocalDate enteredOn = trigger.plusDays(1);
            ObjectNode entered = obj().put("taskId", TASK_ID).put("objectId", objectId).put("itemCode", "A07-01")
                    .put("revision", 1).put("department", AMR).put("enteredBy", "clerk-amr")
                    .put("enteredOn", enteredOn.toString()).put("method", "ON_SITE");
            entered.putArray("resultCodes").add("1");
            entered.set("codeTable", ref(codes.ref().tableId(), codes.ref().version(), codes.ref().sha256(),
                    "tableId"));
            entered.putNull("findings");
            entered.putArray("evidence").add(Hex.encode(org.drledger.core.crypto.HashAlgorithm.SHA_256.digest(
                    ("现场检查记录 " + objectId).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            entered.putArray("followUps");
            entered.put("triggerKind", "INSPECTION_ENDED").put("triggerDate", trigger.toString())
                    .put("deadline", d.deadline().toString());
            entered.set("calendar", calendar(cal));
            now = enteredOn.atTime(2, 0).toInstant(java.time.ZoneOffset.UTC);
            append(s, "ResultEntered", AMR, key(AMR), entered);
            LocalDate reviewedOn = enteredOn.plusDays(1);
            ObjectNode reviewed = obj().put("taskId", TASK_ID).put("objectId", objectId).put("itemCode", "A07-01")
                    .put("revision", 1).put("decision", "APPROVED").put("reviewer", "approver-amr")
                    .put("reviewedOn", reviewedOn.toString());
            reviewed.putArray("reasons");
            now = reviewedOn.atTime(2, 0).toInstant(java.time.ZoneOffset.UTC);
            append(s, "ResultReviewed", AMR, key(AMR), reviewed);
            // the first on time; the second published after its deadline
            LocalDate on = i == 0 ? reviewedOn.plusDays(1) : d.deadline().plusDays(3);
            boolean late = d.isOverdue(on);
            int wd = late ? cal.workingDaysBetween(d.deadline(), on) : 0;
            if (late && variants.contains(Variant.LATE_UNFLAGGED)) {
                late = false;
                wd = 0;
            }
            ObjectNode published = obj().put("taskId", TASK_ID).put("objectId", objectId).put("itemCode", "A07-01")
                    .put("revision", 1).put("publishedOn", on.toString()).put("publishedBy", "approver-amr")
                    .put("triggerKind", "INSPECTION_ENDED").put("triggerDate", trigger.toString())
                    .put("deadline", d.deadline().toString()).put("late", late).put("workingDaysLate", wd);
            published.set("calendar", calendar(cal));
            now = on.atTime(2, 0).toInstant(java.time.ZoneOffset.UTC);
            append(s, "ResultPublished", AMR, key(AMR), published);
        }
    }

    private static ObjectNode calendar(WorkingDayCalendar cal) {
        return ref(cal.ref().calendarId(), cal.ref().version(), cal.ref().sha256(), "calendarId");
    }

    private static ObjectNode ref(String id, int version, String sha256, String idField) {
        return obj().put(idField, id).put("version", version).put("sha256", sha256);
    }

    // ---- ledger mechanics -------------------------------------------------------------------------------------

    private void department(String id, String name) {
        StreamId s = new StreamId("Department", id);
        SigningKey first = key(id);
        append(s, "DepartmentRegistered", ROOT, key("root"), obj().put("departmentId", id).put("name", name)
                .put("office", false).put("initialKeyId", first.verifyingKey().keyId()));
        append(s, TrustEntries.KEY_REGISTERED, ROOT, key("root"), obj().put("departmentId", id)
                .put("keyId", first.verifyingKey().keyId()).put("publicKey", first.verifyingKey().toPem()));
    }

    private SigningKey key(String name) {
        return keys.computeIfAbsent(name, n -> suite.generateKey(random));
    }

    private static ObjectNode obj() {
        return JsonNodeFactory.instance.objectNode();
    }

    private void append(StreamId stream, String type, String dept, SigningKey key, ObjectNode payload) {
        if (InspectionHistory.DRAW_EXECUTED.equals(type)) {
            payload.put("asOfLeaf", freezeLeaf);
        }
        long seq = seqs.getOrDefault(stream, -1L) + 1;
        int schema = InspectionHistory.DRAW_EXECUTED.equals(type) ? DRAW_EXECUTED_SCHEMA : 1;
        Entry e = new Entry(LEDGER, stream, seq, type, schema, now, new Actor(dept, "clerk-" + dept), payload,
                tips.getOrDefault(stream, Entry.GENESIS_PREV), key.verifyingKey().keyId());
        now = now.plusSeconds(1);
        SignedEntry signed = EntrySigner.sign(e, key);
        seqs.put(stream, seq);
        tips.put(stream, signed.hashHex());
        entries.add(signed);
        tree.append(signed.leafData());
        if (tree.size() % CHECKPOINT_EVERY == 0) {
            seal(false);
        }
    }

    private void seal(boolean cosign) {
        long size = tree.size();
        if (size == lastCheckpointSize) {
            return;
        }
        long time = now.getEpochSecond() + 2;
        SignedNote note = log.signCheckpoint(Checkpoint.of(ORIGIN, size, tree.rootAt(size), time));
        if (cosign) {
            note = note.withSignature(witness.cosign(Checkpoint.parse(note.text()), time + 2));
        }
        checkpoints.add(new BundleLines.CheckpointLine(note,
                lastCheckpointSize < 0 ? null : tree.consistencyProof(lastCheckpointSize, size)));
        checkpointTimes.add(time);
        lastCheckpointSize = size;
    }

    /** The whole ledger as a {@code public-ledger} or {@code auditor-full} bundle. */
    public byte[] fullBundle(BundleKind kind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BundleWriter w = new BundleWriter(out, kind, LEDGER, suite.id(), ORIGIN, log.noteKey().vkey(), obj())) {
            for (int i = 0; i < entries.size(); i++) {
                if (TrustEntries.isTrustEntry(entries.get(i).entry().type())) {
                    w.trust(new BundleLines.EntryLine(i, entries.get(i), null));
                }
            }
            for (int i = 0; i < entries.size(); i++) {
                w.entry(new BundleLines.EntryLine(i, entries.get(i), null));
            }
            checkpoints.forEach(w::checkpoint);
            if (kind == BundleKind.AUDITOR_FULL) {
                openings.forEach(w::opening);
            }
            w.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The task-fairness bundle: trust entries and the task's stream, with inclusion proofs to the last checkpoint. */
    public byte[] taskBundle() {
        BundleLines.CheckpointLine last = checkpoints.get(checkpoints.size() - 1);
        long size = Checkpoint.parse(last.note().text()).size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BundleWriter w = new BundleWriter(out, BundleKind.TASK_FAIRNESS, LEDGER, suite.id(), ORIGIN,
                log.noteKey().vkey(), obj().put("taskId", TASK_ID))) {
            for (int i = 0; i < size; i++) {
                SignedEntry s = entries.get(i);
                if (TrustEntries.isTrustEntry(s.entry().type())) {
                    w.trust(new BundleLines.EntryLine(i, s, tree.inclusionProof(i, size)));
                }
            }
            for (int i = 0; i < size; i++) {
                SignedEntry s = entries.get(i);
                if (s.entry().stream().id().equals(TASK_STREAM)) {
                    w.entry(new BundleLines.EntryLine(i, s, tree.inclusionProof(i, size)));
                }
            }
            w.checkpoint(new BundleLines.CheckpointLine(last.note(), null));
            w.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** For inspection in tests: the canonical JSON of entry {@code i}'s payload. */
    public String payload(int i) {
        return new String(CanonicalJson.write(entries.get(i).entry().payload()), java.nio.charset.StandardCharsets.UTF_8);
    }
}
