package org.drledger.query.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.drledger.query.export.BundleExporter.InspectionSubject;
import org.drledger.query.export.BundleExporter.TaskSubject;
import org.drledger.query.export.ExportSource.Leaf;

/**
 * A human-readable reading of one inspection's evidence for 尽职免责 review, from the same entries the evidence
 * bundle holds. The bundle format has no member for it (bundle-format.md §3 fixes the member set), so it is served
 * beside the bundle; it proves nothing by itself: every fact names its leaf, and the bundle is what verifies.
 */
final class EvidenceSummary {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private EvidenceSummary() {
    }

    static ObjectNode of(long exportPoint, InspectionSubject i, List<Leaf> checklists, List<Leaf> entity,
                         List<List<Leaf>> results) {
        TaskSubject task = i.task();
        ObjectNode o = F.objectNode();
        o.put("taskId", task.taskId()).put("entityId", i.entityId()).put("exportPoint", exportPoint);
        o.put("notice", "A reading aid taken from the entries of the evidence bundle (GET .../evidence); verify the "
                + "bundle with ledger-verifier: only the signed entries and checkpoints prove anything.");
        o.set("checklist", checklist(task, checklists));
        o.set("registry", registry(task, entity));
        o.set("draw", draw(task, i));
        o.set("results", results(results));
        return o;
    }

    /** For each task item: the list version the task used and whether it was the one in force when planned. */
    private static ArrayNode checklist(TaskSubject task, List<Leaf> checklists) {
        ArrayNode out = F.arrayNode();
        for (JsonNode item : task.planned().path("items")) {
            String listId = item.path("listId").asText();
            int version = item.path("version").asInt();
            String code = item.path("code").asText();
            ObjectNode r = out.addObject().put("listId", listId).put("version", version).put("code", code);
            Leaf used = null;
            Leaf latest = null;
            for (Leaf l : checklists) {
                if (l.streamId().equals("checklist:" + listId) && l.type().equals("ChecklistPublished")
                        && l.leafIndex() < task.plannedLeaf()) {
                    latest = l;
                    if (BundleExporter.payload(l).path("version").asInt() == version) {
                        used = l;
                    }
                }
            }
            boolean listed = false;
            if (used != null) {
                r.put("publishedAtLeaf", used.leafIndex());
                for (JsonNode it : BundleExporter.payload(used).path("items")) {
                    listed |= code.equals(it.path("code").asText());
                }
            }
            r.put("itemInVersion", listed);
            r.put("inForceWhenPlanned", used != null && used == latest && listed);
        }
        return out;
    }

    /** The object's registry state as of the freeze position. */
    private static ObjectNode registry(TaskSubject task, List<Leaf> entity) {
        ObjectNode r = F.objectNode();
        Leaf atFreeze = null;
        for (Leaf l : entity) {
            if (r.path("registeredAtLeaf").isMissingNode()) {
                r.put("registeredAtLeaf", l.leafIndex());
            }
            if (l.leafIndex() < task.frozenAsOf()) {
                atFreeze = l;
            }
        }
        r.put("frozenAsOfLeaf", task.frozenAsOf());
        r.put("inRegistryAtFreeze", atFreeze != null);
        if (atFreeze != null) {
            JsonNode p = BundleExporter.payload(atFreeze);
            r.put("stateAtLeaf", atFreeze.leafIndex());
            for (String f : List.of("objectType", "name", "industry", "district", "status", "registryDepartment")) {
                r.set(f, p.path(f).isMissingNode() ? F.nullNode() : p.get(f));
            }
        }
        r.put("changesAfterFreeze", entity.stream().filter(l -> l.leafIndex() >= task.frozenAsOf()).count());
        return r;
    }

    private static ObjectNode draw(TaskSubject task, InspectionSubject i) {
        ObjectNode d = F.objectNode();
        d.put("plannedAtLeaf", task.plannedLeaf());
        d.set("method", task.planned().path("drawPlan").path("algorithm"));
        d.set("randomness", task.planned().path("drawPlan").path("randomness"));
        d.set("source", task.planned().path("source"));
        d.set("leadDepartment", task.planned().path("leadDepartment"));
        d.set("assistingDepartments", task.planned().path("assistingDepartments"));
        task.stream().stream().filter(l -> l.type().equals("DrawExecuted")).findFirst()
                .ifPresent(l -> d.put("drawnAtLeaf", l.leafIndex()));
        d.set("target", i.target());
        for (JsonNode team : task.draw().path("teams")) {
            if (i.entityId().equals(team.path("entityId").asText())) {
                d.set("team", team.path("slots"));
            }
        }
        ArrayNode changes = d.putArray("teamChanges");
        for (Leaf l : task.stream()) {
            JsonNode p = BundleExporter.payload(l);
            if (List.of("InspectorRecused", "SubstituteAssigned", "ManualAdjustmentRecorded").contains(l.type())
                    && i.entityId().equals(p.path("objectId").asText())) {
                changes.addObject().put("type", l.type()).put("leafIndex", l.leafIndex()).set("payload", p);
            }
        }
        d.put("voided", !task.payloads("DrawVoided").isEmpty());
        return d;
    }

    /** Per result stream: entries, reviews, publication or exemption, follow-ups, each at its leaf. */
    private static ArrayNode results(List<List<Leaf>> streams) {
        ArrayNode out = F.arrayNode();
        for (List<Leaf> s : streams) {
            ObjectNode r = out.addObject();
            r.put("stream", s.get(0).streamId());
            r.set("itemCode", BundleExporter.payload(s.get(0)).path("itemCode"));
            ArrayNode steps = r.putArray("steps");
            boolean published = false;
            boolean late = false;
            for (Leaf l : s) {
                JsonNode p = BundleExporter.payload(l);
                ObjectNode step = steps.addObject().put("type", l.type()).put("leafIndex", l.leafIndex());
                for (String f : List.of("revision", "enteredOn", "deadline", "decision", "reviewedOn", "publishedOn",
                        "late", "workingDaysLate", "recordedOn", "followUpNo", "measure", "state", "completedOn",
                        "updatedOn")) {
                    if (p.has(f)) {
                        step.set(f, p.get(f));
                    }
                }
                if (l.type().equals("ResultPublished")) {
                    published = true;
                    late = p.path("late").asBoolean(false);
                }
            }
            r.put("published", published);
            r.put("publishedLate", late);
        }
        return out;
    }
}
