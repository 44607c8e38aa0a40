package org.drledger.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line reader against a literal split of the same bytes, across its 64 KiB read chunks. */
class BundleReaderTest {
    @TempDir
    Path dir;

    @Test
    void linesOfEveryLengthComeBackExactlyWithTheFilesDigest() throws Exception {
        Random random = new Random(20261128L);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        int[] lengths = {0, 1, 65_535, 65_536, 65_537, 0, 3, 200_000, 131_071, 7, 0};
        for (int length : lengths) {
            byte[] line = new byte[length];
            for (int i = 0; i < length; i++) {
                line[i] = (byte) ('a' + random.nextInt(26));
            }
            content.writeBytes(line);
            content.write('\n');
        }
        content.writeBytes("检查对象 统一社会信用代码\n".getBytes(StandardCharsets.UTF_8));
        byte[] file = content.toByteArray();
        List<byte[]> expected = literalSplit(file);

        try (BundleReader r = BundleReader.open(bundleWithEntries(file));
             BundleReader.Lines lines = r.lines(BundleManifest.ENTRIES)) {
            List<byte[]> read = new ArrayList<>();
            while (lines.hasNext()) {
                read.add(lines.next());
                assertThat(lines.lineNumber()).isEqualTo(read.size());
            }
            assertThat(read).hasSameSizeAs(expected);
            for (int i = 0; i < read.size(); i++) {
                assertThat(read.get(i)).as("line %d", i + 1).isEqualTo(expected.get(i));
            }
            BundleManifest.FileInfo actual = lines.actual();
            assertThat(actual.sha256()).isEqualTo(sha256(file));
            assertThat(actual.bytes()).isEqualTo(file.length);
            assertThat(actual.lines()).isEqualTo(expected.size());
        }
    }

    @Test
    void aLastLineWithoutNewlineIsRefusedAndStillCountedInTheDigest() throws Exception {
        byte[] file = "{\"a\":1}\n{\"b\":2}".getBytes(StandardCharsets.UTF_8);
        try (BundleReader r = BundleReader.open(bundleWithEntries(file));
             BundleReader.Lines lines = r.lines(BundleManifest.ENTRIES)) {
            assertThat(lines.next()).isEqualTo("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(lines::hasNext).isInstanceOfSatisfying(BundleFormatException.class,
                    e -> assertThat(e.rule()).isEqualTo("no-final-newline"));
            assertThat(lines.actual().sha256()).isEqualTo(sha256(file));
            assertThat(lines.actual().bytes()).isEqualTo(file.length);
        }
    }

    @Test
    void aLineLongerThanTheLimitIsRefused() throws Exception {
        byte[] file = new byte[BundleReader.MAX_LINE_BYTES + 2];
        Arrays.fill(file, (byte) 'x');
        file[file.length - 1] = '\n';
        try (BundleReader r = BundleReader.open(bundleWithEntries(file));
             BundleReader.Lines lines = r.lines(BundleManifest.ENTRIES)) {
            assertThatThrownBy(lines::hasNext).isInstanceOfSatisfying(BundleFormatException.class,
                    e -> assertThat(e.rule()).isEqualTo("line-too-long"));
        }
        byte[] longest = new byte[BundleReader.MAX_LINE_BYTES + 1];
        Arrays.fill(longest, (byte) 'y');
        longest[longest.length - 1] = '\n';
        try (BundleReader r = BundleReader.open(bundleWithEntries(longest));
             BundleReader.Lines lines = r.lines(BundleManifest.ENTRIES)) {
            assertThat(lines.next()).hasSize(BundleReader.MAX_LINE_BYTES);
            assertThat(lines.hasNext()).isFalse();
        }
    }

    /** The slow reference: split at every newline byte; the bytes after the last newline are not a line. */
    private static List<byte[]> literalSplit(byte[] file) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n') {
                out.add(Arrays.copyOfRange(file, start, i));
                start = i + 1;
            }
        }
        return out;
    }

    /** A real bundle whose entries.jsonl is replaced: the reader streams lines, the caller checks the manifest. */
    private Path bundleWithEntries(byte[] entries) throws Exception {
        byte[] original = new BundleScenario(CryptoSuites.ED25519_SHA256).fullBundle(BundleKind.PUBLIC_LEDGER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(original));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(e.getName().equals(BundleManifest.ENTRIES) ? entries : data);
                zip.closeEntry();
            }
        }
        Path p = Files.createTempFile(dir, "b", ".zip");
        Files.write(p, out.toByteArray());
        return p;
    }

    private static String sha256(byte[] b) throws Exception {
        return Hex.encode(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
