package org.drledger.command.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drledger.command.task.TaskCommands.DrawOutcome;
import org.drledger.command.task.TaskEvents.InspectorRecused;
import org.drledger.command.task.TaskEvents.PartyFlag;
import org.drledger.command.task.TaskEvents.RandomnessRecorded;
import org.drledger.command.task.TaskEvents.SeedCommitted;
import org.drledger.command.task.TaskEvents.SeedRevealed;
import org.drledger.command.task.TaskEvents.StratumDraw;
import org.drledger.command.task.TaskEvents.Target;
import org.drledger.command.task.TaskEvents.Team;
import org.drledger.command.task.TaskEvents.TeamSlot;
import org.drledger.command.task.TaskEvents.UnfilledSlot;
import org.drledger.core.bytes.Hex;
import org.drledger.core.draw.Commitment;
import org.drledger.core.draw.DrawHashes;
import org.drledger.core.draw.DrawInput;
import org.drledger.core.draw.DrawResult;
import org.drledger.core.draw.Randomness;
import org.drledger.core.draw.RandomnessSources;
import org.drledger.core.draw.Recusal;
import org.drledger.core.draw.Reveal;
import org.drledger.core.registry.RecordedStratum;

/** Pure conversions between a task's recorded entries and the kernel draw's input and result. */
final class TaskDraws {
    private TaskDraws() {
    }

    /**
     * The kernel input: the plan, the lists recomputed as of the freeze, every commitment, the randomness, the reveals
     * recorded by the deadline (by entry time) and {@code recusals} in ledger order.
     */
    static DrawInput input(TaskFacts t, TaskFreeze.Frozen frozen, List<Recusal> recusals) {
        List<Commitment> commitments = new ArrayList<>();
        t.commitments().values().forEach(r -> {
            SeedCommitted c = (SeedCommitted) r.payload();
            commitments.add(new Commitment(c.partyId(), Hex.decode(c.commitment())));
        });
        List<String> late = t.lateReveals();
        List<Reveal> reveals = new ArrayList<>();
        t.reveals().values().forEach(r -> {
            SeedRevealed s = (SeedRevealed) r.payload();
            if (!late.contains(s.partyId())) {
                reveals.add(new Reveal(s.partyId(), Hex.decode(s.secret())));
            }
        });
        return new DrawInput(t.plan(), frozen.population(), frozen.roster(), commitments, randomness(t.randomness()),
                reveals, recusals);
    }

    static Randomness randomness(RandomnessRecorded r) {
        return RandomnessSources.DRAND_QUICKNET.equals(r.source())
                ? Randomness.drandQuicknet(r.round(), Hex.decode(r.signature()), Hex.decode(r.randomness()))
                : Randomness.cwlSsq(r.round(), r.value());
    }

    /** The recorded recusals, in ledger order, as kernel recusals. */
    static List<Recusal> recusals(List<InspectorRecused> recorded) {
        List<Recusal> out = new ArrayList<>();
        recorded.forEach(r -> out.add(new Recusal(r.objectId(), r.officerId(), r.slot())));
        return out;
    }

    /**
     * The outcome as {@code DrawExecuted} records it; {@code objects} are the registry's objects as of the freeze
     * (object id to its last payload), whose stratification attribute gives each target's recorded stratum (a
     * confidential one stays the registry's commitment, {@link RecordedStratum}).
     */
    static DrawOutcome outcome(DrawResult r, long asOfLeaf, String stratifyBy, Map<String, JsonNode> objects) {
        List<PartyFlag> flags = new ArrayList<>();
        for (DrawHashes.SeedContribution c : r.contributions()) {
            flags.add(new PartyFlag(c.partyId(), Hex.encode(c.commitment()), c.revealed()));
        }
        List<StratumDraw> strata = new ArrayList<>();
        r.strata().forEach(s -> strata.add(new StratumDraw(s.stratum(), s.populationCount(), s.targetCount())));
        List<Target> targets = new ArrayList<>(r.targets().size());
        r.targets().forEach(t -> targets.add(new Target(t.order(), t.entityId(),
                RecordedStratum.of(objects.get(t.entityId()), stratifyBy, t.stratum()), t.district(),
                Hex.encode(t.ticket()))));
        List<Team> teams = new ArrayList<>(r.teams().size());
        for (DrawResult.Team t : r.teams()) {
            List<TeamSlot> slots = new ArrayList<>();
            t.slots().forEach(s -> slots.add(new TeamSlot(s.slot(), s.officerId(), s.department(), s.leader(),
                    s.relaxationStep())));
            teams.add(new Team(t.entityId(), List.copyOf(slots)));
        }
        List<UnfilledSlot> unfilled = new ArrayList<>();
        r.unfilledSlots().forEach(u -> unfilled.add(new UnfilledSlot(u.entityId(), u.slot())));
        return new DrawOutcome(asOfLeaf, Hex.encode(r.planHash()), Hex.encode(r.popHash()), Hex.encode(r.rosterHash()),
                flags, Hex.encode(r.rand()), Hex.encode(r.seed()), strata, targets, teams, unfilled);
    }
}
