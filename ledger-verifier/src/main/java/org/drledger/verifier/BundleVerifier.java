package org.drledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drledger.core.FormatException;
import org.drledger.core.bundle.BundleFormatException;
import org.drledger.core.bundle.BundleKind;
import org.drledger.core.bundle.BundleLines;
import org.drledger.core.bundle.BundleManifest;
import org.drledger.core.bundle.BundleReader;
import org.drledger.core.bytes.Hex;
import org.drledger.core.checkpoint.Checkpoint;
import org.drledger.core.checkpoint.CheckpointVerificationException;
import org.drledger.core.checkpoint.NoteKey;
import org.drledger.core.checkpoint.NoteVerifier;
import org.drledger.core.checkpoint.SignedNote;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.entry.Commitments;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.EntryVerificationException;
import org.drledger.core.entry.EntryVerifier;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.entry.StreamId;
import org.drledger.core.entry.TrustEntries;
import org.drledger.core.merkle.CompactRange;
import org.drledger.core.merkle.InvalidProofException;
import org.drledger.core.merkle.MerkleHasher;
import org.drledger.core.merkle.MerkleVerifier;

/**
 * Verifies a {@code drl-bundle/1} offline (bundle-format.md §6): the one entry point, {@link #verify}, returns a
 * {@link Report} naming every check, or throws {@link UnusableInputException} when the input is not a bundle it
 * can read at all. Memory is independent of the number of entries: entries stream through the kernel's
 * {@link EntryVerifier} (one tip per stream) and a {@link CompactRange}; only trust entries, checkpoints and
 * openings are held.
 *
 * <p>Order: manifest; trust entries (the key book must be complete before any entry is judged, because a key
 * compromise is recorded after the fact and reaches back); checkpoints and their consistency; entries in leaf
 * order against the keys, the chains and every checkpoint's root; then the digests and what is left.
 */
public final class BundleVerifier {
    /** Check names in report order. Entry and log names are those of ledger-format §4.6. */
    public static final List<String> CHECKS = List.of(
            "bundle.structure", "bundle.manifest", "bundle.genesis", "bundle.trust",
            "entry.canonical", "entry.ledger", "entry.hash", "entry.key", "entry.signature",
            "chain.sequence", "chain.prev", "log.leaf-order", "log.inclusion", "log.sealed",
            "checkpoint.signature", "checkpoint.origin", "checkpoint.root", "checkpoint.beyond-log",
            "checkpoint.consistency", "checkpoint.trusted", "cosignature.signature", "commitment.opening",
            "task.one-draw", "task.non-random", "task.timing", "task.randomness", "task.reveals", "task.population",
            "task.draw", "task.publication");

    private static final List<String> AUTHENTIC_CHECKS =
            List.of("entry.ledger", "entry.hash", "entry.key", "entry.signature");
    private static final List<String> FULL_ENTRY_CHECKS = List.of("entry.ledger", "entry.hash", "entry.key",
            "entry.signature", "chain.sequence", "chain.prev");

    /** What a caller brings besides the bundle. */
    public record Options(Optional<byte[]> trustedCheckpoint, int threads) {
        public Options {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
        }

        /** All cores. */
        public Options(Optional<byte[]> trustedCheckpoint) {
            this(trustedCheckpoint, Runtime.getRuntime().availableProcessors());
        }

        public static Options none() {
            return new Options(Optional.empty());
        }

        public Options withThreads(int n) {
            return new Options(trustedCheckpoint, n);
        }
    }

    /** Lines per batch handed to the workers; at most {@link #IN_FLIGHT} batches are read ahead. */
    static final int BATCH = 1024;
    static final int IN_FLIGHT = 3;

    /** The order-free work on one entry line, done on any core: parse, canonical form, hash, key, signature. */
    private record Checked(long lineNumber, String where, BundleLines.EntryLine line, RuntimeException parseError,
                           boolean canonical, EntryVerificationException authError, byte[] hash, byte[] leafHash) {
    }

    /** The tip of a stream for the chain check (ledger-format §4.4), as the kernel's EntryVerifier keeps it. */
    private record Tip(long seq, byte[] hash) {
    }

    private BundleVerifier() {
    }

    public static Report verify(Path bundle, Options options) throws UnusableInputException {
        try (LedgerSource source = LedgerSource.of(BundleReader.open(bundle))) {
            return new Run(source, options, bundle.getFileName().toString()).run();
        } catch (BundleFormatException e) {
            throw new UnusableInputException(e.rule(), e.where(), "not a usable drl-bundle/1: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UnusableInputException("unreadable", bundle.toString(), "cannot read " + bundle + ": "
                    + e.getMessage(), e);
        }
    }

    /** Verifies any source; {@code name} heads the report. Unreadable sources throw {@link UnusableInputException}. */
    static Report verify(LedgerSource source, String name, Options options) throws UnusableInputException {
        try {
            return new Run(source, options, name).run();
        } catch (BundleFormatException e) {
            throw new UnusableInputException(e.rule(), e.where(), "not a usable ledger: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UnusableInputException("unreadable", name, "cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private record VerifiedCp(long size, byte[] root, String text) {
    }

    /** One verification; holds the small state (trust, checkpoints, openings) and streams the rest. */
    private static final class Run {
        private final LedgerSource reader;
        private final Options options;
        private final BundleManifest manifest;
        private final Report report;
        private CryptoSuite suite;
        private NoteKey logKey;
        private MerkleHasher hasher;
        private final TrustEntries trust = new TrustEntries();
        private final Map<Long, byte[]> trustHashes = new HashMap<>();
        private final List<VerifiedCp> checkpoints = new ArrayList<>();
        private final Map<String, Commitments.Opening> openings = new HashMap<>();
        private final Map<String, Boolean> openingUsed = new HashMap<>();
        private final TaskChecks tasks;
        private VerifiedCp trusted;
        private boolean noManifestNoted;

        Run(LedgerSource reader, Options options, String name) {
            this.reader = reader;
            this.options = options;
            this.manifest = reader.manifest();
            this.report = new Report(name + " (" + manifest.kind().id() + ", ledger " + manifest.ledgerId() + ")",
                    CHECKS);
            this.tasks = new TaskChecks(report, manifest.kind().isFull(),
                    c -> Optional.ofNullable(openings.get(c)).map(o -> o.value().asText()));
        }

        Report run() throws IOException, UnusableInputException {
            report.pass("bundle.structure");
            try {
                suite = CryptoSuites.byId(manifest.suite());
                logKey = NoteKey.parseVkey(manifest.logKey());
            } catch (FormatException e) {
                throw new UnusableInputException(e.rule(), "manifest.json", "the manifest's suite or log key is "
                        + "unusable: " + e.getMessage(), e);
            }
            hasher = new MerkleHasher(suite.hash());
            readTrust();
            readCheckpoints();
            readTrusted();
            readOpenings();
            readEntries();
            finish();
            return report;
        }

        private void readTrust() throws IOException {
            try (LedgerSource.Lines lines = reader.lines(BundleManifest.TRUST)) {
                long prevLeaf = -1;
                while (lines.hasNext()) {
                    byte[] raw = lines.next();
                    String where = BundleManifest.TRUST + " line " + lines.lineNumber();
                    BundleLines.EntryLine line = parseEntry(raw, where);
                    if (line == null) {
                        continue;
                    }
                    if (line.leafIndex() <= prevLeaf) {
                        report.fail("bundle.trust", Report.Failure.at(where, "leaf index > " + prevLeaf,
                                String.valueOf(line.leafIndex()), "trust entries are not in leaf order"));
                        continue;
                    }
                    prevLeaf = line.leafIndex();
                    if (!TrustEntries.isTrustEntry(line.signed().entry().type())) {
                        report.fail("bundle.trust", Report.Failure.at(line.signed().entry(), line.leafIndex(),
                                "a genesis, key or witness entry", line.signed().entry().type(),
                                "trust.jsonl holds an entry that is not a trust entry"));
                        continue;
                    }
                    trustHashes.put(line.leafIndex(), line.signed().hash());
                    try {
                        if (!trust.accept(line.signed(), line.leafIndex())) {
                            report.note("trust entry at leaf " + line.leafIndex() + " is not authentic and was not "
                                    + "applied to the key book (its entry checks say why)");
                        }
                    } catch (FormatException e) {
                        report.fail("entry.key", Report.Failure.at(line.signed().entry(), line.leafIndex(),
                                "a trust entry that applies to the keys before it", e.rule(), e.getMessage()));
                    }
                }
                digest(lines);
            }
            Optional<TrustEntries.Genesis> g = trust.genesis();
            if (g.isEmpty()) {
                report.fail("bundle.genesis", Report.Failure.at(BundleManifest.TRUST, "LedgerInitialized at leaf 0",
                        "none", "no genesis entry: no key can be trusted"));
                return;
            }
            compare("ledger", manifest.ledgerId(), g.get().ledgerId());
            compare("suite", manifest.suite(), g.get().suite().id());
            compare("origin", manifest.origin(), g.get().origin());
            compare("logKey", manifest.logKey(), g.get().logKeyVkey());
        }

        private void compare(String field, String inManifest, String inGenesis) {
            if (inManifest.equals(inGenesis)) {
                report.pass("bundle.genesis");
            } else {
                report.fail("bundle.genesis", Report.Failure.at("manifest.json " + field, inGenesis, inManifest,
                        "the manifest's " + field + " differs from the signed genesis entry"));
            }
        }

        private void readCheckpoints() throws IOException {
            List<NoteKey> witnesses = new ArrayList<>(trust.witnesses().values());
            VerifiedCp prev = null;
            boolean anyCosigned = false;
            try (LedgerSource.Lines lines = reader.lines(BundleManifest.CHECKPOINTS)) {
                while (lines.hasNext()) {
                    byte[] raw = lines.next();
                    String where = BundleManifest.CHECKPOINTS + " line " + lines.lineNumber();
                    BundleLines.CheckpointLine line;
                    try {
                        line = BundleLines.checkpoint(raw, where);
                    } catch (BundleFormatException e) {
                        report.fail("bundle.structure", Report.Failure.at(where, "a checkpoint line", e.rule(),
                                e.getMessage()));
                        continue;
                    }
                    Checkpoint cp;
                    try {
                        cp = NoteVerifier.verifyCheckpoint(line.note(), logKey, List.of()).checkpoint();
                        report.pass("checkpoint.signature");
                        report.pass("checkpoint.origin");
                    } catch (CheckpointVerificationException e) {
                        String check = e.check().equals("checkpoint.origin") ? "checkpoint.origin"
                                : "checkpoint.signature";
                        report.fail(check, Report.Failure.at(where, e.expected(), e.computed(), e.getMessage()));
                        continue;
                    } catch (FormatException e) {
                        report.fail("checkpoint.signature", Report.Failure.at(where, "a checkpoint body", e.rule(),
                                e.getMessage()));
                        continue;
                    }
                    VerifiedCp v = new VerifiedCp(cp.size(), cp.root(), line.note().text());
                    String at = where + " (size " + cp.size() + ")";
                    try {
                        for (NoteVerifier.Verified w : NoteVerifier.verify(line.note(), witnesses)) {
                            anyCosigned = true;
                            report.pass("cosignature.signature");
                            report.note("checkpoint size " + cp.size() + " cosigned by witness " + w.key().name()
                                    + " at unix time " + w.time().orElse(-1));
                        }
                    } catch (CheckpointVerificationException e) {
                        report.fail("cosignature.signature", Report.Failure.at(at, e.expected(), e.computed(),
                                e.getMessage()));
                    }
                    if (prev != null) {
                        consistency(prev, v, line.consistency(), at);
                    } else if (line.consistency() != null && !line.consistency().isEmpty()) {
                        report.note(at + ": the first checkpoint's consistency proof is ignored");
                    }
                    checkpoints.add(v);
                    prev = v;
                }
                digest(lines);
            }
            if (!anyCosigned) {
                report.unchecked("cosignature.signature", witnesses.isEmpty() ? "the ledger registers no witness"
                        : "no checkpoint carries a cosignature by a registered witness");
            }
            if (checkpoints.isEmpty()) {
                report.unchecked("checkpoint.root", "the bundle holds no verified checkpoint: nothing binds its "
                        + "entries to a signed log");
            }
        }

        private void consistency(VerifiedCp a, VerifiedCp b, List<byte[]> proof, String at) {
            if (proof == null) {
                report.fail("checkpoint.consistency", Report.Failure.at(at, "a consistency proof from size " + a.size,
                        "none", "a checkpoint after the first carries no consistency proof"));
                return;
            }
            try {
                new MerkleVerifier(hasher).verifyConsistency(a.size, b.size, a.root, b.root, proof);
                report.pass("checkpoint.consistency");
            } catch (InvalidProofException e) {
                report.fail("checkpoint.consistency", Report.Failure.at(at + ", sizes " + a.size + " to " + b.size,
                        e.expected(), e.computed(), "the log is not append-only between these checkpoints: "
                                + e.getMessage()));
            }
        }

        private void readTrusted() throws UnusableInputException {
            if (options.trustedCheckpoint().isEmpty()) {
                report.unchecked("checkpoint.trusted", "no --trusted-checkpoint given: the bundle is checked "
                        + "against itself only");
                return;
            }
            try {
                SignedNote note = SignedNote.parse(options.trustedCheckpoint().get());
                Checkpoint cp = NoteVerifier.verifyCheckpoint(note, logKey, List.of()).checkpoint();
                trusted = new VerifiedCp(cp.size(), cp.root(), note.text());
            } catch (CheckpointVerificationException e) {
                report.fail("checkpoint.trusted", Report.Failure.at("--trusted-checkpoint", e.expected(),
                        e.computed(), "the trusted checkpoint is not signed by this bundle's log key: "
                                + e.getMessage()));
            } catch (FormatException e) {
                throw new UnusableInputException(e.rule(), "--trusted-checkpoint",
                        "the trusted checkpoint is not a signed checkpoint note: " + e.getMessage(), e);
            }
        }

        private void readOpenings() throws IOException {
            if (manifest.kind() != BundleKind.AUDITOR_FULL) {
                report.unchecked("commitment.opening", "a " + manifest.kind().id() + " bundle holds no vault openings");
                return;
            }
            try (LedgerSource.Lines lines = reader.lines(BundleManifest.OPENINGS)) {
                while (lines.hasNext()) {
                    String where = BundleManifest.OPENINGS + " line " + lines.lineNumber();
                    try {
                        BundleLines.OpeningLine o = BundleLines.opening(lines.next(), where);
                        openings.put(o.commitment(), o.opening());
                        openingUsed.put(o.commitment(), false);
                    } catch (BundleFormatException e) {
                        report.fail("bundle.structure", Report.Failure.at(where, "an opening line", e.rule(),
                                e.getMessage()));
                    }
                }
                digest(lines);
            }
        }

        /**
         * Entries in leaf order. The order-free work (parse, canonical form, hash, key validity, signature, leaf
         * hash) runs on {@link Options#threads()} workers, a batch of {@link #BATCH} lines at a time with a few
         * batches read ahead; everything that depends on order (leaf numbering, stream chains, the Merkle range and
         * the checkpoint roots, commitments, task facts, the report) runs on this thread, batch by batch, in order.
         * Memory: the batches in flight, independent of the number of entries.
         */
        private void readEntries() throws IOException {
            boolean full = manifest.kind().isFull();
            EntryVerifier authentic = new EntryVerifier(suite, manifest.ledgerId(), trust.keyBook());
            CompactRange range = new CompactRange(hasher);
            VerifiedCp anchor = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
            Map<StreamId, long[]> partialSeq = new HashMap<>();
            Map<StreamId, String> partialHash = new HashMap<>();
            Map<StreamId, Tip> tips = new HashMap<>();
            int nextCp = 0;
            long expectedLeaf = 0;
            long prevLeaf = -1;
            int threads = options.threads();
            ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "drl-verify");
                t.setDaemon(true);
                return t;
            }) : null;
            try (LedgerSource.Lines lines = reader.lines(BundleManifest.ENTRIES)) {
                Deque<List<Future<List<Checked>>>> inFlight = new ArrayDeque<>();
                boolean more = true;
                while (more || !inFlight.isEmpty()) {
                    while (more && inFlight.size() < (pool == null ? 1 : IN_FLIGHT)) {
                        List<byte[]> raws = new ArrayList<>(BATCH);
                        long firstLine = lines.lineNumber() + 1;
                        while (raws.size() < BATCH && lines.hasNext()) {
                            raws.add(lines.next());
                        }
                        more = lines.hasNext();
                        if (raws.isEmpty()) {
                            break;
                        }
                        inFlight.add(submit(pool, threads, raws, firstLine, full, authentic));
                    }
                    if (inFlight.isEmpty()) {
                        break;
                    }
                    for (Future<List<Checked>> f : inFlight.pollFirst()) {
                        for (Checked c : join(f)) {
                            if (c.line() == null) {
                                report.fail("bundle.structure", Report.Failure.at(c.where(), "a signed entry line",
                                        c.parseError() instanceof BundleFormatException b ? b.rule() : "unreadable",
                                        c.parseError().getMessage()));
                                if (full) {
                                    expectedLeaf++; // the leaf is lost; the next root comparison will show it
                                }
                                continue;
                            }
                            BundleLines.EntryLine line = c.line();
                            SignedEntry s = line.signed();
                            Entry e = s.entry();
                            long leaf = full ? expectedLeaf : line.leafIndex();
                            if (c.canonical()) {
                                report.pass("entry.canonical");
                            } else {
                                report.fail("entry.canonical", Report.Failure.at(e, leaf, "canonical JSON (RFC 8785)",
                                        "non-canonical bytes", "the stored line is not in canonical form"));
                            }
                            if (full ? line.leafIndex() != expectedLeaf : line.leafIndex() <= prevLeaf) {
                                report.fail("log.leaf-order", Report.Failure.at(e, leaf,
                                        full ? String.valueOf(expectedLeaf) : "> " + prevLeaf,
                                        String.valueOf(line.leafIndex()), "entries are not in leaf order"));
                            } else {
                                report.pass("log.leaf-order");
                            }
                            prevLeaf = line.leafIndex();
                            checkTrustCopy(s, leaf);
                            EntryVerificationException x = c.authError();
                            if (x == null && full) {
                                x = chain(tips, e, leaf, c.hash());
                            } else if (full) {
                                advance(tips, e, s.hash());
                            } else if (x == null) {
                                partialChain(s, leaf, partialSeq, partialHash);
                            }
                            if (x == null) {
                                for (String check : full ? FULL_ENTRY_CHECKS : AUTHENTIC_CHECKS) {
                                    report.pass(check);
                                }
                            } else {
                                report.fail(x.check(), Report.Failure.at(e, leaf, x.expected(), x.computed(),
                                        x.getMessage()));
                            }
                            commitments(e, e.payload(), leaf);
                            tasks.accept(e, leaf);
                            if (full) {
                                range.appendLeafHash(c.leafHash());
                                expectedLeaf++;
                                while (nextCp < checkpoints.size() && checkpoints.get(nextCp).size == range.size()) {
                                    root(checkpoints.get(nextCp++), range, "checkpoint.root");
                                }
                                if (trusted != null && trusted.size == range.size()) {
                                    root(trusted, range, "checkpoint.trusted");
                                }
                            } else {
                                inclusion(line, anchor);
                            }
                        }
                    }
                }
                digest(lines);
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
            boolean beyond = false;
            if (full) {
                if (trusted != null && trusted.size == 0) {
                    report.pass("checkpoint.trusted");
                }
                for (int i = nextCp; i < checkpoints.size(); i++) {
                    if (checkpoints.get(i).size == 0) {
                        continue;
                    }
                    beyond = true;
                    report.fail("checkpoint.beyond-log", Report.Failure.at("checkpoint of size "
                                    + checkpoints.get(i).size, "at least " + checkpoints.get(i).size + " entries",
                            expectedLeaf + " entries", "a signed checkpoint is larger than the log: the tail was "
                                    + "deleted or truncated"));
                }
                if (!beyond && !checkpoints.isEmpty()) {
                    report.pass("checkpoint.beyond-log");
                }
                if (trusted != null && trusted.size > expectedLeaf) {
                    report.fail("checkpoint.trusted", Report.Failure.at("--trusted-checkpoint size " + trusted.size,
                            "at least " + trusted.size + " entries", expectedLeaf + " entries",
                            "the bundle's log is shorter than a checkpoint you trust: it was rolled back"));
                }
                long sealed = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).size;
                if (expectedLeaf > sealed) {
                    report.unchecked("log.sealed", (expectedLeaf - sealed) + " entries after leaf " + (sealed - 1)
                            + " are covered by no signed checkpoint");
                } else {
                    report.pass("log.sealed");
                }
                for (Long leaf : trustHashes.keySet()) {
                    report.fail("bundle.trust", Report.Failure.at("trust.jsonl leaf " + leaf, "an entry at leaf " + leaf,
                            "none", "trust.jsonl names a leaf the log does not hold"));
                }
                report.unchecked("log.inclusion", "a full bundle is checked against the roots directly");
            } else {
                report.unchecked("checkpoint.root", "a partial bundle proves inclusion instead of recomputing roots");
                report.unchecked("checkpoint.beyond-log", "a partial bundle does not hold the whole log");
                report.unchecked("chain.sequence", "a partial bundle holds only some entries of a stream; links are "
                        + "checked between consecutive entries only");
                report.unchecked("bundle.trust", "a partial bundle cannot prove that no key entry was left out");
                report.pass("log.sealed");
                if (trusted != null) {
                    boolean same = false;
                    for (VerifiedCp c : checkpoints) {
                        if (c.size == trusted.size) {
                            same = true;
                            rootEquals(trusted, c.root, "checkpoint.trusted");
                        }
                    }
                    if (!same) {
                        report.unchecked("checkpoint.trusted", "the bundle has no checkpoint of the trusted size "
                                + trusted.size + " and no consistency proof to it");
                    }
                }
            }
            for (Map.Entry<String, Boolean> o : openingUsed.entrySet()) {
                if (!o.getValue()) {
                    report.fail("commitment.opening", Report.Failure.at(BundleManifest.OPENINGS,
                            "an entry carrying commitment " + o.getKey(), "none",
                            "an opening for a commitment that no entry carries"));
                }
            }
            List<TaskChecks.SignedCheckpoint> times = new ArrayList<>();
            for (VerifiedCp c : checkpoints) {
                times.add(new TaskChecks.SignedCheckpoint(c.size, Checkpoint.parse(c.text).time().orElse(null)));
            }
            tasks.finish(times, full ? expectedLeaf : prevLeaf + 1, full ? this::replay : null);
        }

        /** The entries again, in leaf order, only those the freeze reads (a byte search skips the rest unparsed). */
        private void replay(TaskChecks.EntrySink sink) throws IOException {
            try (LedgerSource.Lines lines = reader.lines(BundleManifest.ENTRIES)) {
                long leaf = 0;
                while (lines.hasNext()) {
                    byte[] raw = lines.next();
                    long at = leaf++;
                    if (!FreezeFilter.mayMatter(raw)) {
                        sink.accept(at, "", null);
                        continue;
                    }
                    try {
                        Entry e = BundleLines.entry(raw, "replay").signed().entry();
                        sink.accept(at, e.type(), e.payload());
                    } catch (BundleFormatException e) {
                        sink.accept(at, "", null); // reported in the first pass
                    }
                }
            }
        }

        private List<Future<List<Checked>>> submit(ExecutorService pool, int threads, List<byte[]> raws,
                                                    long firstLine, boolean full, EntryVerifier authentic) {
            List<Future<List<Checked>>> out = new ArrayList<>();
            int chunk = pool == null ? raws.size() : Math.max(64, (raws.size() + threads - 1) / threads);
            for (int from = 0; from < raws.size(); from += chunk) {
                int a = from;
                int b = Math.min(raws.size(), from + chunk);
                Callable<List<Checked>> work = () -> {
                    MerkleHasher h = new MerkleHasher(suite.hash()); // not thread-safe: one per task
                    List<Checked> done = new ArrayList<>(b - a);
                    for (int i = a; i < b; i++) {
                        done.add(check(raws.get(i), firstLine + i, full, authentic, h));
                    }
                    return done;
                };
                if (pool == null) {
                    FutureTask<List<Checked>> t = new FutureTask<>(work);
                    t.run();
                    out.add(t);
                } else {
                    out.add(pool.submit(work));
                }
            }
            return out;
        }

        /** Parse, canonical form, hash, key and signature of one line: no order, no shared mutable state. */
        private static Checked check(byte[] raw, long lineNumber, boolean full, EntryVerifier authentic,
                                     MerkleHasher h) {
            String where = BundleManifest.ENTRIES + " line " + lineNumber;
            BundleLines.CheckedEntryLine checked;
            try {
                checked = BundleLines.checkedEntry(raw, where);
            } catch (RuntimeException e) {
                return new Checked(lineNumber, where, null, e, false, null, null, null);
            }
            BundleLines.EntryLine line = checked.line();
            SignedEntry s = line.signed();
            long position = full ? lineNumber - 1 : line.leafIndex();
            byte[] hash = null;
            EntryVerificationException error = null;
            try {
                hash = authentic.verifyAuthentic(s, position);
            } catch (EntryVerificationException x) {
                error = x;
            }
            return new Checked(lineNumber, where, line, null, checked.canonical(), error, hash,
                    full ? h.leafHash(s.leafData()) : null);
        }

        private static List<Checked> join(Future<List<Checked>> f) throws IOException {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IOException(e.getCause());
            }
        }

        /**
         * The stream chain of a full log (ledger-format §4.4), on the hash the workers recomputed: contiguous
         * sequence from 0, {@code prev} = the previous entry's hash. Unlike the kernel's EntryVerifier, a failing
         * entry still moves its stream's tip, to its <em>stored</em> hash and only forward (as the server's
         * self-check does): the successor of an altered entry links to the hash its signer saw, so one altered,
         * dropped or unlinked entry is reported once instead of failing every later entry of its stream.
         */
        private static EntryVerificationException chain(Map<StreamId, Tip> tips, Entry e, long leaf, byte[] hash) {
            String where = "stream " + e.stream() + " seq " + e.seq() + " (leaf " + leaf + ")";
            Tip tip = tips.get(e.stream());
            long expectedSeq = tip == null ? 0 : tip.seq() + 1;
            EntryVerificationException error = null;
            if (e.seq() != expectedSeq) {
                error = new EntryVerificationException("chain.sequence", where, String.valueOf(expectedSeq),
                        String.valueOf(e.seq()), "stream sequence is not contiguous");
            } else {
                String expectedPrev = tip == null ? Entry.GENESIS_PREV : Hex.encode(tip.hash());
                if (!expectedPrev.equals(e.prev())) {
                    error = new EntryVerificationException("chain.prev", where, expectedPrev, e.prev(),
                            "prev does not link to the stream's previous entry");
                }
            }
            advance(tips, e, hash);
            return error;
        }

        /** Moves the stream's tip to this entry, never back: an entry out of order is reported, not followed. */
        private static void advance(Map<StreamId, Tip> tips, Entry e, byte[] storedHash) {
            Tip tip = tips.get(e.stream());
            if (tip == null || e.seq() > tip.seq()) {
                tips.put(e.stream(), new Tip(e.seq(), storedHash));
            }
        }

        private void checkTrustCopy(SignedEntry s, long leaf) {
            boolean isTrust = TrustEntries.isTrustEntry(s.entry().type());
            byte[] copy = trustHashes.remove(leaf);
            if (!manifest.kind().isFull()) {
                return;
            }
            if (isTrust && (copy == null || !Arrays.equals(copy, s.hash()))) {
                report.fail("bundle.trust", Report.Failure.at(s.entry(), leaf, "the same entry in trust.jsonl",
                        copy == null ? "absent" : Hex.encode(copy), "a trust entry of the log is missing from, or "
                                + "differs in, trust.jsonl: the key book would be wrong"));
            } else if (!isTrust && copy != null) {
                report.fail("bundle.trust", Report.Failure.at(s.entry(), leaf, "no trust entry at this leaf",
                        Hex.encode(copy), "trust.jsonl names an entry the log does not hold"));
            } else if (isTrust) {
                report.pass("bundle.trust");
            }
        }

        private void partialChain(SignedEntry s, long leaf, Map<StreamId, long[]> seqs, Map<StreamId, String> hashes) {
            Entry e = s.entry();
            long[] last = seqs.get(e.stream());
            if (last != null && last[0] + 1 == e.seq()) {
                String expected = hashes.get(e.stream());
                if (expected.equals(e.prev())) {
                    report.pass("chain.prev");
                } else {
                    report.fail("chain.prev", Report.Failure.at(e, leaf, expected, e.prev(),
                            "prev does not link to the stream's previous entry"));
                }
            } else if (last != null && e.seq() <= last[0]) {
                report.fail("chain.sequence", Report.Failure.at(e, leaf, "> " + last[0], String.valueOf(e.seq()),
                        "stream sequence goes backwards"));
            }
            seqs.put(e.stream(), new long[]{e.seq()});
            hashes.put(e.stream(), s.hashHex());
        }

        private void inclusion(BundleLines.EntryLine line, VerifiedCp anchor) {
            Entry e = line.signed().entry();
            if (anchor == null) {
                report.fail("log.inclusion", Report.Failure.at(e, line.leafIndex(), "a verified checkpoint", "none",
                        "no signed checkpoint to prove inclusion against"));
                return;
            }
            try {
                new MerkleVerifier(hasher).verifyInclusion(line.leafIndex(), anchor.size,
                        hasher.leafHash(line.signed().leafData()), line.inclusion(), anchor.root);
                report.pass("log.inclusion");
            } catch (InvalidProofException x) {
                report.fail("log.inclusion", Report.Failure.at(e, line.leafIndex(), x.expected(), x.computed(),
                        "not included in the checkpoint of size " + anchor.size + ": " + x.getMessage()));
            }
        }

        private void root(VerifiedCp cp, CompactRange range, String check) {
            rootEquals(cp, range.root(), check);
        }

        private void rootEquals(VerifiedCp cp, byte[] computed, String check) {
            if (Arrays.equals(cp.root, computed)) {
                report.pass(check);
            } else {
                report.fail(check, Report.Failure.at("checkpoint of size " + cp.size, Hex.encode(cp.root),
                        Hex.encode(computed), "the root recomputed from the entries in leaf order differs from "
                                + "the signed root"));
            }
        }

        private void commitments(Entry e, JsonNode node, long leaf) {
            if (openings.isEmpty() || node == null) {
                return;
            }
            if (Commitments.isCommitment(node)) {
                String c = node.get(Commitments.FIELD).textValue();
                Commitments.Opening o = openings.get(c);
                if (o != null) {
                    openingUsed.put(c, true);
                    try {
                        Commitments.verify(suite.hash(), node, o);
                        report.pass("commitment.opening");
                    } catch (EntryVerificationException x) {
                        report.fail("commitment.opening", Report.Failure.at(e, leaf, x.expected(), x.computed(),
                                x.getMessage()));
                    }
                }
                return;
            }
            if (node.isContainerNode()) {
                node.forEach(child -> commitments(e, child, leaf));
            }
        }

        private BundleLines.EntryLine parseEntry(byte[] raw, String where) {
            try {
                return BundleLines.entry(raw, where);
            } catch (BundleFormatException e) {
                report.fail("bundle.structure", Report.Failure.at(where, "a signed entry line", e.rule(),
                        e.getMessage()));
                return null;
            }
        }

        private void digest(LedgerSource.Lines lines) {
            if (!reader.describesFiles()) {
                if (!noManifestNoted) {
                    noManifestNoted = true;
                    report.unchecked("bundle.manifest", "a database has no manifest; its rows are read directly");
                }
                return;
            }
            BundleManifest.FileInfo actual = lines.actual();
            BundleManifest.FileInfo claimed = manifest.file(actual.name()).orElseThrow();
            if (claimed.equals(actual)) {
                report.pass("bundle.manifest");
            } else {
                report.fail("bundle.manifest", Report.Failure.at(actual.name(), describe(claimed), describe(actual),
                        "the file differs from the manifest's description (damaged or incomplete)"));
            }
        }

        private static String describe(BundleManifest.FileInfo f) {
            return "sha256 " + f.sha256() + ", " + f.bytes() + " bytes, " + f.lines() + " lines";
        }

        private void finish() {
            if (!manifest.kind().isFull() && checkpoints.isEmpty()) {
                report.fail("log.inclusion", Report.Failure.at(BundleManifest.CHECKPOINTS, "a signed checkpoint",
                        "none", "a partial bundle needs a checkpoint to prove inclusion against"));
            }
        }
    }
}
