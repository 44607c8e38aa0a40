package org.drledger.core.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.drledger.core.crypto.HashAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast matcher computes prios ahead per block of {@link Matcher#BLOCK} targets, partly in parallel; these draws
 * span several blocks (with a partial last block) while caps run out mid-block, the ladder relaxes, conflicts and
 * district avoidance exclude officers and recusals are substituted, and must equal the literal reference byte for byte.
 */
class DrawMultiBlockCrossCheckTest {

    static LongStream seeds() {
        return LongStream.range(0, 12);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void multiBlockDrawEqualsReference(long seed) {
        DrawInput in = input(seed);
        DrawResult fast = Draw.run(in);
        assertThat(fast.targets().size()).isGreaterThan(2 * Matcher.BLOCK);
        DrawReferenceCrossCheckTest.assertSameJson(DrawJson.canonical(DrawJson.result(fast)),
                DrawJson.canonical(ReferenceDraw.run(in).toJson()));
    }

    /** The generated draws really reach the paths the block prefetch must get right. */
    @Test
    void generatedDrawsCoverLadderCapsConflictsAndSubstitutions() {
        boolean relaxed = false;
        boolean empty = false;
        boolean substituted = false;
        boolean relaxedSubstitute = false;
        for (long seed : seeds().toArray()) {
            DrawResult res = Draw.run(input(seed));
            for (DrawResult.Team t : res.teams()) {
                for (DrawResult.SlotAssignment s : t.slots()) {
                    relaxed |= s.relaxationStep() > 0;
                    empty |= !s.filled();
                }
            }
            substituted |= !res.substitutions().isEmpty();
            relaxedSubstitute |= res.substitutions().stream().anyMatch(s -> s.relaxationStep() > 0);
        }
        assertThat(relaxed).as("some slot filled at a relaxed ladder step").isTrue();
        assertThat(empty).as("some slot left empty once caps ran out").isTrue();
        assertThat(substituted).as("some recusal substituted").isTrue();
        assertThat(relaxedSubstitute).as("some substitute found on a relaxed step").isTrue();
    }

    /**
     * 1,500–4,000 entities, 300–700 targets, 20–200 officers with caps 1–34 (some run out mid-draw), a small
     * department in one district that forces relaxed steps in every block, some assist officers, conflicts on targets
     * and up to 12 recusals.
     */
    static DrawInput input(long seed) {
        Random r = new Random(0xb10c + seed);
        List<String> deps = List.of("A", "B", "C", "D");
        List<String> districts = List.of("d1", "d2", "d3");
        List<DrawPlan.Stratum> strata = List.of(new DrawPlan.Stratum("x", new DrawPlan.Ratio(1, 5), 0, null),
                new DrawPlan.Stratum("y", new DrawPlan.Ratio(1, 6), 1, null));
        List<Relaxation> ladder = switch ((int) (seed % 3)) {
            case 0 -> List.of(Relaxation.DROP_AVOID_SAME_DISTRICT, Relaxation.USE_ASSIST_POOL);
            case 1 -> List.of(Relaxation.USE_ASSIST_POOL, Relaxation.DROP_AVOID_SAME_DISTRICT);
            default -> List.of(Relaxation.DROP_AVOID_SAME_DISTRICT);
        };
        List<DrawPlan.Slot> template = new ArrayList<>(List.of(new DrawPlan.Slot(List.of("A", "B")),
                new DrawPlan.Slot(List.of("C", "B", "D"))));
        if (seed % 2 == 0) {
            template.add(new DrawPlan.Slot(List.of("D")));
        }
        List<String> parties = List.of("org", "dio");
        DrawPlan plan = new DrawPlan("multi-block-" + seed, "creditRiskClass", strata,
                new DrawPlan.PopulationFilter(List.of(), List.of(), List.of(), List.of("item"), null), 3, template,
                new DrawPlan.MatchingRules(seed % 4 != 3, true), ladder,
                new DrawPlan.RandomnessSpec(RandomnessSources.DRAND_QUICKNET, 1000 + seed), parties,
                "2026-03-01T00:00:00Z", new DrawPlan.PlannedDates(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31)));
        int n = 1500 + r.nextInt(2500);
        List<PopulationMember> pop = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pop.add(new PopulationMember("E" + i, r.nextBoolean() ? "x" : "y", districts.get(r.nextInt(3))));
        }
        int m = 20 + r.nextInt(180);
        List<RosterOfficer> officers = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            // department D is small and sits in district d1 only, so its slots relax on every block; caps mostly
            // last a few blocks, some run out early
            String dep = r.nextInt(8) == 0 ? "D" : deps.get(r.nextInt(3));
            String district = dep.equals("D") ? "d1" : districts.get(r.nextInt(3));
            long cap = r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 5 + r.nextInt(30);
            officers.add(new RosterOfficer("O" + i, dep, district, cap, r.nextInt(6) == 0));
        }
        List<Conflict> conflicts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < 400; k++) {
            Conflict c = new Conflict("O" + r.nextInt(m), "E" + r.nextInt(n));
            if (seen.add(c.officerId() + "|" + c.entityId())) {
                conflicts.add(c);
            }
        }
        byte[] s1 = RandomDraws.bytes(r, 32);
        byte[] s2 = RandomDraws.bytes(r, 32);
        byte[] sig = RandomDraws.bytes(r, 48);
        DrawInput in = new DrawInput(plan, Population.of(plan, pop), Roster.of(officers, conflicts),
                List.of(new Commitment("org", DrawHashes.commitment(plan.taskId(), "org", s1)),
                        new Commitment("dio", DrawHashes.commitment(plan.taskId(), "dio", s2))),
                Randomness.drandQuicknet(plan.randomness().round(), sig, HashAlgorithm.SHA_256.digest(sig)),
                seed % 5 == 4 ? List.of(new Reveal("org", s1)) : List.of(new Reveal("org", s1), new Reveal("dio", s2)),
                List.of());
        return RandomDraws.withRecusals(in, r, 12);
    }
}
