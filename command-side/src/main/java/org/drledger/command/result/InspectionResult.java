package org.drledger.command.result;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.drledger.command.result.Commands.EnterResult;
import org.drledger.command.result.Commands.PublishResult;
import org.drledger.command.result.Commands.RecordPublicationExemption;
import org.drledger.command.result.Commands.ReviewResult;
import org.drledger.command.result.Commands.UpdateFollowUp;
import org.drledger.command.result.Events.FollowUpUpdated;
import org.drledger.command.result.Events.PublicationExemptionRecorded;
import org.drledger.command.result.Events.ResultEntered;
import org.drledger.command.result.Events.ResultPublished;
import org.drledger.command.result.Events.ResultReviewed;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.core.FormatException;
import org.drledger.core.calendar.CalendarRef;
import org.drledger.core.calendar.PublicationDeadline;
import org.drledger.core.calendar.WorkingDayCalendar;
import org.drledger.core.entry.Commitments;
import org.drledger.core.result.ResultCodeTable;

/**
 * The result of inspecting one item at one drawn object of a task (录入 → 审核 → 公示). "谁检查、谁录入、谁公开": the
 * department that entered the result is the only one that revises it; its approver reviews and publishes. The
 * publication deadline is the recorded trigger date + 20 working days on the kernel calendar whose ref the command
 * names (no clock here: dates arrive in the commands). Publication and exemption exclude each other.
 */
@Aggregate(type = InspectionResult.TYPE)
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
public class InspectionResult {
    public static final String TYPE = "InspectionResult";
    /** Aggregate ids are prefixed by kind so no user-chosen id of another kind can collide. */
    public static final String STREAM_PREFIX = "result:";
    static final int MAX_ID = 128;
    static final int MAX_EVIDENCE = 200;
    static final int MAX_FOLLOW_UPS = 20;
    static final int MAX_REASONS = 20;
    static final int MAX_TEXT = 2000;
    static final int MAX_NAME = 500;

    enum Status { ENTERED, RETURNED, APPROVED, PUBLISHED, EXEMPTED }

    @AggregateIdentifier
    private String id;
    private String department;
    private Status status;
    private int revision;
    private final Set<String> enteredBy = new HashSet<>();
    private LocalDate enteredOn;
    private LocalDate triggerDate;
    private TriggerKind triggerKind;
    private LocalDate deadline;
    private CalendarRef calendar;
    private LocalDate reviewedOn;
    private final List<FollowUp> followUps = new ArrayList<>();

    protected InspectionResult() {
    }

    /** {@code result:<taskId>:<objectId>:<itemCode>}; the parts are identifiers without {@code :}. */
    public static String streamId(String taskId, String objectId, String itemCode) {
        return STREAM_PREFIX + taskId + ":" + objectId + ":" + itemCode;
    }

    /** A natural id in a stream id: 1..128 characters, NFC, no {@code :}, white space or control characters. */
    static void requireIdentifier(String value, String field) {
        if (value == null || value.isEmpty() || value.length() > MAX_ID || !Normalizer.isNormalized(value,
                Normalizer.Form.NFC) || value.codePoints().anyMatch(c -> c == ':' || Character.isWhitespace(c)
                || Character.isSpaceChar(c) || Character.isISOControl(c))) {
            throw new CommandRefusedException(field, "identifier", field + " must be 1 to " + MAX_ID
                    + " characters (NFC) without ':', white space or control characters");
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EnterResult c) {
        requireIds(c.taskId(), c.objectId(), c.itemCode());
        require(c.department(), "department");
        require(c.enteredBy(), "enteredBy");
        if (status != null) {
            if (status != Status.ENTERED && status != Status.RETURNED) {
                throw CommandRefusedException.conflict("status", "not-revisable", "the result is " + status
                        + "; only an entered or returned result can be revised");
            }
            if (!department.equals(c.department())) {
                throw CommandRefusedException.conflict("department", "not-the-inspecting-department",
                        "the result was entered by " + department + "; only that department revises it");
            }
        }
        requireValue(c.enteredOn(), "enteredOn");
        requireValue(c.method(), "method");
        requireValue(c.triggerKind(), "triggerKind");
        requireValue(c.triggerDate(), "triggerDate");
        requireValue(c.codeTable(), "codeTable");
        requireValue(c.calendar(), "calendar");
        if (c.triggerDate().isAfter(c.enteredOn())) {
            throw new CommandRefusedException("triggerDate", "after-entry-date",
                    "the trigger date " + c.triggerDate() + " is after the entry date " + c.enteredOn());
        }
        ResultCodeTable table = kernel("codeTable", () -> ResultCodeTable.builtIn(c.codeTable()));
        List<String> codes = kernel("resultCodes", () -> table.validate(c.resultCodes()));
        if (c.findings() != null && !Commitments.isCommitment(c.findings())) {
            throw new CommandRefusedException("findings", "commitment",
                    "findings enter the ledger only as a vault commitment {\"drl:commit\": hex}");
        }
        if (c.findings() == null && table.anyOfKind(codes, ResultCodeTable.Kind.PROBLEM)) {
            throw new CommandRefusedException("findings", "required-for-problems",
                    "a result with a problem code states its findings");
        }
        List<String> evidence = evidence(c.evidence());
        WorkingDayCalendar cal = kernel("calendar", () -> WorkingDayCalendar.prc(c.calendar()));
        PublicationDeadline due = kernel("triggerDate", () -> PublicationDeadline.compute(c.triggerDate(), cal));
        List<FollowUp> measures = followUps(c.followUps(), c.triggerDate(), c.enteredOn());
        if (measures.isEmpty() && table.requiresFollowUp(codes)) {
            throw new CommandRefusedException("followUps", "required-for-pending-problems",
                    "a result with problems pending follow-up (待后续处理) names at least one follow-up measure");
        }
        apply(new ResultEntered(c.taskId(), c.objectId(), c.itemCode(), revision + 1, c.department(),
                c.enteredBy().strip(), c.enteredOn(), c.method(), codes, c.codeTable(), c.findings(), evidence,
                measures, c.triggerKind(), c.triggerDate(), due.deadline(), due.calendar()));
    }

    @CommandHandler
    void handle(ReviewResult c) {
        requireIds(c.taskId(), c.objectId(), c.itemCode());
        if (status != Status.ENTERED) {
            throw CommandRefusedException.conflict("status", "not-awaiting-review", "the result is " + status
                    + "; only an entered (or revised) result awaits review");
        }
        requireValue(c.decision(), "decision");
        require(c.reviewer(), "reviewer");
        requireValue(c.reviewedOn(), "reviewedOn");
        if (enteredBy.contains(c.reviewer().strip())) {
            throw new CommandRefusedException("reviewer", "own-entry",
                    c.reviewer() + " entered this result and cannot review it");
        }
        if (c.reviewedOn().isBefore(enteredOn)) {
            throw new CommandRefusedException("reviewedOn", "before-entry",
                    "the review date " + c.reviewedOn() + " is before the entry date " + enteredOn);
        }
        List<String> reasons = texts(c.reasons(), "reasons", MAX_REASONS);
        if (c.decision() == ReviewDecision.RETURNED && reasons.isEmpty()) {
            throw new CommandRefusedException("reasons", "required-when-returned",
                    "a returned result states the reasons");
        }
        apply(new ResultReviewed(c.taskId(), c.objectId(), c.itemCode(), revision, c.decision(), reasons,
                c.reviewer().strip(), c.reviewedOn()));
    }

    @CommandHandler
    void handle(PublishResult c) {
        requireIds(c.taskId(), c.objectId(), c.itemCode());
        requireApprovedAndOpen();
        require(c.publishedBy(), "publishedBy");
        requireValue(c.publishedOn(), "publishedOn");
        if (c.publishedOn().isBefore(reviewedOn)) {
            throw new CommandRefusedException("publishedOn", "before-review",
                    "the publication date " + c.publishedOn() + " is before the approval on " + reviewedOn);
        }
        WorkingDayCalendar cal = kernel("calendar", () -> WorkingDayCalendar.prc(calendar));
        kernel("publishedOn", () -> cal.dayKind(c.publishedOn()));
        boolean late = c.publishedOn().isAfter(deadline);
        int workingDaysLate = late ? cal.workingDaysBetween(deadline, c.publishedOn()) : 0;
        apply(new ResultPublished(c.taskId(), c.objectId(), c.itemCode(), revision, c.publishedOn(),
                c.publishedBy().strip(), triggerKind, triggerDate, deadline, late, workingDaysLate, calendar));
    }

    @CommandHandler
    void handle(RecordPublicationExemption c) {
        requireIds(c.taskId(), c.objectId(), c.itemCode());
        requireApprovedAndOpen();
        String legalBasis = text(c.legalBasis(), "legalBasis", MAX_TEXT);
        requireValue(c.approval(), "approval");
        String authority = text(c.approval().authority(), "approval.authority", MAX_NAME);
        String document = text(c.approval().document(), "approval.document", MAX_NAME);
        requireValue(c.approval().approvedOn(), "approval.approvedOn");
        requireValue(c.recordedOn(), "recordedOn");
        require(c.recordedBy(), "recordedBy");
        if (c.approval().approvedOn().isAfter(c.recordedOn())) {
            throw new CommandRefusedException("approval.approvedOn", "after-recording-date",
                    "the approval date " + c.approval().approvedOn() + " is after today " + c.recordedOn());
        }
        apply(new PublicationExemptionRecorded(c.taskId(), c.objectId(), c.itemCode(), revision, legalBasis,
                new HigherApproval(authority, document, c.approval().approvedOn()), c.recordedOn(),
                c.recordedBy().strip(), deadline));
    }

    @CommandHandler
    void handle(UpdateFollowUp c) {
        requireIds(c.taskId(), c.objectId(), c.itemCode());
        if (c.followUpNo() < 1 || c.followUpNo() > followUps.size()) {
            throw new CommandRefusedException("followUpNo", "unknown-follow-up", "the result has "
                    + followUps.size() + " follow-up measure(s); " + c.followUpNo() + " is not one of them");
        }
        requireValue(c.state(), "state");
        requireValue(c.updatedOn(), "updatedOn");
        require(c.updatedBy(), "updatedBy");
        requireCompletion(c.state(), c.completedOn(), "completedOn", triggerDate, c.updatedOn());
        FollowUp current = followUps.get(c.followUpNo() - 1);
        if (current.state() == c.state() && Objects.equals(current.completedOn(), c.completedOn())) {
            throw CommandRefusedException.conflict("state", "unchanged",
                    "follow-up " + c.followUpNo() + " is already " + c.state());
        }
        apply(new FollowUpUpdated(c.taskId(), c.objectId(), c.itemCode(), c.followUpNo(), current.measure(),
                c.state(), c.completedOn(), c.updatedOn(), c.updatedBy().strip()));
    }

    @EventSourcingHandler
    void on(ResultEntered e) {
        id = streamId(e.taskId(), e.objectId(), e.itemCode());
        department = e.department();
        status = Status.ENTERED;
        revision = e.revision();
        enteredBy.add(e.enteredBy());
        enteredOn = e.enteredOn();
        triggerKind = e.triggerKind();
        triggerDate = e.triggerDate();
        deadline = e.deadline();
        calendar = e.calendar();
        followUps.clear();
        followUps.addAll(e.followUps());
    }

    @EventSourcingHandler
    void on(ResultReviewed e) {
        status = e.decision() == ReviewDecision.APPROVED ? Status.APPROVED : Status.RETURNED;
        reviewedOn = e.reviewedOn();
    }

    @EventSourcingHandler
    void on(ResultPublished e) {
        status = Status.PUBLISHED;
    }

    @EventSourcingHandler
    void on(PublicationExemptionRecorded e) {
        status = Status.EXEMPTED;
    }

    @EventSourcingHandler
    void on(FollowUpUpdated e) {
        FollowUp f = followUps.get(e.followUpNo() - 1);
        followUps.set(e.followUpNo() - 1, new FollowUp(f.measure(), f.notifiedDepartment(), f.referredTo(), e.state(),
                e.completedOn()));
    }

    private void requireApprovedAndOpen() {
        if (status == Status.PUBLISHED) {
            throw CommandRefusedException.conflict("status", "already-published", "the result is already published");
        }
        if (status == Status.EXEMPTED) {
            throw CommandRefusedException.conflict("status", "exempted",
                    "the result is exempted from publication");
        }
        if (status != Status.APPROVED) {
            throw CommandRefusedException.conflict("status", "not-approved", "the result is " + status
                    + "; it is published (or exempted) only after its review approved it");
        }
    }

    private static void requireIds(String taskId, String objectId, String itemCode) {
        requireIdentifier(taskId, "taskId");
        requireIdentifier(objectId, "objectId");
        requireIdentifier(itemCode, "itemCode");
    }

    private static List<String> evidence(List<String> hashes) {
        if (hashes == null) {
            return List.of();
        }
        if (hashes.size() > MAX_EVIDENCE) {
            throw new CommandRefusedException("evidence", "too-many", "at most " + MAX_EVIDENCE + " evidence files");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < hashes.size(); i++) {
            String h = hashes.get(i);
            if (h == null || !h.matches("[0-9a-f]{64}")) {
                throw new CommandRefusedException("evidence[" + i + "]", "sha256-hex",
                        "an evidence file is named by its SHA-256 as 64 lowercase hex characters");
            }
            if (!seen.add(h)) {
                throw new CommandRefusedException("evidence[" + i + "]", "duplicate", "evidence " + h + " is listed twice");
            }
        }
        return List.copyOf(hashes);
    }

    private static List<FollowUp> followUps(List<FollowUp> given, LocalDate trigger, LocalDate today) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_FOLLOW_UPS) {
            throw new CommandRefusedException("followUps", "too-many", "at most " + MAX_FOLLOW_UPS + " measures");
        }
        List<FollowUp> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "followUps[" + i + "]";
            FollowUp f = given.get(i);
            requireValue(f, at);
            requireValue(f.measure(), at + ".measure");
            requireValue(f.state(), at + ".state");
            String notified = counterpart(f.notifiedDepartment(), f.measure() == FollowUpMeasure.NOTIFY_OTHER_DEPT,
                    at + ".notifiedDepartment");
            String referred = counterpart(f.referredTo(), f.measure() == FollowUpMeasure.CASE_REFERRAL,
                    at + ".referredTo");
            requireCompletion(f.state(), f.completedOn(), at + ".completedOn", trigger, today);
            out.add(new FollowUp(f.measure(), notified, referred, f.state(), f.completedOn()));
        }
        return List.copyOf(out);
    }

    private static String counterpart(String value, boolean applies, String field) {
        if (!applies) {
            if (value != null) {
                throw new CommandRefusedException(field, "not-applicable", field + " does not apply to this measure");
            }
            return null;
        }
        return text(value, field, MAX_NAME);
    }

    private static void requireCompletion(FollowUpState state, LocalDate completedOn, String field, LocalDate trigger,
                                          LocalDate today) {
        if (state == FollowUpState.OPEN) {
            if (completedOn != null) {
                throw new CommandRefusedException(field, "not-applicable", "an open measure has no completion date");
            }
            return;
        }
        requireValue(completedOn, field);
        if (completedOn.isBefore(trigger) || completedOn.isAfter(today)) {
            throw new CommandRefusedException(field, "out-of-range", "a completion date lies between the trigger date "
                    + trigger + " and today " + today);
        }
    }

    private static List<String> texts(List<String> values, String field, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw new CommandRefusedException(field, "too-many", "at most " + max + " entries");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(text(values.get(i), field + "[" + i + "]", MAX_TEXT));
        }
        return List.copyOf(out);
    }

    private static String text(String value, String field, int max) {
        require(value, field);
        String s = value.strip();
        if (s.length() > max) {
            throw new CommandRefusedException(field, "too-long", field + " is longer than " + max + " characters");
        }
        return s;
    }

    /** Runs a kernel check, turning its format error into a refusal of {@code field} with the kernel's rule. */
    private static <T> T kernel(String field, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (FormatException e) { // e.g. CalendarCoverageException: rule outside-coverage
            throw new CommandRefusedException(field, e.rule(), e.getMessage());
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new CommandRefusedException(field, "required", field + " is required");
        }
    }

    private static void requireValue(Object value, String field) {
        if (value == null) {
            throw new CommandRefusedException(field, "required", field + " is required");
        }
    }
}
