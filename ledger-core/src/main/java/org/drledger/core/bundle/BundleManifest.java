package org.drledger.core.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.drledger.core.FormatException;
import org.drledger.core.json.CanonicalJson;

/**
 * {@code manifest.json} of a {@code drl-bundle/1} (bundle-format.md §3): what the bundle claims to be and the
 * SHA-256 digest, byte length and line count of every other file. The manifest is not signed: it only lets a
 * reader detect a damaged or incomplete download before the entries themselves are checked.
 */
public record BundleManifest(BundleKind kind, String ledgerId, String suite, String origin, String logKey,
                             ObjectNode subject, List<FileInfo> files) {
    public static final String FORMAT = "drl-bundle/1";
    public static final String NAME = "manifest.json";
    public static final String TRUST = "trust.jsonl";
    public static final String ENTRIES = "entries.jsonl";
    public static final String CHECKPOINTS = "checkpoints.jsonl";
    public static final String OPENINGS = "openings.jsonl";

    private static final Set<String> FIELDS =
            Set.of("format", "kind", "ledger", "suite", "origin", "logKey", "subject", "files");
    private static final Set<String> FILE_FIELDS = Set.of("name", "sha256", "bytes", "lines");

    /** One data file: lowercase hex SHA-256 of its bytes, its length in bytes and its number of lines. */
    public record FileInfo(String name, String sha256, long bytes, long lines) {
    }

    public BundleManifest {
        subject = subject == null ? JsonNodeFactory.instance.objectNode() : subject.deepCopy();
        files = files.stream().sorted(Comparator.comparing(FileInfo::name)).toList();
    }

    /** The data files a bundle of this kind holds, in the order a writer writes them. */
    public static List<String> filesOf(BundleKind kind) {
        return kind == BundleKind.AUDITOR_FULL ? List.of(TRUST, ENTRIES, CHECKPOINTS, OPENINGS)
                : List.of(TRUST, ENTRIES, CHECKPOINTS);
    }

    public Optional<FileInfo> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("format", FORMAT).put("kind", kind.id()).put("ledger", ledgerId).put("suite", suite)
                .put("origin", origin).put("logKey", logKey);
        o.set("subject", subject.deepCopy());
        ArrayNode a = o.putArray("files");
        for (FileInfo f : files) {
            a.addObject().put("name", f.name()).put("sha256", f.sha256()).put("bytes", f.bytes())
                    .put("lines", f.lines());
        }
        return o;
    }

    public byte[] toCanonicalJson() {
        return CanonicalJson.write(toJson());
    }

    /** Parses and checks the form of a manifest (not its digests: those need the files). */
    public static BundleManifest parse(byte[] utf8) {
        JsonNode o;
        try {
            o = CanonicalJson.parse(utf8);
        } catch (FormatException e) {
            throw new BundleFormatException("bad-manifest", NAME, "manifest is not valid JSON: " + e.getMessage(), e);
        }
        if (!o.isObject()) {
            throw new BundleFormatException("bad-manifest", NAME, "manifest is not a JSON object");
        }
        onlyFields(o, FIELDS, NAME);
        String format = text(o, "format");
        if (!FORMAT.equals(format)) {
            throw new BundleFormatException("unsupported-version", NAME + " format",
                    "this reader understands " + FORMAT + ", not " + format);
        }
        BundleKind kind = BundleKind.byId(text(o, "kind"));
        JsonNode subject = o.get("subject");
        if (subject == null || !subject.isObject()) {
            throw new BundleFormatException("bad-manifest", NAME + " subject", "subject must be an object");
        }
        JsonNode fa = o.get("files");
        if (fa == null || !fa.isArray()) {
            throw new BundleFormatException("bad-manifest", NAME + " files", "files must be an array");
        }
        List<FileInfo> files = new ArrayList<>();
        for (JsonNode f : fa) {
            if (!f.isObject()) {
                throw new BundleFormatException("bad-manifest", NAME + " files", "a file is an object");
            }
            onlyFields(f, FILE_FIELDS, NAME + " files");
            files.add(new FileInfo(text(f, "name"), text(f, "sha256"), count(f, "bytes"), count(f, "lines")));
        }
        List<String> expected = filesOf(kind).stream().sorted().toList();
        List<String> named = files.stream().map(FileInfo::name).sorted().toList();
        if (!expected.equals(named)) {
            throw new BundleFormatException("bad-manifest", NAME + " files",
                    "a " + kind.id() + " bundle lists exactly " + expected + ", not " + named);
        }
        return new BundleManifest(kind, text(o, "ledger"), text(o, "suite"), text(o, "origin"), text(o, "logKey"),
                (ObjectNode) subject, files);
    }

    static void onlyFields(JsonNode o, Set<String> allowed, String where) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (!allowed.contains(n)) {
                throw new BundleFormatException("unknown-field", where + " " + n, "unknown member " + n);
            }
        }
        for (String n : allowed) {
            if (!o.has(n)) {
                throw new BundleFormatException("missing-field", where + " " + n, "missing member " + n);
            }
        }
    }

    private static String text(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new BundleFormatException("bad-manifest", NAME + " " + name, name + " must be a non-empty string");
        }
        return v.textValue();
    }

    private static long count(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            throw new BundleFormatException("bad-manifest", NAME + " " + name, name + " must be a non-negative integer");
        }
        return v.asLong();
    }
}
