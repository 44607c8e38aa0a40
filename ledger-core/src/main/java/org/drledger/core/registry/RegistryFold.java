package org.drledger.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.drledger.core.draw.Conflict;
import org.drledger.core.draw.EntityRecord;
import org.drledger.core.draw.OfficerRecord;
import org.drledger.core.entry.Commitments;

/**
 * The two registries (检查对象名录库, 执法检查人员名录库) as of a ledger position: every registry entry carries the
 * complete state of its object or officer after the change, so the state as of position {@code L} is the last
 * payload of each stream among the entries before {@code L}, folded in leaf order. The server's population and
 * roster freeze and the offline verifier both fold through this class, so they cannot disagree on semantics.
 * Not thread-safe.
 */
public final class RegistryFold {
    public static final String OBJECT_REGISTERED = "InspectionObjectRegistered";
    public static final String OBJECT_REVISED = "InspectionObjectRevised";
    public static final String INSPECTOR_REGISTERED = "InspectorRegistered";
    public static final String INSPECTOR_REVISED = "InspectorRevised";

    private final Map<String, JsonNode> objects = new TreeMap<>();
    private final Map<String, JsonNode> inspectors = new TreeMap<>();

    /** Whether entries of this type change a registry. */
    public static boolean isRegistryEntry(String entryType) {
        return OBJECT_REGISTERED.equals(entryType) || OBJECT_REVISED.equals(entryType)
                || INSPECTOR_REGISTERED.equals(entryType) || INSPECTOR_REVISED.equals(entryType);
    }

    /** Applies one entry (in leaf order); entries of other types are ignored. */
    public void accept(String entryType, JsonNode payload) {
        if (OBJECT_REGISTERED.equals(entryType) || OBJECT_REVISED.equals(entryType)) {
            objects.put(text(payload, "objectId", entryType), payload);
        } else if (INSPECTOR_REGISTERED.equals(entryType) || INSPECTOR_REVISED.equals(entryType)) {
            inspectors.put(text(payload, "officerId", entryType), payload);
        }
    }

    /** Object states by object id, sorted by id. */
    public Map<String, JsonNode> objects() {
        return Collections.unmodifiableMap(objects);
    }

    /** Officer states by officer id, sorted by id. */
    public Map<String, JsonNode> inspectors() {
        return Collections.unmodifiableMap(inspectors);
    }

    /**
     * The objects as draw-kernel records. {@code stratifyBy} names the attribute whose value is the stratum ({@code ""}
     * for an unstratified plan); a confidential attribute (a commitment) is opened through {@code open}, which maps a
     * commitment hex to its opened string value.
     */
    public List<EntityRecord> entityRecords(String stratifyBy, Function<String, Optional<String>> open) {
        List<EntityRecord> out = new ArrayList<>(objects.size());
        for (JsonNode o : objects.values()) {
            String where = "object " + o.path("objectId").asText();
            String stratum = stratifyBy.isEmpty() ? "" : attribute(o, stratifyBy, open, where);
            out.add(new EntityRecord(text(o, "objectId", where), text(o, "objectType", where), text(o, "district", where),
                    text(o, "industry", where), stratum, text(o, "status", where)));
        }
        return out;
    }

    /** The officers as draw-kernel records (cap: the plan's). */
    public List<OfficerRecord> officerRecords() {
        List<OfficerRecord> out = new ArrayList<>(inspectors.size());
        for (JsonNode i : inspectors.values()) {
            String where = "inspector " + i.path("officerId").asText();
            LocalDate expiry;
            try {
                expiry = LocalDate.parse(text(i, "certificateExpiry", where));
            } catch (DateTimeParseException e) {
                throw new RegistryFormatException("bad-date", where + "/certificateExpiry", "not a yyyy-MM-dd date");
            }
            out.add(new OfficerRecord(text(i, "officerId", where), text(i, "department", where),
                    text(i, "district", where), text(i, "status", where), expiry, strings(i, "competentItems", where),
                    bool(i, "assistEligible", where), null));
        }
        return out;
    }

    /** Every declared conflict of interest (officer, object), in officer order. */
    public List<Conflict> declaredConflicts() {
        List<Conflict> out = new ArrayList<>();
        for (JsonNode i : inspectors.values()) {
            String where = "inspector " + i.path("officerId").asText();
            for (String entity : strings(i, "conflicts", where)) {
                out.add(new Conflict(text(i, "officerId", where), entity));
            }
        }
        return out;
    }

    private static String attribute(JsonNode o, String name, Function<String, Optional<String>> open, String where) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            throw new RegistryFormatException("missing-field", where + "/" + name, "the stratification attribute is missing");
        }
        if (Commitments.isCommitment(v)) {
            String c = v.get(Commitments.FIELD).textValue();
            return open.apply(c).orElseThrow(() -> new RegistryFormatException("unopened-commitment", where + "/" + name,
                    "the attribute is confidential and its opening " + c + " is not available"));
        }
        if (!v.isTextual()) {
            throw new RegistryFormatException("wrong-type", where + "/" + name, "must be a string or a commitment");
        }
        return v.textValue();
    }

    static String text(JsonNode o, String name, String where) {
        JsonNode v = o == null ? null : o.get(name);
        if (v == null || !v.isTextual()) {
            throw new RegistryFormatException(v == null ? "missing-field" : "wrong-type", where + "/" + name,
                    "must be a string");
        }
        return v.textValue();
    }

    private static boolean bool(JsonNode o, String name, String where) {
        JsonNode v = o.get(name);
        if (v == null || !v.isBoolean()) {
            throw new RegistryFormatException(v == null ? "missing-field" : "wrong-type", where + "/" + name,
                    "must be true or false");
        }
        return v.booleanValue();
    }

    static List<String> strings(JsonNode o, String name, String where) {
        JsonNode v = o.get(name);
        if (v == null || !v.isArray()) {
            throw new RegistryFormatException(v == null ? "missing-field" : "wrong-type", where + "/" + name,
                    "must be an array of strings");
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode s : v) {
            if (!s.isTextual()) {
                throw new RegistryFormatException("wrong-type", where + "/" + name, "must be an array of strings");
            }
            out.add(s.textValue());
        }
        return out;
    }
}
