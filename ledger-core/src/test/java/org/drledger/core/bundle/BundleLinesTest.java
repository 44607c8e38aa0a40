package org.drledger.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.json.CanonicalJson;
import org.junit.jupiter.api.Test;

/** The one-parse, one-write reading of an entry line against the literal two-step reading it replaces. */
class BundleLinesTest {

    @Test
    void everyLineOfARealBundleReadsAsTheSlowPathReadsIt() throws Exception {
        List<byte[]> lines = entryLines(new BundleScenario(CryptoSuites.SM2_SM3).fullBundle(BundleKind.AUDITOR_FULL));
        assertThat(lines).hasSizeGreaterThan(10);
        for (byte[] raw : lines) {
            assertSameAsSlowPath(raw);
            assertThat(BundleLines.checkedEntry(raw, "t").canonical()).isTrue();
        }
    }

    @Test
    void nonCanonicalSpellingsAreFlaggedAndTheEnvelopeIsStillItsCanonicalForm() throws Exception {
        byte[] raw = entryLines(new BundleScenario(CryptoSuites.ED25519_SHA256).fullBundle(BundleKind.PUBLIC_LEDGER))
                .get(3);
        String line = new String(raw, StandardCharsets.UTF_8);
        List<String> variants = List.of(
                line.replace("{\"entry\":{", "{ \"entry\" : {"),           // whitespace inside the envelope's parent
                line.replace("\"format\":", " \"format\":"),               // whitespace inside the envelope
                line.replace("\"format\":\"", "\"format\":\"\\u0064") // an escape where none is needed
                        .replace("\\u0064drl", "\\u0064rl"),
                "{\"signed\":" + line.substring(line.indexOf("\"signed\":") + 9, line.length() - 1)
                        + ",\"leafIndex\":" + BundleLines.entry(raw, "t").leafIndex() + "}"); // members out of order
        for (String v : variants) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            assertThat(CanonicalJson.isCanonical(b)).as(v).isFalse();
            assertThat(BundleLines.checkedEntry(b, "t").canonical()).as(v).isFalse();
            assertSameAsSlowPath(b);
        }
    }

    @Test
    void aTimeTheParserWouldResolveToAnotherInstantIsRefused() throws Exception {
        byte[] raw = entryLines(new BundleScenario(CryptoSuites.ED25519_SHA256).fullBundle(BundleKind.PUBLIC_LEDGER))
                .get(1);
        String line = new String(raw, StandardCharsets.UTF_8);
        int at = line.indexOf("\"time\":\"") + 8;
        String time = line.substring(at, line.indexOf('"', at));
        // java.time's default resolver reads 30 February as the 28th and 24:00 as the next midnight: the entry's
        // bytes would then differ from the envelope written again, so such text is not an entry time
        for (String spelling : List.of("2026-02-30T00:00:00.000Z", "2026-01-01T24:00:00.000Z")) {
            byte[] b = line.replace(time, spelling).getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> BundleLines.checkedEntry(b, "t")).as(spelling)
                    .isInstanceOfSatisfying(BundleFormatException.class,
                            e -> assertThat(e.getMessage()).contains("bad-time"));
            assertThatThrownBy(() -> BundleLines.entry(b, "t")).isInstanceOf(BundleFormatException.class);
        }
    }

    private static void assertSameAsSlowPath(byte[] raw) {
        BundleLines.EntryLine slow = BundleLines.entry(raw, "t");
        BundleLines.CheckedEntryLine fast = BundleLines.checkedEntry(raw, "t");
        assertThat(fast.canonical()).isEqualTo(CanonicalJson.isCanonical(raw));
        assertThat(fast.line().leafIndex()).isEqualTo(slow.leafIndex());
        assertThat(fast.line().signed()).isEqualTo(slow.signed());
        assertThat(fast.line().signed().canonicalEnvelope()).isEqualTo(slow.signed().entry().canonicalBytes());
        assertThat(fast.line().signed().entry()).isEqualTo(slow.signed().entry());
    }

    private static List<byte[]> entryLines(byte[] zip) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(BundleManifest.ENTRIES)) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    for (String l : text.split("\n")) {
                        out.add(l.getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return out;
    }
}
