package org.drledger.command.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drledger.command.task.TaskEvents.DrawExecuted;
import org.drledger.command.task.TaskEvents.DrawVoided;
import org.drledger.command.task.TaskEvents.InspectorRecused;
import org.drledger.command.task.TaskEvents.ManualAdjustmentRecorded;
import org.drledger.command.task.TaskEvents.PopulationFrozen;
import org.drledger.command.task.TaskEvents.RandomnessRecorded;
import org.drledger.command.task.TaskEvents.RevealMissed;
import org.drledger.command.task.TaskEvents.SeedCommitted;
import org.drledger.command.task.TaskEvents.SeedRevealed;
import org.drledger.command.task.TaskEvents.SubstituteAssigned;
import org.drledger.command.task.TaskEvents.TaskPlanned;
import org.drledger.core.draw.DrawPlan;

/** Everything recorded on one task's stream, in ledger order, with the entry time of each entry. */
record TaskFacts(TaskPlanned planned, PopulationFrozen frozen, Map<String, Recorded> commitments,
                 RandomnessRecorded randomness, Map<String, Recorded> reveals, List<RevealMissed> missed,
                 DrawExecuted draw, List<InspectorRecused> recusals, List<SubstituteAssigned> substitutions,
                 List<ManualAdjustmentRecorded> adjustments, DrawVoided voided, Instant plannedAt) {

    /** One stored event of the stream: its sequence number, payload and entry time ({@code drl.time}). */
    record Recorded(long sequence, Object payload, Instant time) {
    }

    static TaskFacts of(List<Recorded> stream) {
        TaskPlanned planned = null;
        PopulationFrozen frozen = null;
        Map<String, Recorded> commitments = new LinkedHashMap<>();
        RandomnessRecorded randomness = null;
        Map<String, Recorded> reveals = new LinkedHashMap<>();
        List<RevealMissed> missed = new ArrayList<>();
        DrawExecuted draw = null;
        List<InspectorRecused> recusals = new ArrayList<>();
        List<SubstituteAssigned> substitutions = new ArrayList<>();
        List<ManualAdjustmentRecorded> adjustments = new ArrayList<>();
        DrawVoided voided = null;
        Instant plannedAt = null;
        for (Recorded r : stream) {
            Object p = r.payload();
            if (p instanceof TaskPlanned e) {
                planned = e;
                plannedAt = r.time();
            } else if (p instanceof PopulationFrozen e) {
                frozen = e;
            } else if (p instanceof SeedCommitted e) {
                commitments.put(e.partyId(), r);
            } else if (p instanceof RandomnessRecorded e) {
                randomness = e;
            } else if (p instanceof SeedRevealed e) {
                reveals.put(e.partyId(), r);
            } else if (p instanceof RevealMissed e) {
                missed.add(e);
            } else if (p instanceof DrawExecuted e) {
                draw = e;
            } else if (p instanceof InspectorRecused e) {
                recusals.add(e);
            } else if (p instanceof SubstituteAssigned e) {
                substitutions.add(e);
            } else if (p instanceof ManualAdjustmentRecorded e) {
                adjustments.add(e);
            } else if (p instanceof DrawVoided e) {
                voided = e;
            } else {
                throw new IllegalStateException("unexpected entry on a task stream: " + p);
            }
        }
        return new TaskFacts(planned, frozen, commitments, randomness, reveals, missed, draw, recusals, substitutions,
                adjustments, voided, plannedAt);
    }

    DrawPlan plan() {
        return DrawPlan.fromJson(planned.drawPlan());
    }

    String taskId() {
        return planned.taskId();
    }

    boolean allCommitted() {
        return commitments.keySet().containsAll(plan().parties());
    }

    /** Whether the draw may run at {@code now}: randomness recorded, and every party revealed or the deadline passed. */
    boolean drawReady(Instant now) {
        return voided == null && draw == null && randomness != null
                && (reveals.keySet().containsAll(plan().parties())
                    || now.isAfter(Instant.parse(plan().revealDeadline())));
    }

    /** Parties whose reveal entry is dated after the reveal deadline: the draw input omits them (draw-spec §6.3). */
    List<String> lateReveals() {
        Instant deadline = Instant.parse(plan().revealDeadline());
        List<String> late = new ArrayList<>();
        reveals.forEach((p, r) -> {
            if (r.time() != null && r.time().isAfter(deadline)) {
                late.add(p);
            }
        });
        return late;
    }
}
