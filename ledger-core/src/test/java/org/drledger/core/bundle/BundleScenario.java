package org.drledger.core.bundle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.drledger.core.bytes.Hex;
import org.drledger.core.checkpoint.Checkpoint;
import org.drledger.core.checkpoint.NoteSigner;
import org.drledger.core.checkpoint.SignedNote;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.entry.Actor;
import org.drledger.core.entry.Commitments;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.EntrySigner;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.entry.StreamId;
import org.drledger.core.entry.TrustEntries;
import org.drledger.core.merkle.InMemoryMerkleTree;
import org.drledger.core.testing.DeterministicRandom;

/**
 * A small but complete ledger built with the kernel, deterministic from its seed: genesis, two departments and
 * their keys (one rotated, one revoked), a witness, checklist and registry streams, a task with a draw and a manual
 * adjustment, checkpoints every few leaves and a witness cosignature on the last. {@link Variant}s build ledgers
 * that are correctly signed and sealed but break a rule a verifier must enforce, for faults a byte edit of a clean
 * bundle cannot produce. Shared by the bundle vector generator and the verifier's mutation suite.
 */
public final class BundleScenario {
    public static final String LEDGER = "ziyang-2026";
    public static final String ORIGIN = "ledger.ziyang.example/2026";
    public static final String WITNESS = "jiwei.ziyang.example/witness";
    public static final String ROOT = "lianxiban";
    public static final String AMR = "amr";
    public static final String TAX = "tax";
    public static final String TASK = "task:2026-001";
    public static final Instant T0 = Instant.parse("2026-03-02T01:30:00.000Z");
    public static final long CHECKPOINT_EVERY = 8;

    /** Correctly sealed ledgers that a verifier must still reject. */
    public enum Variant {
        /** The revoked tax key signs a checklist entry after its revocation. */
        REVOKED_KEY_SIGNS,
        /** The log signs a second, forked checkpoint of the same size as a real one. */
        SPLIT_VIEW,
        /** The task gets a second DrawExecuted. */
        SECOND_DRAW
    }

    public final CryptoSuite suite;
    public final Set<Variant> variants;
    public final List<SignedEntry> entries = new ArrayList<>();
    public final List<BundleLines.CheckpointLine> checkpoints = new ArrayList<>();
    public final List<BundleLines.OpeningLine> openings = new ArrayList<>();
    public final InMemoryMerkleTree tree;
    public final NoteSigner log;
    public final NoteSigner witness;
    public final SigningKey witnessKey;
    private final Map<String, SigningKey> keys = new HashMap<>();
    private final Map<StreamId, String> tips = new HashMap<>();
    private final Map<StreamId, Long> seqs = new HashMap<>();
    private final DeterministicRandom random;
    private long lastCheckpointSize = -1;

    public BundleScenario(CryptoSuite suite, Variant... variants) {
        this.suite = suite;
        this.variants = variants.length == 0 ? EnumSet.noneOf(Variant.class) : EnumSet.copyOf(List.of(variants));
        this.random = new DeterministicRandom("bundle-scenario/" + suite.id());
        this.tree = new InMemoryMerkleTree(suite.hash());
        SigningKey logKey = suite.generateKey(random);
        this.log = NoteSigner.log(ORIGIN, logKey);
        this.witnessKey = suite.generateKey(random);
        this.witness = NoteSigner.witness(WITNESS, witnessKey);
        build();
    }

    private void build() {
        SigningKey root = key("root");
        append(new StreamId("Ledger", LEDGER), "LedgerInitialized", ROOT, root, obj()
                .put("ledgerId", LEDGER).put("suite", suite.id()).put("origin", ORIGIN)
                .put("logKey", log.noteKey().vkey()).put("rootDepartmentId", ROOT)
                .put("rootDepartmentName", "资阳区双随机联席办").put("rootKeyId", root.verifyingKey().keyId())
                .put("rootPublicKey", root.verifyingKey().toPem()));
        department(AMR, "资阳区市场监督管理局", key("amr-1"));
        department(TAX, "资阳区税务局", key("tax-1"));
        append(new StreamId("Witness", "witness:" + WITNESS), TrustEntries.WITNESS_REGISTERED, ROOT, root, obj()
                .put("name", WITNESS).put("vkey", witness.noteKey().vkey()));
        checklist(AMR, "amr-1", 0, 3);
        checklist(TAX, "tax-1", 0, 2);
        registry();
        append(new StreamId("Department", AMR), TrustEntries.KEY_ROTATED, AMR, keys.get("amr-1"), obj()
                .put("departmentId", AMR).put("oldKeyId", keys.get("amr-1").verifyingKey().keyId())
                .put("newKeyId", key("amr-2").verifyingKey().keyId())
                .put("publicKey", keys.get("amr-2").verifyingKey().toPem()).put("reason", "scheduled rotation"));
        checklist(AMR, "amr-2", 3, 2);
        append(new StreamId("Department", TAX), TrustEntries.KEY_REVOKED, ROOT, root, obj()
                .put("departmentId", TAX).put("keyId", keys.get("tax-1").verifyingKey().keyId())
                .put("reason", "officer left"));
        if (variants.contains(Variant.REVOKED_KEY_SIGNS)) {
            checklist(TAX, "tax-1", 2, 1);
        }
        task();
        checklist(AMR, "amr-2", 5, 3);
        sealCheckpoint(true);
    }

    private void department(String id, String name, SigningKey first) {
        StreamId s = new StreamId("Department", id);
        append(s, "DepartmentRegistered", ROOT, keys.get("root"), obj().put("departmentId", id).put("name", name)
                .put("office", false).put("initialKeyId", first.verifyingKey().keyId()));
        append(s, TrustEntries.KEY_REGISTERED, ROOT, keys.get("root"), obj().put("departmentId", id)
                .put("keyId", first.verifyingKey().keyId()).put("publicKey", first.verifyingKey().toPem()));
    }

    private void checklist(String dept, String keyName, int from, int n) {
        for (int i = from; i < from + n; i++) {
            append(new StreamId("InspectionChecklist", dept + "/2026"), "ChecklistItemRevised", dept,
                    keys.get(keyName), obj().put("code", "A07-" + String.format("%02d", i))
                            .put("name", "营业执照规范使用情况的检查 " + i).put("tier", "GENERAL"));
        }
    }

    private void registry() {
        for (int i = 1; i <= 3; i++) {
            ObjectNode p = obj().put("objectId", "E0" + i).put("objectType", "ENTERPRISE").put("district", "D" + i)
                    .put("industry", "C13").put("status", "ACTIVE");
            Commitments.Opening opening = Commitments.open(JsonNodeFactory.instance.textNode("B"), random);
            p.set("riskClass", Commitments.field(suite.hash(), opening));
            openings.add(new BundleLines.OpeningLine(Hex.encode(Commitments.commitment(suite.hash(), opening)),
                    opening));
            append(new StreamId("InspectionObject", "obj:E0" + i), "InspectionObjectRegistered", AMR,
                    keys.get("amr-1"), p);
        }
    }

    private void task() {
        StreamId s = new StreamId("InspectionTask", TASK);
        SigningKey amr = keys.get("amr-2");
        ObjectNode plan = obj().put("taskId", TASK).put("leadDepartment", AMR).put("category", "A07");
        plan.putObject("drawPlan").putObject("plannedDates").put("from", "2026-04-01").put("to", "2026-04-30");
        append(s, "TaskPlanned", AMR, amr, plan);
        ObjectNode draw = obj().put("taskId", TASK);
        draw.putArray("targets").addObject().put("entityId", "E02");
        append(s, "DrawExecuted", AMR, amr, draw);
        if (variants.contains(Variant.SECOND_DRAW)) {
            ObjectNode again = obj().put("taskId", TASK);
            again.putArray("targets").addObject().put("entityId", "E03");
            append(s, "DrawExecuted", AMR, amr, again);
        }
        append(s, "ManualAdjustmentRecorded", AMR, amr, obj().put("taskId", TASK).put("objectId", "E02")
                .put("slot", 1).put("officerId", "O7").put("reason", "sick leave").put("approver", "王五"));
    }

    private SigningKey key(String name) {
        return keys.computeIfAbsent(name, n -> suite.generateKey(random));
    }

    private static ObjectNode obj() {
        return JsonNodeFactory.instance.objectNode();
    }

    private void append(StreamId stream, String type, String dept, SigningKey key, ObjectNode payload) {
        long seq = seqs.getOrDefault(stream, -1L) + 1;
        Entry e = new Entry(LEDGER, stream, seq, type, 1, T0.plusSeconds(entries.size()),
                new Actor(dept, "clerk-" + dept), payload, tips.getOrDefault(stream, Entry.GENESIS_PREV),
                key.verifyingKey().keyId());
        SignedEntry signed = EntrySigner.sign(e, key);
        seqs.put(stream, seq);
        tips.put(stream, signed.hashHex());
        entries.add(signed);
        tree.append(signed.leafData());
        if (tree.size() % CHECKPOINT_EVERY == 0) {
            sealCheckpoint(false);
        }
    }

    private void sealCheckpoint(boolean cosign) {
        long size = tree.size();
        if (size == lastCheckpointSize) {
            if (cosign) { // the last entry closed a checkpoint already: the witness cosigns that one
                BundleLines.CheckpointLine last = checkpoints.remove(checkpoints.size() - 1);
                long time = Checkpoint.parse(last.note().text()).time().orElseThrow();
                checkpoints.add(new BundleLines.CheckpointLine(last.note().withSignature(
                        witness.cosign(Checkpoint.parse(last.note().text()), time + 2)), last.consistency()));
            }
            return;
        }
        long time = T0.getEpochSecond() + size + 5;
        SignedNote note = log.signCheckpoint(Checkpoint.of(ORIGIN, size, tree.rootAt(size), time));
        if (variants.contains(Variant.SPLIT_VIEW) && lastCheckpointSize > 0 && checkpoints.size() == 1) {
            // a fork: the log also signs a tree of the same size whose last leaf differs
            InMemoryMerkleTree fork = new InMemoryMerkleTree(suite.hash());
            for (long i = 0; i < size - 1; i++) {
                fork.appendLeafHash(tree.leafHash(i));
            }
            fork.append(new byte[]{'f', 'o', 'r', 'k'});
            SignedNote forked = log.signCheckpoint(Checkpoint.of(ORIGIN, size, fork.root(), time));
            checkpoints.add(new BundleLines.CheckpointLine(forked,
                    tree.consistencyProof(lastCheckpointSize, size)));
            checkpoints.add(new BundleLines.CheckpointLine(note, List.of()));
            lastCheckpointSize = size;
            return;
        }
        if (cosign) {
            note = note.withSignature(witness.cosign(Checkpoint.parse(note.text()), time + 2));
        }
        checkpoints.add(new BundleLines.CheckpointLine(note,
                lastCheckpointSize < 0 ? null : tree.consistencyProof(lastCheckpointSize, size)));
        lastCheckpointSize = size;
    }

    /** The whole ledger as a {@code public-ledger} (or, with openings, {@code auditor-full}) bundle. */
    public byte[] fullBundle(BundleKind kind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BundleWriter w = writer(out, kind, obj())) {
            for (int i = 0; i < entries.size(); i++) {
                if (TrustEntries.isTrustEntry(entries.get(i).entry().type())) {
                    w.trust(new BundleLines.EntryLine(i, entries.get(i), null));
                }
            }
            for (int i = 0; i < entries.size(); i++) {
                w.entry(new BundleLines.EntryLine(i, entries.get(i), null));
            }
            checkpoints.forEach(w::checkpoint);
            if (kind == BundleKind.AUDITOR_FULL) {
                openings.forEach(w::opening);
            }
            w.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A partial bundle: the trust entries and the entries {@code select} picks, each with its inclusion proof to
     * the last checkpoint, and only that checkpoint.
     */
    public byte[] partialBundle(BundleKind kind, ObjectNode subject, Predicate<SignedEntry> select) {
        BundleLines.CheckpointLine last = checkpoints.get(checkpoints.size() - 1);
        long size = Checkpoint.parse(last.note().text()).size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BundleWriter w = writer(out, kind, subject)) {
            for (int i = 0; i < size; i++) {
                if (TrustEntries.isTrustEntry(entries.get(i).entry().type())) {
                    w.trust(new BundleLines.EntryLine(i, entries.get(i), tree.inclusionProof(i, size)));
                }
            }
            for (int i = 0; i < size; i++) {
                if (select.test(entries.get(i))) {
                    w.entry(new BundleLines.EntryLine(i, entries.get(i), tree.inclusionProof(i, size)));
                }
            }
            w.checkpoint(new BundleLines.CheckpointLine(last.note(), null));
            w.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The task-fairness bundle of the scenario's task. */
    public byte[] taskBundle() {
        return partialBundle(BundleKind.TASK_FAIRNESS, obj().put("taskId", TASK),
                s -> s.entry().stream().id().equals(TASK));
    }

    private BundleWriter writer(ByteArrayOutputStream out, BundleKind kind, ObjectNode subject) {
        return new BundleWriter(out, kind, LEDGER, suite.id(), ORIGIN, log.noteKey().vkey(), subject);
    }

    public SigningKey departmentKey(String name) {
        return keys.get(name);
    }
}
