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

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void confidentialStrataReDeriveWithTheOpeningsAndAreCheckedByCommitmentWithoutThem(CryptoSuite suite)
            throws Exception {
        TaskLedgerScenario s = new TaskLedgerScenario(suite, TaskLedgerScenario.Variant.CONFIDENTIAL_STRATA);
        Report full = verify(s.fullBundle(BundleKind.AUDITOR_FULL));
        assertThat(full.verified()).as(full.toText()).isTrue();
        for (String c : TASK_CHECKS) {
            assertThat(full.get(c).orElseThrow().status()).as(c + "\n" + full.toText()).isEqualTo(Report.Status.PASS);
        }
        assertThat(full.notes()).anySatisfy(n -> assertThat(n).contains("(confidential attribute creditRiskClass) "
                + "is the registry's commitment, checked against its opening"));

        Report pub = verify(s.fullBundle(BundleKind.PUBLIC_LEDGER));
        assertThat(pub.verified()).as(pub.toText()).isTrue();
        assertThat(pub.get("task.population").orElseThrow().status()).isEqualTo(Report.Status.UNCHECKED);
        Report.Check draw = pub.get("task.draw").orElseThrow();
        assertThat(draw.status()).as(pub.toText()).isEqualTo(Report.Status.PASS);
        assertThat(draw.reason()).as(pub.toText()).contains("entity, ticket, visiting order and district of "
                + s.draw.targets().size() + " target(s) checked").contains("the stratum of " + s.draw.targets().size()
                + " target(s) (confidential attribute creditRiskClass) checked only by commitment");
    }

    static Stream<Arguments> strataFaults() {
        List<Arguments> out = new ArrayList<>();
        for (BundleKind kind : List.of(BundleKind.PUBLIC_LEDGER, BundleKind.AUDITOR_FULL)) {
            out.add(Arguments.of(TaskLedgerScenario.Variant.CLEAR_CONFIDENTIAL_STRATUM, kind));
            out.add(Arguments.of(TaskLedgerScenario.Variant.FORGED_STRATUM_COMMITMENT, kind));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("strataFaults")
    void aConfidentialStratumInClearOrAnotherObjectsCommitmentFailsTheDrawCheck(TaskLedgerScenario.Variant v,
                                                                             BundleKind kind) throws Exception {
        Report r = verify(new TaskLedgerScenario(CryptoSuites.ED25519_SHA256,
                TaskLedgerScenario.Variant.CONFIDENTIAL_STRATA, v).fullBundle(kind));
        assertThat(r.verified()).as(r.toText()).isFalse();
        assertThat(r.firstFailure()).as(r.toText()).contains("task.draw");
        Report.Failure f = r.get("task.draw").orElseThrow().failures().get(0);
        assertThat(f.expected()).as(r.toText()).contains("commit:");
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
