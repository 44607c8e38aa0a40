package org.drledger.core.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.drledger.core.FormatException;
import org.drledger.core.bytes.Hex;
import org.drledger.core.checkpoint.SignedNote;
import org.drledger.core.entry.Commitments;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.json.CanonicalJson;

/**
 * The line forms of a bundle's JSON Lines files (bundle-format.md §4). Each line is the canonical JSON of one
 * object; parsing is strict (unknown or missing members are rejected) but does not verify anything.
 */
public final class BundleLines {
    /** At most 63 hashes, as in a Merkle proof (ledger-format §6). */
    public static final int MAX_PROOF_HASHES = 63;

    private BundleLines() {
    }

    /**
     * A line of {@code trust.jsonl} or {@code entries.jsonl}: a signed entry at its leaf index, with its inclusion
     * proof to the bundle's last checkpoint in a partial bundle ({@code null} in a full one).
     */
    public record EntryLine(long leafIndex, SignedEntry signed, List<byte[]> inclusion) {
        public byte[] toCanonicalJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("leafIndex", leafIndex);
            o.set("signed", signed.toJson());
            if (inclusion != null) {
                o.set("inclusion", hashes(inclusion));
            }
            return CanonicalJson.write(o);
        }
    }

    /** A line of {@code checkpoints.jsonl}: a signed checkpoint note and the consistency proof from the previous line. */
    public record CheckpointLine(SignedNote note, List<byte[]> consistency) {
        public byte[] toCanonicalJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("note", note.format());
            if (consistency != null) {
                o.set("consistency", hashes(consistency));
            }
            return CanonicalJson.write(o);
        }
    }

    /** A line of {@code openings.jsonl}: a vault opening and the commitment it opens. */
    public record OpeningLine(String commitment, Commitments.Opening opening) {
        public byte[] toCanonicalJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("commitment", commitment);
            o.put("salt", Hex.encode(opening.salt()));
            o.set("value", opening.value());
            return CanonicalJson.write(o);
        }
    }

    public static EntryLine entry(byte[] line, String where) {
        return entry(object(line, where), null, where);
    }

    /** An entry line and whether its bytes are exactly their canonical form. */
    public record CheckedEntryLine(EntryLine line, boolean canonical) {
    }

    /**
     * {@link #entry} and {@code CanonicalJson.isCanonical(line)} from one parse and one write: when the line is
     * canonical, the envelope's canonical bytes are the span of the line it was written to, not written again.
     * The verifier does this for every line of a million-entry bundle.
     */
    public static CheckedEntryLine checkedEntry(byte[] line, String where) {
        JsonNode o = object(line, where);
        JsonNode signed = o.get("signed");
        JsonNode envelope = signed != null && signed.isObject() ? signed.get("entry") : null;
        CanonicalJson.Marked written = CanonicalJson.writeMarked(o, envelope);
        boolean canonical = java.util.Arrays.equals(line, written.bytes());
        byte[] canonicalEnvelope = canonical && written.start() >= 0
                ? java.util.Arrays.copyOfRange(written.bytes(), written.start(), written.end()) : null;
        return new CheckedEntryLine(entry(o, canonicalEnvelope, where), canonical);
    }

    private static EntryLine entry(JsonNode o, byte[] canonicalEnvelope, String where) {
        allowed(o, Set.of("leafIndex", "signed", "inclusion"), Set.of("leafIndex", "signed"), where);
        JsonNode li = o.get("leafIndex");
        if (!li.isIntegralNumber() || li.asLong() < 0) {
            throw new BundleFormatException("bad-line", where + " leafIndex", "leafIndex must be a non-negative integer");
        }
        SignedEntry signed;
        try {
            signed = canonicalEnvelope == null ? SignedEntry.fromJson(o.get("signed"))
                    : SignedEntry.fromJson(o.get("signed"), canonicalEnvelope);
        } catch (FormatException e) {
            throw new BundleFormatException("bad-entry", where, e.rule() + ": " + e.getMessage(), e);
        }
        return new EntryLine(li.asLong(), signed, o.has("inclusion") ? proof(o.get("inclusion"), where) : null);
    }

    public static CheckpointLine checkpoint(byte[] line, String where) {
        JsonNode o = object(line, where);
        allowed(o, Set.of("note", "consistency"), Set.of("note"), where);
        if (!o.get("note").isTextual()) {
            throw new BundleFormatException("bad-line", where + " note", "note must be a string");
        }
        SignedNote note;
        try {
            note = SignedNote.parse(o.get("note").textValue().getBytes(StandardCharsets.UTF_8));
        } catch (FormatException e) {
            throw new BundleFormatException("bad-note", where, e.rule() + ": " + e.getMessage(), e);
        }
        return new CheckpointLine(note, o.has("consistency") ? proof(o.get("consistency"), where) : null);
    }

    public static OpeningLine opening(byte[] line, String where) {
        JsonNode o = object(line, where);
        allowed(o, Set.of("commitment", "salt", "value"), Set.of("commitment", "salt", "value"), where);
        if (!o.get("commitment").isTextual()) {
            throw new BundleFormatException("bad-line", where + " commitment", "commitment must be a hex string");
        }
        try {
            Hex.decode(o.get("commitment").textValue(), 32);
            ObjectNode op = JsonNodeFactory.instance.objectNode();
            op.set("salt", o.get("salt"));
            op.set("value", o.get("value"));
            return new OpeningLine(o.get("commitment").textValue(), Commitments.Opening.fromJson(op));
        } catch (IllegalArgumentException | FormatException e) {
            throw new BundleFormatException("bad-line", where, e.getMessage(), e);
        }
    }

    static ArrayNode hashes(List<byte[]> hs) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        hs.forEach(h -> a.add(Hex.encode(h)));
        return a;
    }

    private static List<byte[]> proof(JsonNode a, String where) {
        if (!a.isArray() || a.size() > MAX_PROOF_HASHES) {
            throw new BundleFormatException("bad-proof", where, "a proof is an array of at most 63 hashes");
        }
        List<byte[]> out = new ArrayList<>(a.size());
        for (JsonNode h : a) {
            if (!h.isTextual()) {
                throw new BundleFormatException("bad-proof", where, "a proof hash is a hex string");
            }
            try {
                out.add(Hex.decode(h.textValue(), 32));
            } catch (IllegalArgumentException e) {
                throw new BundleFormatException("bad-proof", where, e.getMessage(), e);
            }
        }
        return out;
    }

    private static JsonNode object(byte[] line, String where) {
        JsonNode o;
        try {
            o = CanonicalJson.parse(line);
        } catch (FormatException e) {
            throw new BundleFormatException("bad-line", where, e.rule() + ": " + e.getMessage(), e);
        }
        if (!o.isObject()) {
            throw new BundleFormatException("bad-line", where, "a line is a JSON object");
        }
        return o;
    }

    private static void allowed(JsonNode o, Set<String> allowed, Set<String> required, String where) {
        o.fieldNames().forEachRemaining(n -> {
            if (!allowed.contains(n)) {
                throw new BundleFormatException("unknown-field", where + " " + n, "unknown member " + n);
            }
        });
        for (String r : required) {
            if (!o.has(r)) {
                throw new BundleFormatException("missing-field", where + " " + r, "missing member " + r);
            }
        }
    }
}
