package org.drledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.drledger.core.bundle.BundleManifest;
import org.drledger.core.bundle.LargeBundle;
import org.drledger.core.crypto.CryptoSuites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded memory, shown with a heap smaller than the data: a generated bundle whose {@code entries.jsonl} alone is
 * larger than the forked verifier's whole heap ({@code -Xmx}, default 48 MB) verifies there. A verifier that held
 * the entries (even as bytes, let alone as JSON trees) could not. Size and heap can be raised for a full-size run:
 * {@code -Ddrl.streaming.entries=1000000 -Ddrl.streaming.heap=512m} (docs/benchmarks.md).
 */
class StreamingTest {
    @TempDir
    Path dir;

    @Test
    void aBundleLargerThanTheHeapVerifiesInAForkedJvm() throws Exception {
        long entries = Long.getLong("drl.streaming.entries", 60_000);
        String heap = System.getProperty("drl.streaming.heap", "48m");
        Path bundle = dir.resolve("large.zip");
        long n = LargeBundle.write(bundle, CryptoSuites.ED25519_SHA256, entries, 20_000,
                Runtime.getRuntime().availableProcessors());
        long entryBytes;
        try (ZipFile z = new ZipFile(bundle.toFile())) {
            entryBytes = z.getEntry(BundleManifest.ENTRIES).getSize();
        }
        long heapBytes = parseHeap(heap);
        assertThat(entryBytes).as("entries.jsonl must exceed the heap to prove anything").isGreaterThan(heapBytes);

        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                "org.drledger.verifier.cli.Main", "verify", bundle.toString()))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        assertThat(text).contains("RESULT: VERIFIED").contains("PASS      entry.signature          " + n + " ok");
    }

    private static long parseHeap(String h) {
        long unit = switch (Character.toLowerCase(h.charAt(h.length() - 1))) {
            case 'g' -> 1L << 30;
            case 'm' -> 1L << 20;
            case 'k' -> 1L << 10;
            default -> 1;
        };
        return Long.parseLong(unit == 1 ? h : h.substring(0, h.length() - 1)) * unit;
    }
}
