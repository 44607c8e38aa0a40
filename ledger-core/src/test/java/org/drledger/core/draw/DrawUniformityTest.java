package org.drledger.core.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drledger.core.crypto.HashAlgorithm;
import org.junit.jupiter.api.Test;

/**
 * Selection and matching are uniform over many fixed seeds, and the same statistic rejects deliberately biased
 * selectors (so the test has teeth). Fixed seeds make every run identical; floating point is fine in a test.
 *
 * <p>Statistic for sampling n of N without replacement, T times: c_i = times entity i was selected, p = n/N.
 * Each c_i has mean T·p and variance T·p·(1−p), so X² = Σ (c_i − T·p)² / (T·p·(1−p)) has mean N; the counts are
 * tied by Σ c_i = T·n, and their covariance is T·p·(1−p)·N/(N−1)·(I − J/N), so X²·(N−1)/N is approximately χ² with
 * N−1 degrees of freedom. (The factor (1−p) is the finite-population correction: without it sampling without
 * replacement looks "too uniform".)
 */
class DrawUniformityTest {
    /** Upper 0.001 quantile of the standard normal. */
    private static final double Z_999 = 3.090232306;
    private static final int T = 2000;

    /** Wilson–Hilferty: χ²_{0.999}(k) ≈ k·(1 − 2/(9k) + z·√(2/(9k)))³; within 0.1% of tables for k ≥ 10. */
    static double critical(int k) {
        double a = 2.0 / (9.0 * k);
        return k * Math.pow(1 - a + Z_999 * Math.sqrt(a), 3);
    }

    static double chiSquareWithoutReplacement(long[] counts, int n) {
        int bigN = counts.length;
        double p = (double) n / bigN;
        double expected = T * p;
        double x2 = 0;
        for (long c : counts) {
            x2 += (c - expected) * (c - expected);
        }
        return x2 / (T * p * (1 - p)) * (bigN - 1) / bigN;
    }

    @Test
    void wilsonHilfertyMatchesTables() {
        assertThat(critical(99)).isBetween(148.0, 148.5);  // table: 148.23
        assertThat(critical(19)).isBetween(43.6, 44.0);    // table: 43.82
        assertThat(critical(59)).isBetween(98.0, 98.6);    // table: 98.32
    }

    static DrawInput input(int draw, List<PopulationMember> pop, List<DrawPlan.Stratum> strata,
                           List<RosterOfficer> officers) {
        DrawPlan plan = new DrawPlan("uniformity", strata.size() == 1 && strata.get(0).stratum().isEmpty() ? ""
                : "class", strata, new DrawPlan.PopulationFilter(List.of(), List.of(), List.of(), List.of("i"), null),
                1_000_000, List.of(new DrawPlan.Slot(List.of("AMR"))), new DrawPlan.MatchingRules(false, false),
                List.of(), new DrawPlan.RandomnessSpec(RandomnessSources.DRAND_QUICKNET, 1), List.of("p"),
                "2026-03-01T00:00:00Z", new DrawPlan.PlannedDates(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31)));
        byte[] secret = HashAlgorithm.SHA_256.digest(ByteBuffer.allocate(4).putInt(draw).array());
        byte[] sig = HashAlgorithm.SHA_256.digest(("sig" + draw).getBytes());
        sig = java.util.Arrays.copyOf(sig, 48);
        return new DrawInput(plan, Population.of(plan, pop), Roster.of(officers, List.of()),
                List.of(new Commitment("p", DrawHashes.commitment("uniformity", "p", secret))),
                Randomness.drandQuicknet(1, sig, HashAlgorithm.SHA_256.digest(sig)),
                List.of(new Reveal("p", secret)), List.of());
    }

    static List<PopulationMember> population(String stratum, int n, int offset) {
        List<PopulationMember> pop = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pop.add(new PopulationMember(String.format("E%03d", offset + i), stratum, "D"));
        }
        return pop;
    }

    /** Selection counts of the real draw and of two biased selectors fed the same seeds. */
    @Test
    void selectionIsUniformAndBiasedSelectorsAreCaught() {
        int bigN = 100;
        int n = 10;
        List<PopulationMember> pop = population("", bigN, 0);
        List<DrawPlan.Stratum> strata = List.of(new DrawPlan.Stratum("", new DrawPlan.Ratio(1, 10), 0, null));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < bigN; i++) {
            index.put(pop.get(i).entityId(), i);
        }
        long[] real = new long[bigN];
        long[] nibble = new long[bigN];
        long[] modulo = new long[bigN];
        for (int d = 0; d < T; d++) {
            DrawResult r = Draw.run(input(d, pop, strata, List.of()));
            assertThat(r.targets()).hasSize(n);
            r.targets().forEach(t -> real[index.get(t.entityId())]++);
            byte[] seed = r.seed();
            // biased 1: ticket cut to its first 4 bits, ties by entity id (a "small random key" bug)
            List<PopulationMember> sorted = new ArrayList<>(pop);
            sorted.sort(Comparator.<PopulationMember>comparingInt(m -> (DrawHashes.ticket(seed, m.entityId())[0] & 0xf0))
                    .thenComparing(PopulationMember::entityId));
            sorted.subList(0, n).forEach(m -> nibble[index.get(m.entityId())]++);
            // biased 2: Fisher–Yates with one random byte per step reduced modulo the remaining size
            int[] perm = new int[bigN];
            for (int i = 0; i < bigN; i++) {
                perm[i] = i;
            }
            byte[] stream = DrawHashes.ticket(seed, "fisher-yates");
            for (int i = 0; i < n; i++) {
                int j = i + (stream[i] & 0xff) % (bigN - i);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
                modulo[perm[i]]++;
            }
        }
        double crit = critical(bigN - 1);
        assertThat(chiSquareWithoutReplacement(real, n)).as("real draw").isLessThan(crit);
        assertThat(chiSquareWithoutReplacement(nibble, n)).as("4-bit tickets").isGreaterThan(crit);
        assertThat(chiSquareWithoutReplacement(modulo, n)).as("modulo-biased shuffle").isGreaterThan(crit);
    }

    @Test
    void selectionIsUniformWithinEachStratum() {
        List<PopulationMember> pop = new ArrayList<>(population("A", 60, 0));
        pop.addAll(population("B", 40, 60));
        List<DrawPlan.Stratum> strata = List.of(new DrawPlan.Stratum("A", new DrawPlan.Ratio(1, 6), 0, null),
                new DrawPlan.Stratum("B", new DrawPlan.Ratio(1, 4), 0, null));
        long[] a = new long[60];
        long[] b = new long[40];
        for (int d = 0; d < T; d++) {
            DrawResult r = Draw.run(input(100_000 + d, pop, strata, List.of()));
            for (DrawResult.Target t : r.targets()) {
                int i = Integer.parseInt(t.entityId().substring(1));
                if (t.stratum().equals("A")) {
                    a[i]++;
                } else {
                    b[i - 60]++;
                }
            }
        }
        assertThat(chiSquareWithoutReplacement(a, 10)).isLessThan(critical(59));
        assertThat(chiSquareWithoutReplacement(b, 10)).isLessThan(critical(39));
    }

    /** With one target and one slot, each of M eligible officers wins with probability 1/M: X² ~ χ²(M−1). */
    @Test
    void matchingIsUniformOverEligibleOfficers() {
        int m = 20;
        List<RosterOfficer> officers = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            officers.add(new RosterOfficer(String.format("O%02d", i), "AMR", "D" + i, 1, false));
        }
        List<PopulationMember> pop = population("", 1, 0);
        List<DrawPlan.Stratum> strata = List.of(new DrawPlan.Stratum("", new DrawPlan.Ratio(1, 1), 0, null));
        long[] wins = new long[m];
        for (int d = 0; d < T; d++) {
            DrawResult r = Draw.run(input(200_000 + d, pop, strata, officers));
            wins[Integer.parseInt(r.teams().get(0).slots().get(0).officerId().substring(1))]++;
        }
        double expected = (double) T / m;
        double x2 = 0;
        for (long w : wins) {
            x2 += (w - expected) * (w - expected) / expected;
        }
        assertThat(x2).isLessThan(critical(m - 1));
    }
}
