package org.drledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.drledger.core.bundle.BundleKind;
import org.drledger.core.bundle.TaskLedgerScenario;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The task checks over {@link TaskLedgerScenario}: the clean ledger re-derives (every task check PASS, the drand BLS
 * signature UNCHECKED with its round printed), and each task fault, a correctly signed ledger whose server broke a
 * rule, is rejected first by the check named after it.
 */
class TaskMutationSuiteTest {
    private static final List<String> TASK_CHECKS = List.of("task.one-draw", "task.non-random", "task.timing",
            "task.reveals", "task.population", "task.draw", "task.publication");

    @TempDir
    Path dir;

    private Report verify(byte[] bundle) throws Exception {
        Path p = dir.resolve("bundle.zip");
        Files.write(p, bundle);
        return BundleVerifier.verify(p, BundleVerifier.Options.none());
    }

    static Stream<CryptoSuite> suites() {
        return CryptoSuites.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void theCleanTaskLedgerReDerives(CryptoSuite suite) throws Exception {
        TaskLedgerScenario s = new TaskLedgerScenario(suite);
        for (BundleKind kind : List.of(BundleKind.PUBLIC_LEDGER, BundleKind.AUDITOR_FULL)) {
            Report r = verify(s.fullBundle(kind));
            assertThat(r.verified()).as(r.toText()).isTrue();
            for (String c : TASK_CHECKS) {
                assertThat(r.get(c).orElseThrow().status()).as(c + "\n" + r.toText()).isEqualTo(Report.Status.PASS);
            }
            Report.Check rand = r.get("task.randomness").orElseThrow();
            assertThat(rand.status()).isEqualTo(Report.Status.UNCHECKED);
            assertThat(rand.reason()).contains("BLS").contains("round " + TaskLedgerScenario.ROUND);
            assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains(TaskLedgerScenario.ROUND_RANDOMNESS));
            assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("flagged late"));
        }
    }

    @Test
    void aTaskBundleChecksWhatItHoldsAndSaysWhatItCannot() throws Exception {
        Report r = verify(new TaskLedgerScenario(CryptoSuites.ED25519_SHA256).taskBundle());
        assertThat(r.verified()).as(r.toText()).isTrue();
        assertThat(r.get("task.reveals").orElseThrow().status()).isEqualTo(Report.Status.PASS);
        assertThat(r.get("task.population").orElseThrow().status()).isEqualTo(Report.Status.UNCHECKED);
        Report.Check draw = r.get("task.draw").orElseThrow();
        assertThat(draw.status()).as(r.toText()).isEqualTo(Report.Status.PASS);
        assertThat(draw.reason()).contains("ticket(s) recomputed").contains("task.population");
    }

    static Stream<Arguments> faults() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of(TaskLedgerScenario.Variant.ENTITY_REMOVED, "task.population"));
        out.add(Arguments.of(TaskLedgerScenario.Variant.ALTERED_REVEAL, "task.reveals"));
        out.add(Arguments.of(TaskLedgerScenario.Variant.ALTERED_RANDOMNESS, "task.randomness"));
        out.add(Arguments.of(TaskLedgerScenario.Variant.LATE_UNFLAGGED, "task.publication"));
        out.add(Arguments.of(TaskLedgerScenario.Variant.SECOND_DRAW, "task.one-draw"));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("faults")
    void eachTaskFaultIsRejectedByItsCheck(TaskLedgerScenario.Variant v, String check) throws Exception {
        Report r = verify(new TaskLedgerScenario(CryptoSuites.ED25519_SHA256, v).fullBundle(BundleKind.PUBLIC_LEDGER));
        assertThat(r.verified()).as(r.toText()).isFalse();
        assertThat(r.firstFailure()).as(r.toText()).contains(check);
        Report.Failure f = r.get(check).orElseThrow().failures().get(0);
        assertThat(f.stream()).as(r.toText()).isNotNull();
        assertThat(f.leaf()).isNotNull();
        assertThat(f.expected()).isNotEqualTo(f.computed());
    }
}
