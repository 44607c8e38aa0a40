package org.drledger.command.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.drledger.command.task.TaskEvents.AdHocApproval;
import org.drledger.command.task.TaskEvents.PartyFlag;
import org.drledger.command.task.TaskEvents.PlanRef;
import org.drledger.command.task.TaskEvents.SealingCheckpoint;
import org.drledger.command.task.TaskEvents.StratumCount;
import org.drledger.command.task.TaskEvents.StratumDraw;
import org.drledger.command.task.TaskEvents.Target;
import org.drledger.command.task.TaskEvents.TaskItem;
import org.drledger.command.task.TaskEvents.Team;
import org.drledger.command.task.TaskEvents.UnfilledSlot;

/**
 * Commands of {@link InspectionTask}. What needs I/O (the registries as of a ledger position, vault openings, the
 * checkpoint that sealed the commitments, the kernel draw over the frozen lists) is computed by {@link TaskService}
 * and carried in the command; times come from the injected clock through the REST layer.
 */
public final class TaskCommands {
    private TaskCommands() {
    }

    public record PlanTask(String taskId, String source, PlanRef planRef, AdHocApproval adHocApproval,
                           String leadDepartment, List<String> assistingDepartments, String category,
                           List<TaskItem> items, ObjectNode drawPlan, Instant now) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionTask.streamId(taskId);
        }
    }

    /** The freeze as the server computed it ({@link TaskFreeze}). */
    public record Freeze(long asOfLeaf, String popHash, long populationSize, List<StratumCount> countsByStratum,
                         String rosterHash, long rosterSize, long conflicts, long assistOfficers,
                         long registryObjects, long registryInspectors, long cappedEntities) {
    }

    public record FreezePopulation(String taskId, Freeze freeze) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionTask.streamId(taskId);
        }
    }

    public record CommitSeed(String taskId, String partyId, String commitment) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionTask.streamId(taskId);
        }
    }

    /**
     * {@code sealedThroughLeaf}: the last leaf of this task's stream when the server looked; {@code sealedBy}: the
     * earliest checkpoint covering it (null if none).
     */
    public record RecordRandomness(String taskId, String source, long round, String signature, String randomness,
                                   String value, String drawDate, long sealedThroughLeaf,
                                   SealingCheckpoint sealedBy, Instant now) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionTask.streamId(taskId);
        }
    }

    public record RevealSeed(String taskId, String partyId, String secret, Instant now) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionTask.streamId(taskId);
        }
    }

    /** The kernel draw's outcome over the lists recomputed as of the freeze position. */
    public record DrawOutcome(long asOfLeaf, String planHash, String popHash, String rosterHash,
                              List<PartyFlag> commitments, String rand, String seed, List<StratumDraw> strata,
                              List<Target> targets, List<Team> teams, List<UnfilledSlot> unfilled) {
    }

    /** {@code lateReveals}: parties whose reveal entry is dated after the reveal deadline (they get flag 0). */
    public record ExecuteDraw(String taskId, Instant now, List<String> lateReveals, DrawOutcome outcome) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionTask.streamId(taskId);
        }
    }

    /** The kernel's substitution (draw-spec §10) for this recusal; {@code officerId} null when unfilled. */
    public record Substitution(int slot, String officerId, String department, int relaxationStep) {
    }

    /** {@code recusal}: the 1-based number this recusal gets (the number of earlier recusals + 1). */
    public record RecordRecusal(String taskId, String objectId, String officerId, String reason, String decidedBy,
                                int recusal, Substitution substitution) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionTask.streamId(taskId);
        }
    }

    public record RecordManualAdjustment(String taskId, String objectId, int slot, String officerId,
                                         String department, String reason, String approver) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionTask.streamId(taskId);
        }
    }

    public record VoidDraw(String taskId, String reason, String approver) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionTask.streamId(taskId);
        }
    }
}
