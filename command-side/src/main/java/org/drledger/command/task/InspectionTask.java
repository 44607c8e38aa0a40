package org.drledger.command.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.drledger.command.support.BusinessDates;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.command.task.TaskCommands.CommitSeed;
import org.drledger.command.task.TaskCommands.DrawOutcome;
import org.drledger.command.task.TaskCommands.ExecuteDraw;
import org.drledger.command.task.TaskCommands.Freeze;
import org.drledger.command.task.TaskCommands.FreezePopulation;
import org.drledger.command.task.TaskCommands.PlanTask;
import org.drledger.command.task.TaskCommands.RecordManualAdjustment;
import org.drledger.command.task.TaskCommands.RecordRandomness;
import org.drledger.command.task.TaskCommands.RecordRecusal;
import org.drledger.command.task.TaskCommands.RevealSeed;
import org.drledger.command.task.TaskCommands.VoidDraw;
import org.drledger.command.task.TaskEvents.DrawExecuted;
import org.drledger.command.task.TaskEvents.DrawVoided;
import org.drledger.command.task.TaskEvents.InspectorRecused;
import org.drledger.command.task.TaskEvents.ManualAdjustmentRecorded;
import org.drledger.command.task.TaskEvents.PartyFlag;
import org.drledger.command.task.TaskEvents.PopulationFrozen;
import org.drledger.command.task.TaskEvents.RandomnessRecorded;
import org.drledger.command.task.TaskEvents.RevealMissed;
import org.drledger.command.task.TaskEvents.SeedCommitted;
import org.drledger.command.task.TaskEvents.SeedRevealed;
import org.drledger.command.task.TaskEvents.StratumCount;
import org.drledger.command.task.TaskEvents.SubstituteAssigned;
import org.drledger.command.task.TaskEvents.TaskItem;
import org.drledger.command.task.TaskEvents.TaskPlanned;
import org.drledger.command.task.TaskEvents.Team;
import org.drledger.command.task.TaskEvents.TeamSlot;
import org.drledger.core.bytes.Hex;
import org.drledger.core.draw.DrawHashes;
import org.drledger.core.draw.DrawInputException;
import org.drledger.core.draw.DrawPlan;
import org.drledger.core.draw.Randomness;
import org.drledger.core.draw.RandomnessSources;
import org.drledger.core.registry.RecordedStratum;

/**
 * 抽查任务: one task and its one draw (docs/workflow.md §4), stream {@code task:<taskId>}. The order is enforced here:
 * planned → frozen → commitments → randomness → reveals → draw → recusals / manual adjustments; a void ends the task.
 * A command out of order is a conflict whose rule names what is missing or already done. The aggregate reads no clock
 * and does no I/O: the server computes the freeze, the sealing checkpoint and the kernel draw and passes them in; the
 * aggregate checks them against what it recorded.
 */
@Aggregate(type = InspectionTask.TYPE)
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
public class InspectionTask {
    public static final String TYPE = "InspectionTask";
    public static final String STREAM_PREFIX = "task:";
    /** Task ids are identifiers without {@code :} (docs/workflow.md "Stream ids"). */
    public static final String TASK_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    static final String DEPARTMENT = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String CATEGORY = "[A-Z][A-Z0-9_]{0,63}";
    static final String HEX32 = "[0-9a-f]{64}";
    public static final String PLAN = "PLAN";
    public static final String AD_HOC = "AD_HOC";
    public static final String MISSED_NOT_REVEALED = "NOT_REVEALED";
    public static final String MISSED_LATE = "LATE";

    @AggregateIdentifier
    private String id;
    private String taskId;
    private DrawPlan plan;
    private String planHash;
    private PopulationFrozen freeze;
    private final Map<String, String> commitments = new TreeMap<>();
    private RandomnessRecorded randomness;
    private final Map<String, String> reveals = new TreeMap<>();
    private boolean drawn;
    /** The teams as drl-draw/1 sees them: drawn, then substitutions (officer id per slot, null = empty). */
    private final Map<String, List<String>> kernelTeams = new HashMap<>();
    /** The effective teams: the above plus manual adjustments, last act per slot in ledger order. */
    private final Map<String, List<String>> effectiveTeams = new HashMap<>();
    private int recusals;
    private boolean voided;

    protected InspectionTask() {
    }

    public static String streamId(String taskId) {
        return STREAM_PREFIX + taskId;
    }

    @CommandHandler
    InspectionTask(PlanTask c) {
        if (c.taskId() == null || !c.taskId().matches(TASK_ID)) {
            throw new CommandRefusedException("taskId", "task-id-format",
                    "a task id is 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        checkSource(c);
        if (c.leadDepartment() == null || !c.leadDepartment().matches(DEPARTMENT)) {
            throw new CommandRefusedException("leadDepartment", "department-format", "a department id is required");
        }
        List<String> assisting = c.assistingDepartments() == null ? List.of() : c.assistingDepartments();
        Set<String> departments = new HashSet<>();
        departments.add(c.leadDepartment());
        for (int i = 0; i < assisting.size(); i++) {
            String d = assisting.get(i);
            if (d == null || !d.matches(DEPARTMENT)) {
                throw new CommandRefusedException("assistingDepartments[" + i + "]", "department-format",
                        "a department id is required");
            }
            if (!departments.add(d)) {
                throw new CommandRefusedException("assistingDepartments[" + i + "]", "duplicate-value",
                        d + " is the lead department or listed twice");
            }
        }
        if (c.category() == null || !c.category().matches(CATEGORY)) {
            throw new CommandRefusedException("category", "category-format",
                    "a category is an upper-case code such as ROUTINE, COMPLAINT or CASE");
        }
        if (c.drawPlan() == null) {
            throw new CommandRefusedException("drawPlan", "required", "the drl-draw/1 plan is required");
        }
        DrawPlan p;
        try {
            p = DrawPlan.fromJson(c.drawPlan());
        } catch (DrawInputException e) {
            throw new CommandRefusedException("drawPlan" + e.where(), e.rule(), e.getMessage());
        }
        if (!p.taskId().equals(c.taskId())) {
            throw new CommandRefusedException("drawPlan/taskId", "task-id-mismatch",
                    "the plan is for task " + p.taskId() + ", not " + c.taskId());
        }
        for (int s = 0; s < p.teamTemplate().size(); s++) {
            for (String d : p.teamTemplate().get(s).allowedDepartments()) {
                if (!departments.contains(d)) {
                    throw new CommandRefusedException("drawPlan/teamTemplate/" + s + "/allowedDepartments",
                            "department-not-in-task", d + " is neither the lead nor an assisting department");
                }
            }
        }
        List<TaskItem> items = checkItems(c.items(), p);
        if (RandomnessSources.DRAND_QUICKNET.equals(p.randomness().source())) {
            Instant roundTime = RandomnessSources.drandQuicknetRoundTime(p.randomness().round());
            if (!roundTime.isAfter(c.now())) {
                throw new CommandRefusedException("drawPlan/randomness/round", "round-in-the-past",
                        "round " + p.randomness().round() + " was published at " + roundTime
                                + "; choose a round after the commitments can be sealed");
            }
            if (!Instant.parse(p.revealDeadline()).isAfter(roundTime)) {
                throw new CommandRefusedException("drawPlan/revealDeadline", "reveal-deadline-before-round",
                        "the reveal deadline must be after the round's time " + roundTime);
            }
        }
        apply(new TaskPlanned(c.taskId(), c.source(), c.planRef(), c.adHocApproval(), c.leadDepartment(),
                new ArrayList<>(new TreeSet<>(assisting)), c.category(), items, p.toJson(), Hex.encode(p.hash())));
    }

    private static void checkSource(PlanTask c) {
        if (PLAN.equals(c.source())) {
            if (c.planRef() == null) {
                throw new CommandRefusedException("planRef", "required", "a task from the annual plan names its batch");
            }
            if (c.adHocApproval() != null) {
                throw new CommandRefusedException("adHocApproval", "conflicting-fields",
                        "a task from the annual plan has no ad-hoc approval");
            }
            if (c.planRef().year() < 2000 || c.planRef().year() > 9999) {
                throw new CommandRefusedException("planRef.year", "bad-year", "the plan year is 2000..9999");
            }
            require(c.planRef().batch(), "planRef.batch");
        } else if (AD_HOC.equals(c.source())) {
            if (c.adHocApproval() == null) {
                throw new CommandRefusedException("adHocApproval", "required",
                        "an ad-hoc task records its approval (临时任务报批): approver, document, date");
            }
            if (c.planRef() != null) {
                throw new CommandRefusedException("planRef", "conflicting-fields", "an ad-hoc task has no plan batch");
            }
            require(c.adHocApproval().approver(), "adHocApproval.approver");
            require(c.adHocApproval().document(), "adHocApproval.document");
            date(c.adHocApproval().date(), "adHocApproval.date");
        } else {
            throw new CommandRefusedException("source", "unknown-task-source", "source is PLAN or AD_HOC");
        }
    }

    private static List<TaskItem> checkItems(List<TaskItem> items, DrawPlan p) {
        if (items == null || items.isEmpty()) {
            throw new CommandRefusedException("items", "required", "a task inspects at least one published item");
        }
        Set<String> codes = new TreeSet<>();
        for (int i = 0; i < items.size(); i++) {
            TaskItem t = items.get(i);
            if (t == null || t.listId() == null || t.listId().isBlank() || t.code() == null || t.code().isBlank()) {
                throw new CommandRefusedException("items[" + i + "]", "required", "an item names its list and code");
            }
            if (t.version() < 1) {
                throw new CommandRefusedException("items[" + i + "].version", "not-published",
                        "the item must be in a published version");
            }
            if (!codes.add(t.code())) {
                throw new CommandRefusedException("items[" + i + "].code", "duplicate-value", t.code() + " twice");
            }
        }
        if (!codes.equals(new TreeSet<>(p.populationFilter().items()))) {
            throw new CommandRefusedException("items", "items-mismatch", "the task's items " + codes
                    + " must be exactly the plan's populationFilter.items " + p.populationFilter().items());
        }
        List<TaskItem> sorted = new ArrayList<>(items);
        sorted.sort((a, b) -> a.code().equals(b.code()) ? a.listId().compareTo(b.listId()) : a.code().compareTo(b.code()));
        return sorted;
    }

    @CommandHandler
    void handle(FreezePopulation c) {
        requireLive();
        if (freeze != null) {
            throw CommandRefusedException.conflict("taskId", "already-frozen",
                    "the population was frozen as of leaf " + freeze.asOfLeaf() + "; a task freezes once");
        }
        Freeze f = c.freeze();
        if (f == null) {
            throw CommandRefusedException.conflict("taskId", "state-changed", "the task changed; retry");
        }
        List<String> strata = f.countsByStratum().stream().map(StratumCount::stratum).toList();
        if (!strata.equals(plan.strata().stream().map(DrawPlan.Stratum::stratum).toList())
                || !f.popHash().matches(HEX32) || !f.rosterHash().matches(HEX32) || f.asOfLeaf() < 1) {
            throw new IllegalStateException("a freeze computed for another plan: " + f);
        }
        apply(new PopulationFrozen(taskId, f.asOfLeaf(), f.popHash(), f.populationSize(), f.countsByStratum(),
                f.rosterHash(), f.rosterSize(), f.conflicts(), f.assistOfficers(), f.registryObjects(),
                f.registryInspectors(), f.cappedEntities()));
    }

    @CommandHandler
    void handle(CommitSeed c) {
        requireLive();
        if (freeze == null) {
            throw CommandRefusedException.conflict("taskId", "commit-before-freeze",
                    "commitments follow the freeze: FreezePopulation first");
        }
        if (randomness != null) {
            throw CommandRefusedException.conflict("partyId", "commit-after-randomness",
                    "the randomness is recorded; commitments are closed");
        }
        requireParty(c.partyId());
        if (c.commitment() == null || !c.commitment().matches(HEX32)) {
            throw new CommandRefusedException("commitment", "bad-commitment", "a commitment is 64 lowercase hex");
        }
        if (commitments.containsKey(c.partyId())) {
            throw CommandRefusedException.conflict("partyId", "duplicate-commitment",
                    c.partyId() + " has already committed");
        }
        apply(new SeedCommitted(taskId, c.partyId(), c.commitment()));
    }

    @CommandHandler
    void handle(RecordRandomness c) {
        requireLive();
        if (freeze == null) {
            throw CommandRefusedException.conflict("taskId", "randomness-before-freeze",
                    "the randomness follows the freeze and the commitments: FreezePopulation first");
        }
        if (randomness != null) {
            throw CommandRefusedException.conflict("round", "randomness-already-recorded",
                    "the randomness of round " + randomness.round() + " is recorded");
        }
        for (String p : plan.parties()) {
            if (!commitments.containsKey(p)) {
                throw CommandRefusedException.conflict("partyId", "missing-commitment",
                        "party " + p + " has not committed; every party commits before the randomness");
            }
        }
        if (!plan.randomness().source().equals(c.source())) {
            throw new CommandRefusedException("source", "source-mismatch", "the plan fixed source "
                    + plan.randomness().source());
        }
        if (plan.randomness().round() != c.round()) {
            throw new CommandRefusedException("round", "round-mismatch", "the plan fixed round "
                    + plan.randomness().round());
        }
        boolean drand = RandomnessSources.DRAND_QUICKNET.equals(c.source());
        Randomness r;
        Instant roundTime;
        LocalDate drawDate = null;
        if (drand) {
            if (c.value() != null || c.drawDate() != null) {
                throw new CommandRefusedException(c.value() != null ? "value" : "drawDate", "conflicting-fields",
                        "a drand record carries signature and randomness only");
            }
            r = Randomness.drandQuicknet(c.round(), hex(c.signature(), 48, "signature", "bad-signature"),
                    hex(c.randomness(), 32, "randomness", "bad-randomness"));
            roundTime = RandomnessSources.drandQuicknetRoundTime(c.round());
        } else {
            if (c.signature() != null || c.randomness() != null) {
                throw new CommandRefusedException(c.signature() != null ? "signature" : "randomness",
                        "conflicting-fields", "a lottery record carries its value and draw date only");
            }
            require(c.value(), "value");
            drawDate = date(c.drawDate(), "drawDate");
            if (drawDate.getYear() != c.round() / 1000) {
                throw new CommandRefusedException("drawDate", "draw-date-mismatch",
                        "期号 " + c.round() + " is drawn in " + c.round() / 1000);
            }
            r = Randomness.cwlSsq(c.round(), c.value());
            // the draw date's start in China: a checkpoint before it was certainly signed before the draw
            roundTime = drawDate.atStartOfDay(BusinessDates.CHINA).toInstant();
        }
        try {
            RandomnessSources.validate(r);
        } catch (DrawInputException e) {
            String where = e.where();
            throw new CommandRefusedException(where.substring(where.lastIndexOf('/') + 1), e.rule(), e.getMessage());
        }
        if (c.now().isBefore(roundTime)) {
            throw CommandRefusedException.conflict("round", "randomness-before-round-time",
                    "round " + c.round() + " is not due before " + roundTime);
        }
        if (c.sealedBy() == null || c.sealedBy().treeSize() <= c.sealedThroughLeaf()) {
            throw CommandRefusedException.conflict("round", "not-sealed", "no signed checkpoint covers the plan, "
                    + "the freeze and every commitment (through leaf " + c.sealedThroughLeaf() + ")");
        }
        if (!Instant.parse(c.sealedBy().signedAt()).isBefore(roundTime)) {
            throw new CommandRefusedException("round", "sealed-after-round", "the first checkpoint covering the "
                    + "plan, the freeze and every commitment (size " + c.sealedBy().treeSize() + ", signed "
                    + c.sealedBy().signedAt() + ") is not before the round's time " + roundTime
                    + "; this draw cannot be proved free of grinding");
        }
        apply(new RandomnessRecorded(taskId, c.source(), c.round(), drand ? c.signature() : null,
                drand ? c.randomness() : null, drand ? null : c.value(), drawDate == null ? null : drawDate.toString(),
                Hex.encode(r.rand()), roundTime.toString(), c.sealedThroughLeaf(), c.sealedBy()));
    }

    @CommandHandler
    void handle(RevealSeed c) {
        requireLive();
        if (randomness == null) {
            throw CommandRefusedException.conflict("partyId", "reveal-before-randomness",
                    "reveals follow the randomness: RecordRandomness first");
        }
        if (drawn) {
            throw CommandRefusedException.conflict("partyId", "reveal-after-draw", "the draw has run");
        }
        requireParty(c.partyId());
        if (reveals.containsKey(c.partyId())) {
            throw CommandRefusedException.conflict("partyId", "duplicate-reveal", c.partyId() + " has revealed");
        }
        byte[] secret = hex(c.secret(), 32, "secret", "bad-secret");
        if (c.now().isAfter(Instant.parse(plan.revealDeadline()))) {
            throw CommandRefusedException.conflict("secret", "reveal-after-deadline",
                    "the reveal deadline " + plan.revealDeadline() + " has passed");
        }
        if (!Hex.encode(DrawHashes.commitment(taskId, c.partyId(), secret)).equals(commitments.get(c.partyId()))) {
            throw new CommandRefusedException("secret", "reveal-mismatch",
                    "the secret does not open the commitment of " + c.partyId());
        }
        apply(new SeedRevealed(taskId, c.partyId(), c.secret()));
    }

    @CommandHandler
    void handle(ExecuteDraw c) {
        requireLive();
        if (drawn) {
            throw CommandRefusedException.conflict("taskId", "second-draw",
                    "the task's draw has run; one draw per task, a new draw needs a new task");
        }
        if (randomness == null) {
            throw CommandRefusedException.conflict("taskId", "draw-before-randomness",
                    "the draw follows the randomness: RecordRandomness first");
        }
        Set<String> outstanding = new TreeSet<>(plan.parties());
        outstanding.removeAll(reveals.keySet());
        if (!outstanding.isEmpty() && !c.now().isAfter(Instant.parse(plan.revealDeadline()))) {
            throw CommandRefusedException.conflict("taskId", "draw-before-reveal-deadline", "parties " + outstanding
                    + " have not revealed and the reveal deadline " + plan.revealDeadline() + " has not passed");
        }
        Set<String> late = new TreeSet<>(c.lateReveals() == null ? List.of() : c.lateReveals());
        DrawOutcome o = c.outcome();
        if (!reveals.keySet().containsAll(late) || !consistent(o, outstanding, late)) {
            throw CommandRefusedException.conflict("taskId", "state-changed",
                    "the task changed while the draw was computed; retry");
        }
        requireNoClearConfidentialStratum(o);
        for (String p : plan.parties()) {
            if (outstanding.contains(p) || late.contains(p)) {
                apply(new RevealMissed(taskId, p, plan.revealDeadline(),
                        late.contains(p) ? MISSED_LATE : MISSED_NOT_REVEALED));
            }
        }
        apply(new DrawExecuted(taskId, o.asOfLeaf(), o.planHash(), o.popHash(), o.rosterHash(), o.commitments(),
                o.rand(), o.seed(), o.strata(), o.targets(), o.teams(), o.unfilled()));
    }

    /**
     * House rule (domain reference §8): a confidential stratum (the credit-risk class) is never recorded in clear; the
     * server passes the registry's commitment ({@code RecordedStratum}). A clear one is a server bug, not bad input.
     */
    private void requireNoClearConfidentialStratum(DrawOutcome o) {
        if (!RecordedStratum.confidential(plan.stratifyBy())) {
            return;
        }
        for (TaskEvents.Target t : o.targets()) {
            if (!RecordedStratum.committed(t.stratum())) {
                throw new IllegalStateException("task " + taskId + ": the draw would record the stratum of "
                        + t.entityId() + " (attribute " + plan.stratifyBy() + ", confidential) in clear");
            }
        }
    }

    private boolean consistent(DrawOutcome o, Set<String> outstanding, Set<String> late) {
        if (o == null || o.asOfLeaf() != freeze.asOfLeaf() || !o.planHash().equals(planHash) || !o.popHash().equals(freeze.popHash())
                || !o.rosterHash().equals(freeze.rosterHash()) || !o.rand().equals(randomness.rand())
                || o.commitments().size() != plan.parties().size()) {
            return false;
        }
        for (PartyFlag f : o.commitments()) {
            boolean revealed = !outstanding.contains(f.partyId()) && !late.contains(f.partyId());
            if (!f.commitment().equals(commitments.get(f.partyId())) || f.revealed() != revealed) {
                return false;
            }
        }
        return o.teams().size() == o.targets().size();
    }

    @CommandHandler
    void handle(RecordRecusal c) {
        requireLive();
        if (!drawn) {
            throw CommandRefusedException.conflict("objectId", "recusal-before-draw", "recusals follow the draw");
        }
        require(c.reason(), "reason");
        require(c.decidedBy(), "decidedBy");
        List<String> team = kernelTeams.get(c.objectId());
        if (team == null) {
            throw new CommandRefusedException("objectId", "unknown-target", c.objectId() + " is not a target of the draw");
        }
        int slot = team.indexOf(c.officerId());
        if (c.officerId() == null || slot < 0) {
            throw new CommandRefusedException("officerId", "recusal-not-on-team", "officer " + c.officerId()
                    + " does not occupy a slot of the team of " + c.objectId() + " (drawn or substituted)");
        }
        TaskCommands.Substitution s = c.substitution();
        if (c.recusal() != recusals + 1 || s == null || s.slot() != slot + 1) {
            throw CommandRefusedException.conflict("objectId", "state-changed",
                    "the task changed while the substitution was computed; retry");
        }
        apply(new InspectorRecused(taskId, c.recusal(), c.objectId(), slot + 1, c.officerId(), c.reason().strip(),
                c.decidedBy().strip()));
        apply(new SubstituteAssigned(taskId, c.recusal(), c.objectId(), slot + 1, c.officerId(), s.officerId(),
                s.department(), slot == 0, s.relaxationStep()));
    }

    @CommandHandler
    void handle(RecordManualAdjustment c) {
        requireLive();
        if (!drawn) {
            throw CommandRefusedException.conflict("objectId", "adjustment-before-draw",
                    "manual adjustments follow the draw");
        }
        require(c.reason(), "reason");
        require(c.approver(), "approver");
        require(c.officerId(), "officerId");
        List<String> team = effectiveTeams.get(c.objectId());
        if (team == null) {
            throw new CommandRefusedException("objectId", "unknown-target", c.objectId() + " is not a target of the draw");
        }
        if (c.slot() < 1 || c.slot() > team.size()) {
            throw new CommandRefusedException("slot", "bad-slot", "slot must be 1.." + team.size());
        }
        if (c.officerId().equals(team.get(c.slot() - 1))) {
            throw new CommandRefusedException("officerId", "no-change", c.officerId() + " already holds that slot");
        }
        if (team.contains(c.officerId())) {
            throw new CommandRefusedException("officerId", "already-on-team",
                    c.officerId() + " is already on the team of " + c.objectId());
        }
        apply(new ManualAdjustmentRecorded(taskId, c.objectId(), c.slot(), team.get(c.slot() - 1), c.officerId(),
                c.department(), c.reason().strip(), c.approver().strip()));
    }

    @CommandHandler
    void handle(VoidDraw c) {
        requireLive();
        require(c.reason(), "reason");
        require(c.approver(), "approver");
        apply(new DrawVoided(taskId, c.reason().strip(), c.approver().strip()));
    }

    private void requireLive() {
        if (voided) {
            throw CommandRefusedException.conflict("taskId", "task-voided",
                    "task " + taskId + " is voided; nothing more happens on it (a new draw needs a new task)");
        }
    }

    private void requireParty(String partyId) {
        if (partyId == null || !plan.parties().contains(partyId)) {
            throw new CommandRefusedException("partyId", "unknown-party",
                    partyId + " is not a committing party of the plan " + plan.parties());
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new CommandRefusedException(field, "required", field + " is required");
        }
    }

    private static LocalDate date(String value, String field) {
        require(value, field);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandRefusedException(field, "bad-date", field + " is a date YYYY-MM-DD");
        }
    }

    private static byte[] hex(String value, int bytes, String field, String rule) {
        if (value == null || !value.matches("[0-9a-f]{" + 2 * bytes + "}")) {
            throw new CommandRefusedException(field, value == null ? "required" : rule,
                    field + " is " + bytes + " bytes as lowercase hex");
        }
        return Hex.decode(value);
    }

    @EventSourcingHandler
    void on(TaskPlanned e) {
        id = streamId(e.taskId());
        taskId = e.taskId();
        plan = DrawPlan.fromJson(e.drawPlan());
        planHash = e.planHash();
    }

    @EventSourcingHandler
    void on(PopulationFrozen e) {
        freeze = e;
    }

    @EventSourcingHandler
    void on(SeedCommitted e) {
        commitments.put(e.partyId(), e.commitment());
    }

    @EventSourcingHandler
    void on(RandomnessRecorded e) {
        randomness = e;
    }

    @EventSourcingHandler
    void on(SeedRevealed e) {
        reveals.put(e.partyId(), e.secret());
    }

    @EventSourcingHandler
    void on(DrawExecuted e) {
        drawn = true;
        for (Team t : e.teams()) {
            List<String> officers = new ArrayList<>();
            t.slots().forEach(s -> officers.add(s.officerId()));
            kernelTeams.put(t.entityId(), officers);
            effectiveTeams.put(t.entityId(), new ArrayList<>(officers));
        }
    }

    @EventSourcingHandler
    void on(SubstituteAssigned e) {
        recusals = e.recusal();
        kernelTeams.get(e.objectId()).set(e.slot() - 1, e.officerId());
        effectiveTeams.get(e.objectId()).set(e.slot() - 1, e.officerId());
    }

    @EventSourcingHandler
    void on(ManualAdjustmentRecorded e) {
        effectiveTeams.get(e.objectId()).set(e.slot() - 1, e.officerId());
    }

    @EventSourcingHandler
    void on(DrawVoided e) {
        voided = true;
    }
}
