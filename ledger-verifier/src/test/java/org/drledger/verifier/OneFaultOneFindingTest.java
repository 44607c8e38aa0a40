package org.drledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drledger.core.bundle.BundleMutations;
import org.drledger.core.crypto.CryptoSuites;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One altered, rehashed or dropped entry in the middle of a stream (amr/2026 has eight entries) is reported where
 * it is, and the stream's later entries are not reported with it: the chain continues from the entry as stored.
 */
class OneFaultOneFindingTest {
    @TempDir
    Path dir;

    private Report verify(String fault) throws Exception {
        BundleMutations.Mutant m = BundleMutations.all(CryptoSuites.ED25519_SHA256).stream()
                .filter(x -> x.fault().equals(fault)).findFirst().orElseThrow();
        Path p = dir.resolve(fault + ".zip");
        Files.write(p, BundleMutations.zip(m.files()));
        return BundleVerifier.verify(p, BundleVerifier.Options.none());
    }

    private static List<Report.Failure> failures(Report r, String check) {
        return r.get(check).map(Report.Check::failures).orElse(List.of());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // the payload changed, the stored hash not: only the hash check fails; the successor links to that hash
            "flipped-payload-byte, entry.hash, 1, 0, 0",
            // the hash recomputed by the attacker: the signature fails, and the successor's link to the old hash
            "changed-actor, entry.signature, 1, 0, 1",
            // seq 1 is gone: seq 2 breaks the sequence once, and seq 3 onwards link to seq 2 as stored
            "dropped-entry, chain.sequence, 1, 1, 0"})
    void oneFaultIsReportedOnceAndTheRestOfItsStreamStillVerifies(String fault, String first, int firstFailures,
                                                                  int sequenceFailures, int prevFailures)
            throws Exception {
        Report r = verify(fault);
        assertThat(r.firstFailure()).as(r.toText()).contains(first);
        assertThat(failures(r, first)).as(r.toText()).hasSize(firstFailures);
        assertThat(failures(r, "chain.sequence")).as(r.toText()).hasSize(sequenceFailures);
        assertThat(failures(r, "chain.prev")).as(r.toText()).hasSize(prevFailures);
        assertThat(failures(r, "chain.prev")).allSatisfy(f -> assertThat(f.stream()).contains("amr/2026"));
        assertThat(failures(r, "chain.sequence")).allSatisfy(f -> assertThat(f.seq()).isEqualTo(2L));
    }
}
