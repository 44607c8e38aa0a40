package org.drledger.core.merkle;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;

/**
 * Writes docs/test-vectors/merkle/. Positive values (leaf hashes, nodes, roots, proofs) come from the literal
 * RFC 6962 reference ({@link Rfc6962Reference}), not from the code under test; each negative is a named mutation
 * of a positive that the reference verifier rejects, with the reason {@link MerkleVerifier} reports.
 *
 * <p>Run from the repository root after {@code mvn -o -pl ledger-core test-compile}, with the module's test
 * classpath (e.g. {@code surefire.test.class.path} from a surefire report, or {@code cp.txt} from
 * {@code dependency:build-classpath}):
 * {@code java -cp "$CP" org.drledger.core.merkle.MerkleVectorsGenerator docs/test-vectors/merkle}.
 * The output is deterministic; rerunning it must leave the committed files unchanged.
 */
public final class MerkleVectorsGenerator {
    static final String[] LEAF_DATA_HEX = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f"};
    static final int[][] INCLUSION_BASES = {{0, 1}, {2, 3}, {1, 5}, {6, 7}, {0, 8}, {5, 8}, {7, 8}};
    static final int[][] CONSISTENCY_BASES = {{1, 2}, {1, 8}, {2, 5}, {3, 7}, {4, 6}, {6, 7}, {6, 8}, {7, 8}};

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final HashAlgorithm alg;
    private final Rfc6962Reference ref;
    private final MerkleVerifier verifier;
    private final List<byte[]> data = new ArrayList<>();

    private MerkleVectorsGenerator(HashAlgorithm alg) {
        this.alg = alg;
        this.ref = new Rfc6962Reference(alg);
        this.verifier = new MerkleVerifier(alg);
        for (String h : LEAF_DATA_HEX) {
            data.add(Hex.decode(h));
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/test-vectors/merkle");
        Files.createDirectories(dir);
        for (HashAlgorithm alg : HashAlgorithm.values()) {
            write(dir.resolve("merkle-" + alg.id() + ".json"), new MerkleVectorsGenerator(alg).build());
        }
        write(dir.resolve("proof-json.json"), ProofJsonVectors.build());
    }

    static void write(Path file, JsonNode node) throws IOException {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        String text = new ObjectMapper().writer(pp).writeValueAsString(node) + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }

    private ObjectNode build() {
        ObjectNode root = F.objectNode();
        root.put("format", "drl Merkle log (RFC 6962 / RFC 9162 tree)");
        root.put("version", 1);
        root.put("hash", alg.id());
        root.put("desc", "The RFC 6962 tree over " + alg.id() + ": emptyRoot = H(\"\"), leafHash(d) = H(0x00||d), "
                + "nodeHash(l,r) = H(0x01||l||r). 'tree' is the 8-leaf tree of transparency-dev/merkle with every "
                + "leaf hash, every perfect-subtree node and the root at every size 0..8. 'inclusion' and "
                + "'consistency' hold every proof in that tree (consistency in RFC 9162 form: root1 is left out "
                + "when size1 is a power of two; size1 = 0 and size1 = size2 take an empty proof) and negatives "
                + "named after their fault. Each case's 'input' is the JSON exchange form of the proof; 'result' "
                + "is valid or invalid; 'reason' (informative: other implementations need only reject) is "
                + "the InvalidProofException reason org.drledger.core.merkle.MerkleVerifier reports; "
                + "'computedRoot' is the root the inclusion path leads to when its structure is valid.");
        root.put("emptyRoot", Hex.encode(ref.hash()));
        root.set("hashes", hasherCases());
        root.set("tree", tree());
        root.set("inclusion", inclusionCases());
        root.set("consistency", consistencyCases());
        return root;
    }

    private ArrayNode hasherCases() {
        ArrayNode out = F.arrayNode();
        out.add(leafCase("empty-leaf", "leaf hash of empty data", new byte[0]));
        out.add(leafCase("leaf-L123456", "leaf hash of ASCII \"L123456\"", ascii("L123456")));
        out.add(leafCase("cctv-leaf-0", "C2SP CCTV: leaf hash of ASCII \"0\"", ascii("0")));
        out.add(leafCase("cctv-leaf-1", "C2SP CCTV: leaf hash of ASCII \"1\"", ascii("1")));
        out.add(nodeCase("node-N123-N456", "node hash of ASCII \"N123\" and \"N456\" (children of any length "
                + "are hashed as given)", ascii("N123"), ascii("N456")));
        out.add(nodeCase("cctv-root-2", "C2SP CCTV: root of the 2-leaf tree of ASCII \"0\", \"1\"",
                ref.leafHash(ascii("0")), ref.leafHash(ascii("1"))));
        return out;
    }

    private ObjectNode leafCase(String name, String desc, byte[] d) {
        ObjectNode c = F.objectNode();
        c.put("name", name);
        c.put("desc", desc);
        c.put("leafData", Hex.encode(d));
        c.put("leafHash", Hex.encode(ref.leafHash(d)));
        return c;
    }

    private ObjectNode nodeCase(String name, String desc, byte[] l, byte[] r) {
        ObjectNode c = F.objectNode();
        c.put("name", name);
        c.put("desc", desc);
        c.put("left", Hex.encode(l));
        c.put("right", Hex.encode(r));
        c.put("nodeHash", Hex.encode(ref.nodeHash(l, r)));
        return c;
    }

    private ObjectNode tree() {
        ObjectNode t = F.objectNode();
        t.put("desc", "leafData[i] is the data of leaf i; nodes lists every perfect subtree of 2^level leaves "
                + "covering [index*2^level, (index+1)*2^level), level >= 1; roots[s] is MTH of the first s leaves");
        ArrayNode leafData = t.putArray("leafData");
        ArrayNode leafHashes = t.putArray("leafHashes");
        for (byte[] d : data) {
            leafData.add(Hex.encode(d));
            leafHashes.add(Hex.encode(ref.leafHash(d)));
        }
        ArrayNode nodes = t.putArray("nodes");
        for (int level = 1; (1 << level) <= data.size(); level++) {
            for (int index = 0; (index + 1) << level <= data.size(); index++) {
                ObjectNode n = nodes.addObject();
                n.put("level", level);
                n.put("index", index);
                n.put("hash", Hex.encode(ref.mth(data.subList(index << level, (index + 1) << level))));
            }
        }
        ArrayNode roots = t.putArray("roots");
        for (int s = 0; s <= data.size(); s++) {
            ObjectNode r = roots.addObject();
            r.put("size", s);
            r.put("root", Hex.encode(root(s)));
        }
        return t;
    }

    private byte[] root(int size) {
        return ref.mth(data.subList(0, size));
    }

    private byte[] leaf(int index) {
        return ref.leafHash(data.get(index));
    }

    // ---------------------------------------------------------------- inclusion

    private ArrayNode inclusionCases() {
        ArrayNode out = F.arrayNode();
        for (int n = 1; n <= data.size(); n++) {
            for (int i = 0; i < n; i++) {
                out.add(inclusion("inclusion-" + i + "-of-" + n, "leaf " + i + " in the tree of size " + n,
                        i, n, leaf(i), ref.path(i, data.subList(0, n)), root(n)));
            }
        }
        for (int[] b : INCLUSION_BASES) {
            int i = b[0];
            int n = b[1];
            String base = "inclusion-" + i + "-of-" + n;
            List<byte[]> p = ref.path(i, data.subList(0, n));
            byte[] l = leaf(i);
            byte[] r = root(n);
            List<ObjectNode> neg = new ArrayList<>();
            for (int k = 0; k < p.size(); k++) {
                neg.add(inclusion(base + "-bitflip-proof-" + k, "one bit flipped in proof[" + k + "]",
                        i, n, l, replace(p, k, flip(p.get(k), k)), r));
            }
            neg.add(inclusion(base + "-bitflip-leaf-hash", "one bit flipped in the leaf hash", i, n, flip(l, 3), p, r));
            neg.add(inclusion(base + "-bitflip-root", "one bit flipped in the root", i, n, l, p, flip(r, 31)));
            if (i + 1 < n) {
                neg.add(inclusion(base + "-wrong-index-plus-1", "leaf index + 1", i + 1, n, l, p, r));
            }
            if (i >= 1) {
                neg.add(inclusion(base + "-wrong-index-minus-1", "leaf index - 1", i - 1, n, l, p, r));
            }
            neg.add(inclusion(base + "-wrong-size-plus-1", "tree size + 1", i, n + 1, l, p, r));
            if (n - 1 > i) {
                neg.add(inclusion(base + "-wrong-size-minus-1", "tree size - 1", i, n - 1, l, p, r));
            }
            neg.add(inclusion(base + "-wrong-size-times-2", "tree size * 2", i, 2L * n, l, p, r));
            if (n / 2 > i) {
                neg.add(inclusion(base + "-wrong-size-half", "tree size / 2", i, n / 2, l, p, r));
            }
            if (!p.isEmpty()) {
                neg.add(inclusion(base + "-truncated-proof", "last proof hash dropped", i, n, l,
                        p.subList(0, p.size() - 1), r));
                neg.add(inclusion(base + "-empty-proof", "empty proof where one is needed", i, n, l, List.of(), r));
            }
            neg.add(inclusion(base + "-extra-trailing-hash", "the root appended to the proof", i, n, l, append(p, r), r));
            neg.add(inclusion(base + "-extra-leading-hash", "the leaf hash prepended to the proof", i, n, l,
                    prepend(l, p), r));
            if (p.size() >= 2) {
                List<byte[]> rev = new ArrayList<>(p);
                Collections.reverse(rev);
                neg.add(inclusion(base + "-reversed-proof", "proof hashes in reverse order", i, n, l, rev, r));
            }
            int other = (i + 1) % data.size();
            neg.add(inclusion(base + "-wrong-leaf-hash", "leaf hash of leaf " + other, i, n, leaf(other), p, r));
            neg.add(inclusion(base + "-leaf-hash-without-prefix", "H(data) instead of H(0x00 || data)", i, n,
                    ref.hash(data.get(i)), p, r));
            neg.add(inclusion(base + "-index-equals-size", "leaf index = tree size", n, n, l, p, r));
            neg.add(inclusion(base + "-index-beyond-size", "leaf index = tree size + 1", n + 1, n, l, p, r));
            keepInvalid(neg, out);
        }
        return out;
    }

    /** A case; its result is decided by the reference verifier, its reason by the verifier under test. */
    private ObjectNode inclusion(String name, String desc, long index, long size, byte[] leafHash, List<byte[]> proof,
            byte[] root) {
        ObjectNode c = F.objectNode();
        c.put("name", name);
        c.put("desc", desc);
        c.set("input", MerkleProofJson.toJson(new InclusionProof(index, size, leafHash, proof, root)));
        boolean valid = ref.verifyInclusion(index, size, leafHash, proof, root);
        try {
            c.put("computedRoot", Hex.encode(verifier.rootFromInclusionProof(index, size, leafHash, proof)));
        } catch (InvalidProofException e) {
            // structurally invalid: no root to compute
        }
        String reason = null;
        try {
            verifier.verifyInclusion(index, size, leafHash, proof, root);
        } catch (InvalidProofException e) {
            reason = e.reason();
        }
        if (valid != (reason == null)) {
            throw new IllegalStateException(name + ": reference says " + valid + ", verifier says " + reason);
        }
        c.put("result", valid ? "valid" : "invalid");
        if (!valid) {
            c.put("reason", reason);
        }
        return c;
    }

    // ---------------------------------------------------------------- consistency

    private List<byte[]> consistencyProof(int m, int n) {
        return m == 0 || m == n ? List.of() : ref.proof(m, data.subList(0, n));
    }

    private ArrayNode consistencyCases() {
        ArrayNode out = F.arrayNode();
        for (int n = 0; n <= data.size(); n++) {
            out.add(consistency("consistency-0-to-" + n, "the empty tree and the tree of size " + n
                    + " (ledger convention: empty proof, root1 = H(\"\"))", 0, n, root(0), root(n), List.of()));
        }
        for (int m = 1; m <= data.size(); m++) {
            for (int n = m; n <= data.size(); n++) {
                out.add(consistency("consistency-" + m + "-to-" + n, "tree of size " + m + " and tree of size " + n,
                        m, n, root(m), root(n), consistencyProof(m, n)));
            }
        }
        List<ObjectNode> neg = new ArrayList<>();
        // Edge conventions.
        neg.add(consistency("consistency-0-to-5-nonempty-proof", "size1 = 0 with a non-empty proof", 0, 5, root(0),
                root(5), consistencyProof(1, 5)));
        neg.add(consistency("consistency-0-to-5-wrong-root1", "size1 = 0 with root1 other than H(\"\")", 0, 5,
                root(1), root(5), List.of()));
        neg.add(consistency("consistency-0-to-0-wrong-root2", "both sizes 0, root2 other than H(\"\")", 0, 0,
                root(0), root(1), List.of()));
        neg.add(consistency("consistency-3-to-3-nonempty-proof", "equal sizes with a non-empty proof", 3, 3,
                root(3), root(3), List.of(leaf(3))));
        neg.add(consistency("consistency-3-to-3-different-roots", "equal sizes, different roots", 3, 3, root(3),
                root(4), List.of()));
        for (int[] b : CONSISTENCY_BASES) {
            int m = b[0];
            int n = b[1];
            String base = "consistency-" + m + "-to-" + n;
            List<byte[]> p = consistencyProof(m, n);
            byte[] r1 = root(m);
            byte[] r2 = root(n);
            for (int k = 0; k < p.size(); k++) {
                neg.add(consistency(base + "-bitflip-proof-" + k, "one bit flipped in proof[" + k + "]", m, n, r1, r2,
                        replace(p, k, flip(p.get(k), k))));
            }
            neg.add(consistency(base + "-bitflip-root1", "one bit flipped in root1", m, n, flip(r1, 0), r2, p));
            neg.add(consistency(base + "-bitflip-root2", "one bit flipped in root2", m, n, r1, flip(r2, 31), p));
            neg.add(consistency(base + "-wrong-size1-plus-1", "size1 + 1", m + 1, n, r1, r2, p));
            neg.add(consistency(base + "-wrong-size1-minus-1", "size1 - 1", m - 1, n, r1, r2, p));
            neg.add(consistency(base + "-wrong-size1-times-2", "size1 * 2", 2L * m, n, r1, r2, p));
            neg.add(consistency(base + "-wrong-size1-half", "size1 / 2", m / 2, n, r1, r2, p));
            neg.add(consistency(base + "-wrong-size2-plus-1", "size2 + 1", m, n + 1, r1, r2, p));
            neg.add(consistency(base + "-wrong-size2-minus-1", "size2 - 1", m, n - 1, r1, r2, p));
            neg.add(consistency(base + "-wrong-size2-times-2", "size2 * 2", m, 2L * n, r1, r2, p));
            neg.add(consistency(base + "-wrong-size2-half", "size2 / 2", m, n / 2, r1, r2, p));
            neg.add(consistency(base + "-truncated-proof", "last proof hash dropped", m, n, r1, r2,
                    p.subList(0, p.size() - 1)));
            neg.add(consistency(base + "-empty-proof", "empty proof where one is needed", m, n, r1, r2, List.of()));
            neg.add(consistency(base + "-extra-trailing-hash", "root2 appended to the proof", m, n, r1, r2,
                    append(p, r2)));
            neg.add(consistency(base + "-extra-leading-hash", "root1 prepended to the proof", m, n, r1, r2,
                    prepend(r1, p)));
            neg.add(consistency(base + "-swapped-roots", "root1 and root2 exchanged", m, n, r2, r1, p));
            neg.add(consistency(base + "-size1-greater-than-size2", "sizes and roots exchanged", n, m, r2, r1, p));
            if (p.size() >= 2) {
                List<byte[]> rev = new ArrayList<>(p);
                Collections.reverse(rev);
                neg.add(consistency(base + "-reversed-proof", "proof hashes in reverse order", m, n, r1, r2, rev));
            }
        }
        keepInvalid(neg, out);
        return out;
    }

    private ObjectNode consistency(String name, String desc, long size1, long size2, byte[] root1, byte[] root2,
            List<byte[]> proof) {
        ObjectNode c = F.objectNode();
        c.put("name", name);
        c.put("desc", desc);
        c.set("input", MerkleProofJson.toJson(new ConsistencyProof(size1, size2, root1, root2, proof)));
        boolean valid = ref.verifyConsistency(size1, size2, root1, root2, proof);
        String reason = null;
        try {
            verifier.verifyConsistency(size1, size2, root1, root2, proof);
        } catch (InvalidProofException e) {
            reason = e.reason();
        }
        if (valid != (reason == null)) {
            throw new IllegalStateException(name + ": reference says " + valid + ", verifier says " + reason);
        }
        c.put("result", valid ? "valid" : "invalid");
        if (!valid) {
            c.put("reason", reason);
        }
        return c;
    }

    // ---------------------------------------------------------------- helpers

    /** Some mutations leave a proof that still verifies (e.g. size 3 and 4 share leaf 0's path shape): no fault. */
    private void keepInvalid(List<ObjectNode> candidates, ArrayNode out) {
        for (ObjectNode c : candidates) {
            if (c.get("result").asText().equals("invalid")) {
                out.add(c);
            } else {
                System.out.println(alg.id() + ": mutation still verifies, left out: " + c.get("name").asText());
            }
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Flips the lowest bit of byte {@code at % length}. */
    static byte[] flip(byte[] h, int at) {
        byte[] out = h.clone();
        out[at % out.length] ^= 1;
        return out;
    }

    static List<byte[]> replace(List<byte[]> p, int k, byte[] h) {
        List<byte[]> out = new ArrayList<>(p);
        out.set(k, h);
        return out;
    }

    static List<byte[]> append(List<byte[]> p, byte[] h) {
        List<byte[]> out = new ArrayList<>(p);
        out.add(h);
        return out;
    }

    static List<byte[]> prepend(byte[] h, List<byte[]> p) {
        List<byte[]> out = new ArrayList<>();
        out.add(h);
        out.addAll(p);
        return out;
    }
}
