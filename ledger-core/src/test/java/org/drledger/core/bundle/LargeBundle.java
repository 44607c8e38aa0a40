package org.drledger.core.bundle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.drledger.core.checkpoint.Checkpoint;
import org.drledger.core.checkpoint.NoteSigner;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.entry.Actor;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.EntrySigner;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.entry.StreamId;
import org.drledger.core.entry.TrustEntries;
import org.drledger.core.merkle.CompactRange;
import org.drledger.core.merkle.MerkleHasher;
import org.drledger.core.merkle.ProofGenerator;
import org.drledger.core.testing.DeterministicRandom;

/**
 * Writes a large, valid {@code public-ledger} bundle straight to a file, for the verifier's streaming test and
 * benchmark: genesis, four departments with their keys, then {@code n} registry-like entries spread over 1,000
 * streams per department, signed on all cores in batches, with a checkpoint every {@code checkpointEvery} entries
 * (consistency proofs from the stored subtree hashes) and one at the end. Deterministic for a suite with
 * deterministic signatures (Ed25519). Memory: the subtree hashes (about 64 bytes per leaf) for the proofs, and one
 * batch of entries.
 */
public final class LargeBundle {
    public static final String LEDGER = "bench-ledger";
    public static final String ORIGIN = "ledger.bench.example/1";
    static final String ROOT = "root";
    static final String[] DEPARTMENTS = {"amr", "tax", "env", "agri"};
    static final int STREAMS_PER_DEPARTMENT = 1_000;
    static final int BATCH = 4_096;

    private LargeBundle() {
    }

    /** Writes the bundle; returns the number of entries in the log (including the trust entries). */
    public static long write(Path out, CryptoSuite suite, long n, long checkpointEvery, int threads)
            throws IOException {
        DeterministicRandom random = new DeterministicRandom("large-bundle/" + suite.id());
        SigningKey logKey = suite.generateKey(random);
        NoteSigner log = NoteSigner.log(ORIGIN, logKey);
        SigningKey root = suite.generateKey(random);
        SigningKey[] keys = new SigningKey[DEPARTMENTS.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = suite.generateKey(random);
        }
        Instant t0 = Instant.parse("2026-01-05T01:00:00Z");
        List<SignedEntry> trust = new ArrayList<>();
        trust.add(EntrySigner.sign(new Entry(LEDGER, new StreamId("Ledger", LEDGER), 0, TrustEntries.GENESIS, 1, t0,
                new Actor(ROOT, "admin"), obj().put("ledgerId", LEDGER).put("suite", suite.id())
                .put("origin", ORIGIN).put("logKey", log.noteKey().vkey()).put("rootDepartmentId", ROOT)
                .put("rootDepartmentName", "联席办").put("rootKeyId", root.verifyingKey().keyId())
                .put("rootPublicKey", root.verifyingKey().toPem()), Entry.GENESIS_PREV, root.verifyingKey().keyId()),
                root));
        for (int i = 0; i < DEPARTMENTS.length; i++) {
            trust.add(EntrySigner.sign(new Entry(LEDGER, new StreamId("Department", DEPARTMENTS[i]), 0,
                    TrustEntries.KEY_REGISTERED, 1, t0.plusSeconds(1 + i), new Actor(ROOT, "admin"),
                    obj().put("departmentId", DEPARTMENTS[i]).put("keyId", keys[i].verifyingKey().keyId())
                            .put("publicKey", keys[i].verifyingKey().toPem()), Entry.GENESIS_PREV,
                    root.verifyingKey().keyId()), root));
        }
        MerkleHasher hasher = new MerkleHasher(suite.hash());
        long total = trust.size() + n;
        NodeStore nodes = new NodeStore(total);
        CompactRange range = new CompactRange(hasher, nodes::put);
        List<BundleLines.CheckpointLine> checkpoints = new ArrayList<>();
        long lastSize = -1;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // stream tips, per stream: seq and hash of the last entry (4,000 streams)
        long[] seqs = new long[DEPARTMENTS.length * STREAMS_PER_DEPARTMENT];
        String[] tips = new String[seqs.length];
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             BundleWriter w = new BundleWriter(file, BundleKind.PUBLIC_LEDGER, LEDGER, suite.id(), ORIGIN,
                     log.noteKey().vkey(), obj())) {
            for (int i = 0; i < trust.size(); i++) {
                w.trust(new BundleLines.EntryLine(i, trust.get(i), null));
            }
            for (int i = 0; i < trust.size(); i++) {
                w.entry(new BundleLines.EntryLine(i, trust.get(i), null));
                range.append(trust.get(i).leafData());
            }
            long leaf = trust.size();
            for (long done = 0; done < n; ) {
                int size = (int) Math.min(BATCH, n - done);
                // envelopes in order (the chain needs the previous hash), hashes and signatures in parallel:
                // an entry's prev is its stream's previous entry, which with 4,000 streams is never in the same
                // batch position range; when it is, the batch is cut there.
                List<Entry> batch = new ArrayList<>(size);
                java.util.Set<Integer> inBatch = new java.util.HashSet<>();
                for (int i = 0; i < size; i++) {
                    long k = done + i;
                    int stream = (int) (k % seqs.length);
                    if (!inBatch.add(stream)) {
                        break;
                    }
                    int dept = stream / STREAMS_PER_DEPARTMENT;
                    String id = "entity:" + DEPARTMENTS[dept] + "-" + (stream % STREAMS_PER_DEPARTMENT);
                    batch.add(new Entry(LEDGER, new StreamId("InspectionObject", id), seqs[stream],
                            "InspectionObjectRevised", 1, t0.plusSeconds(60 + k / 100), new Actor(DEPARTMENTS[dept],
                            "clerk"), obj().put("objectId", id).put("objectType", "ENTERPRISE")
                            .put("name", "测试企业 " + id).put("industry", k % 2 == 0 ? "food" : "retail")
                            .put("district", "D" + (k % 5)).put("address", "资阳区 " + k + " 号")
                            .put("status", "ACTIVE").put("registryDepartment", DEPARTMENTS[dept])
                            .put("revision", seqs[stream]),
                            tips[stream] == null ? Entry.GENESIS_PREV : tips[stream],
                            keys[dept].verifyingKey().keyId()));
                    seqs[stream]++;
                    tips[stream] = "pending";
                }
                List<SignedEntry> signed = sign(pool, threads, batch, keys);
                for (SignedEntry s : signed) {
                    int stream = (int) ((done++) % seqs.length);
                    tips[stream] = s.hashHex();
                    w.entry(new BundleLines.EntryLine(leaf++, s, null));
                    range.append(s.leafData());
                    if (range.size() % checkpointEvery == 0 || range.size() == total) {
                        checkpoints.add(checkpoint(log, hasher, nodes, range, lastSize, t0));
                        lastSize = range.size();
                    }
                }
            }
            if (lastSize != range.size()) {
                checkpoints.add(checkpoint(log, hasher, nodes, range, lastSize, t0));
            }
            checkpoints.forEach(w::checkpoint);
            w.finish();
        } finally {
            pool.shutdownNow();
        }
        return total;
    }

    private static List<SignedEntry> sign(ExecutorService pool, int threads, List<Entry> batch, SigningKey[] keys) {
        int chunk = Math.max(1, (batch.size() + threads - 1) / threads);
        List<Future<List<SignedEntry>>> fs = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += chunk) {
            List<Entry> part = batch.subList(from, Math.min(batch.size(), from + chunk));
            fs.add(pool.submit(() -> {
                List<SignedEntry> out = new ArrayList<>(part.size());
                for (Entry e : part) {
                    out.add(EntrySigner.sign(e, keys[indexOf(e.actor().department())]));
                }
                return out;
            }));
        }
        List<SignedEntry> all = new ArrayList<>(batch.size());
        try {
            for (Future<List<SignedEntry>> f : fs) {
                all.addAll(f.get());
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return all;
    }

    private static int indexOf(String dept) {
        for (int i = 0; i < DEPARTMENTS.length; i++) {
            if (DEPARTMENTS[i].equals(dept)) {
                return i;
            }
        }
        throw new IllegalArgumentException(dept);
    }

    private static BundleLines.CheckpointLine checkpoint(NoteSigner log, MerkleHasher hasher, NodeStore nodes,
                                                         CompactRange range, long lastSize, Instant t0) {
        long size = range.size();
        var note = log.signCheckpoint(Checkpoint.of(ORIGIN, size, range.root(), t0.getEpochSecond() + 600 + size / 100));
        List<byte[]> proof = lastSize < 0 ? null
                : new ProofGenerator(hasher, nodes::get).consistencyProof(lastSize, size);
        return new BundleLines.CheckpointLine(note, proof);
    }

    /** Hashes of completed perfect subtrees, one flat array per level. */
    private static final class NodeStore {
        private final byte[][] levels;

        NodeStore(long leaves) {
            int depth = 64 - Long.numberOfLeadingZeros(Math.max(1, leaves));
            levels = new byte[depth + 1][];
            for (int l = 0; l <= depth; l++) {
                long count = leaves >> l;
                levels[l] = new byte[(int) Math.max(0, count) * MerkleHasher.HASH_LENGTH];
            }
        }

        void put(int level, long index, byte[] hash) {
            System.arraycopy(hash, 0, levels[level], (int) (index * MerkleHasher.HASH_LENGTH),
                    MerkleHasher.HASH_LENGTH);
        }

        byte[] get(int level, long index) {
            byte[] out = new byte[MerkleHasher.HASH_LENGTH];
            System.arraycopy(levels[level], (int) (index * MerkleHasher.HASH_LENGTH), out, 0, out.length);
            return out;
        }
    }

    private static ObjectNode obj() {
        return JsonNodeFactory.instance.objectNode();
    }
}
