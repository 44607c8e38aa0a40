package org.drledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.drledger.core.bundle.BundleKind;
import org.drledger.core.bundle.BundleLines;
import org.drledger.core.bundle.BundleMutations;
import org.drledger.core.bundle.BundleScenario;
import org.drledger.core.checkpoint.Checkpoint;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.crypto.HashAlgorithm;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verifier's streaming root (a compact range fed leaf by leaf) against a slow, literal RFC 6962 MTH written
 * from the definition: for the clean and the reordered bundle, the verifier's checkpoint.root verdict must be what
 * the literal recursion says about every checkpoint.
 */
class ReferenceRootTest {
    @TempDir
    Path dir;

    static List<CryptoSuite> suites() {
        return CryptoSuites.all();
    }

    /** MTH(D[n]) exactly as RFC 6962 §2.1 writes it. */
    static byte[] mth(HashAlgorithm h, List<byte[]> d) {
        if (d.isEmpty()) {
            return h.digest();
        }
        if (d.size() == 1) {
            return h.digest(new byte[]{0}, d.get(0));
        }
        int k = 1;
        while (k * 2 < d.size()) {
            k *= 2;
        }
        return h.digest(new byte[]{1}, mth(h, d.subList(0, k)), mth(h, d.subList(k, d.size())));
    }

    @ParameterizedTest
    @MethodSource("suites")
    void theVerdictOnEveryRootMatchesTheLiteralDefinition(CryptoSuite suite) throws Exception {
        for (BundleMutations.Mutant m : BundleMutations.all(suite)) {
            if (m.check() != null && !m.fault().equals("reordered-entries")) {
                continue;
            }
            List<byte[]> leaves = new ArrayList<>();
            for (String l : BundleMutations.readLines(m.files(), "entries.jsonl")) {
                leaves.add(BundleLines.entry(l.getBytes(java.nio.charset.StandardCharsets.UTF_8), "").signed()
                        .leafData());
            }
            boolean allMatch = true;
            for (String l : BundleMutations.readLines(m.files(), "checkpoints.jsonl")) {
                Checkpoint cp = Checkpoint.parse(BundleLines.checkpoint(
                        l.getBytes(java.nio.charset.StandardCharsets.UTF_8), "").note().text());
                allMatch &= Arrays.equals(cp.root(), mth(suite.hash(), leaves.subList(0, (int) cp.size())));
            }
            Path p = dir.resolve(m.fault() + suite.id() + ".zip");
            Files.write(p, BundleMutations.zip(m.files()));
            Report r = BundleVerifier.verify(p, BundleVerifier.Options.none());
            assertThat(r.get("checkpoint.root").orElseThrow().status())
                    .as(m.fault()).isEqualTo(allMatch ? Report.Status.PASS : Report.Status.FAIL);
            assertThat(allMatch).isEqualTo(m.check() == null);
        }
    }
}
