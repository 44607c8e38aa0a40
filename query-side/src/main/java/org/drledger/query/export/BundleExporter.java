package org.drledger.query.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.drledger.command.ledger.StoredEntry;
import org.drledger.command.sealer.CheckpointService;
import org.drledger.command.sealer.CheckpointStore;
import org.drledger.command.sealer.MerkleStore;
import org.drledger.command.vault.Vault;
import org.drledger.command.vault.VaultIntegrityException;
import org.drledger.core.bundle.BundleKind;
import org.drledger.core.bundle.BundleLines;
import org.drledger.core.bundle.BundleWriter;
import org.drledger.core.checkpoint.SignedNote;
import org.drledger.core.entry.Commitments;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.entry.TrustEntries;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.merkle.MerkleHasher;
import org.drledger.core.merkle.ProofGenerator;
import org.drledger.core.registry.InspectionHistory;
import org.drledger.core.registry.RegistryFold;
import org.drledger.query.export.ExportSource.Leaf;
import org.drledger.query.export.ExportSource.Selection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Writes {@code drl-bundle/1} bundles (bundle-format.md) from the stored ledger, one line at a time: entries come
 * from keyset pages of {@code merkle_leaf} joined to {@code domain_event_entry}, so memory does not grow with the
 * ledger (except the auditor export's set of commitments to open). Every bundle stops at an export point, the
 * latest signed checkpoint when the export starts; partial bundles prove each entry's inclusion in it. The exporter
 * verifies nothing: the verifier judges what the server stored.
 */
@Service
public class BundleExporter {
    private static final Logger log = LoggerFactory.getLogger(BundleExporter.class);
    private static final List<String> TRUST_TYPES = List.of(TrustEntries.GENESIS, TrustEntries.KEY_REGISTERED,
            TrustEntries.KEY_ROTATED, TrustEntries.KEY_REVOKED, TrustEntries.KEY_COMPROMISED,
            TrustEntries.WITNESS_REGISTERED, TrustEntries.WITNESS_RETIRED);
    /** The entries a freeze folds (registries and prior inspections), as the task feature reads them. */
    static final List<String> FREEZE_TYPES = List.of(RegistryFold.OBJECT_REGISTERED, RegistryFold.OBJECT_REVISED,
            RegistryFold.INSPECTOR_REGISTERED, RegistryFold.INSPECTOR_REVISED, InspectionHistory.TASK_PLANNED,
            InspectionHistory.DRAW_EXECUTED, InspectionHistory.DRAW_VOIDED);

    private final ExportSource source;
    private final CheckpointService checkpoints;
    private final CheckpointStore checkpointStore;
    private final MerkleStore merkle;
    private final Vault vault;

    BundleExporter(ExportSource source, CheckpointService checkpoints, CheckpointStore checkpointStore,
                   MerkleStore merkle, Vault vault) {
        this.source = source;
        this.checkpoints = checkpoints;
        this.checkpointStore = checkpointStore;
        this.merkle = merkle;
        this.vault = vault;
    }

    /** Where an export stops: the latest checkpoint's tree size, and the ledger's identity. */
    record Point(long size, ExportSource.LedgerInfo ledger) {
    }

    /** A task as of the export point: its stream and the facts the selections need. */
    record TaskSubject(String taskId, List<Leaf> stream, long plannedLeaf, JsonNode planned, long frozenAsOf,
                       JsonNode draw) {
        String streamId() {
            return streamOf(taskId);
        }

        /**
         * The checkpoints the task's randomness names as sealing its plan, freeze and commitments before the round
         * ({@code RandomnessRecorded.sealedBy}): carried in the bundle so that their signed times can be checked.
         */
        List<Long> sealingCheckpoints() {
            List<Long> out = new ArrayList<>();
            for (JsonNode r : payloads("RandomnessRecorded")) {
                JsonNode size = r.path("sealedBy").path("treeSize");
                if (size.canConvertToLong()) {
                    out.add(size.asLong());
                }
            }
            return out;
        }

        List<JsonNode> payloads(String type) {
            List<JsonNode> out = new ArrayList<>();
            stream.stream().filter(l -> l.type().equals(type)).forEach(l -> out.add(payload(l)));
            return out;
        }
    }

    /** One inspection: a drawn target of a task, with the officers who were ever on its team. */
    record InspectionSubject(TaskSubject task, String entityId, JsonNode target, Set<String> officers) {
    }

    static String streamOf(String taskId) {
        return "task:" + taskId;
    }

    static JsonNode payload(Leaf l) {
        return CanonicalJson.parse(l.row().payload());
    }

    Point point() {
        ExportSource.LedgerInfo info = source.ledger().orElseThrow(() -> new ExportRefusedException(
                HttpStatus.CONFLICT, "", "no-ledger", "the ledger is not initialized yet"));
        long size = checkpointStore.latest().map(CheckpointStore.StoredCheckpoint::treeSize).orElseThrow(() ->
                new ExportRefusedException(HttpStatus.CONFLICT, "", "no-checkpoint-yet",
                        "no checkpoint has been signed yet: there is nothing an export could be verified against"));
        return new Point(size, info);
    }

    /** The task as of the export point; 404 naming {@code taskId} when there is none, 409 when not yet sealed. */
    TaskSubject task(Point p, String taskId) {
        List<Leaf> stream = source.stream(streamOf(taskId), p.size());
        if (stream.isEmpty()) {
            if (source.streamExists(streamOf(taskId))) {
                throw new ExportRefusedException(HttpStatus.CONFLICT, "taskId", "not-yet-checkpointed",
                        "task " + taskId + " is not covered by a signed checkpoint yet; retry after the next one");
            }
            throw ExportRefusedException.notFound("taskId", "unknown-task", "no task " + taskId);
        }
        Leaf planned = stream.stream().filter(l -> l.type().equals(InspectionHistory.TASK_PLANNED)).findFirst()
                .orElseThrow(() -> ExportRefusedException.notFound("taskId", "unknown-task", "no task " + taskId));
        long frozen = stream.stream().filter(l -> l.type().equals("PopulationFrozen")).findFirst()
                .map(l -> payload(l).path("asOfLeaf").asLong(0)).orElse(0L);
        JsonNode draw = stream.stream().filter(l -> l.type().equals(InspectionHistory.DRAW_EXECUTED)).findFirst()
                .map(BundleExporter::payload).orElse(null);
        return new TaskSubject(taskId, stream, planned.leafIndex(), payload(planned), frozen, draw);
    }

    /** A drawn target of the task; 404 naming {@code entityId} when it is unknown or was not drawn. */
    InspectionSubject inspection(TaskSubject task, String entityId) {
        if (!source.streamExists("entity:" + entityId)) {
            throw ExportRefusedException.notFound("entityId", "unknown-entity", "no inspection object " + entityId);
        }
        JsonNode target = null;
        if (task.draw() != null) {
            for (JsonNode t : task.draw().path("targets")) {
                if (entityId.equals(t.path("entityId").asText())) {
                    target = t;
                }
            }
        }
        if (target == null) {
            throw ExportRefusedException.notFound("entityId", "not-drawn", entityId + " was not drawn in task "
                    + task.taskId());
        }
        Set<String> officers = new TreeSet<>();
        for (JsonNode team : task.draw().path("teams")) {
            if (entityId.equals(team.path("entityId").asText())) {
                team.path("slots").forEach(s -> addText(officers, s.path("officerId")));
            }
        }
        for (String type : List.of("SubstituteAssigned", "ManualAdjustmentRecorded", "InspectorRecused")) {
            for (JsonNode p : task.payloads(type)) {
                if (entityId.equals(p.path("objectId").asText())) {
                    addText(officers, p.path("officerId"));
                }
            }
        }
        return new InspectionSubject(task, entityId, target, officers);
    }

    private static void addText(Set<String> into, JsonNode n) {
        if (n.isTextual()) {
            into.add(n.textValue());
        }
    }

    /** The whole public ledger up to the export point. */
    void publicLedger(Point p, OutputStream out, Progress progress) {
        full(p, out, BundleKind.PUBLIC_LEDGER, progress);
    }

    /** The whole ledger plus the vault openings of every commitment its entries carry (never published). */
    void auditorFull(Point p, OutputStream out, Progress progress) {
        full(p, out, BundleKind.AUDITOR_FULL, progress);
    }

    /**
     * Everything needed to re-derive the task's draw: its stream, and below the freeze position the registry and
     * prior-inspection entries the freeze folded; trust entries; inclusion proofs to the export point.
     */
    void taskFairness(Point p, TaskSubject task, OutputStream out, Progress progress) {
        ObjectNode subject = JsonNodeFactory.instance.objectNode().put("taskId", task.taskId());
        List<Object> args = new ArrayList<>();
        args.add(task.streamId());
        args.add(task.frozenAsOf());
        StringBuilder types = new StringBuilder();
        for (String t : FREEZE_TYPES) {
            types.append(types.isEmpty() ? "" : " OR ").append("e.payload_type LIKE ?");
            args.add("%" + t);
        }
        Selection s = new Selection("l.aggregate_identifier = ? OR (l.leaf_index < ? AND (" + types + "))", args,
                l -> l.streamId().equals(task.streamId())
                        || l.leafIndex() < task.frozenAsOf() && FREEZE_TYPES.contains(l.type()));
        partial(p, out, BundleKind.TASK_FAIRNESS, subject, s, task.sealingCheckpoints(), progress);
    }

    /**
     * One inspection's evidence: the checklist streams of the task's items up to the task (the version in force),
     * the object's registry stream, the officers' registry streams, the task's stream (plan, freeze, randomness,
     * draw, recusals, adjustments) and the result streams of this object in this task (entry, review, publication,
     * follow-ups).
     */
    void inspectionEvidence(Point p, InspectionSubject i, OutputStream out, Progress progress) {
        TaskSubject task = i.task();
        ObjectNode subject = JsonNodeFactory.instance.objectNode().put("taskId", task.taskId())
                .put("objectId", i.entityId());
        Set<String> streams = new LinkedHashSet<>();
        streams.add(task.streamId());
        streams.add("entity:" + i.entityId());
        i.officers().forEach(o -> streams.add("inspector:" + o));
        Set<String> lists = new LinkedHashSet<>();
        task.planned().path("items").forEach(it -> lists.add("checklist:" + it.path("listId").asText()));
        String results = resultPrefix(task.taskId(), i.entityId());
        List<Object> args = new ArrayList<>(streams);
        args.addAll(lists);
        args.add(results + "%");
        String in = "?" + ", ?".repeat(streams.size() + lists.size() - 1);
        Selection s = new Selection("l.aggregate_identifier IN (" + in + ") OR l.aggregate_identifier LIKE ?", args,
                l -> streams.contains(l.streamId()) || l.streamId().startsWith(results)
                        || lists.contains(l.streamId()) && l.leafIndex() < task.plannedLeaf());
        partial(p, out, BundleKind.INSPECTION_EVIDENCE, subject, s, task.sealingCheckpoints(), progress);
    }

    static String resultPrefix(String taskId, String entityId) {
        return "result:" + taskId + ":" + entityId + ":";
    }

    /** The result streams of one inspection, each as its entries' payloads in order (for the summary). */
    List<List<Leaf>> resultStreams(Point p, InspectionSubject i) {
        String prefix = resultPrefix(i.task().taskId(), i.entityId());
        List<List<Leaf>> out = new ArrayList<>();
        List<Leaf> all = new ArrayList<>();
        source.leaves(p.size(), new Selection("l.aggregate_identifier LIKE ?", List.of(prefix + "%"),
                l -> l.streamId().startsWith(prefix)), all::add, x -> {
        });
        all.stream().map(Leaf::streamId).distinct().sorted().forEach(id ->
                out.add(all.stream().filter(l -> l.streamId().equals(id)).toList()));
        return out;
    }

    /** Entries of one stream up to the export point (for the summary). */
    List<Leaf> stream(Point p, String streamId) {
        return source.stream(streamId, p.size());
    }

    private BundleWriter writer(Point p, OutputStream out, BundleKind kind, ObjectNode subject) {
        ExportSource.LedgerInfo l = p.ledger();
        return new BundleWriter(out, kind, l.ledgerId(), l.suite(), l.origin(), l.logKeyVkey(), subject);
    }

    private Selection trustSelection() {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        for (String t : TRUST_TYPES) {
            where.append(where.isEmpty() ? "" : " OR ").append("e.payload_type LIKE ?");
            args.add("%" + t);
        }
        return new Selection(where.toString(), args, l -> TrustEntries.isTrustEntry(l.type()));
    }

    private void full(Point p, OutputStream out, BundleKind kind, Progress progress) {
        String ledgerId = p.ledger().ledgerId();
        Set<String> commitments = kind == BundleKind.AUDITOR_FULL ? new TreeSet<>() : null;
        try (BundleWriter w = writer(p, out, kind, JsonNodeFactory.instance.objectNode())) {
            source.leaves(p.size(), trustSelection(), l -> w.trust(new BundleLines.EntryLine(l.leafIndex(),
                    StoredEntry.rebuild(l.row(), ledgerId), null)), x -> {
            });
            long[] written = {0};
            source.leaves(p.size(), Selection.all(), l -> {
                SignedEntry s = StoredEntry.rebuild(l.row(), ledgerId);
                w.entry(new BundleLines.EntryLine(l.leafIndex(), s, null));
                if (commitments != null) {
                    collectCommitments(s.entry().payload(), commitments);
                }
                progress.wrote(++written[0]);
            }, x -> progress.scanned(x + 1, p.size()));
            ProofGenerator proofs = proofs();
            long prev = -1;
            long after = 0;
            while (true) {
                List<ExportSource.CheckpointRow> page = source.checkpoints(after, p.size());
                for (ExportSource.CheckpointRow c : page) {
                    w.checkpoint(new BundleLines.CheckpointLine(note(c.treeSize()),
                            prev < 0 ? null : proofs.consistencyProof(prev, c.treeSize())));
                    prev = c.treeSize();
                }
                if (page.size() < source.pageSize()) {
                    break;
                }
                after = page.get(page.size() - 1).treeSize();
            }
            if (commitments != null) {
                for (String c : commitments) {
                    opening(c).ifPresent(o -> w.opening(new BundleLines.OpeningLine(c, o)));
                }
            }
            w.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A partial bundle: trust entries and the selected entries, each with its inclusion proof to the export point's
     * checkpoint, which is the last line of {@code checkpoints.jsonl}; before it, the {@code earlier} checkpoints
     * that exist (smallest first), each line with its consistency proof from the previous one.
     */
    private void partial(Point p, OutputStream out, BundleKind kind, ObjectNode subject, Selection selection,
                         List<Long> earlier, Progress progress) {
        String ledgerId = p.ledger().ledgerId();
        ProofGenerator proofs = proofs();
        try (BundleWriter w = writer(p, out, kind, subject)) {
            source.leaves(p.size(), trustSelection(), l -> w.trust(new BundleLines.EntryLine(l.leafIndex(),
                    StoredEntry.rebuild(l.row(), ledgerId), proofs.inclusionProof(l.leafIndex(), p.size()))), x -> {
            });
            long[] written = {0};
            source.leaves(p.size(), selection, l -> {
                w.entry(new BundleLines.EntryLine(l.leafIndex(), StoredEntry.rebuild(l.row(), ledgerId),
                        proofs.inclusionProof(l.leafIndex(), p.size())));
                progress.wrote(++written[0]);
            }, x -> progress.scanned(x + 1, p.size()));
            TreeSet<Long> sizes = new TreeSet<>();
            earlier.stream().filter(n -> n > 0 && n < p.size() && checkpointStore.at(n).isPresent())
                    .forEach(sizes::add);
            sizes.add(p.size());
            long prev = -1;
            for (long n : sizes) {
                w.checkpoint(new BundleLines.CheckpointLine(note(n), prev < 0 ? null : proofs.consistencyProof(prev, n)));
                prev = n;
            }
            w.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProofGenerator proofs() {
        return new ProofGenerator(new MerkleHasher(checkpoints.suiteHash()), new CachedSubtrees(merkle));
    }

    private SignedNote note(long size) {
        return SignedNote.parse(checkpoints.noteWithCosignatures(size).orElseThrow(() -> new IllegalStateException(
                "checkpoint " + size + " vanished during the export")));
    }

    private Optional<Commitments.Opening> opening(String commitment) {
        try {
            return vault.opening(commitment);
        } catch (VaultIntegrityException e) {
            // the auditor gets every opening that can be read; a damaged row is the self-check's finding
            log.error("Auditor export: the opening of {} is left out: {}", commitment, e.getMessage());
            return Optional.empty();
        }
    }

    static void collectCommitments(JsonNode node, Set<String> into) {
        if (node == null) {
            return;
        }
        if (Commitments.isCommitment(node)) {
            into.add(node.get(Commitments.FIELD).textValue());
            return;
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collectCommitments(child, into));
        }
    }
}
