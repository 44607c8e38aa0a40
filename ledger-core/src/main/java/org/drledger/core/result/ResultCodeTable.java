package org.drledger.core.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.json.CanonicalJsonException;

/**
 * The versioned table of inspection-result codes (抽查检查结果, domain-reference §4). A result is a SET of codes;
 * the ledger stores the codes and the table's {@link ResultCodeTableRef}, never label text, so published labels
 * are matched by code. Rules a result must satisfy ({@link #validate}):
 * <ul>
 *   <li>at least one code, every code known, none twice;</li>
 *   <li>a sub-item only together with its parent ({@code B} needs {@code 2}, which needs {@code A}): the source
 *       form ticks and stores the parent with its sub-items, and a parent alone is a valid, coarser answer;</li>
 *   <li>a {@link Kind#NO_PROBLEM} code ({@code 1} 未发现问题) excludes every {@link Kind#PROBLEM} code;
 *       {@link Kind#STATUS} codes (closed, deregistered, …) combine with anything.</li>
 * </ul>
 * A code may be marked {@code followUpRequired} ({@code A} 待后续处理): the caller then requires a follow-up measure
 * ({@link #requiresFollowUp}).
 * Instances are immutable and thread-safe. See docs/calendar-and-codes.md §5.
 */
public final class ResultCodeTable {
    /** The newest built-in table version. */
    public static final int LATEST_VERSION = 1;
    private static final String RESOURCE = "result-codes-v%d.json";
    private static final ConcurrentHashMap<Integer, ResultCodeTable> BUILT_IN = new ConcurrentHashMap<>();

    /** What a code says about the inspected object. */
    public enum Kind {
        /** No problem was found (未发现问题). */
        NO_PROBLEM,
        /** A problem was found (pending follow-up, corrected, or obstruction of the inspection). */
        PROBLEM,
        /** A fact about the object's status or activity (closed, deregistered, no relevant activity, …). */
        STATUS
    }

    /**
     * @param code          the stable code, e.g. {@code B}
     * @param label         the label (zh) as the source platform publishes it
     * @param labelVariants other published wordings of the same code
     * @param parent        the parent code, or {@code null} at the top level
     * @param kind          what the code says
     * @param followUpRequired a result with this code must name at least one follow-up measure (后续处置), e.g.
     *                      {@code A} 发现问题待后续处理; sub-items inherit it through their required parent
     */
    public record Code(String code, String label, List<String> labelVariants, String parent, Kind kind,
                       boolean followUpRequired) {
        public Code {
            labelVariants = List.copyOf(labelVariants);
        }
    }

    private final ResultCodeTableRef ref;
    private final String source;
    private final Map<String, Code> codes;
    private final Map<String, Integer> order;
    private final Map<String, String> byLabel;

    private ResultCodeTable(ResultCodeTableRef ref, String source, Map<String, Code> codes, Map<String, String> byLabel) {
        this.ref = ref;
        this.source = source;
        this.codes = Collections.unmodifiableMap(codes);
        Map<String, Integer> o = new HashMap<>();
        for (String c : codes.keySet()) {
            o.put(c, o.size());
        }
        this.order = o;
        this.byLabel = Collections.unmodifiableMap(byLabel);
    }

    /** The newest built-in table. */
    public static ResultCodeTable builtIn() {
        return builtIn(LATEST_VERSION);
    }

    /** A built-in table version, kept so that results recorded under it stay explainable. */
    public static ResultCodeTable builtIn(int version) {
        if (version < 1 || version > LATEST_VERSION) {
            throw new ResultCodeTableException("unknown-table-version", "",
                    "no built-in result-code table version " + version + " (1.." + LATEST_VERSION + ")");
        }
        return BUILT_IN.computeIfAbsent(version, v -> load(resource(String.format(RESOURCE, v))));
    }

    /**
     * The built-in table a result recorded: same id, version and digest, or a {@link ResultCodeTableException}
     * ({@code unknown-table-version} / {@code digest-mismatch}).
     */
    public static ResultCodeTable builtIn(ResultCodeTableRef recorded) {
        ResultCodeTable t = builtIn(recorded.version());
        if (!t.ref().equals(recorded)) {
            throw new ResultCodeTableException("digest-mismatch", "", "recorded table " + recorded
                    + " does not match the built-in " + t.ref());
        }
        return t;
    }

    /** Loads and validates a table document (UTF-8 JSON); throws {@link ResultCodeTableException}. */
    public static ResultCodeTable load(byte[] json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = CanonicalJson.parse(json);
        } catch (CanonicalJsonException e) {
            throw new ResultCodeTableException("malformed-json", e.where(),
                    "result-code table is not canonical-JSON-compatible: " + e.getMessage(), e);
        }
        fields(root, "", Set.of("tableId", "version", "source", "codes"), Set.of("desc"));
        String id = text(root, "tableId", "");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new ResultCodeTableException("malformed-table", "/tableId", "tableId must match [a-z0-9-]+");
        }
        JsonNode v = root.get("version");
        if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > Integer.MAX_VALUE) {
            throw new ResultCodeTableException("malformed-table", "/version", "version must be a positive integer");
        }
        String source = text(root, "source", "");
        JsonNode list = root.get("codes");
        if (!list.isArray() || list.isEmpty()) {
            throw new ResultCodeTableException("malformed-table", "/codes", "expected a non-empty array");
        }
        Map<String, Code> codes = new LinkedHashMap<>();
        Map<String, String> byLabel = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String at = "/codes/" + i;
            fields(n, at, Set.of("code", "label", "kind"), Set.of("labelVariants", "parent", "followUpRequired"));
            String code = text(n, "code", at);
            if (!code.matches("[0-9A-Z]{1,8}")) {
                throw new ResultCodeTableException("malformed-code", at + "/code",
                        "a code is 1 to 8 characters 0-9 or A-Z: " + code);
            }
            if (codes.containsKey(code)) {
                throw new ResultCodeTableException("duplicate-code", at + "/code", "code " + code + " is listed twice");
            }
            Kind kind;
            try {
                kind = Kind.valueOf(text(n, "kind", at));
            } catch (IllegalArgumentException e) {
                throw new ResultCodeTableException("malformed-table", at + "/kind",
                        "kind must be NO_PROBLEM, PROBLEM or STATUS");
            }
            String parent = null;
            if (n.has("parent")) {
                parent = text(n, "parent", at);
                Code p = codes.get(parent);
                if (p == null) {
                    boolean later = false;
                    for (int j = i + 1; j < list.size(); j++) {
                        later |= parent.equals(list.get(j).path("code").asText(null));
                    }
                    throw new ResultCodeTableException(later ? "parent-after-child" : "unknown-parent", at + "/parent",
                            later ? "parent " + parent + " must be listed before its sub-item " + code
                                    : "parent " + parent + " is not a code of the table");
                }
                if (p.kind() != kind) {
                    throw new ResultCodeTableException("kind-mismatch", at + "/kind",
                            "sub-item " + code + " must have its parent's kind " + p.kind());
                }
            }
            String label = text(n, "label", at);
            List<String> variants = new ArrayList<>();
            if (n.has("labelVariants")) {
                JsonNode vs = n.get("labelVariants");
                if (!vs.isArray() || vs.isEmpty()) {
                    throw new ResultCodeTableException("malformed-table", at + "/labelVariants",
                            "expected a non-empty array of strings");
                }
                for (int j = 0; j < vs.size(); j++) {
                    JsonNode s = vs.get(j);
                    if (!s.isTextual() || s.asText().isBlank()) {
                        throw new ResultCodeTableException("malformed-table", at + "/labelVariants/" + j,
                                "expected a non-blank string");
                    }
                    variants.add(s.asText());
                }
            }
            List<String> all = new ArrayList<>(variants);
            all.add(0, label);
            for (String l : all) {
                String other = byLabel.putIfAbsent(labelKey(l), code);
                if (other != null) {
                    throw new ResultCodeTableException("duplicate-label", at,
                            "label \"" + l + "\" of " + code + " is already the label of " + other);
                }
            }
            boolean followUp = false;
            if (n.has("followUpRequired")) {
                if (!n.get("followUpRequired").isBoolean()) {
                    throw new ResultCodeTableException("malformed-table", at + "/followUpRequired", "expected a boolean");
                }
                followUp = n.get("followUpRequired").booleanValue();
            }
            codes.put(code, new Code(code, label, variants, parent, kind, followUp));
        }
        String digest = Hex.encode(HashAlgorithm.SHA_256.digest(CanonicalJson.write(root)));
        return new ResultCodeTable(new ResultCodeTableRef(id, (int) v.asLong(), digest), source, codes, byLabel);
    }

    public ResultCodeTableRef ref() {
        return ref;
    }

    /** Where the codes and labels come from. */
    public String source() {
        return source;
    }

    /** Every code, in table order (parents before their sub-items). */
    public List<Code> codes() {
        return List.copyOf(codes.values());
    }

    public Optional<Code> find(String code) {
        return Optional.ofNullable(code == null ? null : codes.get(code));
    }

    /** The label of a code; {@link ResultCodeException} {@code unknown-code} for a code the table lacks. */
    public String label(String code) {
        return require(code).label();
    }

    /**
     * The code a published label (or a known variant wording) stands for, ignoring surrounding white space and
     * Unicode normalization; for reading other systems' publications. The ledger itself never stores labels.
     */
    public Optional<String> codeOfLabel(String label) {
        return label == null ? Optional.empty() : Optional.ofNullable(byLabel.get(labelKey(label)));
    }

    /** The direct sub-items of a code, in table order. */
    public List<String> children(String code) {
        require(code);
        List<String> out = new ArrayList<>();
        codes.values().forEach(c -> {
            if (code.equals(c.parent())) {
                out.add(c.code());
            }
        });
        return out;
    }

    /**
     * Checks a result against the table's rules and returns its codes in table order (the canonical form to
     * record); throws {@link ResultCodeException}.
     */
    public List<String> validate(Collection<String> result) {
        if (result == null || result.isEmpty()) {
            throw new ResultCodeException("empty-result", "", "a result has at least one code");
        }
        Set<String> seen = new HashSet<>();
        for (String c : result) {
            require(c);
            if (!seen.add(c)) {
                throw new ResultCodeException("duplicate-code", c, "code " + c + " is given twice");
            }
        }
        List<String> sorted = new ArrayList<>(seen);
        sorted.sort((a, b) -> Integer.compare(order.get(a), order.get(b)));
        for (String c : sorted) {
            String parent = codes.get(c).parent();
            if (parent != null && !seen.contains(parent)) {
                throw new ResultCodeException("parent-required", c, "sub-item " + c + " (" + label(c)
                        + ") needs its parent " + parent + " (" + label(parent) + ") in the same result");
            }
        }
        if (anyOfKind(sorted, Kind.NO_PROBLEM)) {
            for (String c : sorted) {
                if (codes.get(c).kind() == Kind.PROBLEM) {
                    String none = sorted.stream().filter(x -> codes.get(x).kind() == Kind.NO_PROBLEM).findFirst()
                            .orElseThrow();
                    throw new ResultCodeException("no-problem-excludes-problem", c, "code " + none + " ("
                            + label(none) + ") excludes the problem code " + c + " (" + label(c) + ")");
                }
            }
        }
        return List.copyOf(sorted);
    }

    /** Whether any of the (known) codes has the kind. */
    public boolean anyOfKind(Collection<String> result, Kind kind) {
        for (String c : result) {
            if (require(c).kind() == kind) {
                return true;
            }
        }
        return false;
    }

    /** Whether any of the (known) codes needs a follow-up measure. */
    public boolean requiresFollowUp(Collection<String> result) {
        for (String c : result) {
            if (require(c).followUpRequired()) {
                return true;
            }
        }
        return false;
    }

    private Code require(String code) {
        Code c = code == null ? null : codes.get(code);
        if (c == null) {
            throw new ResultCodeException("unknown-code", code == null ? "" : code,
                    "code " + code + " is not in result-code table " + ref.tableId() + " v" + ref.version());
        }
        return c;
    }

    private static String labelKey(String label) {
        return Normalizer.normalize(label, Normalizer.Form.NFC).strip();
    }

    private static byte[] resource(String name) {
        try (InputStream in = ResultCodeTable.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing result-code table resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fields(JsonNode n, String at, Set<String> required, Set<String> optional) {
        if (n == null || !n.isObject()) {
            throw new ResultCodeTableException("malformed-table", at, "expected an object");
        }
        for (String r : required) {
            if (!n.has(r)) {
                throw new ResultCodeTableException("malformed-table", at, "missing member \"" + r + "\"");
            }
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!required.contains(f) && !optional.contains(f)) {
                throw new ResultCodeTableException("malformed-table", at + "/" + f, "unknown member \"" + f + "\"");
            }
        }
    }

    private static String text(JsonNode n, String field, String at) {
        JsonNode t = n.get(field);
        if (t == null || !t.isTextual() || t.asText().isBlank()) {
            throw new ResultCodeTableException("malformed-table", at + "/" + field, "expected a non-blank string");
        }
        return t.asText();
    }

    @Override
    public String toString() {
        return "ResultCodeTable[" + ref.tableId() + " v" + ref.version() + ", " + codes.size() + " codes, sha256="
                + ref.sha256() + "]";
    }
}
