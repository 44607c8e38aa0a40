package org.drledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.drledger.core.bundle.BundleMutations;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fault of {@link BundleMutations}, for both suites, is rejected, and rejected first by the check named after
 * it; the clean bundle verifies. "First" matters: later failures may follow from the first (a changed entry also
 * breaks the next link of its stream), the first names the cause.
 */
class MutationSuiteTest {
    @TempDir
    Path dir;

    static Stream<Arguments> mutants() {
        List<Arguments> out = new ArrayList<>();
        for (CryptoSuite s : CryptoSuites.all()) {
            for (BundleMutations.Mutant m : BundleMutations.all(s)) {
                out.add(Arguments.of(s.id() + " " + m.fault(), m.check(), m.files()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void eachFaultIsRejectedByItsCheck(String name, String check, Map<String, byte[]> files) throws Exception {
        Path p = dir.resolve("bundle.zip");
        Files.write(p, BundleMutations.zip(files));
        Report r = BundleVerifier.verify(p, BundleVerifier.Options.none());
        if (check == null) {
            assertThat(r.verified()).as(r.toText()).isTrue();
            assertThat(r.checks()).allSatisfy(c -> assertThat(c.status()).isNotEqualTo(Report.Status.FAIL));
        } else {
            assertThat(r.verified()).as(r.toText()).isFalse();
            assertThat(r.firstFailure()).as(r.toText()).contains(check);
            Report.Check c = r.get(check).orElseThrow();
            assertThat(c.failures()).isNotEmpty();
            Report.Failure f = c.failures().get(0);
            assertThat(f.expected()).isNotBlank();
            assertThat(f.computed()).isNotBlank();
            assertThat(f.expected()).isNotEqualTo(f.computed());
        }
    }

    /** The parallel verification gives the same report as one thread, for every fault. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void oneThreadAndManyGiveTheSameReport(String name, String check, Map<String, byte[]> files) throws Exception {
        Path p = dir.resolve("bundle.zip");
        Files.write(p, BundleMutations.zip(files));
        Report one = BundleVerifier.verify(p, BundleVerifier.Options.none().withThreads(1));
        Report many = BundleVerifier.verify(p, BundleVerifier.Options.none().withThreads(4));
        assertThat(many.toJson()).isEqualTo(one.toJson());
    }
}
