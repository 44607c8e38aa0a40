package org.drledger.core.merkle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds docs/test-vectors/merkle/proof-json.json: the JSON proof form, well-formed and malformed. */
final class ProofJsonVectors {
    static final String L0 = "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d";
    static final String L4 = "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b";
    static final String L5 = "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658";
    static final String N45 = "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a";
    static final String N67 = "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0";
    static final String N03 = "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7";
    static final String ROOT6 = "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef";
    static final String ROOT8 = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ProofJsonVectors() {
    }

    static String incl(String leafIndex, String treeSize, String leafHash, String proof, String root) {
        return "{\"leafIndex\":" + leafIndex + ",\"treeSize\":" + treeSize + ",\"leafHash\":" + leafHash
                + ",\"proof\":" + proof + ",\"root\":" + root + "}";
    }

    static String cons(String size1, String size2, String root1, String root2, String proof) {
        return "{\"size1\":" + size1 + ",\"size2\":" + size2 + ",\"root1\":" + root1 + ",\"root2\":" + root2
                + ",\"proof\":" + proof + "}";
    }

    static String q(String s) {
        return "\"" + s + "\"";
    }

    static ObjectNode build() {
        String inclProof = "[" + q(L4) + "," + q(N67) + "," + q(N03) + "]";
        String consProof = "[" + q(N45) + "," + q(N67) + "," + q(N03) + "]";
        String okIncl = incl("5", "8", q(L5), inclProof, q(ROOT8));
        String okCons = cons("6", "8", q(ROOT6), q(ROOT8), consProof);
        String sixtyFour = "[" + String.join(",", java.util.Collections.nCopies(64, q(L0))) + "]";
        String sixtyThree = "[" + String.join(",", java.util.Collections.nCopies(63, q(L0))) + "]";

        List<ObjectNode> cases = new ArrayList<>();
        cases.add(ok("inclusion-5-of-8", "SHA-256 8-leaf tree, leaf 5, canonical form", "inclusion", okIncl));
        cases.add(ok("consistency-6-to-8", "SHA-256 8-leaf tree, sizes 6 to 8, canonical form", "consistency",
                okCons));
        cases.add(ok("inclusion-noncanonical-layout", "whitespace and member order are free on input; "
                + "encoding is canonical", "inclusion", "{ \"root\": " + q(ROOT8) + ",\n  \"proof\": " + inclProof
                + ", \"leafHash\": " + q(L5) + ", \"treeSize\": 8, \"leafIndex\": 5 }"));
        cases.add(ok("consistency-0-to-8", "size1 = 0: empty proof", "consistency",
                cons("0", "8", q("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), q(ROOT8),
                        "[]")));
        cases.add(ok("inclusion-63-hashes", "63 proof hashes is the most allowed (form only; it does not verify)",
                "inclusion", incl("5", "8", q(L5), sixtyThree, q(ROOT8))));
        cases.add(ok("inclusion-index-not-below-size", "index >= size is well-formed; the verifier rejects it",
                "inclusion", incl("8", "8", q(L5), inclProof, q(ROOT8))));

        cases.add(err("not-json", "truncated JSON", "inclusion", okIncl.substring(0, 40), "malformed-json"));
        cases.add(err("empty-input", "no JSON value", "inclusion", "", "malformed-json"));
        cases.add(err("trailing-data", "a second value after the object", "inclusion", okIncl + "{}",
                "malformed-json"));
        cases.add(err("duplicate-member", "treeSize twice", "inclusion",
                okIncl.replace("\"treeSize\":8", "\"treeSize\":8,\"treeSize\":9"), "malformed-json"));
        cases.add(err("float-size", "8.0 is not an integer", "inclusion", okIncl.replace("\"treeSize\":8",
                "\"treeSize\":8.0"), "malformed-json"));
        cases.add(err("size-beyond-2^53", "sizes are at most 2^53-1", "consistency",
                cons("6", "9007199254740992", q(ROOT6), q(ROOT8), consProof), "malformed-json"));
        cases.add(err("array-not-object", "a proof is an object", "inclusion", "[" + okIncl + "]", "not-an-object"));
        cases.add(err("missing-leafHash", "no leafHash", "inclusion",
                okIncl.replace("\"leafHash\":" + q(L5) + ",", ""), "missing-field"));
        cases.add(err("missing-proof", "no proof member (an empty proof is [])", "consistency",
                okCons.replace(",\"proof\":" + consProof, ""), "missing-field"));
        cases.add(err("inclusion-form-as-consistency", "an inclusion proof read as a consistency proof",
                "consistency", okIncl, "unknown-field"));
        cases.add(err("unknown-member", "an extra member", "inclusion",
                okIncl.replace("{", "{\"hashAlg\":\"sha-256\","), "unknown-field"));
        cases.add(err("size-as-string", "\"8\" is a string", "inclusion",
                okIncl.replace("\"treeSize\":8", "\"treeSize\":\"8\""), "wrong-type"));
        cases.add(err("size-as-boolean", "true is not a size", "consistency",
                okCons.replace("\"size1\":6", "\"size1\":true"), "wrong-type"));
        cases.add(err("size-null", "null is not a size", "inclusion",
                okIncl.replace("\"leafIndex\":5", "\"leafIndex\":null"), "wrong-type"));
        cases.add(err("proof-not-array", "proof is a string", "inclusion", incl("5", "8", q(L5), q(L4), q(ROOT8)),
                "wrong-type"));
        cases.add(err("proof-element-number", "a proof element is a number", "consistency",
                cons("6", "8", q(ROOT6), q(ROOT8), "[1]"), "wrong-type"));
        cases.add(err("hash-not-string", "root is an array", "inclusion",
                incl("5", "8", q(L5), inclProof, "[" + q(ROOT8) + "]"), "wrong-type"));
        cases.add(err("negative-index", "leafIndex -1", "inclusion", incl("-1", "8", q(L5), inclProof, q(ROOT8)),
                "negative-size"));
        cases.add(err("negative-size1", "size1 -6", "consistency", cons("-6", "8", q(ROOT6), q(ROOT8), consProof),
                "negative-size"));
        cases.add(err("uppercase-hex", "hex must be lowercase", "inclusion",
                incl("5", "8", q(L5.toUpperCase()), inclProof, q(ROOT8)), "bad-hex"));
        cases.add(err("non-hex-digit", "a 'g' in the root", "consistency",
                cons("6", "8", q(ROOT6), q("g" + ROOT8.substring(1)), consProof), "bad-hex"));
        cases.add(err("odd-hex-length", "63 hex digits", "inclusion",
                incl("5", "8", q(L5.substring(1)), inclProof, q(ROOT8)), "bad-hex"));
        cases.add(err("base64-hash", "base64 instead of hex", "inclusion",
                incl("5", "8", q("QnGia+DYqE8L1UxMMC58s6O10fpngKQLzOKHNHfatlg="), inclProof, q(ROOT8)), "bad-hex"));
        cases.add(err("short-hash", "31-byte proof hash", "inclusion",
                incl("5", "8", q(L5), "[" + q(L4.substring(2)) + "]", q(ROOT8)), "wrong-hash-length"));
        cases.add(err("long-hash", "33-byte root1", "consistency",
                cons("6", "8", q(ROOT6 + "00"), q(ROOT8), consProof), "wrong-hash-length"));
        cases.add(err("empty-hash", "empty root", "inclusion", incl("5", "8", q(L5), inclProof, q("")),
                "wrong-hash-length"));
        cases.add(err("64-hashes", "more than 63 proof hashes", "inclusion",
                incl("5", "8", q(L5), sixtyFour, q(ROOT8)), "too-many-hashes"));
        cases.add(err("64-hashes-consistency", "more than 63 proof hashes", "consistency",
                cons("6", "8", q(ROOT6), q(ROOT8), sixtyFour), "too-many-hashes"));

        ObjectNode root = F.objectNode();
        root.put("format", "drl Merkle proof JSON form");
        root.put("version", 1);
        root.put("desc", "Each case: 'kind' (inclusion or consistency), the UTF-8 JSON text 'input', and either the "
                + "canonical encoding of the parsed proof ('canonical') or the rule a conforming parser reports "
                + "('error'). Parsing checks the form only, not whether the proof verifies.");
        ArrayNode arr = root.putArray("cases");
        cases.forEach(arr::add);
        return root;
    }

    private static ObjectNode ok(String name, String desc, String kind, String input) {
        ObjectNode c = base(name, desc, kind, input);
        byte[] in = input.getBytes(StandardCharsets.UTF_8);
        byte[] canonical = kind.equals("inclusion")
                ? MerkleProofJson.encode(MerkleProofJson.parseInclusion(in))
                : MerkleProofJson.encode(MerkleProofJson.parseConsistency(in));
        c.put("canonical", new String(canonical, StandardCharsets.UTF_8));
        return c;
    }

    private static ObjectNode err(String name, String desc, String kind, String input, String rule) {
        ObjectNode c = base(name, desc, kind, input);
        byte[] in = input.getBytes(StandardCharsets.UTF_8);
        try {
            if (kind.equals("inclusion")) {
                MerkleProofJson.parseInclusion(in);
            } else {
                MerkleProofJson.parseConsistency(in);
            }
            throw new IllegalStateException(name + ": parsed, expected " + rule);
        } catch (ProofFormatException e) {
            if (!e.rule().equals(rule)) {
                throw new IllegalStateException(name + ": rule " + e.rule() + ", expected " + rule, e);
            }
        }
        c.put("error", rule);
        return c;
    }

    private static ObjectNode base(String name, String desc, String kind, String input) {
        ObjectNode c = F.objectNode();
        c.put("name", name);
        c.put("desc", desc);
        c.put("kind", kind);
        c.put("input", input);
        return c;
    }
}
