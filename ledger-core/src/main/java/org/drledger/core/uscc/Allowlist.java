package org.drledger.core.uscc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.json.CanonicalJsonException;

/**
 * Known real USCCs whose check character does not compute (early pilot codes issued before GB 32100-2015 was
 * settled). Such a code validates as {@link UsccStatus#LEGACY_ALLOWLISTED}: accepted with a warning. The loader
 * proves each entry is well-formed, really fails the check, and computes to the check character it states.
 */
public final class Allowlist {
    private static final String BUILT_IN = "uscc-allowlist-v1.json";

    private final String listId;
    private final int version;
    private final String sha256;
    private final Map<String, Entry> entries;

    /**
     * @param code          the code exactly as issued
     * @param computedCheck the check character GB 32100 computes (differs from the code's 18th character)
     * @param name          the registered name, where the source gives it
     * @param source        where the code was documented as real and non-conforming
     */
    public record Entry(String code, char computedCheck, String name, String source) {
    }

    private Allowlist(String listId, int version, String sha256, Map<String, Entry> entries) {
        this.listId = listId;
        this.version = version;
        this.sha256 = sha256;
        this.entries = Collections.unmodifiableMap(entries);
    }

    private static final class Holder {
        static final Allowlist BUILT_IN_LIST = load(resource());
    }

    /** The allow-list shipped with the kernel. */
    public static Allowlist builtIn() {
        return Holder.BUILT_IN_LIST;
    }

    /** No entries: every non-conforming code is CHECK_CHARACTER_MISMATCH. */
    public static Allowlist empty() {
        return new Allowlist("empty", 1, "", new TreeMap<>());
    }

    public String listId() {
        return listId;
    }

    public int version() {
        return version;
    }

    /** SHA-256 (lowercase hex) of the canonical JSON of the list document; empty for {@link #empty()}. */
    public String sha256() {
        return sha256;
    }

    public Optional<Entry> find(String code) {
        return Optional.ofNullable(code == null ? null : entries.get(code));
    }

    public boolean contains(String code) {
        return find(code).isPresent();
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** Loads and validates an allow-list document; throws {@link AllowlistFormatException}. */
    public static Allowlist load(byte[] json) {
        JsonNode root;
        try {
            root = CanonicalJson.parse(json);
        } catch (CanonicalJsonException e) {
            throw new AllowlistFormatException("malformed-json", e.where(), "allow-list is not canonical-JSON-compatible: "
                    + e.getMessage(), e);
        }
        fields(root, "", Set.of("listId", "version", "entries"), Set.of("desc"));
        String id = text(root, "listId", "");
        JsonNode v = root.get("version");
        if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > Integer.MAX_VALUE) {
            throw new AllowlistFormatException("malformed-allowlist", "/version", "version must be a positive integer");
        }
        JsonNode list = root.get("entries");
        if (!list.isArray()) {
            throw new AllowlistFormatException("malformed-allowlist", "/entries", "expected an array");
        }
        Map<String, Entry> entries = new TreeMap<>();
        String prev = null;
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String at = "/entries/" + i;
            fields(e, at, Set.of("code", "computedCheck", "source"), Set.of("name"));
            String code = text(e, "code", at);
            String computed = text(e, "computedCheck", at);
            String source = text(e, "source", at);
            String name = e.has("name") ? text(e, "name", at) : "";
            UsccResult r = Uscc.validate(code, empty());
            if (r.status() == UsccStatus.MALFORMED) {
                throw new AllowlistFormatException("malformed-code", at + "/code", r.reason());
            }
            if (r.status() != UsccStatus.CHECK_CHARACTER_MISMATCH) {
                throw new AllowlistFormatException("conforming-code", at + "/code",
                        code + " passes the GB 32100 check; it does not belong on the allow-list");
            }
            if (computed.length() != 1 || computed.charAt(0) != r.expected()) {
                throw new AllowlistFormatException("computed-check-mismatch", at + "/computedCheck",
                        "the check character of " + code + " computes to '" + r.expected() + "', not '" + computed + "'");
            }
            if (prev != null && code.compareTo(prev) <= 0) {
                throw new AllowlistFormatException("not-ascending", at + "/code",
                        "entries must be sorted by code, ascending and without duplicates");
            }
            entries.put(code, new Entry(code, r.expected(), name, source));
            prev = code;
        }
        String digest = Hex.encode(HashAlgorithm.SHA_256.digest(CanonicalJson.write(root)));
        return new Allowlist(id, (int) v.asLong(), digest, entries);
    }

    private static byte[] resource() {
        try (InputStream in = Allowlist.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("missing allow-list resource " + BUILT_IN);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fields(JsonNode n, String at, Set<String> required, Set<String> optional) {
        if (n == null || !n.isObject()) {
            throw new AllowlistFormatException("malformed-allowlist", at, "expected an object");
        }
        for (String r : required) {
            if (!n.has(r)) {
                throw new AllowlistFormatException("malformed-allowlist", at, "missing member \"" + r + "\"");
            }
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!required.contains(f) && !optional.contains(f)) {
                throw new AllowlistFormatException("malformed-allowlist", at + "/" + f, "unknown member \"" + f + "\"");
            }
        }
    }

    private static String text(JsonNode n, String field, String at) {
        JsonNode t = n.get(field);
        if (t == null || !t.isTextual() || t.asText().isBlank()) {
            throw new AllowlistFormatException("malformed-allowlist", at + "/" + field, "expected a non-blank string");
        }
        return t.asText();
    }

    @Override
    public String toString() {
        return "Allowlist[" + listId + " v" + version + ", " + entries.size() + " entries]";
    }
}
