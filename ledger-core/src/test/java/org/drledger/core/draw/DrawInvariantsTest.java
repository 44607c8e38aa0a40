package org.drledger.core.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import org.drledger.core.crypto.HashAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every draw has, over many fixed seeds. */
class DrawInvariantsTest {

    static LongStream seeds() {
        return LongStream.range(1000, 1200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void drawRespectsEveryRule(long seed) {
        DrawInput in = RandomDraws.withRecusals(RandomDraws.input(seed), new Random(seed), 3);
        DrawResult r = Draw.run(in);
        DrawPlan plan = in.plan();
        Map<String, PopulationMember> members = new HashMap<>();
        in.population().members().forEach(m -> members.put(m.entityId(), m));
        Map<String, RosterOfficer> officers = new HashMap<>();
        in.roster().officers().forEach(o -> officers.put(o.officerId(), o));
        Set<String> conflicts = new HashSet<>();
        in.roster().conflicts().forEach(c -> conflicts.add(c.officerId() + "|" + c.entityId()));

        // targets: distinct, exact n_k per stratum, the n_k smallest tickets, visiting order by (ticket, id)
        Set<String> ids = new HashSet<>();
        r.targets().forEach(t -> assertThat(ids.add(t.entityId())).as("duplicate target").isTrue());
        for (DrawResult.StratumResult s : r.strata()) {
            long n = r.targets().stream().filter(t -> t.stratum().equals(s.stratum())).count();
            assertThat(n).isEqualTo(s.targetCount())
                    .isEqualTo(Draw.targetCount(s.populationCount(), plan.stratum(s.stratum())));
            byte[] maxSelected = null;
            for (DrawResult.Target t : r.targets()) {
                if (t.stratum().equals(s.stratum()) && (maxSelected == null
                        || DrawHashes.compareDigests(t.ticket(), maxSelected) > 0)) {
                    maxSelected = t.ticket();
                }
            }
            for (PopulationMember m : in.population().members()) {
                if (m.stratum().equals(s.stratum()) && !ids.contains(m.entityId()) && maxSelected != null) {
                    assertThat(DrawHashes.compareDigests(DrawHashes.ticket(r.seed(), m.entityId()), maxSelected))
                            .as("an unselected entity has a smaller ticket").isPositive();
                }
            }
        }
        for (int i = 1; i < r.targets().size(); i++) {
            int c = DrawHashes.compareDigests(r.targets().get(i - 1).ticket(), r.targets().get(i).ticket());
            assertThat(c < 0 || (c == 0 && Ids.compareUtf8(r.targets().get(i - 1).entityId(),
                    r.targets().get(i).entityId()) < 0)).isTrue();
        }

        // caps: every assignment, drawn or substituted, uses one unit, and recusals do not give it back
        Map<String, Long> used = new HashMap<>();
        for (DrawResult.Team t : r.teams()) {
            t.slots().stream().filter(DrawResult.SlotAssignment::filled).forEach(s -> used.merge(s.officerId(), 1L, Long::sum));
        }
        r.substitutions().stream().filter(s -> s.substituteOfficerId() != null)
                .forEach(s -> used.merge(s.substituteOfficerId(), 1L, Long::sum));
        used.forEach((o, n) -> assertThat(n).as("officer %s over cap", o).isLessThanOrEqualTo(officers.get(o).cap()));

        Map<String, Set<String>> recused = new HashMap<>();
        r.substitutions().forEach(s -> recused.computeIfAbsent(s.entityId(), k -> new HashSet<>()).add(s.recusedOfficerId()));
        for (List<DrawResult.Team> teams : List.of(r.teams(), r.finalTeams())) {
            for (DrawResult.Team t : teams) {
                PopulationMember e = members.get(t.entityId());
                Set<String> onTeam = new HashSet<>();
                Set<String> departments = new HashSet<>();
                for (DrawResult.SlotAssignment s : t.slots()) {
                    assertThat(s.leader()).isEqualTo(s.slot() == 1);
                    assertThat(s.relaxations()).isEqualTo(plan.relaxationLadder().subList(0, s.relaxationStep()));
                    if (!s.filled()) {
                        assertThat(s.relaxationStep()).isEqualTo(plan.relaxationLadder().size());
                        continue;
                    }
                    RosterOfficer o = officers.get(s.officerId());
                    assertThat(onTeam.add(o.officerId())).as("officer twice in a team").isTrue();
                    assertThat(plan.teamTemplate().get(s.slot() - 1).allowedDepartments()).contains(o.department());
                    assertThat(conflicts).doesNotContain(o.officerId() + "|" + e.entityId());
                    if (plan.matchingRules().distinctDepartments()) {
                        assertThat(departments.add(o.department())).as("department twice").isTrue();
                    }
                    if (plan.matchingRules().avoidSameDistrict()
                            && !s.relaxations().contains(Relaxation.DROP_AVOID_SAME_DISTRICT)) {
                        assertThat(o.district()).isNotEqualTo(e.district());
                    }
                    if (o.assist()) {
                        assertThat(s.relaxations()).contains(Relaxation.USE_ASSIST_POOL);
                    }
                    if (teams == r.finalTeams()) {
                        assertThat(recused.getOrDefault(t.entityId(), Set.of())).doesNotContain(o.officerId());
                    }
                }
            }
        }
        // a recusal never reshuffles other teams
        for (int k = 0; k < r.teams().size(); k++) {
            String e = r.teams().get(k).entityId();
            if (!recused.containsKey(e)) {
                assertThat(r.finalTeams().get(k)).isEqualTo(r.teams().get(k));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void inputOrderDoesNotMatter(long seed) {
        DrawInput in = RandomDraws.withRecusals(RandomDraws.input(seed), new Random(seed), 3);
        Random r = new Random(~seed);
        DrawPlan p = in.plan();
        DrawPlan.PopulationFilter f = p.populationFilter();
        List<DrawPlan.Slot> slots = new ArrayList<>();
        p.teamTemplate().forEach(s -> slots.add(new DrawPlan.Slot(shuffled(s.allowedDepartments(), r))));
        DrawPlan shuffledPlan = new DrawPlan(p.taskId(), p.stratifyBy(), shuffled(p.strata(), r),
                new DrawPlan.PopulationFilter(shuffled(f.objectTypes(), r), shuffled(f.districts(), r),
                        shuffled(f.industries(), r), shuffled(f.items(), r), f.frequencyCap()),
                p.officerCap(), slots, p.matchingRules(), p.relaxationLadder(), p.randomness(),
                shuffled(p.parties(), r), p.revealDeadline(), p.plannedDates());
        DrawInput shuffled = new DrawInput(shuffledPlan,
                Population.of(shuffledPlan, shuffled(in.population().members(), r)),
                Roster.of(shuffled(in.roster().officers(), r), shuffled(in.roster().conflicts(), r)),
                shuffled(in.commitments(), r), in.randomness(), shuffled(in.reveals(), r), in.recusals());
        assertThat(DrawJson.canonical(DrawJson.result(Draw.run(shuffled))))
                .isEqualTo(DrawJson.canonical(DrawJson.result(Draw.run(in))));
    }

    static <T> List<T> shuffled(List<T> l, Random r) {
        List<T> c = new ArrayList<>(l);
        Collections.shuffle(c, r);
        return c;
    }

    /** A draw large enough that a different seed all but surely changes the selection. */
    static DrawInput base(UnaryOperator<DrawPlan> planEdit, byte[] secretA, byte[] secretB, byte[] signature,
                          String districtOfE7, long capOfO3) {
        List<String> parties = List.of("organizer", "witness");
        DrawPlan plan = planEdit.apply(new DrawPlan("bitflip-task", "", List.of(new DrawPlan.Stratum("",
                new DrawPlan.Ratio(1, 10), 0, null)),
                new DrawPlan.PopulationFilter(List.of(), List.of(), List.of(), List.of("i"), null), 3,
                List.of(new DrawPlan.Slot(List.of("AMR")), new DrawPlan.Slot(List.of("ENV"))),
                new DrawPlan.MatchingRules(true, false), List.of(),
                new DrawPlan.RandomnessSpec(RandomnessSources.DRAND_QUICKNET, 1000), parties,
                "2026-03-01T00:00:00Z", new DrawPlan.PlannedDates(java.time.LocalDate.of(2026, 3, 2),
                java.time.LocalDate.of(2026, 3, 31))));
        List<PopulationMember> pop = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            pop.add(new PopulationMember("E" + i, "", i == 7 ? districtOfE7 : "D" + (i % 3)));
        }
        List<RosterOfficer> officers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            officers.add(new RosterOfficer("O" + i, i % 2 == 0 ? "AMR" : "ENV", "D" + (i % 3), i == 3 ? capOfO3 : 3,
                    false));
        }
        return new DrawInput(plan, Population.of(plan, pop), Roster.of(officers, List.of()),
                List.of(new Commitment("organizer", DrawHashes.commitment(plan.taskId(), "organizer", secretA)),
                        new Commitment("witness", DrawHashes.commitment(plan.taskId(), "witness", secretB))),
                Randomness.drandQuicknet(plan.randomness().round(), signature, HashAlgorithm.SHA_256.digest(signature)),
                List.of(new Reveal("organizer", secretA)), List.of());
    }

    static byte[] flip(byte[] b, int bit) {
        byte[] c = b.clone();
        c[bit / 8] ^= (byte) (1 << (bit % 8));
        return c;
    }

    @Test
    void changingAnySingleSeedComponentChangesTheOutcome() {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        byte[] sig = new byte[48];
        new Random(42).nextBytes(a);
        new Random(43).nextBytes(b);
        new Random(44).nextBytes(sig);
        DrawResult reference = Draw.run(base(p -> p, a, b, sig, "D1", 3));
        List<DrawInput> variants = new ArrayList<>();
        for (int bit : new int[]{0, 7, 100, 255}) {
            variants.add(base(p -> p, flip(a, bit), b, sig, "D1", 3));      // a revealed secret
            variants.add(base(p -> p, a, flip(b, bit), sig, "D1", 3));      // an unrevealed party's commitment
            variants.add(base(p -> p, a, b, flip(sig, bit), "D1", 3));      // the beacon signature (so rand)
        }
        variants.add(base(p -> p, a, b, sig, "D2", 3));                     // one population record
        variants.add(base(p -> p, a, b, sig, "D1", 2));                     // one roster record
        variants.add(base(p -> new DrawPlan(p.taskId(), p.stratifyBy(), p.strata(), p.populationFilter(), 2,
                p.teamTemplate(), p.matchingRules(), p.relaxationLadder(), p.randomness(), p.parties(),
                p.revealDeadline(), p.plannedDates()), a, b, sig, "D1", 3));  // the plan
        variants.add(base(p -> new DrawPlan(p.taskId(), p.stratifyBy(), p.strata(), p.populationFilter(),
                p.officerCap(), p.teamTemplate(), p.matchingRules(), p.relaxationLadder(),
                new DrawPlan.RandomnessSpec(RandomnessSources.DRAND_QUICKNET, 1001), p.parties(), p.revealDeadline(),
                p.plannedDates()), a, b, sig, "D1", 3));                     // the round
        byte[] refHash = HashAlgorithm.SHA_256.digest(DrawJson.canonical(DrawJson.result(reference)));
        for (DrawInput v : variants) {
            DrawResult r = Draw.run(v);
            assertThat(r.seed()).isNotEqualTo(reference.seed());
            assertThat(HashAlgorithm.SHA_256.digest(DrawJson.canonical(DrawJson.result(r)))).isNotEqualTo(refHash);
            assertThat(r.targets().stream().map(DrawResult.Target::entityId).toList())
                    .as("selection").isNotEqualTo(reference.targets().stream().map(DrawResult.Target::entityId).toList());
        }
        // an unrevealed party's flag 0 / zero r_j is part of the seed: revealing changes it
        DrawInput revealed = base(p -> p, a, b, sig, "D1", 3);
        revealed = new DrawInput(revealed.plan(), revealed.population(), revealed.roster(), revealed.commitments(),
                revealed.randomness(), List.of(new Reveal("organizer", a), new Reveal("witness", b)), List.of());
        assertThat(Draw.run(revealed).seed()).isNotEqualTo(reference.seed());
        assertThat(Arrays.equals(Draw.run(base(p -> p, a, b, sig, "D1", 3)).seed(), reference.seed())).isTrue();
    }
}
