package org.drledger.command.result;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.drledger.core.calendar.CalendarRef;
import org.drledger.core.result.ResultCodeTableRef;

/**
 * Inspection-result commands. The REST layer has checked the task lookups (drawn target, inspecting department,
 * task item) and supplies the actor, today's business date and the reference-data versions; the aggregate checks
 * everything it can from the command and its own history.
 */
public final class Commands {
    private Commands() {
    }

    /**
     * Enter a result, or revise it while it is entered or returned.
     *
     * @param findings {@code {"drl:commit": hex}} of the findings text sealed in the vault, or {@code null}
     * @param evidence SHA-256 (lowercase hex) of evidence files kept outside the ledger
     */
    public record EnterResult(String taskId, String objectId, String itemCode, String department, String enteredBy,
                              LocalDate enteredOn, InspectionMethod method, List<String> resultCodes,
                              ResultCodeTableRef codeTable, ObjectNode findings, List<String> evidence,
                              List<FollowUp> followUps, TriggerKind triggerKind, LocalDate triggerDate,
                              CalendarRef calendar) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionResult.streamId(taskId, objectId, itemCode);
        }
    }

    public record ReviewResult(String taskId, String objectId, String itemCode, ReviewDecision decision,
                               List<String> reasons, String reviewer, LocalDate reviewedOn) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionResult.streamId(taskId, objectId, itemCode);
        }
    }

    public record PublishResult(String taskId, String objectId, String itemCode, LocalDate publishedOn,
                                String publishedBy) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionResult.streamId(taskId, objectId, itemCode);
        }
    }

    public record RecordPublicationExemption(String taskId, String objectId, String itemCode, String legalBasis,
                                             HigherApproval approval, LocalDate recordedOn, String recordedBy) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionResult.streamId(taskId, objectId, itemCode);
        }
    }

    /** @param followUpNo 1-based position in the latest entered list of follow-up measures */
    public record UpdateFollowUp(String taskId, String objectId, String itemCode, int followUpNo, FollowUpState state,
                                 LocalDate completedOn, LocalDate updatedOn, String updatedBy) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionResult.streamId(taskId, objectId, itemCode);
        }
    }
}
