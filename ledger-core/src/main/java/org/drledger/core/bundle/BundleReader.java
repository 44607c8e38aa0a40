package org.drledger.core.bundle;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
        return new Lines(name, new BufferedInputStream(zip.getInputStream(e), 1 << 16));
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
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
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
                if (buf.size() > 0) {
                    digest.update(buf.toByteArray());
                }
                finalDigest = Hex.encode(digest.digest());
            }
            return new BundleManifest.FileInfo(name, finalDigest, bytes, lines);
        }

        private byte[] read() {
            buf.reset();
            try {
                int b;
                while ((b = in.read()) != -1) {
                    bytes++;
                    if (b == '\n') {
                        byte[] line = buf.toByteArray();
                        digest.update(line).update((byte) '\n');
                        return line;
                    }
                    if (buf.size() >= MAX_LINE_BYTES) {
                        throw new BundleFormatException("line-too-long", name + " line " + (lines + 1),
                                "a line longer than " + MAX_LINE_BYTES + " bytes");
                    }
                    buf.write(b);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            eof = true;
            if (buf.size() > 0) {
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
