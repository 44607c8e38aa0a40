package org.drledger.core.draw;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code drl-draw/1}: a pure function from a {@link DrawInput} to a {@link DrawResult} (docs/draw-spec.md). */
public final class Draw {
    private Draw() {
    }

    /** {@code n_k = min(N_k, max_k, max(min_k, ceil(N_k · num / den)))} in exact integers; {@code max} null = N_k. */
    public static long targetCount(long populationCount, DrawPlan.Stratum s) {
        BigInteger n = BigInteger.valueOf(populationCount);
        BigInteger den = BigInteger.valueOf(s.ratio().den());
        BigInteger ceil = n.multiply(BigInteger.valueOf(s.ratio().num())).add(den).subtract(BigInteger.ONE).divide(den);
        long byRatio = ceil.longValueExact(); // ≤ N because num ≤ den
        long count = Math.max(s.min(), byRatio);
        if (s.max() != null) {
            count = Math.min(count, s.max());
        }
        return Math.min(populationCount, count);
    }

    /**
     * Runs the draw. Throws {@link DrawInputException} ({@code unknown-target}, {@code recusal-not-on-team}) when a
     * recusal does not fit the drawn teams; everything else was checked when the input was built.
     */
    public static DrawResult run(DrawInput in) {
        DrawPlan plan = in.plan();
        Population pop = in.population();
        byte[] planHash = plan.hash();
        byte[] popHash = pop.hash();
        byte[] rosterHash = in.roster().hash();
        List<DrawHashes.SeedContribution> contributions = new ArrayList<>();
        for (String p : plan.parties()) { // plan parties are sorted by UTF-8 bytes
            contributions.add(new DrawHashes.SeedContribution(p, in.commitmentOf(p), in.secretOf(p)));
        }
        byte[] rand = in.randomness().rand();
        byte[] seed = DrawHashes.seed(plan.taskId(), planHash, popHash, rosterHash, in.randomness().source(),
                in.randomness().round(), rand, contributions);

        TicketTable tickets = TicketTable.compute(seed, pop.members());
        Map<String, int[]> strataIndex = groupByStratum(plan, pop);
        List<DrawResult.StratumResult> strata = new ArrayList<>();
        List<Integer> selected = new ArrayList<>();
        for (DrawPlan.Stratum s : plan.strata()) {
            int[] idx = strataIndex.get(s.stratum());
            long nk = targetCount(idx.length, s);
            strata.add(new DrawResult.StratumResult(s.stratum(), idx.length, nk));
            for (int i : tickets.smallest(idx, (int) nk)) {
                selected.add(i);
            }
        }
        selected.sort(tickets::compare);

        List<DrawResult.Target> targets = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        for (int k = 0; k < selected.size(); k++) {
            PopulationMember m = pop.members().get(selected.get(k));
            targets.add(new DrawResult.Target(k + 1, m.entityId(), m.stratum(), m.district(),
                    tickets.ticket(selected.get(k))));
            position.put(m.entityId(), k);
        }

        Matcher matcher = new Matcher(plan, pop, in.roster(), seed);
        int slots = plan.teamTemplate().size();
        int[][] teamIdx = new int[selected.size()][slots];
        List<DrawResult.Team> teams = new ArrayList<>();
        int[] visiting = selected.stream().mapToInt(Integer::intValue).toArray();
        for (int k = 0; k < selected.size(); k++) {
            int e = selected.get(k);
            Arrays.fill(teamIdx[k], -1);
            matcher.visit(visiting, k);
            List<DrawResult.SlotAssignment> assigned = new ArrayList<>();
            for (int s = 0; s < slots; s++) {
                Matcher.Pick p = matcher.pick(e, s, teamIdx[k], null);
                teamIdx[k][s] = p.officer();
                assigned.add(assignment(in.roster(), plan, s, p));
            }
            teams.add(new DrawResult.Team(pop.members().get(e).entityId(), List.copyOf(assigned)));
        }

        List<DrawResult.Substitution> substitutions = new ArrayList<>();
        Map<Integer, int[]> recused = new HashMap<>();
        List<Recusal> recusals = in.recusals();
        for (int j = 0; j < recusals.size(); j++) {
            Recusal r = recusals.get(j);
            String w = "/recusals/" + j;
            Integer k = position.get(r.entityId());
            if (k == null) {
                throw new DrawInputException("unknown-target", w + "/entityId",
                        "\"" + r.entityId() + "\" is not a target of this draw");
            }
            int s = r.slot() - 1;
            int o = in.roster().indexOf(r.officerId());
            if (o < 0 || teamIdx[k][s] != o) {
                throw new DrawInputException("recusal-not-on-team", w + "/officerId", "officer \"" + r.officerId()
                        + "\" is not in slot " + r.slot() + " of the team of \"" + r.entityId() + "\"");
            }
            int[] ever = recused.getOrDefault(k, new int[0]);
            ever = Arrays.copyOf(ever, ever.length + 1);
            ever[ever.length - 1] = o;
            Arrays.sort(ever);
            recused.put(k, ever);
            teamIdx[k][s] = -1;
            int e = selected.get(k);
            matcher.begin(e);
            Matcher.Pick p = matcher.pick(e, s, teamIdx[k], ever);
            teamIdx[k][s] = p.officer();
            DrawResult.SlotAssignment a = assignment(in.roster(), plan, s, p);
            substitutions.add(new DrawResult.Substitution(j + 1, r.entityId(), r.slot(), r.officerId(), a.officerId(),
                    a.department(), a.relaxationStep(), a.relaxations()));
        }
        List<DrawResult.Team> finalTeams = new ArrayList<>();
        for (int k = 0; k < selected.size(); k++) {
            List<DrawResult.SlotAssignment> now = new ArrayList<>(teams.get(k).slots());
            for (DrawResult.Substitution sub : substitutions) {
                if (sub.entityId().equals(teams.get(k).entityId())) {
                    now.set(sub.slot() - 1, new DrawResult.SlotAssignment(sub.slot(), sub.slot() == 1,
                            sub.substituteOfficerId(), sub.department(), sub.relaxationStep(), sub.relaxations()));
                }
            }
            finalTeams.add(new DrawResult.Team(teams.get(k).entityId(), List.copyOf(now)));
        }
        return new DrawResult(in, planHash, popHash, rosterHash, contributions, rand, seed, strata, targets, teams,
                substitutions, finalTeams, tickets, strataIndex);
    }

    private static DrawResult.SlotAssignment assignment(Roster roster, DrawPlan plan, int s, Matcher.Pick p) {
        RosterOfficer o = p.officer() < 0 ? null : roster.officers().get(p.officer());
        return new DrawResult.SlotAssignment(s + 1, s == 0, o == null ? null : o.officerId(),
                o == null ? null : o.department(), p.level(), List.copyOf(plan.relaxationLadder().subList(0, p.level())));
    }

    private static Map<String, int[]> groupByStratum(DrawPlan plan, Population pop) {
        Map<String, int[]> sizes = new LinkedHashMap<>();
        Map<String, Integer> fill = new HashMap<>();
        for (DrawPlan.Stratum s : plan.strata()) {
            sizes.put(s.stratum(), new int[pop.countsByStratum().get(s.stratum())]);
            fill.put(s.stratum(), 0);
        }
        List<PopulationMember> ms = pop.members();
        for (int i = 0; i < ms.size(); i++) {
            String s = ms.get(i).stratum();
            int f = fill.get(s);
            sizes.get(s)[f] = i;
            fill.put(s, f + 1);
        }
        return sizes;
    }
}
