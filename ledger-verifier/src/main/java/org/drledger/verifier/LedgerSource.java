package org.drledger.verifier;

import java.io.Closeable;
import java.io.IOException;
import org.drledger.core.bundle.BundleManifest;
import org.drledger.core.bundle.BundleReader;

/**
 * What {@link BundleVerifier} reads: the manifest and the lines of the bundle files ({@code trust.jsonl},
 * {@code entries.jsonl}, {@code checkpoints.jsonl}, {@code openings.jsonl}), each a stream that may be opened more
 * than once. A bundle ZIP is one source; a database read directly ({@link DatabaseSource}) is another, whose lines
 * are made from its rows in the same form.
 */
interface LedgerSource extends Closeable {
    BundleManifest manifest();

    Lines lines(String name) throws IOException;

    /** Whether the manifest describes the files' digests (a bundle does; a database has no manifest). */
    boolean describesFiles();

    /** One file's lines. */
    interface Lines extends Closeable {
        boolean hasNext();

        byte[] next();

        /** 1-based number of the line last returned. */
        long lineNumber();

        /** After the last line: what the manifest must say about the file (only if {@link #describesFiles()}). */
        BundleManifest.FileInfo actual();
    }

    /** A bundle ZIP. */
    static LedgerSource of(BundleReader reader) {
        return new LedgerSource() {
            @Override
            public BundleManifest manifest() {
                return reader.manifest();
            }

            @Override
            public Lines lines(String name) throws IOException {
                BundleReader.Lines l = reader.lines(name);
                return new Lines() {
                    @Override
                    public boolean hasNext() {
                        return l.hasNext();
                    }

                    @Override
                    public byte[] next() {
                        return l.next();
                    }

                    @Override
                    public long lineNumber() {
                        return l.lineNumber();
                    }

                    @Override
                    public BundleManifest.FileInfo actual() {
                        return l.actual();
                    }

                    @Override
                    public void close() throws IOException {
                        l.close();
                    }
                };
            }

            @Override
            public boolean describesFiles() {
                return true;
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }
}
