package org.drledger.core.draw;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.drledger.core.crypto.HashAlgorithm;

/**
 * Manual benchmark (not a test; no wall-clock assertions anywhere): 1,000,000 entities in 4 strata, 10,000 targets,
 * 5,000 officers in 20 departments, 3 slots restricted to department subsets. Run with the preamble's java -cp recipe.
 */
public final class DrawBenchmark {
    private DrawBenchmark() {
    }

    public static void main(String[] args) {
        int entities = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int officers = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        Random r = new Random(1);
        List<String> deps = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            deps.add("dep-" + i);
        }
        List<DrawPlan.Stratum> strata = new ArrayList<>();
        for (String s : List.of("A", "B", "C", "D")) {
            strata.add(new DrawPlan.Stratum(s, new DrawPlan.Ratio(1, 100), 0, null));
        }
        DrawPlan plan = new DrawPlan("benchmark", "creditRiskClass", strata,
                new DrawPlan.PopulationFilter(List.of(), List.of(), List.of(), List.of("item"), null), 8,
                List.of(new DrawPlan.Slot(deps.subList(0, 4)), new DrawPlan.Slot(deps.subList(4, 10)),
                        new DrawPlan.Slot(deps.subList(10, 20))), new DrawPlan.MatchingRules(true, true),
                List.of(Relaxation.DROP_AVOID_SAME_DISTRICT, Relaxation.USE_ASSIST_POOL),
                new DrawPlan.RandomnessSpec(RandomnessSources.DRAND_QUICKNET, 5_000_000), List.of("org", "dio"),
                "2026-03-01T00:00:00Z", new DrawPlan.PlannedDates(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31)));
        List<PopulationMember> pop = new ArrayList<>(entities);
        for (int i = 0; i < entities; i++) {
            pop.add(new PopulationMember(String.format("91430902MA%08d", i), "ABCD".substring(i % 4, i % 4 + 1),
                    "district-" + r.nextInt(30)));
        }
        List<RosterOfficer> roster = new ArrayList<>();
        for (int i = 0; i < officers; i++) {
            roster.add(new RosterOfficer("officer-" + i, deps.get(r.nextInt(20)), "district-" + r.nextInt(30),
                    1 + r.nextInt(8), r.nextInt(20) == 0));
        }
        byte[] s1 = HashAlgorithm.SHA_256.digest("a".getBytes());
        byte[] s2 = HashAlgorithm.SHA_256.digest("b".getBytes());
        byte[] sig = new byte[48];
        r.nextBytes(sig);
        long t0 = System.nanoTime();
        Population population = Population.of(plan, pop);
        Roster rost = Roster.of(roster, List.of());
        DrawInput in = new DrawInput(plan, population, rost,
                List.of(new Commitment("org", DrawHashes.commitment("benchmark", "org", s1)),
                        new Commitment("dio", DrawHashes.commitment("benchmark", "dio", s2))),
                Randomness.drandQuicknet(5_000_000, sig, HashAlgorithm.SHA_256.digest(sig)),
                List.of(new Reveal("org", s1), new Reveal("dio", s2)), List.of());
        long t1 = System.nanoTime();
        DrawResult res = Draw.run(in);
        long t2 = System.nanoTime();
        long filled = res.teams().stream().flatMap(t -> t.slots().stream()).filter(DrawResult.SlotAssignment::filled)
                .count();
        System.out.printf("validate+sort input: %d ms; draw (hashes, tickets, selection, matching): %d ms; "
                        + "targets %d, filled slots %d of %d, cores %d%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                res.targets().size(), filled, res.targets().size() * 3L, Runtime.getRuntime().availableProcessors());
        long t3 = System.nanoTime();
        TicketTable.compute(res.seed(), population.members());
        long t4 = System.nanoTime();
        System.out.printf("tickets alone: %d ms%n", (t4 - t3) / 1_000_000);
    }
}
