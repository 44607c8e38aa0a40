package org.drledger.command.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Entries of the stream {@code task:<taskId>} (docs/workflow.md §4). The kernel's {@code InspectionHistory} reads
 * {@code TaskPlanned{taskId, category, leadDepartment, drawPlan.plannedDates.from}}, {@code DrawExecuted{taskId,
 * targets[].entityId}} and {@code DrawVoided{taskId}}: those names are fixed. Hex is lowercase; instants are
 * {@code yyyy-MM-ddTHH:mm:ssZ} strings; no floating point.
 */
public final class TaskEvents {
    private TaskEvents() {
    }

    /** The annual-plan batch a task comes from. */
    public record PlanRef(int year, String batch) {
    }

    /** 临时任务报批: who approved an ad-hoc task, by which document, on which date (ISO local date). */
    public record AdHocApproval(String approver, String document, String date) {
    }

    /** A checklist item of the task, in the latest published version of its list when the task was planned. */
    public record TaskItem(String listId, int version, String code) {
    }

    /**
     * {@code drawPlan} is the normalised {@code drl-draw/1} plan (draw-spec §3.2), so hashing its canonical form
     * gives {@code planHash}.
     */
    public record TaskPlanned(String taskId, String source, PlanRef planRef, AdHocApproval adHocApproval,
                              String leadDepartment, List<String> assistingDepartments, String category,
                              List<TaskItem> items, ObjectNode drawPlan, String planHash) {
    }

    public record StratumCount(String stratum, long count) {
    }

    /**
     * The population and roster frozen from the registries as they stood before leaf {@code asOfLeaf} (= the Merkle
     * log size when the server computed it). The lists themselves are re-derivable from the ledger and are not here.
     */
    public record PopulationFrozen(String taskId, long asOfLeaf, String popHash, long populationSize,
                                   List<StratumCount> countsByStratum, String rosterHash, long rosterSize,
                                   long conflicts, long assistOfficers, long registryObjects,
                                   long registryInspectors, long cappedEntities) {
    }

    public record SeedCommitted(String taskId, String partyId, String commitment) {
    }

    /** The checkpoint that sealed the plan, the freeze and every commitment before the round's time. */
    public record SealingCheckpoint(long treeSize, String signedAt) {
    }

    /**
     * drand: {@code signature} and {@code randomness}, {@code value} and {@code drawDate} null. Lottery: {@code value}
     * and its {@code drawDate}, the others null. {@code roundTime} is the time before which {@code sealedBy} was
     * signed (drand: genesis + (R−1)·3 s; lottery: the draw date's start in Asia/Shanghai).
     */
    public record RandomnessRecorded(String taskId, String source, long round, String signature, String randomness,
                                     String value, String drawDate, String rand, String roundTime,
                                     long sealedThroughLeaf, SealingCheckpoint sealedBy) {
    }

    public record SeedRevealed(String taskId, String partyId, String secret) {
    }

    /** A party without a usable reveal at the draw: flag 0 ({@code NOT_REVEALED}, or {@code LATE} by ledger time). */
    public record RevealMissed(String taskId, String partyId, String revealDeadline, String reason) {
    }

    public record PartyFlag(String partyId, String commitment, boolean revealed) {
    }

    public record StratumDraw(String stratum, long populationCount, long targetCount) {
    }

    /**
     * A selected target in visiting order (1-based {@code order}). {@code stratum} is the registry's representation of
     * the plan's stratification attribute for this object as of the freeze (kernel {@code RecordedStratum}): the clear
     * stratum (a JSON string) for a public attribute, the registry's commitment {@code {"drl:commit": hex}} for a
     * confidential one (the credit-risk class), never its clear value.
     */
    public record Target(int order, String entityId, JsonNode stratum, String district, String ticket) {
    }

    /** An unfilled slot has {@code officerId} and {@code department} null and {@code relaxationStep} = ladder length. */
    public record TeamSlot(int slot, String officerId, String department, boolean leader, int relaxationStep) {
    }

    public record Team(String entityId, List<TeamSlot> slots) {
    }

    public record UnfilledSlot(String entityId, int slot) {
    }

    /**
     * Schema 2 (docs/workflow.md §4): a target's {@code stratum} of a confidential attribute is a commitment. Schema 1
     * recorded every stratum in clear.
     */
    @Revision(DrawExecuted.SCHEMA)
    public record DrawExecuted(String taskId, long asOfLeaf, String planHash, String popHash, String rosterHash,
                               List<PartyFlag> commitments, String rand, String seed, List<StratumDraw> strata,
                               List<Target> targets, List<Team> teams, List<UnfilledSlot> unfilled) {
        /** The payload schema ({@code drl.schema}) this class writes. */
        public static final String SCHEMA = "2";
    }

    /** 回避, decided by 行政机关负责人 {@code decidedBy}; {@code recusal} is its 1-based number in ledger order. */
    public record InspectorRecused(String taskId, int recusal, String objectId, int slot, String officerId,
                                   String reason, String decidedBy) {
    }

    /** 递补 by draw-spec §10; {@code officerId} null when nobody was eligible. */
    public record SubstituteAssigned(String taskId, int recusal, String objectId, int slot, String recusedOfficerId,
                                     String officerId, String department, boolean leader, int relaxationStep) {
    }

    /** A reasoned, approved change outside drl-draw/1; never overwrites the draw. */
    public record ManualAdjustmentRecorded(String taskId, String objectId, int slot, String previousOfficerId,
                                           String officerId, String department, String reason, String approver) {
    }

    public record DrawVoided(String taskId, String reason, String approver) {
    }
}
