package org.drledger.core.draw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.drledger.core.bytes.Hex;

/**
 * The outcome of {@code drl-draw/1} with every value a verifier compares (docs/draw-spec.md §10.2). Teams are the
 * teams as drawn; substitutions are separate and never overwrite them ({@link #finalTeams()} applies them).
 */
public final class DrawResult {

    /** Per stratum: N_k and n_k. */
    public record StratumResult(String stratum, long populationCount, long targetCount) {
    }

    /** A selected target: 1-based position in the visiting order, its record and its ticket. */
    public record Target(int order, String entityId, String stratum, String district, byte[] ticket) {
        @Override
        public byte[] ticket() {
            return ticket.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Target t && order == t.order && entityId.equals(t.entityId)
                    && stratum.equals(t.stratum) && district.equals(t.district) && Arrays.equals(ticket, t.ticket);
        }

        @Override
        public int hashCode() {
            return Objects.hash(order, entityId, Arrays.hashCode(ticket));
        }

        @Override
        public String toString() {
            return "Target[" + order + " " + entityId + " " + stratum + " " + district + " " + Hex.encode(ticket) + "]";
        }
    }

    /**
     * One slot of a team: 1-based slot number (slot 1 leads), the officer (null if unfilled) and its department, and
     * the ladder step used: 0 = no relaxation, k = the first k ladder steps were in effect; {@code relaxations} lists
     * them. An unfilled slot reports the whole ladder.
     */
    public record SlotAssignment(int slot, boolean leader, String officerId, String department, int relaxationStep,
                                 List<Relaxation> relaxations) {
        public boolean filled() {
            return officerId != null;
        }
    }

    public record Team(String entityId, List<SlotAssignment> slots) {
    }

    public record UnfilledSlot(String entityId, int slot) {
    }

    /**
     * The outcome of the {@code recusal}-th recusal (1-based, ledger order): who left which slot, who replaced them
     * (null if nobody was eligible) and the ladder step used.
     */
    public record Substitution(int recusal, String entityId, int slot, String recusedOfficerId,
                               String substituteOfficerId, String department, int relaxationStep,
                               List<Relaxation> relaxations) {
    }

    private final DrawInput input;
    private final byte[] planHash;
    private final byte[] popHash;
    private final byte[] rosterHash;
    private final List<DrawHashes.SeedContribution> contributions;
    private final byte[] rand;
    private final byte[] seed;
    private final List<StratumResult> strata;
    private final List<Target> targets;
    private final List<Team> teams;
    private final List<Substitution> substitutions;
    private final List<Team> finalTeams;
    private final TicketTable tickets;
    private final Map<String, int[]> strataIndex;

    DrawResult(DrawInput input, byte[] planHash, byte[] popHash, byte[] rosterHash,
               List<DrawHashes.SeedContribution> contributions, byte[] rand, byte[] seed, List<StratumResult> strata,
               List<Target> targets, List<Team> teams, List<Substitution> substitutions, List<Team> finalTeams,
               TicketTable tickets, Map<String, int[]> strataIndex) {
        this.input = input;
        this.planHash = planHash;
        this.popHash = popHash;
        this.rosterHash = rosterHash;
        this.contributions = List.copyOf(contributions);
        this.rand = rand;
        this.seed = seed;
        this.strata = List.copyOf(strata);
        this.targets = List.copyOf(targets);
        this.teams = List.copyOf(teams);
        this.substitutions = List.copyOf(substitutions);
        this.finalTeams = List.copyOf(finalTeams);
        this.tickets = tickets;
        this.strataIndex = strataIndex;
    }

    public DrawInput input() {
        return input;
    }

    public DrawPlan plan() {
        return input.plan();
    }

    public byte[] planHash() {
        return planHash.clone();
    }

    public byte[] popHash() {
        return popHash.clone();
    }

    public byte[] rosterHash() {
        return rosterHash.clone();
    }

    /** One entry per plan party, sorted by party id. */
    public List<DrawHashes.SeedContribution> contributions() {
        return contributions;
    }

    public byte[] rand() {
        return rand.clone();
    }

    public byte[] seed() {
        return seed.clone();
    }

    /** In the plan's stratum order. */
    public List<StratumResult> strata() {
        return strata;
    }

    /** All selected targets in visiting order. */
    public List<Target> targets() {
        return targets;
    }

    /** Teams as drawn, in visiting order. */
    public List<Team> teams() {
        return teams;
    }

    /** Slots left unfilled by the draw (not by substitutions), in visiting and slot order. */
    public List<UnfilledSlot> unfilledSlots() {
        List<UnfilledSlot> out = new ArrayList<>();
        for (Team t : teams) {
            for (SlotAssignment s : t.slots()) {
                if (!s.filled()) {
                    out.add(new UnfilledSlot(t.entityId(), s.slot()));
                }
            }
        }
        return out;
    }

    public List<Substitution> substitutions() {
        return substitutions;
    }

    /** Teams after every substitution, in visiting order. */
    public List<Team> finalTeams() {
        return finalTeams;
    }

    /**
     * Escalation: the next {@code k} entities of {@code stratum} after its n_k selected ones, in (ticket, entity id)
     * order; {@link Target#order()} is the 1-based rank within the stratum (n_k + 1, n_k + 2, …). Fewer than k when
     * the stratum runs out. Escalated targets are not matched by drl-draw/1.
     */
    public List<Target> escalate(String stratum, int k) {
        int[] idx = strataIndex.get(stratum);
        if (idx == null) {
            throw new IllegalArgumentException("no stratum \"" + stratum + "\" in the plan");
        }
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0");
        }
        long nk = strata.stream().filter(s -> s.stratum().equals(stratum)).findFirst().orElseThrow().targetCount();
        int upto = (int) Math.min(idx.length, nk + (long) k);
        int[] order = tickets.smallest(idx, upto);
        List<Target> out = new ArrayList<>();
        for (int r = (int) nk; r < order.length; r++) {
            PopulationMember m = input.population().members().get(order[r]);
            out.add(new Target(r + 1, m.entityId(), m.stratum(), m.district(), tickets.ticket(order[r])));
        }
        return out;
    }
}
