package org.drledger.core.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import org.drledger.core.bytes.Hex;
import org.drledger.core.json.CanonicalJson;

/**
 * An entry with its hash and its signature, as stored and exported. Its serialized form is the canonical JSON of
 * {@code {"entry": <envelope>, "hash": <hex>, "sig": <hex>}}.
 *
 * <p>The stored hash is a claim; verification recomputes it from {@link #canonicalEnvelope()}.
 */
public final class SignedEntry {
    private static final Set<String> FIELDS = Set.of("entry", "hash", "sig");

    private final Entry entry;
    private final byte[] canonicalEnvelope;
    private final byte[] hash;
    private final byte[] signature;

    public SignedEntry(Entry entry, byte[] canonicalEnvelope, byte[] hash, byte[] signature) {
        this.entry = entry;
        this.canonicalEnvelope = canonicalEnvelope.clone();
        this.hash = hash.clone();
        this.signature = signature.clone();
    }

    public Entry entry() {
        return entry;
    }

    public byte[] canonicalEnvelope() {
        return canonicalEnvelope.clone();
    }

    public byte[] hash() {
        return hash.clone();
    }

    public String hashHex() {
        return Hex.encode(hash);
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** Merkle leaf data for this entry (see {@link LedgerHashing#leafData}). */
    public byte[] leafData() {
        return LedgerHashing.leafData(hash, signature);
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("entry", CanonicalJson.parse(canonicalEnvelope));
        o.put("hash", Hex.encode(hash));
        o.put("sig", Hex.encode(signature));
        return o;
    }

    public byte[] toCanonicalJson() {
        return CanonicalJson.write(toJson());
    }

    /**
     * Reads a signed entry. The envelope's canonical bytes are re-derived from the parsed tree; whether the input
     * itself was canonical is a separate check ({@link EntryVerifier}) so a verifier can report it by name.
     */
    public static SignedEntry fromJson(JsonNode o) {
        return fromJson(o, null);
    }

    /**
     * As {@link #fromJson(JsonNode)} for a caller that already holds the envelope's canonical bytes, which MUST
     * be {@code CanonicalJson.write(o.get("entry"))} (e.g. its span within a line found to be canonical):
     * they are used as they are instead of being written again.
     */
    public static SignedEntry fromJson(JsonNode o, byte[] canonicalEnvelope) {
        if (o == null || !o.isObject()) {
            throw new EntryFormatException("wrong-type", "", "a signed entry must be a JSON object");
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw new EntryFormatException("unknown-field", name, "not part of a signed entry");
            }
        }
        JsonNode envelope = o.get("entry");
        Entry entry = Entry.fromJson(envelope);
        byte[] canonical = canonicalEnvelope != null ? canonicalEnvelope : entry.canonicalBytes();
        return new SignedEntry(entry, canonical, hex(o, "hash", 32), hex(o, "sig", -1));
    }

    public static SignedEntry parse(byte[] utf8Json) {
        return fromJson(CanonicalJson.parse(utf8Json));
    }

    private static byte[] hex(JsonNode o, String name, int length) {
        JsonNode v = o.get(name);
        if (v == null) {
            throw new EntryFormatException("missing-field", name, "required");
        }
        if (!v.isTextual()) {
            throw new EntryFormatException("wrong-type", name, "must be a hex string");
        }
        try {
            byte[] b = Hex.decode(v.textValue());
            if (length >= 0 && b.length != length) {
                throw new EntryFormatException("bad-hex", name, "must be " + length + " bytes, was " + b.length);
            }
            if (b.length == 0) {
                throw new EntryFormatException("bad-hex", name, "must not be empty");
            }
            return b;
        } catch (IllegalArgumentException e) {
            throw new EntryFormatException("bad-hex", name, e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedEntry other && Arrays.equals(canonicalEnvelope, other.canonicalEnvelope)
                && Arrays.equals(hash, other.hash) && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return entry.stream() + "#" + entry.seq() + " " + entry.type() + " " + hashHex();
    }
}
