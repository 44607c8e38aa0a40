package org.drledger.core.merkle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.drledger.core.bytes.Hex;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.json.CanonicalJsonException;

/**
 * The JSON exchange form of Merkle proofs. Hashes are lowercase hex of exactly 32 bytes; sizes are non-negative
 * integers; every member is required and no other member is allowed:
 * <pre>
 * {"leafIndex":5,"treeSize":8,"leafHash":"…","proof":["…",…],"root":"…"}
 * {"size1":6,"size2":8,"root1":"…","root2":"…","proof":["…",…]}
 * </pre>
 * Parsing checks the form only (index &lt; size and size1 ≤ size2 are {@link MerkleVerifier}'s business) and throws
 * {@link ProofFormatException} and nothing else for malformed input. Encoding writes canonical JSON (RFC 8785).
 */
public final class MerkleProofJson {
    /** No tree this format can describe needs more; the C2SP witness protocol uses the same limit. */
    public static final int MAX_PROOF_HASHES = 63;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> INCLUSION_FIELDS = Set.of("leafIndex", "treeSize", "leafHash", "proof", "root");
    private static final Set<String> CONSISTENCY_FIELDS = Set.of("size1", "size2", "root1", "root2", "proof");

    private MerkleProofJson() {
    }

    public static ObjectNode toJson(InclusionProof p) {
        ObjectNode o = NODES.objectNode();
        o.put("leafIndex", p.leafIndex());
        o.put("treeSize", p.treeSize());
        o.put("leafHash", Hex.encode(p.leafHash()));
        o.set("proof", hexArray(p.proof()));
        o.put("root", Hex.encode(p.root()));
        return o;
    }

    public static ObjectNode toJson(ConsistencyProof p) {
        ObjectNode o = NODES.objectNode();
        o.put("size1", p.size1());
        o.put("size2", p.size2());
        o.put("root1", Hex.encode(p.root1()));
        o.put("root2", Hex.encode(p.root2()));
        o.set("proof", hexArray(p.proof()));
        return o;
    }

    /** Canonical JSON bytes of the proof. */
    public static byte[] encode(InclusionProof p) {
        return CanonicalJson.write(toJson(p));
    }

    /** Canonical JSON bytes of the proof. */
    public static byte[] encode(ConsistencyProof p) {
        return CanonicalJson.write(toJson(p));
    }

    public static InclusionProof parseInclusion(byte[] utf8) {
        return parseInclusion(parseJson(utf8));
    }

    public static InclusionProof parseInclusion(JsonNode node) {
        checkMembers(node, INCLUSION_FIELDS);
        return new InclusionProof(size(node, "leafIndex"), size(node, "treeSize"), hash(node, "leafHash"),
                proof(node), hash(node, "root"));
    }

    public static ConsistencyProof parseConsistency(byte[] utf8) {
        return parseConsistency(parseJson(utf8));
    }

    public static ConsistencyProof parseConsistency(JsonNode node) {
        checkMembers(node, CONSISTENCY_FIELDS);
        return new ConsistencyProof(size(node, "size1"), size(node, "size2"), hash(node, "root1"),
                hash(node, "root2"), proof(node));
    }

    private static JsonNode parseJson(byte[] utf8) {
        if (utf8 == null) {
            throw new ProofFormatException("malformed-json", "", "no input");
        }
        try {
            return CanonicalJson.parse(utf8);
        } catch (CanonicalJsonException e) {
            throw new ProofFormatException("malformed-json", e.where(), "not ledger JSON (" + e.rule() + "): "
                    + e.getMessage(), e);
        }
    }

    private static void checkMembers(JsonNode node, Set<String> fields) {
        if (node == null || !node.isObject()) {
            throw new ProofFormatException("not-an-object", "", "a proof is a JSON object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new ProofFormatException("unknown-field", pointer(name), "unknown member");
            }
        }
        for (String f : List.of("leafIndex", "treeSize", "leafHash", "size1", "size2", "root1", "root2", "proof",
                "root")) {
            if (fields.contains(f) && !node.has(f)) {
                throw new ProofFormatException("missing-field", pointer(f), "missing member");
            }
        }
    }

    private static long size(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber()) {
            throw new ProofFormatException("wrong-type", pointer(field), "expected an integer");
        }
        if (!v.canConvertToLong() || Math.abs(v.asLong()) > CanonicalJson.MAX_SAFE_INTEGER) {
            throw new ProofFormatException("malformed-json", pointer(field),
                    "integer outside ±(2^53-1)");
        }
        long value = v.longValue();
        if (value < 0) {
            throw new ProofFormatException("negative-size", pointer(field), "negative value " + value);
        }
        return value;
    }

    private static byte[] hash(JsonNode node, String field) {
        return hexHash(node.get(field), pointer(field));
    }

    private static List<byte[]> proof(JsonNode node) {
        JsonNode v = node.get("proof");
        if (!v.isArray()) {
            throw new ProofFormatException("wrong-type", "/proof", "expected an array of hashes");
        }
        if (v.size() > MAX_PROOF_HASHES) {
            throw new ProofFormatException("too-many-hashes", "/proof", v.size() + " hashes, at most "
                    + MAX_PROOF_HASHES + " allowed");
        }
        List<byte[]> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(hexHash(v.get(i), "/proof/" + i));
        }
        return out;
    }

    private static byte[] hexHash(JsonNode v, String pointer) {
        if (!v.isTextual()) {
            throw new ProofFormatException("wrong-type", pointer, "expected a hex string");
        }
        String s = v.textValue();
        // Lowercase only, so that every proof has exactly one encoding.
        if (s.length() % 2 != 0) {
            throw new ProofFormatException("bad-hex", pointer, "odd number of hex digits");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new ProofFormatException("bad-hex", pointer, "not a lowercase hex digit at position " + i);
            }
        }
        if (s.length() != 2 * MerkleHasher.HASH_LENGTH) {
            throw new ProofFormatException("wrong-hash-length", pointer, "a hash is " + MerkleHasher.HASH_LENGTH
                    + " bytes, got " + s.length() / 2);
        }
        return Hex.decode(s);
    }

    private static ArrayNode hexArray(List<byte[]> hashes) {
        ArrayNode a = NODES.arrayNode(hashes.size());
        for (byte[] h : hashes) {
            a.add(Hex.encode(h));
        }
        return a;
    }

    private static String pointer(String field) {
        return "/" + field;
    }
}
