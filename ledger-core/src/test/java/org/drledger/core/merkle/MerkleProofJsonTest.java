package org.drledger.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.drledger.core.FormatException;
import org.drledger.core.TestVectors;
import org.drledger.core.crypto.HashAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MerkleProofJsonTest {

    static Stream<Arguments> vectors() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : TestVectors.read("merkle/proof-json.json").get("cases")) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        return out.stream();
    }

    static Object parse(String kind, byte[] in) {
        return kind.equals("inclusion") ? MerkleProofJson.parseInclusion(in) : MerkleProofJson.parseConsistency(in);
    }

    static byte[] encode(Object proof) {
        return proof instanceof InclusionProof p ? MerkleProofJson.encode(p)
                : MerkleProofJson.encode((ConsistencyProof) proof);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reproducesSharedVector(String name, JsonNode c) {
        byte[] in = c.get("input").asText().getBytes(StandardCharsets.UTF_8);
        String kind = c.get("kind").asText();
        if (c.has("canonical")) {
            Object proof = parse(kind, in);
            assertThat(new String(encode(proof), StandardCharsets.UTF_8)).isEqualTo(c.get("canonical").asText());
            assertThat(parse(kind, encode(proof))).isEqualTo(proof);
        } else {
            assertThatThrownBy(() -> parse(kind, in)).isInstanceOfSatisfying(ProofFormatException.class,
                    e -> assertThat(e.rule()).isEqualTo(c.get("error").asText()));
        }
    }

    @Test
    void errorsNameTheOffendingMember() {
        String bad = "{\"size1\":6,\"size2\":8,\"root1\":\"" + ProofJsonVectors.ROOT6 + "\",\"root2\":\""
                + ProofJsonVectors.ROOT8 + "\",\"proof\":[\"" + ProofJsonVectors.N45 + "\",\"abc\"]}";
        assertThatThrownBy(() -> MerkleProofJson.parseConsistency(bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProofFormatException.class, e -> {
                    assertThat(e.rule()).isEqualTo("bad-hex");
                    assertThat(e.where()).isEqualTo("/proof/1");
                });
    }

    @Test
    void treesBuiltInCodeAreCheckedLikeParsedOnes() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode base = MerkleProofJson.toJson(new InclusionProof(5, 8, new byte[32], List.of(), new byte[32]));
        assertThat(MerkleProofJson.parseInclusion(base).treeSize()).isEqualTo(8);
        assertRule(base.deepCopy().put("treeSize", 8.5), "wrong-type");
        assertRule(base.deepCopy().put("treeSize", BigInteger.TWO.pow(70)), "malformed-json");
        assertRule(base.deepCopy().put("treeSize", 1L << 60), "malformed-json");
        assertRule(base.deepCopy().put("treeSize", Long.MIN_VALUE), "negative-size");
        assertRule(base.deepCopy().set("proof", f.objectNode()), "wrong-type");
        assertRule(f.textNode("x"), "not-an-object");
        assertRule(null, "not-an-object");
    }

    private static void assertRule(JsonNode node, String rule) {
        assertThatThrownBy(() -> MerkleProofJson.parseInclusion(node))
                .isInstanceOfSatisfying(ProofFormatException.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }

    @Test
    void nullInputIsAFormatError() {
        assertThatThrownBy(() -> MerkleProofJson.parseInclusion((byte[]) null))
                .isInstanceOf(ProofFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomGarbageOnlyEverThrowsProofFormatException(long seed) {
        Random rnd = new Random(seed);
        String valid = new String(MerkleProofJson.encode(new InclusionProof(5, 8, new byte[32],
                List.of(new byte[32], new byte[32]), new byte[32])), StandardCharsets.UTF_8);
        String alphabet = "{}[]\":,0123456789abcdefABCDEF-+.eE \\nultrfs";
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder(valid);
            int edits = 1 + rnd.nextInt(4);
            for (int j = 0; j < edits; j++) {
                int pos = rnd.nextInt(sb.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(pos);
                    case 1 -> sb.insert(pos, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    default -> sb.setCharAt(pos, alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
            }
            byte[] in = sb.toString().getBytes(StandardCharsets.UTF_8);
            for (String kind : List.of("inclusion", "consistency")) {
                try {
                    parse(kind, in);
                } catch (FormatException e) {
                    assertThat(e).isInstanceOf(ProofFormatException.class);
                }
            }
        }
    }

    @Test
    void roundTripOfRealProofs() throws Exception {
        InMemoryMerkleTree tree = MerkleFormatsReferenceTest.eightLeafTree();
        MerkleVerifier v = new MerkleVerifier(HashAlgorithm.SHA_256);
        for (int n = 1; n <= 8; n++) {
            for (int i = 0; i < n; i++) {
                InclusionProof p = new InclusionProof(i, n, tree.leafHash(i), tree.inclusionProof(i, n),
                        tree.rootAt(n));
                InclusionProof back = MerkleProofJson.parseInclusion(MerkleProofJson.encode(p));
                assertThat(back).isEqualTo(p).hasSameHashCodeAs(p);
                v.verify(back);
            }
            for (int m = 0; m <= n; m++) {
                ConsistencyProof p = new ConsistencyProof(m, n, tree.rootAt(m), tree.rootAt(n),
                        tree.consistencyProof(m, n));
                ConsistencyProof back = MerkleProofJson.parseConsistency(MerkleProofJson.encode(p));
                assertThat(back).isEqualTo(p);
                v.verify(back);
            }
        }
    }
}
