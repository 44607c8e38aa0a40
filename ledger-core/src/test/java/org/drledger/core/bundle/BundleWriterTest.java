package org.drledger.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drledger.core.TestVectors;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.entry.KeyStatus;
import org.drledger.core.entry.TrustEntries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BundleWriterTest {
    static List<CryptoSuite> suites() {
        return CryptoSuites.all();
    }

    @Test
    void theStoredVectorsAreWhatTheWriterProduces() throws Exception {
        CryptoSuite suite = CryptoSuites.ED25519_SHA256;
        byte[] stored = Files.readAllBytes(TestVectors.path(BundleVectors.fileName(suite)));
        assertThat(new String(BundleVectors.generate(suite), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(stored, java.nio.charset.StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("suites")
    void aWrittenBundleStreamsBackWithTheManifestsDigests(CryptoSuite suite, @TempDir Path dir) throws Exception {
        BundleScenario s = new BundleScenario(suite);
        Path p = dir.resolve("b.zip");
        Files.write(p, s.fullBundle(BundleKind.AUDITOR_FULL));
        try (BundleReader r = BundleReader.open(p)) {
            BundleManifest m = r.manifest();
            assertThat(m.kind()).isEqualTo(BundleKind.AUDITOR_FULL);
            assertThat(m.logKey()).isEqualTo(s.log.noteKey().vkey());
            long leaf = 0;
            try (BundleReader.Lines lines = r.lines(BundleManifest.ENTRIES)) {
                while (lines.hasNext()) {
                    BundleLines.EntryLine l = BundleLines.entry(lines.next(), "entries");
                    assertThat(l.leafIndex()).isEqualTo(leaf);
                    assertThat(l.signed()).isEqualTo(s.entries.get((int) leaf++));
                }
                assertThat(lines.actual()).isEqualTo(m.file(BundleManifest.ENTRIES).orElseThrow());
            }
            assertThat(leaf).isEqualTo(s.entries.size());
            TrustEntries trust = new TrustEntries();
            try (BundleReader.Lines lines = r.lines(BundleManifest.TRUST)) {
                while (lines.hasNext()) {
                    BundleLines.EntryLine l = BundleLines.entry(lines.next(), "trust");
                    assertThat(trust.accept(l.signed(), l.leafIndex())).isTrue();
                }
            }
            String tax = s.departmentKey("tax-1").verifyingKey().keyId();
            String amr1 = s.departmentKey("amr-1").verifyingKey().keyId();
            long last = s.entries.size() - 1;
            assertThat(trust.keyBook().statusAt(tax, BundleScenario.TAX, last)).isEqualTo(KeyStatus.REVOKED);
            assertThat(trust.keyBook().statusAt(amr1, BundleScenario.AMR, last)).isEqualTo(KeyStatus.ROTATED_OUT);
            assertThat(trust.keyBook().statusAt(amr1, BundleScenario.AMR, 10)).isEqualTo(KeyStatus.VALID);
            assertThat(trust.witnesses()).containsKey(BundleScenario.WITNESS);
            assertThat(trust.genesis().orElseThrow().ledgerId()).isEqualTo(BundleScenario.LEDGER);
            try (BundleReader.Lines lines = r.lines(BundleManifest.OPENINGS)) {
                List<BundleLines.OpeningLine> ops = new ArrayList<>();
                lines.forEachRemaining(l -> ops.add(BundleLines.opening(l, "openings")));
                assertThat(ops).hasSize(3);
            }
        }
    }

    @Test
    void aFullBundleRefusesGapsAndSectionsOutOfOrder() {
        BundleScenario s = new BundleScenario(CryptoSuites.ED25519_SHA256);
        BundleWriter w = new BundleWriter(new ByteArrayOutputStream(), BundleKind.PUBLIC_LEDGER, "l", "ed25519-sha256",
                "o", "v", JsonNodeFactory.instance.objectNode());
        assertThatThrownBy(() -> w.entry(new BundleLines.EntryLine(1, s.entries.get(1), null)))
                .hasMessageContaining("expected leaf 0");
        w.entry(new BundleLines.EntryLine(0, s.entries.get(0), null));
        assertThatThrownBy(() -> w.trust(new BundleLines.EntryLine(0, s.entries.get(0), null)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> w.entry(new BundleLines.EntryLine(1, s.entries.get(1), List.of())))
                .hasMessageContaining("no inclusion proofs");
    }

    @Test
    void aReaderRejectsUnexpectedAndMissingFiles(@TempDir Path dir) throws Exception {
        Map<String, byte[]> files = BundleMutations.unzip(
                new BundleScenario(CryptoSuites.ED25519_SHA256).fullBundle(BundleKind.PUBLIC_LEDGER));
        files.put("extra.txt", new byte[]{1});
        Path p = dir.resolve("x.zip");
        Files.write(p, BundleMutations.zip(files));
        assertThatThrownBy(() -> BundleReader.open(p)).isInstanceOf(BundleFormatException.class)
                .extracting(e -> ((BundleFormatException) e).rule()).isEqualTo("unexpected-file");
        files.remove("extra.txt");
        files.remove(BundleManifest.CHECKPOINTS);
        Files.write(p, BundleMutations.zip(files));
        assertThatThrownBy(() -> BundleReader.open(p)).extracting(e -> ((BundleFormatException) e).rule())
                .isEqualTo("missing-file");
        Files.write(p, new byte[]{'n', 'o'});
        assertThatThrownBy(() -> BundleReader.open(p)).extracting(e -> ((BundleFormatException) e).rule())
                .isEqualTo("not-a-zip");
    }
}
