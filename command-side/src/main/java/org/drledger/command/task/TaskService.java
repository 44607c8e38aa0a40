package org.drledger.command.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drledger.command.department.DepartmentDirectory;
import org.drledger.command.ledger.LedgerIntegrityException;
import org.drledger.command.plan.PlanDirectory;
import org.drledger.command.sealer.CheckpointService;
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
import org.drledger.command.task.TaskCommands.Substitution;
import org.drledger.command.task.TaskCommands.VoidDraw;
import org.drledger.command.task.TaskEvents.AdHocApproval;
import org.drledger.command.task.TaskEvents.PlanRef;
import org.drledger.command.task.TaskEvents.SealingCheckpoint;
import org.drledger.command.task.TaskEvents.SubstituteAssigned;
import org.drledger.command.task.TaskEvents.TaskItem;
import org.drledger.command.task.TaskEvents.Team;
import org.drledger.command.vault.Vault;
import org.drledger.core.FormatException;
import org.drledger.core.draw.Draw;
import org.drledger.core.draw.DrawInput;
import org.drledger.core.draw.DrawResult;
import org.drledger.core.draw.Recusal;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The server's part of a task: it resolves checklist items and departments, computes the population and roster as
 * of the sealed log size {@code L} ({@link TaskFreeze}, with vault openings), finds the checkpoint that sealed the
 * commitments, and runs the kernel draw and substitutions over the lists recomputed as of {@code L} — refusing with a
 * ledger-integrity error when they no longer reproduce the frozen hashes. The aggregate then checks order and
 * consistency and records. When a command is out of order the service computes nothing and lets the aggregate
 * refuse it with the rule naming the expected step.
 */
@Service
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
public class TaskService {
    private final CommandGateway commands;
    private final TaskLedger ledger;
    private final Vault vault;
    private final CheckpointService checkpoints;
    private final DepartmentDirectory departments;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PlanDirectory plans;

    TaskService(CommandGateway commands, TaskLedger ledger, Vault vault, CheckpointService checkpoints,
                DepartmentDirectory departments, JdbcTemplate jdbc, Clock clock, PlanDirectory plans) {
        this.commands = commands;
        this.ledger = ledger;
        this.vault = vault;
        this.checkpoints = checkpoints;
        this.departments = departments;
        this.jdbc = jdbc;
        this.clock = clock;
        this.plans = plans;
    }

    /** A checklist item as a client names it; the service adds the latest published version of its list. */
    public record ItemRef(String listId, String code) {
    }

    /** A new task as the REST layer receives it. */
    public record NewTask(String taskId, String source, PlanRef planRef, AdHocApproval adHocApproval,
                          String leadDepartment, List<String> assistingDepartments, String category,
                          List<ItemRef> items, ObjectNode drawPlan) {
    }

    public String plan(NewTask t) {
        requireDepartment(t.leadDepartment(), "leadDepartment");
        List<String> assisting = t.assistingDepartments() == null ? List.of() : t.assistingDepartments();
        for (int i = 0; i < assisting.size(); i++) {
            requireDepartment(assisting.get(i), "assistingDepartments[" + i + "]");
        }
        List<TaskItem> items = new ArrayList<>();
        List<ItemRef> refs = t.items() == null ? List.of() : t.items();
        for (int i = 0; i < refs.size(); i++) {
            items.add(resolve(refs.get(i), "items[" + i + "]"));
        }
        if ("PLAN".equals(t.source()) && t.planRef() != null) {
            requirePlanBatch(t.planRef(), t.leadDepartment(), items);
        }
        commands.sendAndWait(new PlanTask(t.taskId(), t.source(), t.planRef(), t.adHocApproval(), t.leadDepartment(),
                assisting, t.category(), items, t.drawPlan(), clock.instant()));
        return t.taskId();
    }

    /**
     * A task from the annual plan carries out a batch in force of the approved district plan: led by the batch's
     * lead department, inspecting only the batch's items (by list and code; the task takes their latest version).
     */
    private void requirePlanBatch(PlanRef ref, String lead, List<TaskItem> items) {
        PlanDirectory.DistrictRow plan = plans.district(ref.year()).orElseThrow(() -> new CommandRefusedException(
                "planRef.year", "no-district-plan", "there is no district plan for " + ref.year()));
        if (plan.approvedOn() == null) {
            throw new CommandRefusedException("planRef.year", "plan-not-approved", "the district plan for "
                    + ref.year() + " is not approved yet; an unplanned task is ad hoc with its recorded approval");
        }
        PlanDirectory.BatchRow batch = plans.batches(ref.year()).stream()
                .filter(b -> b.batchId().equals(ref.batch())).findFirst()
                .orElseThrow(() -> new CommandRefusedException("planRef.batch", "unknown-batch", "the district plan "
                        + "for " + ref.year() + " has no batch " + ref.batch()));
        if (!"ACTIVE".equals(batch.status())) {
            throw new CommandRefusedException("planRef.batch", "batch-removed", "batch " + ref.batch()
                    + " was removed from the plan by an adjustment");
        }
        if (lead != null && !lead.equals(batch.batch().leadDepartment())) {
            throw new CommandRefusedException("leadDepartment", "not-batch-lead", "batch " + ref.batch() + " is led by "
                    + batch.batch().leadDepartment() + ", not " + lead);
        }
        java.util.Set<String> planned = new java.util.HashSet<>();
        batch.batch().items().forEach(i -> planned.add(i.listId() + "/" + i.code()));
        for (int i = 0; i < items.size(); i++) {
            TaskItem item = items.get(i);
            if (!planned.contains(item.listId() + "/" + item.code())) {
                throw new CommandRefusedException("items[" + i + "]", "item-not-in-batch", "item " + item.code()
                        + " of " + item.listId() + " is not in batch " + ref.batch() + " of the " + ref.year()
                        + " plan");
            }
        }
    }

    private void requireDepartment(String id, String field) {
        if (id != null && departments.find(id).isEmpty()) {
            throw new CommandRefusedException(field, "unknown-department", "no department " + id);
        }
    }

    /** The item in the latest published version of its list, not retired (docs/workflow.md §1). */
    private TaskItem resolve(ItemRef ref, String field) {
        if (ref == null || ref.listId() == null || ref.code() == null) {
            throw new CommandRefusedException(field, "required", "an item names its listId and code");
        }
        Integer latest = jdbc.queryForObject("SELECT MAX(version) FROM published_item WHERE list_id = ?",
                Integer.class, ref.listId());
        if (latest == null) {
            throw new CommandRefusedException(field + ".listId", "list-not-published",
                    "checklist " + ref.listId() + " has no published version");
        }
        List<Boolean> retired = jdbc.queryForList("SELECT retired FROM published_item WHERE list_id = ? "
                + "AND version = ? AND code = ?", Boolean.class, ref.listId(), latest, ref.code());
        if (retired.isEmpty()) {
            throw new CommandRefusedException(field + ".code", "item-not-published", "item " + ref.code()
                    + " is not in version " + latest + " (the latest published) of checklist " + ref.listId());
        }
        if (retired.get(0)) {
            throw new CommandRefusedException(field + ".code", "item-retired",
                    "item " + ref.code() + " is retired in version " + latest + " of checklist " + ref.listId());
        }
        return new TaskItem(ref.listId(), latest, ref.code());
    }

    /** Freezes population and roster as of the sealed log size (waits for the sealer, bounded). */
    public Freeze freeze(String taskId) {
        TaskFacts t = facts(taskId);
        if (t.voided() != null || t.frozen() != null) {
            commands.sendAndWait(new FreezePopulation(taskId, null)); // refused with the rule
        }
        long size = ledger.awaitSealedLogSize();
        Freeze f = recompute(t, size).summary(size);
        commands.sendAndWait(new FreezePopulation(taskId, f));
        return f;
    }

    public void commit(String taskId, String partyId, String commitment) {
        facts(taskId);
        commands.sendAndWait(new CommitSeed(taskId, partyId, commitment));
    }

    /** The randomness record as a client supplies it. */
    public record RandomnessInput(String source, long round, String signature, String randomness, String value,
                                  String drawDate) {
    }

    /**
     * Records the randomness. When the task is ready for it, waits for the sealer, signs a checkpoint if one is due,
     * and passes the earliest checkpoint covering the task's entries so far; the aggregate refuses unless it was
     * signed before the round's time.
     */
    public void randomness(String taskId, RandomnessInput r) {
        TaskFacts t = facts(taskId);
        long through = -1;
        SealingCheckpoint sealedBy = null;
        if (t.voided() == null && t.frozen() != null && t.randomness() == null && t.allCommitted()) {
            ledger.awaitSealedLogSize();
            checkpoints.signIfBehind();
            through = ledger.lastLeafOf(InspectionTask.streamId(taskId)).orElseThrow();
            sealedBy = ledger.earliestCovering(through).orElse(null);
        }
        commands.sendAndWait(new RecordRandomness(taskId, r.source(), r.round(), r.signature(), r.randomness(),
                r.value(), r.drawDate(), through, sealedBy, clock.instant()));
    }

    public void reveal(String taskId, String partyId, String secret) {
        facts(taskId);
        commands.sendAndWait(new RevealSeed(taskId, partyId, secret, clock.instant()));
    }

    /** Runs the kernel draw over the lists recomputed as of the freeze position and records it. */
    public DrawOutcome execute(String taskId) {
        TaskFacts t = facts(taskId);
        Instant now = clock.instant();
        if (!t.drawReady(now)) {
            commands.sendAndWait(new ExecuteDraw(taskId, now, List.of(), null)); // refused with the rule
        }
        TaskFreeze.Frozen frozen = reproduce(t);
        DrawOutcome o = TaskDraws.outcome(run(TaskDraws.input(t, frozen, List.of())), t.frozen().asOfLeaf(),
                t.plan().stratifyBy(), frozen.objects());
        commands.sendAndWait(new ExecuteDraw(taskId, now, t.lateReveals(), o));
        return o;
    }

    /**
     * Records a recusal and its deterministic substitute: the kernel draw re-run with every recusal so far plus this
     * one (draw-spec §10), after checking that it still reproduces the recorded draw and substitutions.
     */
    public Substitution recuse(String taskId, String objectId, String officerId, String reason, String decidedBy) {
        TaskFacts t = facts(taskId);
        Substitution s = null;
        Integer slot = t.voided() == null && t.draw() != null && !blank(reason) && !blank(decidedBy)
                ? kernelSlot(t, objectId, officerId) : null;
        if (slot != null) {
            TaskFreeze.Frozen frozen = reproduce(t);
            List<Recusal> recusals = new ArrayList<>(TaskDraws.recusals(t.recusals()));
            recusals.add(new Recusal(objectId, officerId, slot));
            DrawResult r = run(TaskDraws.input(t, frozen, recusals));
            requireReproduced(t, r, frozen);
            DrawResult.Substitution last = r.substitutions().get(r.substitutions().size() - 1);
            s = new Substitution(last.slot(), last.substituteOfficerId(), last.department(), last.relaxationStep());
        }
        commands.sendAndWait(new RecordRecusal(taskId, objectId, officerId, reason, decidedBy,
                t.recusals().size() + 1, s));
        return s;
    }

    public void adjust(String taskId, String objectId, int slot, String officerId, String reason, String approver) {
        facts(taskId);
        String department = null;
        if (!blank(officerId)) {
            department = ledger.officerDepartment(officerId).orElseThrow(() -> new CommandRefusedException(
                    "officerId", "unknown-officer", "no officer " + officerId + " in the inspector registry"));
        }
        commands.sendAndWait(new RecordManualAdjustment(taskId, objectId, slot, officerId, department, reason,
                approver));
    }

    public void voidDraw(String taskId, String reason, String approver) {
        facts(taskId);
        commands.sendAndWait(new VoidDraw(taskId, reason, approver));
    }

    TaskFacts facts(String taskId) {
        if (taskId == null || !taskId.matches(InspectionTask.TASK_ID)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no task " + taskId);
        }
        return ledger.facts(taskId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no task " + taskId));
    }

    private TaskFreeze.Frozen recompute(TaskFacts t, long size) {
        TaskFreeze f = new TaskFreeze(size);
        ledger.entriesBefore(size, f::accept);
        try {
            return f.freeze(t.plan(), t.planned().leadDepartment(), this::open);
        } catch (FormatException e) {
            throw new CommandRefusedException(e.where(), e.rule(), "the registries as of leaf " + size
                    + " cannot be frozen for this plan: " + e.getMessage());
        }
    }

    private Optional<String> open(String commitment) {
        return vault.open(commitment).map(JsonNode::asText);
    }

    /** The lists as of the freeze position; they must reproduce the recorded hashes. */
    private TaskFreeze.Frozen reproduce(TaskFacts t) {
        long size = t.frozen().asOfLeaf();
        TaskFreeze.Frozen f = recompute(t, size);
        if (!f.popHash().equals(t.frozen().popHash()) || !f.rosterHash().equals(t.frozen().rosterHash())) {
            throw new LedgerIntegrityException("the population and roster recomputed as of leaf " + size
                    + " do not reproduce the frozen hashes of task " + t.taskId() + ": pop_hash recorded "
                    + t.frozen().popHash() + ", computed " + f.popHash() + "; roster_hash recorded "
                    + t.frozen().rosterHash() + ", computed " + f.rosterHash());
        }
        return f;
    }

    private static DrawResult run(DrawInput in) {
        try {
            return Draw.run(in);
        } catch (FormatException e) {
            throw new CommandRefusedException(e.where(), e.rule(), e.getMessage());
        }
    }

    /** The re-run must give the recorded draw and the recorded substitutions before the new one. */
    private static void requireReproduced(TaskFacts t, DrawResult r, TaskFreeze.Frozen frozen) {
        DrawOutcome o = TaskDraws.outcome(r, t.frozen().asOfLeaf(), t.plan().stratifyBy(), frozen.objects());
        boolean same = o.seed().equals(t.draw().seed()) && sameTargets(t.draw().targets(), o.targets(), r)
                && o.teams().equals(t.draw().teams());
        for (int i = 0; same && i < t.substitutions().size(); i++) {
            SubstituteAssigned rec = t.substitutions().get(i);
            DrawResult.Substitution s = r.substitutions().get(i);
            same = java.util.Objects.equals(rec.officerId(), s.substituteOfficerId()) && rec.slot() == s.slot()
                    && rec.objectId().equals(s.entityId()) && rec.relaxationStep() == s.relaxationStep();
        }
        if (!same) {
            throw new LedgerIntegrityException("re-running the draw of task " + t.taskId()
                    + " does not reproduce its recorded draw and substitutions");
        }
    }

    /**
     * The recorded targets are the recomputed ones; a draw recorded under schema 1 (before confidential strata were
     * committed) has the clear stratum where schema 2 has the registry's commitment.
     */
    private static boolean sameTargets(List<TaskEvents.Target> recorded, List<TaskEvents.Target> recomputed,
                                       DrawResult r) {
        if (recorded.size() != recomputed.size()) {
            return false;
        }
        for (int i = 0; i < recorded.size(); i++) {
            TaskEvents.Target a = recorded.get(i);
            TaskEvents.Target b = recomputed.get(i);
            if (!a.equals(b) && !(a.stratum() != null && a.stratum().isTextual()
                    && a.stratum().textValue().equals(r.targets().get(i).stratum())
                    && a.equals(new TaskEvents.Target(b.order(), b.entityId(), a.stratum(), b.district(), b.ticket())))) {
                return false;
            }
        }
        return true;
    }

    /** The slot (1-based) {@code officerId} occupies in the drl-draw/1 team of {@code objectId}, or null. */
    private static Integer kernelSlot(TaskFacts t, String objectId, String officerId) {
        Map<String, String[]> teams = new HashMap<>();
        for (Team team : t.draw().teams()) {
            teams.put(team.entityId(), team.slots().stream().map(TaskEvents.TeamSlot::officerId).toArray(String[]::new));
        }
        for (SubstituteAssigned s : t.substitutions()) {
            teams.get(s.objectId())[s.slot() - 1] = s.officerId();
        }
        String[] team = teams.get(objectId);
        int i = team == null || officerId == null ? -1 : Arrays.asList(team).indexOf(officerId);
        return i < 0 ? null : i + 1;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
