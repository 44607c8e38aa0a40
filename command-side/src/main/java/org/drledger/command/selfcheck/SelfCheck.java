package org.drledger.command.selfcheck;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.drledger.command.ledger.LedgerMetaData;
import org.drledger.command.ledger.StoredEntry;
import org.drledger.command.selfcheck.Findings.Where;
import org.drledger.core.FormatException;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.EntryVerificationException;
import org.drledger.core.entry.KeyBook;
import org.drledger.core.entry.LedgerHashing;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.entry.StreamId;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.merkle.CompactRange;
import org.drledger.core.merkle.MerkleHasher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Re-verifies the ledger from the database alone, with the kernel for all cryptography: every entry in leaf order
 * (hash, key validity at its position, signature, stream chain), every leaf hash, every checkpoint's root
 * (recomputed from the leaves), its log signature and its witness cosignatures. Reports every finding with its
 * location and does not stop at the first one. Reads page by page: memory grows with the number of streams and
 * keys, not with the ledger.
 *
 * <p>Every checkpoint's root is recomputed from the same sequence of leaves, so consecutive checkpoints are
 * consistent exactly when each of them verifies; no consistency proof is needed. A checkpoint larger than the log
 * is reported as {@code checkpoint.beyond-log} (the tail was deleted or truncated).
 *
 * <p>Safe to run while the ledger is being written: the checkpoint bound, the sealer position and the leaf bound
 * are read in that order before anything else, so everything the run judges was committed before it looked (a
 * checkpoint is only signed over leaves already committed, and the sealer commits leaves with its token).
 */
@Service
public class SelfCheck {
    static final int PAGE = 500;
    static final int MAX_FINDINGS = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SelfCheck(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public SelfCheckReport run() {
        return new Run(new LedgerRows(jdbc, PAGE), new Findings(MAX_FINDINGS)).execute();
    }

    /** The state of one run. */
    private final class Run {
        private final LedgerRows rows;
        private final Findings findings;
        private LedgerRows.LedgerInfo info;
        private CryptoSuite suite;
        private MerkleHasher hasher;
        private StreamChains chains;
        private CheckpointChecks checkpoints;
        private long leaves;
        private long entries;
        private long unsealed;
        private int keyCount;

        Run(LedgerRows rows, Findings findings) {
            this.rows = rows;
            this.findings = findings;
        }

        SelfCheckReport execute() {
            List<LedgerRows.LedgerInfo> infos = rows.ledgerInfo();
            if (infos.isEmpty()) {
                findings.unchecked("the ledger has no genesis entry yet");
                return report();
            }
            info = infos.get(0);
            try {
                suite = CryptoSuites.byId(info.suite());
            } catch (FormatException e) {
                findings.error("row.metadata", nowhere(), "a known crypto suite", info.suite(),
                        "ledger_info.suite is unknown; nothing can be verified");
                return report();
            }
            hasher = new MerkleHasher(suite.hash());
            // Bounds first, in this order (see the class comment).
            long checkpointBound = rows.checkpointBound();
            Optional<LedgerRows.SealerPosition> sealer = rows.sealerPosition();
            long leafBound = rows.leafBound();

            KeyBook keys = new KeyLifecycle(rows, suite, info, findings).build(leafBound);
            keyCount = keys.all().size();
            chains = new StreamChains(suite, info.ledgerId(), keys);
            checkpoints = new CheckpointChecks(rows, findings, KeyLifecycle.logKey(info, findings));
            walkLog(leafBound, checkpointBound);
            eventsWithoutLeaf(sealer);
            return report();
        }

        /** Second pass: leaves in order, entries, leaf hashes and the checkpoints as the tree reaches their size. */
        private void walkLog(long leafBound, long checkpointBound) {
            CompactRange range = new CompactRange(hasher);
            CheckpointCursor cps = new CheckpointCursor(checkpointBound);
            checkpointsAt(cps, range);
            long expected = 0;
            Long hole = null;
            long previousGlobal = -1;
            long after = -1;
            while (true) {
                List<LedgerRows.LeafRow> page = rows.leaves(after, leafBound);
                if (page.isEmpty()) {
                    break;
                }
                for (LedgerRows.LeafRow leaf : page) {
                    after = leaf.leafIndex();
                    leaves++;
                    if (leaf.leafIndex() != expected) {
                        missingLeaves(expected, leaf.leafIndex());
                        if (hole == null) {
                            hole = expected;
                        }
                    }
                    expected = leaf.leafIndex() + 1;
                    if (leaf.globalIndex() <= previousGlobal) {
                        // Leaf order is stored, not derived: concurrent writers can commit a lower global index
                        // after a higher one and the sealer then logs it later. Content order is what the chains,
                        // leaf hashes and checkpoints protect, so this alone is a warning.
                        findings.warning("log.leaf-order", new Where(null, leaf.aggregateId(), leaf.sequence(),
                                        leaf.leafIndex(), leaf.globalIndex(), null),
                                "a global index above " + previousGlobal, String.valueOf(leaf.globalIndex()),
                                "leaf order is not global index order");
                    }
                    previousGlobal = leaf.globalIndex();
                    byte[] treeLeaf = leaf(leaf);
                    if (hole == null && treeLeaf.length != MerkleHasher.HASH_LENGTH) {
                        findings.error("log.leaf-hash", Where.leaf(leaf.leafIndex()), MerkleHasher.HASH_LENGTH + " bytes",
                                treeLeaf.length + " bytes", "the stored leaf hash is unusable and the entry unreadable");
                        hole = leaf.leafIndex();
                    }
                    if (hole == null) {
                        range.appendLeafHash(treeLeaf);
                        checkpointsAt(cps, range);
                    }
                }
            }
            // Checkpoints the walk did not reach: beyond the log (tail deleted or truncated) or behind a hole.
            for (LedgerRows.CheckpointRow cp = cps.next(); cp != null; cp = cps.next()) {
                if (cp.treeSize() > expected) {
                    Where where = new Where(null, null, null, expected, null, cp.treeSize());
                    findings.error("checkpoint.beyond-log", where, cp.treeSize() + " leaves", expected + " leaves",
                            "the checkpoint covers leaves the log no longer has: tail deleted or truncated from leaf "
                                    + expected);
                    checkpoints.check(cp, null, null, expected);
                } else {
                    checkpoints.check(cp, null, "the root cannot be recomputed: leaf " + hole
                            + " is missing or unusable", hole);
                }
            }
        }

        private void checkpointsAt(CheckpointCursor cps, CompactRange range) {
            while (cps.peek() != null && cps.peek().treeSize() <= range.size()) {
                LedgerRows.CheckpointRow cp = cps.next();
                checkpoints.check(cp, range.root(), null, null);
            }
        }

        private void missingLeaves(long from, long toExclusive) {
            long shown = Math.min(toExclusive, from + 100);
            for (long i = from; i < shown; i++) {
                findings.error("log.missing-leaf", Where.leaf(i), "a leaf at index " + i, "none",
                        "leaf indexes are not contiguous: leaf " + i + " is missing");
            }
            if (shown < toExclusive) {
                findings.error("log.missing-leaf", Where.leaf(shown), "leaves " + shown + " to " + (toExclusive - 1),
                        "none", (toExclusive - shown) + " more leaves are missing");
            }
        }

        /** Checks one leaf and its entry; returns the leaf hash to put into the recomputed tree. */
        private byte[] leaf(LedgerRows.LeafRow leaf) {
            StoredEntry.Row row = leaf.event();
            if (row == null) {
                // The log still has the leaf hash, so the checkpoints stay checkable around the missing entry.
                findings.error("log.missing-event", new Where(null, leaf.aggregateId(), leaf.sequence(),
                                leaf.leafIndex(), leaf.globalIndex(), null), "event row " + leaf.globalIndex(), "none",
                        "the leaf's event row is missing (entry " + leaf.entryHash() + ")");
                return leaf.leafHash();
            }
            if (!row.aggregateId().equals(leaf.aggregateId()) || row.sequence() != leaf.sequence()) {
                findings.error("log.leaf-order", Where.row(row, leaf.leafIndex()),
                        leaf.aggregateId() + "#" + leaf.sequence(), row.aggregateId() + "#" + row.sequence(),
                        "the leaf names another entry than the event row it points at");
            }
            SignedEntry signed;
            try {
                signed = StoredEntry.rebuild(row, info.ledgerId());
            } catch (StoredEntry.UnreadableEntry e) {
                findings.error("row.unreadable", Where.row(row, leaf.leafIndex()), "a readable ledger entry",
                        "unreadable", e.getMessage());
                try {
                    chains.skip(new StreamId(row.aggregateType(), row.aggregateId()), row.sequence(), leaf.entryHash());
                } catch (FormatException notAStream) {
                    // no stream to continue: its successors report the break
                }
                return leaf.leafHash();
            }
            entries++;
            Where where = Where.entry(signed.entry(), leaf.leafIndex(), row.globalIndex());
            storedForm(row, signed, where);
            for (EntryVerificationException x : chains.verify(signed, leaf.leafIndex())) {
                findings.error(x, where);
            }
            byte[] entryHash = LedgerHashing.entryHash(suite.hash(), signed.canonicalEnvelope());
            byte[] leafHash = hasher.leafHash(LedgerHashing.leafData(entryHash, signed.signature()));
            if (!Arrays.equals(leafHash, leaf.leafHash())) {
                findings.error("log.leaf-hash", where, Hex.encode(leaf.leafHash()), Hex.encode(leafHash),
                        "the stored leaf hash differs from the one recomputed from the entry");
            } else if (!Hex.encode(entryHash).equals(leaf.entryHash())) {
                findings.error("log.leaf-hash", where, leaf.entryHash(), Hex.encode(entryHash),
                        "the leaf row's entry_hash differs from the entry");
            }
            return leafHash;
        }

        /** The row as stored must be the canonical form of the entry it rebuilds to. */
        private void storedForm(StoredEntry.Row row, SignedEntry signed, Where where) {
            Entry e = signed.entry();
            if (!CanonicalJson.isCanonical(row.payload())) {
                findings.error("entry.canonical", where, "canonical JSON", "non-canonical payload bytes",
                        "the stored payload is not in canonical form");
            }
            if (!CanonicalJson.isCanonical(row.metaData())) {
                findings.error("row.metadata", where, "canonical JSON", "non-canonical meta_data bytes",
                        "the stored metadata is not in canonical form");
            }
            var meta = CanonicalJson.parse(row.metaData());
            String time = meta.path(LedgerMetaData.TIME).asText();
            if (!time.equals(e.timeText())) {
                findings.error("row.metadata", where, e.timeText(), time,
                        LedgerMetaData.TIME + " is not the canonical time text");
            }
            String schema = meta.path(LedgerMetaData.SCHEMA).asText();
            String revision = row.payloadRevision() == null ? "1" : row.payloadRevision();
            if (!schema.equals(Integer.toString(e.schema())) || !revision.equals(schema)) {
                findings.error("row.metadata", where, "payload_revision " + revision, LedgerMetaData.SCHEMA + " " + schema,
                        "the payload revision and the entry's schema differ");
            }
            for (String k : new String[]{LedgerMetaData.HASH, LedgerMetaData.SIGNATURE}) {
                String stored = meta.path(k).asText();
                String normal = Hex.encode(Hex.decode(stored));
                if (!stored.equals(normal)) {
                    findings.error("row.metadata", where, normal, stored, k + " is not lowercase hex");
                }
            }
        }

        /**
         * Events without a leaf: behind the sealer's position they should have one ({@code log.missing-leaf});
         * beyond it they are simply not sealed yet, and are counted as unchecked.
         */
        private void eventsWithoutLeaf(Optional<LedgerRows.SealerPosition> sealer) {
            long after = -1;
            long notJudged = 0;
            while (true) {
                List<LedgerRows.OrphanRow> page = rows.eventsWithoutLeaf(after);
                if (page.isEmpty()) {
                    break;
                }
                for (LedgerRows.OrphanRow o : page) {
                    after = o.globalIndex();
                    if (sealer.isPresent() && sealer.get().covers(o.globalIndex())) {
                        findings.error("log.missing-leaf", new Where(o.aggregateType(), o.aggregateId(), o.sequence(),
                                        null, o.globalIndex(), null), "a leaf for global index " + o.globalIndex(), "none",
                                "the sealer has passed this event (position " + sealer.get().index()
                                        + ") but the log has no leaf for it");
                    } else if (sealer.isPresent()) {
                        unsealed++;
                    } else {
                        notJudged++;
                    }
                }
            }
            if (unsealed > 0) {
                findings.unchecked(unsealed + " events after the sealer's position are not in the log yet and were not verified");
            }
            if (notJudged > 0) {
                unsealed += notJudged;
                findings.unchecked(notJudged + " events have no leaf and the sealer's position is unreadable");
            }
        }

        private Where nowhere() {
            return new Where(null, null, null, null, null, null);
        }

        private SelfCheckReport report() {
            SelfCheckReport.Counts counts = new SelfCheckReport.Counts(leaves, entries,
                    chains == null ? 0 : chains.streams(), keyCount,
                    checkpoints == null ? 0 : checkpoints.checkpoints(),
                    checkpoints == null ? 0 : checkpoints.cosignatures(), unsealed, findings.errors(),
                    findings.warnings(), findings.byCheck());
            return new SelfCheckReport(findings.errors() == 0, info == null ? null : info.ledgerId(),
                    info == null ? null : info.suite(), clock.instant(), counts, findings.kept(), findings.omitted(),
                    findings.uncheckedItems());
        }

        /** Stored checkpoints in size order, a page at a time. */
        private final class CheckpointCursor {
            private final long bound;
            private final Deque<LedgerRows.CheckpointRow> buffer = new ArrayDeque<>();
            private long after = -1;
            private boolean exhausted;

            CheckpointCursor(long bound) {
                this.bound = bound;
            }

            LedgerRows.CheckpointRow peek() {
                fill();
                return buffer.peekFirst();
            }

            LedgerRows.CheckpointRow next() {
                fill();
                return buffer.pollFirst();
            }

            private void fill() {
                if (buffer.isEmpty() && !exhausted) {
                    List<LedgerRows.CheckpointRow> page = rows.checkpoints(after, bound);
                    if (page.isEmpty()) {
                        exhausted = true;
                    } else {
                        buffer.addAll(page);
                        after = page.get(page.size() - 1).treeSize();
                    }
                }
            }
        }
    }
}
