package org.drledger.command.result;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.drledger.core.calendar.CalendarRef;
import org.drledger.core.result.ResultCodeTableRef;

/** Inspection-result events (entry types = these simple names; docs/workflow.md §5). */
public final class Events {
    private Events() {
    }

    /**
     * A result entered (revision 1) or revised (2, 3, …). {@code resultCodes} in the code table's order;
     * {@code deadline} = {@code triggerDate} + 20 working days under {@code calendar}.
     */
    public record ResultEntered(String taskId, String objectId, String itemCode, int revision, String department,
                                String enteredBy, LocalDate enteredOn, InspectionMethod method,
                                List<String> resultCodes, ResultCodeTableRef codeTable, ObjectNode findings,
                                List<String> evidence, List<FollowUp> followUps, TriggerKind triggerKind,
                                LocalDate triggerDate, LocalDate deadline, CalendarRef calendar) {
    }

    /** The review of {@code revision}: approved, or returned with reasons. */
    public record ResultReviewed(String taskId, String objectId, String itemCode, int revision,
                                 ReviewDecision decision, List<String> reasons, String reviewer, LocalDate reviewedOn) {
    }

    /**
     * Publication of the approved {@code revision}. {@code late} = published after the deadline (calendar days);
     * {@code workingDaysLate} = working days in (deadline, publishedOn] under {@code calendar}, 0 when on time.
     */
    public record ResultPublished(String taskId, String objectId, String itemCode, int revision, LocalDate publishedOn,
                                  String publishedBy, TriggerKind triggerKind, LocalDate triggerDate,
                                  LocalDate deadline, boolean late, int workingDaysLate, CalendarRef calendar) {
    }

    /** The approved {@code revision} is not published, on a legal basis and with the higher authority's approval. */
    public record PublicationExemptionRecorded(String taskId, String objectId, String itemCode, int revision,
                                               String legalBasis, HigherApproval approval, LocalDate recordedOn,
                                               String recordedBy, LocalDate deadline) {
    }

    public record FollowUpUpdated(String taskId, String objectId, String itemCode, int followUpNo,
                                  FollowUpMeasure measure, FollowUpState state, LocalDate completedOn,
                                  LocalDate updatedOn, String updatedBy) {
    }
}
