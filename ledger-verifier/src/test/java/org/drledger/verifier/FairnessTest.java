package org.drledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.drledger.core.bundle.BundleKind;
import org.drledger.core.bundle.TaskLedgerScenario;
import org.drledger.core.crypto.CryptoSuites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The selection statistics: the chi-square tail, the per-stratum statistic, and the analysis of a task ledger. */
class FairnessTest {
    @TempDir
    Path dir;

    @Test
    void chiSquareTailMatchesTables() {
        assertThat(ChiSquare.upperTail(3.841459, 1)).isCloseTo(0.05, within(1e-6));
        assertThat(ChiSquare.upperTail(5.991465, 2)).isCloseTo(0.05, within(1e-6));
        assertThat(ChiSquare.upperTail(18.307038, 10)).isCloseTo(0.05, within(1e-6));
        assertThat(ChiSquare.upperTail(6.634897, 1)).isCloseTo(0.01, within(1e-6));
        assertThat(ChiSquare.upperTail(124.342113, 100)).isCloseTo(0.05, within(1e-6));
        assertThat(ChiSquare.upperTail(0, 3)).isEqualTo(1.0);
    }

    /** {@code draws} draws of {@code k} of {@code n}; {@code rigged} entities (if any) always among the selected. */
    private static Fairness.StratumStat simulate(int draws, int n, int k, int rigged, long seed) {
        Random r = new Random(seed);
        Map<String, double[]> acc = new TreeMap<>();
        double p = (double) k / n;
        for (int d = 0; d < draws; d++) {
            List<Integer> ids = new ArrayList<>();
            for (int i = rigged; i < n; i++) {
                ids.add(i);
            }
            Collections.shuffle(ids, r);
            List<Integer> picked = new ArrayList<>(ids.subList(0, k - rigged));
            for (int i = 0; i < rigged; i++) {
                picked.add(i);
            }
            for (int i = 0; i < n; i++) {
                double[] a = acc.computeIfAbsent(String.format("E%02d", i), x -> new double[3]);
                a[1] += p;
                a[2] += p * (1 - p) * n / (n - 1);
                if (picked.contains(i)) {
                    a[0]++;
                }
            }
        }
        return Fairness.summarize("s", new long[]{draws, (long) draws * n, (long) draws * k}, acc);
    }

    @Test
    void uniformDrawsShowNoEvidenceAndARiggedEntityIsFound() {
        Fairness.StratumStat fair = simulate(200, 20, 3, 0, 20231);
        assertThat(fair.df()).isEqualTo(19);
        assertThat(fair.pValue()).isGreaterThan(0.01);
        Fairness.StratumStat rigged = simulate(200, 20, 3, 1, 20231);
        assertThat(rigged.pValue()).isLessThan(1e-9);
        assertThat(rigged.entities().get(0).observed()).isEqualTo(200);
    }

    @Test
    void oneDrawGivesTheDegenerateStatisticAndCountsOfficers() throws Exception {
        TaskLedgerScenario s = new TaskLedgerScenario(CryptoSuites.ED25519_SHA256);
        Path p = dir.resolve("ledger.zip");
        Files.write(p, s.fullBundle(BundleKind.PUBLIC_LEDGER));
        Fairness.Result r = Fairness.analyse(p, 0.001);
        assertThat(r.ledgerVerified()).isTrue();
        assertThat(r.draws()).isEqualTo(1);
        assertThat(r.excluded()).isEmpty();
        assertThat(r.strata()).extracting(Fairness.StratumStat::stratum).containsExactly("food", "retail");
        for (Fairness.StratumStat st : r.strata()) {
            // a single draw of k from n: Σ (I - p)² / (p(1-p) n/(n-1)) = n - 1 exactly
            assertThat(st.chiSquare()).isCloseTo(st.populationTotal() - 1, within(1e-9));
            assertThat(st.entities().stream().mapToLong(Fairness.EntityStat::observed).sum())
                    .isEqualTo(st.targetsTotal());
        }
        long slots = s.draw.teams().stream().flatMap(t -> t.slots().stream()).filter(x -> x.officerId() != null)
                .count();
        assertThat(r.officers().stream().mapToLong(Fairness.OfficerStat::drawn).sum()).isEqualTo(slots);
        assertThat(r.officers().stream().mapToLong(Fairness.OfficerStat::effective).sum()).isEqualTo(slots);
        assertThat(r.suspicious()).isFalse();
        assertThat(r.toText()).contains("stratum 'food'").contains("officers");
    }

    @Test
    void aTaskBundleSaysWhatItLeavesOut() throws Exception {
        Path p = dir.resolve("task.zip");
        Files.write(p, new TaskLedgerScenario(CryptoSuites.ED25519_SHA256).taskBundle());
        Fairness.Result r = Fairness.analyse(p, 0.001);
        assertThat(r.draws()).isZero();
        assertThat(r.excluded()).singleElement().asString().contains("task-fairness");
    }
}
