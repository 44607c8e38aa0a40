package org.drledger.core.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast implementation and the literal reference agree on every output byte over many random inputs. */
class DrawReferenceCrossCheckTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fastEqualsReference(long seed) {
        DrawInput in = RandomDraws.withRecusals(RandomDraws.input(seed), new Random(seed ^ 0x5eed), 4);
        DrawResult fast = Draw.run(in);
        ReferenceDraw ref = ReferenceDraw.run(in);
        assertSameJson(DrawJson.canonical(DrawJson.result(fast)), DrawJson.canonical(ref.toJson()));
        assertThat(fast.input().population().preimage()).isEqualTo(ref.popPreimage);
        assertThat(fast.input().roster().preimage()).isEqualTo(ref.rosterPreimage);
    }

    /**
     * Large enough to take the parallel paths (tickets in chunks of 8192 entities; prios computed ahead in parallel
     * once a block's targets × officers reach 4096): parallel computation must give exactly the sequential reference
     * result.
     */
    @org.junit.jupiter.api.Test
    void parallelPathsEqualReference() {
        java.util.Random r = new java.util.Random(7);
        java.util.List<String> parties = java.util.List.of("p");
        DrawPlan plan = new DrawPlan("parallel", "", java.util.List.of(new DrawPlan.Stratum("",
                new DrawPlan.Ratio(1, 5000), 0, null)),
                new DrawPlan.PopulationFilter(java.util.List.of(), java.util.List.of(), java.util.List.of(),
                        java.util.List.of("i"), null), 2,
                java.util.List.of(new DrawPlan.Slot(java.util.List.of("A", "B")), new DrawPlan.Slot(java.util.List.of("B"))),
                new DrawPlan.MatchingRules(true, true), java.util.List.of(Relaxation.USE_ASSIST_POOL),
                new DrawPlan.RandomnessSpec(RandomnessSources.DRAND_QUICKNET, 77), parties, "2026-03-01T00:00:00Z",
                new DrawPlan.PlannedDates(java.time.LocalDate.of(2026, 3, 2), java.time.LocalDate.of(2026, 3, 3)));
        java.util.List<PopulationMember> pop = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            pop.add(new PopulationMember("E" + i, "", "D" + r.nextInt(3)));
        }
        java.util.List<RosterOfficer> officers = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            officers.add(new RosterOfficer("O" + i, r.nextBoolean() ? "A" : "B", "D" + r.nextInt(3), 1 + r.nextInt(2),
                    r.nextInt(10) == 0));
        }
        byte[] secret = new byte[32];
        byte[] sig = new byte[48];
        r.nextBytes(sig);
        DrawInput in = new DrawInput(plan, Population.of(plan, pop), Roster.of(officers, java.util.List.of()),
                java.util.List.of(new Commitment("p", DrawHashes.commitment("parallel", "p", secret))),
                Randomness.drandQuicknet(77, sig, org.drledger.core.crypto.HashAlgorithm.SHA_256.digest(sig)),
                java.util.List.of(new Reveal("p", secret)), java.util.List.of());
        in = RandomDraws.withRecusals(in, r, 2);
        assertSameJson(DrawJson.canonical(DrawJson.result(Draw.run(in))),
                DrawJson.canonical(ReferenceDraw.run(in).toJson()));
    }

    /** Compares canonical JSON and reports only the neighbourhood of the first difference. */
    static void assertSameJson(byte[] actual, byte[] expected) {
        String a = new String(actual, java.nio.charset.StandardCharsets.UTF_8);
        String e = new String(expected, java.nio.charset.StandardCharsets.UTF_8);
        if (a.equals(e)) {
            return;
        }
        int i = 0;
        while (i < Math.min(a.length(), e.length()) && a.charAt(i) == e.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 200);
        throw new AssertionError("JSON differs at " + i + "\n actual: ..." + a.substring(from, Math.min(a.length(), i + 200))
                + "\n expect: ..." + e.substring(from, Math.min(e.length(), i + 200)));
    }
}
