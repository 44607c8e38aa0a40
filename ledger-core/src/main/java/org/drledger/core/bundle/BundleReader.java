package org.drledger.core.bundle;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;

/**
 * Reads a {@code drl-bundle/1} ZIP without loading its data files: the manifest is parsed on open, each data file
 * is streamed line by line while its digest, length and line count are computed, so a caller compares them with
 * the manifest when the stream ends. Needs random access to the ZIP (its central directory), not memory.
 */
public final class BundleReader implements Closeable {
    /** Longest line accepted; bounds memory on hostile input. An entry line is far smaller. */
    public static final int MAX_LINE_BYTES = 16 << 20;
    public static final int MAX_MANIFEST_BYTES = 1 << 20;

    private final ZipFile zip;
    private final BundleManifest manifest;

    private BundleReader(ZipFile zip) throws IOException {
        this.zip = zip;
        Set<String> names = new HashSet<>();
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            String n = en.nextElement().getName();
            if (!names.add(n)) {
                throw new BundleFormatException("duplicate-file", n, "the ZIP holds " + n + " twice");
            }
        }
        ZipEntry m = zip.getEntry(BundleManifest.NAME);
        if (m == null) {
            throw new BundleFormatException("missing-file", BundleManifest.NAME, "no manifest");
        }
        byte[] mb;
        try (InputStream in = zip.getInputStream(m)) {
            mb = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        }
        if (mb.length > MAX_MANIFEST_BYTES) {
            throw new BundleFormatException("bad-manifest", BundleManifest.NAME, "manifest larger than 1 MiB");
        }
        this.manifest = BundleManifest.parse(mb);
        Set<String> allowed = new HashSet<>(BundleManifest.filesOf(manifest.kind()));
        allowed.add(BundleManifest.NAME);
        for (String n : names) {
            if (!allowed.contains(n)) {
                throw new BundleFormatException("unexpected-file", n, "a " + manifest.kind().id()
                        + " bundle holds no file " + n);
            }
        }
        for (String n : allowed) {
            if (!names.contains(n)) {
                throw new BundleFormatException("missing-file", n, "the bundle lacks " + n);
            }
        }
    }

    public static BundleReader open(Path path) throws IOException {
        ZipFile z;
        try {
            z = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new BundleFormatException("not-a-zip", path.getFileName().toString(),
                    "not a ZIP file: " + e.getMessage(), e);
        }
        try {
            return new BundleReader(z);
        } catch (RuntimeException | IOException e) {
            z.close();
            throw e;
        }
    }

    public BundleManifest manifest() {
        return manifest;
    }

    /** Streams the lines of one data file. */
    public Lines lines(String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new BundleFormatException("missing-file", name, "the bundle lacks " + name);
        }
        return new Lines(name, zip.getInputStream(e));
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /**
     * The lines of one file, without their {@code \n}. {@link #actual()} describes the bytes read so far; after the
     * last line it is what the manifest must claim.
     */
    public static final class Lines implements Iterator<byte[]>, Closeable {
        private final String name;
        private final InputStream in;
        private final HashAlgorithm.Hasher digest = HashAlgorithm.SHA_256.newHasher();
        private final byte[] chunk = new byte[1 << 16];
        private int pos;
        private int limit;
        private byte[] line = new byte[4096];
        private int pending;
        private long bytes;
        private long lines;
        private byte[] next;
        private boolean eof;
        private String finalDigest;

        private Lines(String name, InputStream in) {
            this.name = name;
            this.in = in;
        }

        /** 1-based number of the line last returned. */
        public long lineNumber() {
            return lines;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !eof) {
                next = read();
            }
            return next != null;
        }

        @Override
        public byte[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            byte[] out = next;
            next = null;
            lines++;
            return out;
        }

        /** Call once the last line was read: what the manifest must say about this file. */
        public BundleManifest.FileInfo actual() {
            if (finalDigest == null) {
                if (pending > 0) {
                    digest.update(line, 0, pending);
                }
                finalDigest = Hex.encode(digest.digest());
            }
            return new BundleManifest.FileInfo(name, finalDigest, bytes, lines);
        }

        /**
         * Scans a 64 KiB chunk for the newline instead of reading byte by byte: the entry file of a million-entry
         * bundle is read on the verifier's one in-order thread, so this loop bounds its throughput.
         */
        private byte[] read() {
            int lineLength = 0;
            try {
                while (true) {
                    if (pos == limit) {
                        int n = in.read(chunk);
                        if (n == -1) {
                            break;
                        }
                        pos = 0;
                        limit = n;
                    }
                    int start = pos;
                    int nl = -1;
                    for (int i = start; i < limit; i++) {
                        if (chunk[i] == '\n') {
                            nl = i;
                            break;
                        }
                    }
                    int end = nl == -1 ? limit : nl;
                    int take = end - start;
                    if (lineLength + take > MAX_LINE_BYTES) {
                        throw new BundleFormatException("line-too-long", name + " line " + (lines + 1),
                                "a line longer than " + MAX_LINE_BYTES + " bytes");
                    }
                    if (lineLength + take > line.length) {
                        line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES,
                                Math.max(lineLength + take, line.length * 2)));
                    }
                    System.arraycopy(chunk, start, line, lineLength, take);
                    lineLength += take;
                    if (nl != -1) {
                        pos = nl + 1;
                        bytes += take + 1L;
                        byte[] out = Arrays.copyOf(line, lineLength);
                        digest.update(out).update((byte) '\n');
                        return out;
                    }
                    pos = limit;
                    bytes += take;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            eof = true;
            pending = lineLength;
            if (lineLength > 0) {
                throw new BundleFormatException("no-final-newline", name + " line " + (lines + 1),
                        "the last line does not end with a newline");
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
