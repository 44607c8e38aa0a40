package org.drledger.command.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.drledger.command.result.Commands.EnterResult;
import org.drledger.command.result.Commands.PublishResult;
import org.drledger.command.result.Commands.RecordPublicationExemption;
import org.drledger.command.result.Commands.ReviewResult;
import org.drledger.command.result.Commands.UpdateFollowUp;
import org.drledger.command.result.ResultDirectory.FollowUpRow;
import org.drledger.command.result.ResultDirectory.ResultRow;
import org.drledger.command.support.BusinessDates;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.command.vault.Vault;
import org.drledger.core.calendar.CalendarRef;
import org.drledger.core.calendar.WorkingDayCalendar;
import org.drledger.core.result.ResultCodeTable;
import org.drledger.core.result.ResultCodeTableRef;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The REST layer's side of results: authorization ("谁检查、谁录入、谁公开"), the task lookups the aggregate cannot
 * make (drawn target, inspecting department, task item), today's business date, the newest code table and
 * calendar, and the vault for the findings text. Each method is one transaction: a refused command leaves no vault
 * row behind.
 */
@Service
@Transactional
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class ResultService {
    private final CommandGateway commands;
    private final AccessPolicy access;
    private final BusinessDates dates;
    private final TaskLookup tasks;
    private final ResultDirectory directory;
    private final Vault vault;

    ResultService(CommandGateway commands, AccessPolicy access, BusinessDates dates, TaskLookup tasks,
                  ResultDirectory directory, Vault vault) {
        this.commands = commands;
        this.access = access;
        this.dates = dates;
        this.tasks = tasks;
        this.directory = directory;
        this.vault = vault;
    }

    /** The request to enter or revise a result; {@code department} defaults to the user's own. */
    record Entry(String department, InspectionMethod method, List<String> resultCodes, String findings,
                 List<String> evidence, List<FollowUp> followUps, TriggerKind triggerKind, LocalDate triggerDate) {
    }

    record CodeView(String code, String label) {
    }

    record Review(ReviewDecision decision, List<String> reasons, String reviewer, LocalDate reviewedOn) {
    }

    record Publication(LocalDate publishedOn, String publishedBy, boolean late, int workingDaysLate) {
    }

    record Exemption(String legalBasis, HigherApproval approval, LocalDate recordedOn) {
    }

    /** A result's current state; {@code findings} is the opened text, null when none or shredded. */
    record ResultView(String streamId, String taskId, String objectId, String itemCode, String department,
                      String status, int revision, InspectionMethod method, List<CodeView> resultCodes,
                      ResultCodeTableRef codeTable, String findings, String findingsCommitment, List<String> evidence,
                      String enteredBy, LocalDate enteredOn, TriggerKind triggerKind, LocalDate triggerDate,
                      LocalDate deadline, CalendarRef calendar, Review review, Publication publication,
                      Exemption exemption, List<FollowUpRow> followUps) {
    }

    /** An unpublished, unexempted result past its deadline: calendar days and (where covered) working days late. */
    record Overdue(String taskId, String objectId, String itemCode, String department, String status,
                   TriggerKind triggerKind, LocalDate triggerDate, LocalDate deadline, long daysOverdue,
                   Integer workingDaysOverdue) {
    }

    public ResultView enter(String taskId, String objectId, String itemCode, Entry body) {
        requireIds(taskId, objectId, itemCode);
        LedgerPrincipal p = access.current();
        String department = body.department() == null || body.department().isBlank() ? p.department()
                : body.department().strip();
        access.requireActsFor(department, Role.DEPT_CLERK, Role.DEPT_APPROVER);
        TaskLookup.Task task = tasks.find(taskId).orElseThrow(() -> new CommandRefusedException("taskId",
                "unknown-task", "there is no task " + taskId));
        if (task.voided()) {
            throw CommandRefusedException.conflict("taskId", "task-voided", "the draw of task " + taskId + " is void");
        }
        if (!task.inspectedBy(department)) {
            throw new AccessDeniedException(department + " is neither the lead nor an assisting department of task "
                    + taskId);
        }
        directory.find(taskId, objectId, itemCode).ifPresent(r -> {
            if (!r.department().equals(department)) {
                throw new AccessDeniedException("the result was entered by " + r.department()
                        + "; only that department revises it");
            }
        });
        if (!tasks.isDrawnTarget(taskId, objectId)) {
            throw new CommandRefusedException("objectId", "not-drawn", objectId + " is not a drawn target of task "
                    + taskId);
        }
        if (!tasks.hasItem(taskId, itemCode)) {
            throw new CommandRefusedException("itemCode", "not-a-task-item", itemCode + " is not an item of task "
                    + taskId);
        }
        ObjectNode findings = null;
        if (body.findings() != null && !body.findings().isBlank()) {
            findings = vault.commitmentField(vault.seal(TextNode.valueOf(body.findings().strip())));
        }
        commands.sendAndWait(new EnterResult(taskId, objectId, itemCode, department, p.username(), dates.today(),
                body.method(), body.resultCodes(), ResultCodeTable.builtIn().ref(), findings, body.evidence(),
                body.followUps(), body.triggerKind(), body.triggerDate(), dates.calendar().ref()));
        return view(existing(taskId, objectId, itemCode));
    }

    public ResultView review(String taskId, String objectId, String itemCode, ReviewDecision decision, List<String> reasons) {
        ResultRow r = owned(taskId, objectId, itemCode, Role.DEPT_APPROVER);
        commands.sendAndWait(new ReviewResult(taskId, objectId, itemCode, decision, reasons,
                access.current().username(), dates.today()));
        return view(existing(r.taskId(), r.objectId(), r.itemCode()));
    }

    public ResultView publish(String taskId, String objectId, String itemCode) {
        ResultRow r = owned(taskId, objectId, itemCode, Role.DEPT_APPROVER);
        commands.sendAndWait(new PublishResult(taskId, objectId, itemCode, dates.today(), access.current().username()));
        return view(existing(r.taskId(), r.objectId(), r.itemCode()));
    }

    public ResultView exempt(String taskId, String objectId, String itemCode, String legalBasis, HigherApproval approval) {
        ResultRow r = owned(taskId, objectId, itemCode, Role.DEPT_APPROVER);
        commands.sendAndWait(new RecordPublicationExemption(taskId, objectId, itemCode, legalBasis, approval,
                dates.today(), access.current().username()));
        return view(existing(r.taskId(), r.objectId(), r.itemCode()));
    }

    public ResultView updateFollowUp(String taskId, String objectId, String itemCode, int followUpNo, FollowUpState state,
                              LocalDate completedOn) {
        ResultRow r = owned(taskId, objectId, itemCode, Role.DEPT_CLERK, Role.DEPT_APPROVER);
        commands.sendAndWait(new UpdateFollowUp(taskId, objectId, itemCode, followUpNo, state, completedOn,
                dates.today(), access.current().username()));
        return view(existing(r.taskId(), r.objectId(), r.itemCode()));
    }

    @Transactional(readOnly = true)
    public ResultView get(String taskId, String objectId, String itemCode) {
        requireIds(taskId, objectId, itemCode);
        LedgerPrincipal p = access.current();
        ResultRow r = existing(taskId, objectId, itemCode);
        if (!p.has(Role.OFFICE_ADMIN) && !p.has(Role.AUDITOR)) {
            access.requireActsFor(r.department(), Role.DEPT_CLERK, Role.DEPT_APPROVER);
        }
        return view(r);
    }

    /**
     * Supervisors' list: every department's for the office administrator and auditors, the own department's for
     * its clerks and approvers.
     */
    @Transactional(readOnly = true)
    public List<Overdue> overdue(LocalDate asOf) {
        LedgerPrincipal p = access.current();
        String department = null;
        if (!p.has(Role.OFFICE_ADMIN) && !p.has(Role.AUDITOR)) {
            access.requireActsFor(p.department(), Role.DEPT_CLERK, Role.DEPT_APPROVER);
            department = p.department();
        }
        LocalDate day = asOf == null ? dates.today() : asOf;
        return directory.overdue(day, department).stream().map(r -> {
            WorkingDayCalendar cal = WorkingDayCalendar.prc(r.calendar());
            Integer working = cal.covers(day) ? cal.workingDaysBetween(r.deadline(), day) : null;
            return new Overdue(r.taskId(), r.objectId(), r.itemCode(), r.department(), r.status(), r.triggerKind(),
                    r.triggerDate(), r.deadline(), ChronoUnit.DAYS.between(r.deadline(), day), working);
        }).toList();
    }

    private ResultRow owned(String taskId, String objectId, String itemCode, Role... roles) {
        requireIds(taskId, objectId, itemCode);
        access.current();
        ResultRow r = existing(taskId, objectId, itemCode);
        access.requireActsFor(r.department(), roles);
        return r;
    }

    private ResultRow existing(String taskId, String objectId, String itemCode) {
        return directory.find(taskId, objectId, itemCode).orElseThrow(() -> new ResponseStatusException(
                org.springframework.http.HttpStatus.NOT_FOUND, "no result " + InspectionResult.streamId(taskId,
                objectId, itemCode)));
    }

    private ResultView view(ResultRow r) {
        ResultCodeTable table = ResultCodeTable.builtIn(r.codeTable());
        String findings = r.findingsCommitment() == null ? null
                : vault.open(r.findingsCommitment()).map(JsonNode::asText).orElse(null);
        return new ResultView(InspectionResult.streamId(r.taskId(), r.objectId(), r.itemCode()), r.taskId(),
                r.objectId(), r.itemCode(), r.department(), r.status(), r.revision(), r.method(),
                r.resultCodes().stream().map(c -> new CodeView(c, table.label(c))).toList(), r.codeTable(), findings,
                r.findingsCommitment(), r.evidence(), r.enteredBy(), r.enteredOn(), r.triggerKind(), r.triggerDate(),
                r.deadline(), r.calendar(),
                r.reviewDecision() == null ? null : new Review(r.reviewDecision(), r.reviewReasons(), r.reviewer(),
                        r.reviewedOn()),
                r.publishedOn() == null ? null : new Publication(r.publishedOn(), r.publishedBy(),
                        Boolean.TRUE.equals(r.late()), r.workingDaysLate() == null ? 0 : r.workingDaysLate()),
                r.exemptionApproval() == null ? null : new Exemption(r.exemptionLegalBasis(), r.exemptionApproval(),
                        r.exemptionRecordedOn()),
                directory.followUps(r.taskId(), r.objectId(), r.itemCode()));
    }

    private static void requireIds(String taskId, String objectId, String itemCode) {
        InspectionResult.requireIdentifier(taskId, "taskId");
        InspectionResult.requireIdentifier(objectId, "objectId");
        InspectionResult.requireIdentifier(itemCode, "itemCode");
    }
}
