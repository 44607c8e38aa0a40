package org.drledger.command.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.command.task.TaskCommands.DrawOutcome;
import org.drledger.command.task.TaskCommands.Freeze;
import org.drledger.command.task.TaskCommands.Substitution;
import org.drledger.command.task.TaskEvents.AdHocApproval;
import org.drledger.command.task.TaskEvents.PlanRef;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Tasks and draws (抽查任务, 随机抽取, 随机匹配). Who may act: planning, recusals, manual adjustments and voids — the
 * lead department's approver or the office administrator; freeze, randomness and the draw — the lead department's
 * clerk or approver, or the office; commitments and reveals — a clerk or approver of the lead or an assisting
 * department, or the office. Reading a task needs a login (the public disclosure is the query side's).
 */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks and draws")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class TaskController {
    private final TaskService tasks;
    private final TaskDirectory directory;
    private final AccessPolicy access;
    private final ObjectMapper mapper;

    TaskController(TaskService tasks, TaskDirectory directory, AccessPolicy access, ObjectMapper mapper) {
        this.tasks = tasks;
        this.directory = directory;
        this.access = access;
        this.mapper = mapper;
    }

    record NewTask(@NotBlank String taskId, @NotBlank String source, PlanRef planRef, AdHocApproval adHocApproval,
                   @NotBlank String leadDepartment, List<String> assistingDepartments, @NotBlank String category,
                   @NotNull @Size(min = 1) List<TaskService.ItemRef> items, @NotNull ObjectNode drawPlan) {
    }

    record Commitment(@NotBlank String partyId, @NotBlank String commitment) {
    }

    record RandomnessBody(@NotBlank String source, long round, String signature, String randomness, String value,
                          String drawDate) {
    }

    record Reveal(@NotBlank String partyId, @NotBlank String secret) {
    }

    record RecusalBody(@NotBlank String objectId, @NotBlank String officerId, @NotBlank @Size(max = 2000) String reason,
                       @NotBlank @Size(max = 200) String decidedBy) {
    }

    record AdjustmentBody(@NotBlank String objectId, int slot, @NotBlank String officerId,
                          @NotBlank @Size(max = 2000) String reason, @NotBlank @Size(max = 200) String approver) {
    }

    record VoidBody(@NotBlank @Size(max = 2000) String reason, @NotBlank @Size(max = 200) String approver) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a task from the annual plan or ad hoc, with its drl-draw/1 plan (lead's approver)")
    Map<String, Object> plan(@Valid @RequestBody NewTask body) {
        leadOrOffice(body.leadDepartment(), Role.DEPT_APPROVER);
        tasks.plan(new TaskService.NewTask(body.taskId(), body.source(), body.planRef(), body.adHocApproval(),
                body.leadDepartment(), body.assistingDepartments(), body.category(), body.items(), body.drawPlan()));
        return view(body.taskId(), false);
    }

    @PostMapping("/{taskId}/freeze")
    @Operation(summary = "Freeze population and roster from the registries as of the sealed log size")
    Freeze freeze(@PathVariable String taskId) {
        leadOrOffice(task(taskId).leadDepartment(), Role.DEPT_CLERK, Role.DEPT_APPROVER);
        return tasks.freeze(taskId);
    }

    @PostMapping("/{taskId}/commitments")
    @Operation(summary = "Record a party's seed commitment (before the randomness)")
    Map<String, Object> commit(@PathVariable String taskId, @Valid @RequestBody Commitment body) {
        participantOrOffice(task(taskId));
        tasks.commit(taskId, body.partyId(), body.commitment());
        return Map.of("taskId", taskId, "partyId", body.partyId(), "commitment", body.commitment());
    }

    @PostMapping("/{taskId}/randomness")
    @Operation(summary = "Record the plan's public randomness (only if a checkpoint before the round sealed the "
            + "plan, the freeze and every commitment)")
    Map<String, Object> randomness(@PathVariable String taskId, @Valid @RequestBody RandomnessBody body) {
        leadOrOffice(task(taskId).leadDepartment(), Role.DEPT_CLERK, Role.DEPT_APPROVER);
        tasks.randomness(taskId, new TaskService.RandomnessInput(body.source(), body.round(), body.signature(),
                body.randomness(), body.value(), body.drawDate()));
        return Map.of("taskId", taskId, "randomness", mapper.valueToTree(tasks.facts(taskId).randomness()));
    }

    @PostMapping("/{taskId}/reveals")
    @Operation(summary = "Reveal a party's seed (after the randomness, by the reveal deadline)")
    Map<String, Object> reveal(@PathVariable String taskId, @Valid @RequestBody Reveal body) {
        participantOrOffice(task(taskId));
        tasks.reveal(taskId, body.partyId(), body.secret());
        return Map.of("taskId", taskId, "partyId", body.partyId());
    }

    @PostMapping("/{taskId}/draw")
    @Operation(summary = "Run the draw: targets and teams by drl-draw/1 (missing reveals count as flag 0 after the "
            + "deadline)")
    Map<String, Object> draw(@PathVariable String taskId) {
        leadOrOffice(task(taskId).leadDepartment(), Role.DEPT_CLERK, Role.DEPT_APPROVER);
        DrawOutcome o = tasks.execute(taskId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("taskId", taskId);
        out.put("seed", o.seed());
        out.put("targets", o.targets().size());
        out.put("unfilledSlots", o.unfilled().size());
        out.put("commitments", o.commitments());
        return out;
    }

    @PostMapping("/{taskId}/recusals")
    @Operation(summary = "Record a recusal (回避) decided by the agency head, with its deterministic substitute")
    Map<String, Object> recuse(@PathVariable String taskId, @Valid @RequestBody RecusalBody body) {
        leadOrOffice(task(taskId).leadDepartment(), Role.DEPT_APPROVER);
        Substitution s = tasks.recuse(taskId, body.objectId(), body.officerId(), body.reason(), body.decidedBy());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("taskId", taskId);
        out.put("objectId", body.objectId());
        out.put("recusedOfficerId", body.officerId());
        out.put("substitution", s);
        return out;
    }

    @PostMapping("/{taskId}/adjustments")
    @Operation(summary = "Record a reasoned, approved manual adjustment of one slot (never overwrites the draw)")
    Map<String, Object> adjust(@PathVariable String taskId, @Valid @RequestBody AdjustmentBody body) {
        leadOrOffice(task(taskId).leadDepartment(), Role.DEPT_APPROVER);
        tasks.adjust(taskId, body.objectId(), body.slot(), body.officerId(), body.reason(), body.approver());
        return Map.of("taskId", taskId, "objectId", body.objectId(), "slot", body.slot(), "officerId",
                body.officerId());
    }

    @PostMapping("/{taskId}/void")
    @Operation(summary = "Void the task's draw; nothing more happens on the task")
    Map<String, Object> voidDraw(@PathVariable String taskId, @Valid @RequestBody VoidBody body) {
        leadOrOffice(task(taskId).leadDepartment(), Role.DEPT_APPROVER);
        tasks.voidDraw(taskId, body.reason(), body.approver());
        return Map.of("taskId", taskId, "status", TaskDirectory.VOIDED);
    }

    @GetMapping("/{taskId}")
    @Operation(summary = "A task: status, hashes, commitments, randomness, reveals, targets, teams, recusals, "
            + "adjustments and the effective assignment")
    Map<String, Object> get(@PathVariable String taskId) {
        access.current();
        task(taskId);
        return view(taskId, true);
    }

    private TaskDirectory.TaskRow task(String taskId) {
        return directory.find(taskId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no task " + taskId));
    }

    private void leadOrOffice(String lead, Role... roles) {
        LedgerPrincipal p = access.current();
        if (!p.has(Role.OFFICE_ADMIN)) {
            access.requireActsFor(lead, roles);
        }
    }

    private void participantOrOffice(TaskDirectory.TaskRow task) {
        LedgerPrincipal p = access.current();
        if (p.has(Role.OFFICE_ADMIN)) {
            return;
        }
        if (task.assistingDepartments().contains(p.department())
                && (p.has(Role.DEPT_CLERK) || p.has(Role.DEPT_APPROVER))) {
            return;
        }
        try {
            access.requireActsFor(task.leadDepartment(), Role.DEPT_CLERK, Role.DEPT_APPROVER);
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(p.username() + " of " + p.department()
                    + " is neither in the lead nor in an assisting department of task " + task.taskId());
        }
    }

    /** The task from its entries, with the effective assignment from {@code task_assignment}. */
    private Map<String, Object> view(String taskId, boolean full) {
        TaskFacts t = tasks.facts(taskId);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("taskId", taskId);
        v.put("status", directory.find(taskId).map(TaskDirectory.TaskRow::status).orElse(null));
        ObjectNode planned = mapper.valueToTree(t.planned());
        planned.remove("taskId");
        planned.put("plannedAt", String.valueOf(t.plannedAt()));
        v.put("planned", planned);
        v.put("planHash", t.planned().planHash());
        if (!full) {
            return v;
        }
        v.put("freeze", t.frozen());
        ArrayNode commitments = mapper.createArrayNode();
        t.commitments().values().forEach(r -> commitments.add(((ObjectNode) mapper.valueToTree(r.payload()))
                .put("recordedAt", String.valueOf(r.time()))));
        v.put("commitments", commitments);
        v.put("randomness", t.randomness());
        ArrayNode reveals = mapper.createArrayNode();
        t.reveals().values().forEach(r -> reveals.add(((ObjectNode) mapper.valueToTree(r.payload()))
                .put("recordedAt", String.valueOf(r.time()))));
        v.put("reveals", reveals);
        v.put("revealsMissed", t.missed());
        v.put("draw", t.draw());
        v.put("recusals", t.recusals());
        v.put("substitutions", t.substitutions());
        v.put("adjustments", t.adjustments());
        v.put("voided", t.voided());
        v.put("assignments", directory.assignments(taskId));
        return v;
    }
}
