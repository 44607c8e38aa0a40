package org.drledger.core.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;

/**
 * Writes a {@code drl-bundle/1} ZIP (bundle-format.md) in one pass: the data files in the order
 * {@link BundleManifest#filesOf} gives, each line as it comes, then {@code manifest.json} with every file's digest.
 * Memory stays constant whatever the ledger's size, so the server can export from a cursor.
 *
 * <p>The writer does not verify what it is given; it only refuses lines out of section order or, in a full bundle,
 * leaf indexes that are not 0, 1, 2, …. Not thread-safe.
 */
public final class BundleWriter implements Closeable {
    /** A fixed timestamp for every ZIP entry: the same ledger exports to the same ZIP members. */
    private static final long ZIP_TIME = 315_532_800_000L + 86_400_000L; // 1980-01-02, inside the DOS range

    private final ZipOutputStream zip;
    private final BundleKind kind;
    private final String ledgerId;
    private final String suite;
    private final String origin;
    private final String logKey;
    private final ObjectNode subject;
    private final List<String> sections;
    private final List<BundleManifest.FileInfo> written = new ArrayList<>();
    private int section = -1;
    private HashAlgorithm.Hasher digest;
    private long bytes;
    private long lines;
    private long nextLeaf;
    private boolean finished;

    public BundleWriter(OutputStream out, BundleKind kind, String ledgerId, String suite, String origin,
                        String logKeyVkey, ObjectNode subject) {
        this.zip = new ZipOutputStream(out);
        this.kind = kind;
        this.ledgerId = ledgerId;
        this.suite = suite;
        this.origin = origin;
        this.logKey = logKeyVkey;
        this.subject = subject;
        this.sections = BundleManifest.filesOf(kind);
    }

    /** The genesis, key lifecycle and witness entries, in leaf order. */
    public void trust(BundleLines.EntryLine line) {
        requireProofForm(line);
        write(BundleManifest.TRUST, line.toCanonicalJson());
    }

    /** Full bundles: every entry in leaf order from 0. Partial bundles: the chosen entries in leaf order. */
    public void entry(BundleLines.EntryLine line) {
        requireProofForm(line);
        if (kind.isFull() && line.leafIndex() != nextLeaf) {
            throw new IllegalArgumentException("a full bundle holds every leaf in order: expected leaf " + nextLeaf
                    + ", got " + line.leafIndex());
        }
        write(BundleManifest.ENTRIES, line.toCanonicalJson());
        nextLeaf = line.leafIndex() + 1;
    }

    /** Checkpoints by increasing size; every one but the first carries the consistency proof from its predecessor. */
    public void checkpoint(BundleLines.CheckpointLine line) {
        write(BundleManifest.CHECKPOINTS, line.toCanonicalJson());
    }

    public void opening(BundleLines.OpeningLine line) {
        if (kind != BundleKind.AUDITOR_FULL) {
            throw new IllegalStateException("only an auditor-full bundle holds openings");
        }
        write(BundleManifest.OPENINGS, line.toCanonicalJson());
    }

    /** Closes the remaining sections (empty if never written) and writes the manifest. */
    public BundleManifest finish() {
        while (section < sections.size() - 1) {
            advance();
        }
        closeSection();
        BundleManifest m = new BundleManifest(kind, ledgerId, suite, origin, logKey, subject, written);
        try {
            put(BundleManifest.NAME, m.toCanonicalJson());
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finished = true;
        return m;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /**
     * Writes files exactly as given, manifest included: for test vectors and for building damaged bundles in tests.
     * Names are written in the map's order.
     */
    public static void writeRaw(OutputStream out, Map<String, byte[]> files) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setTime(ZIP_TIME);
                z.putNextEntry(e);
                z.write(f.getValue());
                z.closeEntry();
            }
        }
    }

    /** The manifest description of one data file's bytes. */
    public static BundleManifest.FileInfo describe(String name, byte[] content) {
        long n = 0;
        for (byte b : content) {
            if (b == '\n') {
                n++;
            }
        }
        return new BundleManifest.FileInfo(name, Hex.encode(HashAlgorithm.SHA_256.digest(content)), content.length, n);
    }

    private void requireProofForm(BundleLines.EntryLine line) {
        if (kind.isFull() != (line.inclusion() == null)) {
            throw new IllegalArgumentException(kind.isFull() ? "a full bundle carries no inclusion proofs"
                    : "every entry of a partial bundle carries an inclusion proof");
        }
    }

    private void write(String name, byte[] canonicalLine) {
        if (finished) {
            throw new IllegalStateException("bundle already finished");
        }
        int target = sections.indexOf(name);
        if (target < section) {
            throw new IllegalStateException(name + " after " + sections.get(section) + ": sections are written in order "
                    + sections);
        }
        while (section < target) {
            advance();
        }
        try {
            zip.write(canonicalLine);
            zip.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        digest.update(canonicalLine).update((byte) '\n');
        bytes += canonicalLine.length + 1L;
        lines++;
    }

    private void advance() {
        closeSection();
        section++;
        try {
            ZipEntry e = new ZipEntry(sections.get(section));
            e.setTime(ZIP_TIME);
            zip.putNextEntry(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        digest = HashAlgorithm.SHA_256.newHasher();
        bytes = 0;
        lines = 0;
    }

    private void closeSection() {
        if (digest == null) {
            return;
        }
        try {
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.add(new BundleManifest.FileInfo(sections.get(section), Hex.encode(digest.digest()), bytes, lines));
        digest = null;
    }

    private void put(String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(ZIP_TIME);
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }
}
