package org.drledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place that says which tasks, entities and officers an entry names, for the audit trail's filters. From
 * the stream id (docs/workflow.md "Stream ids": {@code task:<taskId>}, {@code entity:<objectId>},
 * {@code inspector:<officerId>}, {@code result:<taskId>:<objectId>:<itemCode>}) and from payload fields anywhere in
 * the payload: {@code taskId}; {@code objectId}, {@code entityId} (USCC or object id); {@code officerId},
 * {@code recusedOfficerId}, {@code previousOfficerId}. The entry's own task / entity / officer (its stream, else the
 * payload's top-level field) fill the row's columns; every reference, nested ones included (a draw's targets and
 * teams), goes to {@code audit_reference}.
 */
public final class AuditReferences {
    public static final String TASK = "task";
    public static final String ENTITY = "entity";
    public static final String OFFICER = "officer";

    private static final Map<String, String> FIELDS = Map.of(
            "taskId", TASK,
            "objectId", ENTITY,
            "entityId", ENTITY,
            "officerId", OFFICER,
            "recusedOfficerId", OFFICER,
            "previousOfficerId", OFFICER);

    private AuditReferences() {
    }

    /** One reference: kind ({@link #TASK}, {@link #ENTITY}, {@link #OFFICER}) and id. */
    public record Reference(String kind, String id) implements Comparable<Reference> {
        @Override
        public int compareTo(Reference o) {
            int c = kind.compareTo(o.kind);
            return c != 0 ? c : id.compareTo(o.id);
        }
    }

    /** The entry's own task, entity and officer (null when it names none) and every reference it makes. */
    public record References(String taskId, String entityId, String officerId, Set<Reference> all) {
    }

    public static References of(String streamId, JsonNode payload) {
        String task = null;
        String entity = null;
        String officer = null;
        String[] parts = streamId.split(":", -1);
        switch (parts[0]) {
            case "task" -> task = parts.length == 2 ? parts[1] : null;
            case "entity" -> entity = parts.length == 2 ? parts[1] : null;
            case "inspector" -> officer = parts.length == 2 ? parts[1] : null;
            case "result" -> {
                if (parts.length == 4) {
                    task = parts[1];
                    entity = parts[2];
                }
            }
            default -> {
            }
        }
        if (payload != null && payload.isObject()) {
            task = task != null ? task : text(payload, "taskId");
            entity = entity != null ? entity : firstText(payload, "objectId", "entityId");
            officer = officer != null ? officer : text(payload, "officerId");
        }
        Set<Reference> all = new TreeSet<>();
        add(all, TASK, task);
        add(all, ENTITY, entity);
        add(all, OFFICER, officer);
        collect(payload, all);
        return new References(task, entity, officer, all);
    }

    private static void collect(JsonNode node, Set<Reference> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String kind = FIELDS.get(f.getKey());
                if (kind != null && f.getValue().isTextual()) {
                    add(out, kind, f.getValue().textValue());
                } else {
                    collect(f.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                collect(n, out);
            }
        }
    }

    private static void add(Set<Reference> out, String kind, String id) {
        if (id != null && !id.isEmpty()) {
            out.add(new Reference(kind, id));
        }
    }

    private static String firstText(JsonNode payload, String... fields) {
        for (String f : fields) {
            String v = text(payload, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String text(JsonNode payload, String field) {
        JsonNode n = payload.get(field);
        return n != null && n.isTextual() && !n.textValue().isEmpty() ? n.textValue() : null;
    }
}
