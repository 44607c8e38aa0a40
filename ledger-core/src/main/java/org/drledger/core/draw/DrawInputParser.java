package org.drledger.core.draw;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.drledger.core.bytes.Hex;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.json.CanonicalJsonException;

/**
 * Reads the draw input document {@code drl-draw-input/1} (docs/draw-spec.md §10.1). Every malformed input fails with a
 * {@link DrawInputException} carrying a specific rule and a JSON pointer; nothing else escapes.
 */
public final class DrawInputParser {
    public static final String FORMAT = "drl-draw-input/1";

    private static final Set<String> TOP = Set.of("format", "plan", "population", "roster", "registry", "commitments",
            "randomness", "reveals", "recusals");

    private DrawInputParser() {
    }

    public static DrawInput parse(byte[] utf8) {
        if (utf8 == null) {
            throw new DrawInputException("malformed-json", "", "no input");
        }
        JsonNode doc;
        try {
            doc = CanonicalJson.parse(utf8);
        } catch (CanonicalJsonException e) {
            throw DrawInputException.wrap(e);
        }
        return parse(doc);
    }

    /** Reads an already parsed tree; strings are checked as identifiers, numbers against the value space. */
    public static DrawInput parse(JsonNode doc) {
        JsonIn.object(doc, "");
        JsonIn.allowOnly(doc, "", TOP);
        String format = JsonIn.string(doc, "format", "");
        if (!FORMAT.equals(format)) {
            throw new DrawInputException("bad-format", "/format", "format must be \"" + FORMAT + "\"");
        }
        DrawPlan plan;
        try {
            plan = DrawPlan.fromJson(JsonIn.required(doc, "plan", ""));
        } catch (DrawInputException e) {
            throw e.under("/plan");
        }
        Population population;
        Roster roster;
        if (doc.has("registry")) {
            for (String f : List.of("population", "roster")) {
                if (doc.has(f)) {
                    throw new DrawInputException("conflicting-fields", "/" + f,
                            "give either the registry or the frozen population and roster, not both");
                }
            }
            JsonNode reg = JsonIn.object(doc.get("registry"), "/registry");
            JsonIn.allowOnly(reg, "/registry", Set.of("entities", "inspectionCounts", "officers", "conflicts"));
            population = PopulationFreeze.freeze(plan, entities(reg), counts(reg));
            roster = RosterFreeze.freeze(plan, officerRecords(reg), conflicts(reg, "/registry"), population);
        } else {
            population = Population.of(plan, members(JsonIn.array(doc, "population", "")));
            JsonNode r = JsonIn.object(JsonIn.required(doc, "roster", ""), "/roster");
            JsonIn.allowOnly(r, "/roster", Set.of("officers", "conflicts"));
            roster = Roster.of(rosterOfficers(JsonIn.array(r, "officers", "/roster")), conflicts(r, "/roster"));
        }
        List<Commitment> commitments = new ArrayList<>();
        List<JsonNode> ca = JsonIn.array(doc, "commitments", "");
        for (int i = 0; i < ca.size(); i++) {
            String w = "/commitments/" + i;
            JsonNode c = JsonIn.object(ca.get(i), w);
            JsonIn.allowOnly(c, w, Set.of("partyId", "commitment"));
            commitments.add(new Commitment(JsonIn.string(c, "partyId", w),
                    hex(JsonIn.string(c, "commitment", w), 32, "bad-commitment", w + "/commitment")));
        }
        Randomness randomness = randomness(JsonIn.object(JsonIn.required(doc, "randomness", ""), "/randomness"));
        List<Reveal> reveals = new ArrayList<>();
        List<JsonNode> ra = JsonIn.optArray(doc, "reveals", "");
        for (int i = 0; ra != null && i < ra.size(); i++) {
            String w = "/reveals/" + i;
            JsonNode r = JsonIn.object(ra.get(i), w);
            JsonIn.allowOnly(r, w, Set.of("partyId", "secret"));
            reveals.add(new Reveal(JsonIn.string(r, "partyId", w),
                    hex(JsonIn.string(r, "secret", w), 32, "bad-secret", w + "/secret")));
        }
        List<Recusal> recusals = new ArrayList<>();
        List<JsonNode> rc = JsonIn.optArray(doc, "recusals", "");
        for (int i = 0; rc != null && i < rc.size(); i++) {
            String w = "/recusals/" + i;
            JsonNode r = JsonIn.object(rc.get(i), w);
            JsonIn.allowOnly(r, w, Set.of("entityId", "officerId", "slot"));
            long slot = JsonIn.integer(r, "slot", w);
            if (slot < 1 || slot > Integer.MAX_VALUE) {
                throw new DrawInputException("bad-slot", w + "/slot", "slot must be a positive slot number");
            }
            recusals.add(new Recusal(JsonIn.string(r, "entityId", w), JsonIn.string(r, "officerId", w), (int) slot));
        }
        return new DrawInput(plan, population, roster, commitments, randomness, reveals, recusals);
    }

    private static Randomness randomness(JsonNode r) {
        String w = "/randomness";
        JsonIn.allowOnly(r, w, Set.of("source", "round", "signature", "randomness", "value"));
        String source = JsonIn.string(r, "source", w);
        long round = JsonIn.integer(r, "round", w);
        String sig = JsonIn.optString(r, "signature", w);
        String rnd = JsonIn.optString(r, "randomness", w);
        return new Randomness(source, round,
                sig == null ? null : hex(sig, -1, "bad-signature", w + "/signature"),
                rnd == null ? null : hex(rnd, -1, "bad-randomness", w + "/randomness"),
                JsonIn.optString(r, "value", w));
    }

    private static List<PopulationMember> members(List<JsonNode> a) {
        List<PopulationMember> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            String w = "/population/" + i;
            JsonNode m = JsonIn.object(a.get(i), w);
            JsonIn.allowOnly(m, w, Set.of("entityId", "stratum", "district"));
            out.add(new PopulationMember(JsonIn.string(m, "entityId", w), JsonIn.string(m, "stratum", w),
                    JsonIn.string(m, "district", w)));
        }
        return out;
    }

    private static List<RosterOfficer> rosterOfficers(List<JsonNode> a) {
        List<RosterOfficer> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            String w = "/roster/officers/" + i;
            JsonNode o = JsonIn.object(a.get(i), w);
            JsonIn.allowOnly(o, w, Set.of("officerId", "department", "district", "cap", "assist"));
            out.add(new RosterOfficer(JsonIn.string(o, "officerId", w), JsonIn.string(o, "department", w),
                    JsonIn.string(o, "district", w), JsonIn.integer(o, "cap", w), JsonIn.bool(o, "assist", w)));
        }
        return out;
    }

    private static List<Conflict> conflicts(JsonNode parent, String where) {
        List<Conflict> out = new ArrayList<>();
        List<JsonNode> a = JsonIn.optArray(parent, "conflicts", where);
        for (int i = 0; a != null && i < a.size(); i++) {
            String w = where + "/conflicts/" + i;
            JsonNode c = JsonIn.object(a.get(i), w);
            JsonIn.allowOnly(c, w, Set.of("officerId", "entityId"));
            out.add(new Conflict(JsonIn.string(c, "officerId", w), JsonIn.string(c, "entityId", w)));
        }
        return out;
    }

    private static List<EntityRecord> entities(JsonNode reg) {
        List<JsonNode> a = JsonIn.array(reg, "entities", "/registry");
        List<EntityRecord> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            String w = "/registry/entities/" + i;
            JsonNode e = JsonIn.object(a.get(i), w);
            JsonIn.allowOnly(e, w, Set.of("entityId", "objectType", "district", "industry", "stratum", "status"));
            out.add(new EntityRecord(JsonIn.string(e, "entityId", w), JsonIn.string(e, "objectType", w),
                    JsonIn.string(e, "district", w), JsonIn.string(e, "industry", w),
                    JsonIn.optString(e, "stratum", w), JsonIn.string(e, "status", w)));
        }
        return out;
    }

    private static List<InspectionCount> counts(JsonNode reg) {
        List<InspectionCount> out = new ArrayList<>();
        List<JsonNode> a = JsonIn.optArray(reg, "inspectionCounts", "/registry");
        for (int i = 0; a != null && i < a.size(); i++) {
            String w = "/registry/inspectionCounts/" + i;
            JsonNode c = JsonIn.object(a.get(i), w);
            JsonIn.allowOnly(c, w, Set.of("entityId", "count"));
            out.add(new InspectionCount(JsonIn.string(c, "entityId", w), JsonIn.integer(c, "count", w)));
        }
        return out;
    }

    private static List<OfficerRecord> officerRecords(JsonNode reg) {
        List<JsonNode> a = JsonIn.array(reg, "officers", "/registry");
        List<OfficerRecord> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            String w = "/registry/officers/" + i;
            JsonNode o = JsonIn.object(a.get(i), w);
            JsonIn.allowOnly(o, w, Set.of("officerId", "department", "district", "status", "certificateExpiry",
                    "items", "assist", "cap"));
            Boolean assist = JsonIn.optBool(o, "assist", w);
            out.add(new OfficerRecord(JsonIn.string(o, "officerId", w), JsonIn.string(o, "department", w),
                    JsonIn.string(o, "district", w), JsonIn.string(o, "status", w),
                    DrawPlan.parseDate(JsonIn.string(o, "certificateExpiry", w), w + "/certificateExpiry"),
                    JsonIn.stringArray(o, "items", w), assist != null && assist, JsonIn.optInteger(o, "cap", w)));
        }
        return out;
    }

    /** Lowercase hex; {@code bytes} < 0 accepts any length (checked later by the source rules). */
    static byte[] hex(String s, int bytes, String rule, String where) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new DrawInputException(rule, where, "expected lowercase hex");
            }
        }
        if (s.length() % 2 != 0) {
            throw new DrawInputException(rule, where, "hex of odd length");
        }
        if (bytes >= 0 && s.length() != 2 * bytes) {
            throw new DrawInputException(rule, where, "expected " + bytes + " bytes of hex, got " + s.length() / 2);
        }
        return Hex.decode(s);
    }
}
