package org.drledger.core.draw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.drledger.core.crypto.HashAlgorithm;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.json.CanonicalJsonException;

/**
 * The plan of one draw (docs/draw-spec.md §3), always in its normalised form: defaults filled in, set-like lists sorted
 * by UTF-8 bytes, every value validated. Constructing it (in code or through {@link #fromJson}) validates; the
 * {@code where} of a failure is a JSON pointer relative to the plan object.
 */
public record DrawPlan(
        String taskId,
        String stratifyBy,
        List<Stratum> strata,
        PopulationFilter populationFilter,
        long officerCap,
        List<Slot> teamTemplate,
        MatchingRules matchingRules,
        List<Relaxation> relaxationLadder,
        RandomnessSpec randomness,
        List<String> parties,
        String revealDeadline,
        PlannedDates plannedDates) {

    public static final String ALGORITHM = "drl-draw/1";
    /** The name of the single stratum of an unstratified plan. */
    public static final String UNSTRATIFIED = "";
    static final long MAX_INT = CanonicalJson.MAX_SAFE_INTEGER;
    static final long MAX_U32 = 0xffffffffL;

    private static final Pattern INSTANT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Set<String> PLAN_FIELDS = Set.of("algorithm", "taskId", "stratifyBy", "strata", "ratio", "min",
            "max", "populationFilter", "officerCap", "teamTemplate", "matchingRules", "relaxationLadder", "randomness",
            "parties", "revealDeadline", "plannedDates");

    /** {@code num/den}, 0 ≤ num ≤ den, den ≥ 1; kept as given (not reduced). */
    public record Ratio(long num, long den) {
    }

    /** A stratum: its name, sampling ratio, lower bound {@code min} and optional upper bound {@code max} (null = N_k). */
    public record Stratum(String stratum, Ratio ratio, long min, Long max) {
    }

    /** Annual per-entity cap: entities with {@code count ≥ maxPerYear} prior non-exempt inspections are excluded. */
    public record FrequencyCap(long maxPerYear, long year, List<String> exemptCategories) {
    }

    /** Which registry entities form the population; an empty list does not restrict. {@code frequencyCap} may be null. */
    public record PopulationFilter(List<String> objectTypes, List<String> districts, List<String> industries,
                                   List<String> items, FrequencyCap frequencyCap) {
    }

    /** One team slot; the first slot of the template is the team leader's. */
    public record Slot(List<String> allowedDepartments) {
    }

    public record MatchingRules(boolean distinctDepartments, boolean avoidSameDistrict) {
    }

    /** The randomness source id ({@link RandomnessSources}) and its round. */
    public record RandomnessSpec(String source, long round) {
    }

    /** Planned inspection dates (local dates, Asia/Shanghai), {@code from ≤ to}. */
    public record PlannedDates(LocalDate from, LocalDate to) {
    }

    public DrawPlan {
        taskId = Ids.id(taskId, "/taskId");
        stratifyBy = Ids.idOrEmpty(stratifyBy, "/stratifyBy");
        strata = normaliseStrata(strata);
        boolean unstratified = strata.size() == 1 && strata.get(0).stratum().isEmpty();
        if (unstratified && !stratifyBy.isEmpty()) {
            throw new DrawInputException("conflicting-fields", "/stratifyBy",
                    "an unstratified plan must not name a stratification attribute");
        }
        if (!unstratified && stratifyBy.isEmpty()) {
            throw new DrawInputException("empty-identifier", "/stratifyBy",
                    "a stratified plan must name the registry attribute it stratifies by");
        }
        populationFilter = normaliseFilter(Ids.notNull(populationFilter, "/populationFilter"));
        if (officerCap < 1 || officerCap > MAX_U32) {
            throw new DrawInputException("bad-cap", "/officerCap", "officerCap must be 1..2^32-1, got " + officerCap);
        }
        teamTemplate = normaliseTemplate(teamTemplate);
        matchingRules = Ids.notNull(matchingRules, "/matchingRules");
        relaxationLadder = normaliseLadder(relaxationLadder);
        Ids.notNull(randomness, "/randomness");
        RandomnessSources.checkSource(randomness.source(), "/randomness/source");
        RandomnessSources.checkRound(randomness.source(), randomness.round(), "/randomness/round");
        parties = Ids.sortedSet(Ids.notNull(parties, "/parties"), "/parties", "duplicate-party");
        if (parties.isEmpty()) {
            throw new DrawInputException("empty-list", "/parties", "a draw needs at least one committing party");
        }
        checkInstant(revealDeadline, "/revealDeadline");
        Ids.notNull(plannedDates, "/plannedDates");
        checkDate(plannedDates.from(), "/plannedDates/from");
        checkDate(plannedDates.to(), "/plannedDates/to");
        if (plannedDates.from().isAfter(plannedDates.to())) {
            throw new DrawInputException("bad-date-range", "/plannedDates", "plannedDates.from is after plannedDates.to");
        }
    }

    public boolean stratified() {
        return !(strata.size() == 1 && strata.get(0).stratum().isEmpty());
    }

    /** The stratum with this name, or null. */
    public Stratum stratum(String name) {
        for (Stratum s : strata) {
            if (s.stratum().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** The normalised plan payload (docs/draw-spec.md §3.2). */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("algorithm", ALGORITHM);
        o.put("taskId", taskId);
        o.put("stratifyBy", stratifyBy);
        ArrayNode st = o.putArray("strata");
        for (Stratum s : strata) {
            ObjectNode so = st.addObject();
            so.put("stratum", s.stratum());
            ObjectNode r = so.putObject("ratio");
            r.put("num", s.ratio().num());
            r.put("den", s.ratio().den());
            so.put("min", s.min());
            if (s.max() == null) {
                so.putNull("max");
            } else {
                so.put("max", s.max());
            }
        }
        ObjectNode pf = o.putObject("populationFilter");
        strings(pf.putArray("objectTypes"), populationFilter.objectTypes());
        strings(pf.putArray("districts"), populationFilter.districts());
        strings(pf.putArray("industries"), populationFilter.industries());
        strings(pf.putArray("items"), populationFilter.items());
        FrequencyCap fc = populationFilter.frequencyCap();
        if (fc == null) {
            pf.putNull("frequencyCap");
        } else {
            ObjectNode fco = pf.putObject("frequencyCap");
            fco.put("maxPerYear", fc.maxPerYear());
            fco.put("year", fc.year());
            strings(fco.putArray("exemptCategories"), fc.exemptCategories());
        }
        o.put("officerCap", officerCap);
        ArrayNode tt = o.putArray("teamTemplate");
        for (Slot s : teamTemplate) {
            strings(tt.addObject().putArray("allowedDepartments"), s.allowedDepartments());
        }
        ObjectNode mr = o.putObject("matchingRules");
        mr.put("distinctDepartments", matchingRules.distinctDepartments());
        mr.put("avoidSameDistrict", matchingRules.avoidSameDistrict());
        ArrayNode rl = o.putArray("relaxationLadder");
        relaxationLadder.forEach(r -> rl.add(r.name()));
        ObjectNode ra = o.putObject("randomness");
        ra.put("source", randomness.source());
        ra.put("round", randomness.round());
        strings(o.putArray("parties"), parties);
        o.put("revealDeadline", revealDeadline);
        ObjectNode pd = o.putObject("plannedDates");
        pd.put("from", plannedDates.from().toString());
        pd.put("to", plannedDates.to().toString());
        return o;
    }

    /** RFC 8785 bytes of {@link #toJson()}: the pre-image of {@code plan_hash}. */
    public byte[] canonicalBytes() {
        try {
            return CanonicalJson.write(toJson());
        } catch (CanonicalJsonException e) {
            throw DrawInputException.wrap(e); // unreachable: every value was validated
        }
    }

    /** {@code plan_hash = SHA-256(canonical bytes of the normalised plan)}. */
    public byte[] hash() {
        return HashAlgorithm.SHA_256.digest(canonicalBytes());
    }

    /**
     * Reads a plan payload. Absent optional members take their defaults; a plan without {@code strata} gives its
     * sampling as top-level {@code ratio}, {@code min}, {@code max} and becomes the single stratum {@code ""}.
     */
    public static DrawPlan fromJson(JsonNode plan) {
        JsonIn.object(plan, "");
        JsonIn.allowOnly(plan, "", PLAN_FIELDS);
        String algorithm = JsonIn.string(plan, "algorithm", "");
        if (!ALGORITHM.equals(algorithm)) {
            throw new DrawInputException("bad-algorithm", "/algorithm", "algorithm must be \"" + ALGORITHM + "\"");
        }
        String taskId = JsonIn.string(plan, "taskId", "");
        String stratifyBy = JsonIn.optString(plan, "stratifyBy", "");
        List<Stratum> strata = new ArrayList<>();
        List<JsonNode> sa = JsonIn.optArray(plan, "strata", "");
        if (sa != null) {
            for (String top : List.of("ratio", "min", "max")) {
                if (plan.has(top)) {
                    throw new DrawInputException("conflicting-fields", "/" + top,
                            "top-level \"" + top + "\" is only allowed in a plan without strata");
                }
            }
            for (int i = 0; i < sa.size(); i++) {
                String w = "/strata/" + i;
                JsonNode s = JsonIn.object(sa.get(i), w);
                JsonIn.allowOnly(s, w, Set.of("stratum", "ratio", "min", "max"));
                strata.add(new Stratum(JsonIn.string(s, "stratum", w), ratio(s, w),
                        orZero(JsonIn.optInteger(s, "min", w)), JsonIn.optInteger(s, "max", w)));
            }
        } else {
            if (!JsonIn.present(plan, "ratio")) {
                throw new DrawInputException("missing-field", "/ratio", "a plan without strata must give \"ratio\"");
            }
            Stratum only = new Stratum(UNSTRATIFIED, ratio(plan, ""),
                    orZero(JsonIn.optInteger(plan, "min", "")), JsonIn.optInteger(plan, "max", ""));
            checkStratumValues(only, "");
            strata.add(only);
        }
        JsonNode pf = JsonIn.object(JsonIn.required(plan, "populationFilter", ""), "/populationFilter");
        JsonIn.allowOnly(pf, "/populationFilter",
                Set.of("objectTypes", "districts", "industries", "items", "frequencyCap"));
        FrequencyCap cap = null;
        if (JsonIn.present(pf, "frequencyCap")) {
            String w = "/populationFilter/frequencyCap";
            JsonNode c = JsonIn.object(pf.get("frequencyCap"), w);
            JsonIn.allowOnly(c, w, Set.of("maxPerYear", "year", "exemptCategories"));
            List<String> exempt = JsonIn.optStringArray(c, "exemptCategories", w);
            cap = new FrequencyCap(JsonIn.integer(c, "maxPerYear", w), JsonIn.integer(c, "year", w),
                    exempt == null ? List.of() : exempt);
        }
        PopulationFilter filter = new PopulationFilter(
                orEmpty(JsonIn.optStringArray(pf, "objectTypes", "/populationFilter")),
                orEmpty(JsonIn.optStringArray(pf, "districts", "/populationFilter")),
                orEmpty(JsonIn.optStringArray(pf, "industries", "/populationFilter")),
                JsonIn.stringArray(pf, "items", "/populationFilter"), cap);
        long officerCap = JsonIn.integer(plan, "officerCap", "");
        List<Slot> template = new ArrayList<>();
        List<JsonNode> ta = JsonIn.array(plan, "teamTemplate", "");
        for (int i = 0; i < ta.size(); i++) {
            String w = "/teamTemplate/" + i;
            JsonNode s = JsonIn.object(ta.get(i), w);
            JsonIn.allowOnly(s, w, Set.of("allowedDepartments"));
            template.add(new Slot(JsonIn.stringArray(s, "allowedDepartments", w)));
        }
        MatchingRules rules = new MatchingRules(false, false);
        if (JsonIn.present(plan, "matchingRules")) {
            JsonNode m = JsonIn.object(plan.get("matchingRules"), "/matchingRules");
            JsonIn.allowOnly(m, "/matchingRules", Set.of("distinctDepartments", "avoidSameDistrict"));
            Boolean dd = JsonIn.optBool(m, "distinctDepartments", "/matchingRules");
            Boolean asd = JsonIn.optBool(m, "avoidSameDistrict", "/matchingRules");
            rules = new MatchingRules(dd != null && dd, asd != null && asd);
        }
        List<Relaxation> ladder = new ArrayList<>();
        List<String> la = JsonIn.optStringArray(plan, "relaxationLadder", "");
        if (la != null) {
            for (int i = 0; i < la.size(); i++) {
                ladder.add(relaxation(la.get(i), "/relaxationLadder/" + i));
            }
        }
        JsonNode r = JsonIn.object(JsonIn.required(plan, "randomness", ""), "/randomness");
        JsonIn.allowOnly(r, "/randomness", Set.of("source", "round"));
        RandomnessSpec randomness = new RandomnessSpec(JsonIn.string(r, "source", "/randomness"),
                JsonIn.integer(r, "round", "/randomness"));
        List<String> parties = JsonIn.stringArray(plan, "parties", "");
        String deadline = JsonIn.string(plan, "revealDeadline", "");
        JsonNode pd = JsonIn.object(JsonIn.required(plan, "plannedDates", ""), "/plannedDates");
        JsonIn.allowOnly(pd, "/plannedDates", Set.of("from", "to"));
        PlannedDates dates = new PlannedDates(parseDate(JsonIn.string(pd, "from", "/plannedDates"), "/plannedDates/from"),
                parseDate(JsonIn.string(pd, "to", "/plannedDates"), "/plannedDates/to"));
        return new DrawPlan(taskId, stratifyBy == null ? "" : stratifyBy, strata, filter, officerCap, template, rules,
                ladder, randomness, parties, deadline, dates);
    }

    static Relaxation relaxation(String name, String where) {
        for (Relaxation r : Relaxation.values()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new DrawInputException("unknown-ladder-step", where, "unknown relaxation step \"" + name + "\"");
    }

    /** Parses {@code YYYY-MM-DD} strictly. */
    static LocalDate parseDate(String s, String where) {
        if (!DATE.matcher(s).matches()) {
            throw new DrawInputException("bad-date", where, "expected a date YYYY-MM-DD, got \"" + s + "\"");
        }
        try {
            return checkDate(LocalDate.parse(s), where);
        } catch (DateTimeParseException e) {
            throw new DrawInputException("bad-date", where, "not a calendar date: \"" + s + "\"");
        }
    }

    static LocalDate checkDate(LocalDate d, String where) {
        Ids.notNull(d, where);
        if (d.getYear() < 1 || d.getYear() > 9999) {
            throw new DrawInputException("bad-date", where, "year outside 0001..9999");
        }
        return d;
    }

    private static void checkInstant(String s, String where) {
        Ids.notNull(s, where);
        if (!INSTANT.matcher(s).matches()) {
            throw new DrawInputException("bad-instant", where, "expected an instant YYYY-MM-DDTHH:MM:SSZ, got \"" + s + "\"");
        }
        try {
            Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new DrawInputException("bad-instant", where, "not a valid instant: \"" + s + "\"");
        }
    }

    private static Ratio ratio(JsonNode obj, String where) {
        JsonNode r = JsonIn.object(JsonIn.required(obj, "ratio", where), where + "/ratio");
        JsonIn.allowOnly(r, where + "/ratio", Set.of("num", "den"));
        return new Ratio(JsonIn.integer(r, "num", where + "/ratio"), JsonIn.integer(r, "den", where + "/ratio"));
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }

    private static void checkStratumValues(Stratum s, String w) {
        Ratio r = Ids.notNull(s.ratio(), w + "/ratio");
        if (r.den() < 1 || r.num() < 0 || r.num() > r.den() || r.den() > MAX_INT) {
            throw new DrawInputException("bad-ratio", w + "/ratio",
                    "ratio must satisfy 0 <= num <= den, den >= 1; got " + r.num() + "/" + r.den());
        }
        if (s.min() < 0 || s.min() > MAX_INT) {
            throw new DrawInputException("bad-bounds", w + "/min", "min must be 0..2^53-1");
        }
        if (s.max() != null && (s.max() < 0 || s.max() > MAX_INT)) {
            throw new DrawInputException("bad-bounds", w + "/max", "max must be 0..2^53-1");
        }
        if (s.max() != null && s.max() < s.min()) {
            throw new DrawInputException("bad-bounds", w, "max " + s.max() + " is below min " + s.min());
        }
    }

    private static List<Stratum> normaliseStrata(List<Stratum> strata) {
        Ids.notNull(strata, "/strata");
        if (strata.isEmpty()) {
            throw new DrawInputException("empty-list", "/strata", "strata must not be empty (omit it for one stratum)");
        }
        for (int i = 0; i < strata.size(); i++) {
            String w = "/strata/" + i;
            Stratum s = Ids.notNull(strata.get(i), w);
            if (strata.size() == 1) {
                Ids.idOrEmpty(s.stratum(), w + "/stratum");
            } else {
                Ids.id(s.stratum(), w + "/stratum");
            }
            checkStratumValues(s, w);
        }
        List<String> names = new ArrayList<>();
        strata.forEach(s -> names.add(s.stratum()));
        if (strata.size() > 1) {
            Ids.sortedSet(names, "/strata", "duplicate-stratum");
        }
        List<Stratum> sorted = new ArrayList<>(strata);
        sorted.sort(Comparator.comparing(Stratum::stratum, Ids.UTF8_ORDER));
        return List.copyOf(sorted);
    }

    private static PopulationFilter normaliseFilter(PopulationFilter f) {
        String w = "/populationFilter";
        List<String> items = Ids.sortedSet(f.items(), w + "/items", "duplicate-value");
        if (items.isEmpty()) {
            throw new DrawInputException("empty-list", w + "/items", "a task inspects at least one checklist item");
        }
        FrequencyCap cap = f.frequencyCap();
        if (cap != null) {
            String cw = w + "/frequencyCap";
            if (cap.maxPerYear() < 1 || cap.maxPerYear() > MAX_INT) {
                throw new DrawInputException("bad-frequency-cap", cw + "/maxPerYear", "maxPerYear must be >= 1");
            }
            if (cap.year() < 1 || cap.year() > 9999) {
                throw new DrawInputException("bad-frequency-cap", cw + "/year", "year must be 1..9999");
            }
            cap = new FrequencyCap(cap.maxPerYear(), cap.year(),
                    Ids.sortedSet(cap.exemptCategories(), cw + "/exemptCategories", "duplicate-value"));
        }
        return new PopulationFilter(
                Ids.sortedSet(f.objectTypes(), w + "/objectTypes", "duplicate-value"),
                Ids.sortedSet(f.districts(), w + "/districts", "duplicate-value"),
                Ids.sortedSet(f.industries(), w + "/industries", "duplicate-value"),
                items, cap);
    }

    private static List<Slot> normaliseTemplate(List<Slot> template) {
        Ids.notNull(template, "/teamTemplate");
        if (template.isEmpty()) {
            throw new DrawInputException("empty-list", "/teamTemplate", "a team needs at least one slot");
        }
        List<Slot> out = new ArrayList<>(template.size());
        for (int i = 0; i < template.size(); i++) {
            String w = "/teamTemplate/" + i;
            Slot s = Ids.notNull(template.get(i), w);
            List<String> deps = Ids.sortedSet(s.allowedDepartments(), w + "/allowedDepartments", "duplicate-value");
            if (deps.isEmpty()) {
                throw new DrawInputException("empty-list", w + "/allowedDepartments", "a slot must allow a department");
            }
            out.add(new Slot(deps));
        }
        return List.copyOf(out);
    }

    private static List<Relaxation> normaliseLadder(List<Relaxation> ladder) {
        Ids.notNull(ladder, "/relaxationLadder");
        Set<Relaxation> seen = new HashSet<>();
        for (int i = 0; i < ladder.size(); i++) {
            Relaxation r = Ids.notNull(ladder.get(i), "/relaxationLadder/" + i);
            if (!seen.add(r)) {
                throw new DrawInputException("duplicate-ladder-step", "/relaxationLadder/" + i,
                        "relaxation step " + r + " listed twice");
            }
        }
        return List.copyOf(ladder);
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}
