package org.drledger.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.drledger.core.TestVectors;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The implementation reproduces every value of docs/test-vectors/merkle/merkle-*.json and rejects every negative. */
class MerkleVectorsTest {

    private static final Map<HashAlgorithm, JsonNode> FILES = new EnumMap<>(HashAlgorithm.class);

    static synchronized JsonNode file(HashAlgorithm alg) {
        return FILES.computeIfAbsent(alg, a -> TestVectors.read("merkle/merkle-" + a.id() + ".json"));
    }

    static InMemoryMerkleTree tree(HashAlgorithm alg) {
        InMemoryMerkleTree tree = new InMemoryMerkleTree(alg);
        for (JsonNode d : file(alg).get("tree").get("leafData")) {
            tree.append(Hex.decode(d.asText()));
        }
        return tree;
    }

    static Stream<Arguments> cases(String section) {
        List<Arguments> out = new ArrayList<>();
        for (HashAlgorithm alg : HashAlgorithm.values()) {
            for (JsonNode c : file(alg).get(section)) {
                out.add(Arguments.of(alg.id() + " " + c.get("name").asText(), alg, c));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> inclusionCases() {
        return cases("inclusion");
    }

    static Stream<Arguments> consistencyCases() {
        return cases("consistency");
    }

    @Test
    void sha256FileCarriesTheFormatsReferenceValues() {
        JsonNode f = file(HashAlgorithm.SHA_256);
        assertThat(f.get("emptyRoot").asText()).isEqualTo(MerkleFormatsReferenceTest.EMPTY);
        JsonNode t = f.get("tree");
        for (int i = 0; i < 8; i++) {
            assertThat(t.get("leafData").get(i).asText()).isEqualTo(MerkleFormatsReferenceTest.LEAF_DATA[i]);
            assertThat(t.get("leafHashes").get(i).asText()).isEqualTo(MerkleFormatsReferenceTest.L[i]);
        }
        for (int s = 0; s <= 8; s++) {
            assertThat(t.get("roots").get(s).get("root").asText()).isEqualTo(MerkleFormatsReferenceTest.ROOTS[s]);
        }
    }

    @Test
    void bothSuitesShareTheTreeShapeButNotTheHashes() {
        JsonNode sha = file(HashAlgorithm.SHA_256);
        JsonNode sm3 = file(HashAlgorithm.SM3);
        assertThat(sm3.get("tree").get("leafData")).isEqualTo(sha.get("tree").get("leafData"));
        assertThat(sm3.get("inclusion").size()).isEqualTo(sha.get("inclusion").size());
        assertThat(sm3.get("consistency").size()).isEqualTo(sha.get("consistency").size());
        for (int s = 0; s <= 8; s++) {
            assertThat(sm3.get("tree").get("roots").get(s).get("root"))
                    .isNotEqualTo(sha.get("tree").get("roots").get(s).get("root"));
        }
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void hasherCases(HashAlgorithm alg) {
        MerkleHasher h = new MerkleHasher(alg);
        JsonNode f = file(alg);
        assertThat(f.get("hash").asText()).isEqualTo(alg.id());
        assertThat(Hex.encode(h.emptyRoot())).isEqualTo(f.get("emptyRoot").asText());
        for (JsonNode c : f.get("hashes")) {
            if (c.has("leafHash")) {
                assertThat(Hex.encode(h.leafHash(Hex.decode(c.get("leafData").asText()))))
                        .as(c.get("name").asText()).isEqualTo(c.get("leafHash").asText());
            } else {
                assertThat(Hex.encode(h.nodeHash(Hex.decode(c.get("left").asText()),
                        Hex.decode(c.get("right").asText())))).as(c.get("name").asText())
                        .isEqualTo(c.get("nodeHash").asText());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void treeLeavesNodesAndRootsAtEverySize(HashAlgorithm alg) {
        JsonNode t = file(alg).get("tree");
        InMemoryMerkleTree tree = tree(alg);
        CompactRange range = new CompactRange(new MerkleHasher(alg));
        assertThat(Hex.encode(range.root())).isEqualTo(t.get("roots").get(0).get("root").asText());
        for (int i = 0; i < t.get("leafData").size(); i++) {
            assertThat(Hex.encode(tree.leafHash(i))).isEqualTo(t.get("leafHashes").get(i).asText());
            range.append(Hex.decode(t.get("leafData").get(i).asText()));
            assertThat(Hex.encode(range.root())).isEqualTo(t.get("roots").get(i + 1).get("root").asText());
        }
        for (JsonNode n : t.get("nodes")) {
            assertThat(Hex.encode(tree.get(n.get("level").asInt(), n.get("index").asLong())))
                    .isEqualTo(n.get("hash").asText());
        }
        for (JsonNode r : t.get("roots")) {
            assertThat(Hex.encode(tree.rootAt(r.get("size").asLong()))).isEqualTo(r.get("root").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionCases")
    void inclusion(String name, HashAlgorithm alg, JsonNode c) throws Exception {
        InclusionProof p = MerkleProofJson.parseInclusion(c.get("input"));
        MerkleVerifier verifier = new MerkleVerifier(alg);
        Rfc6962Reference ref = new Rfc6962Reference(alg);
        if (c.has("computedRoot")) {
            assertThat(Hex.encode(verifier.rootFromInclusionProof(p.leafIndex(), p.treeSize(), p.leafHash(),
                    p.proof()))).isEqualTo(c.get("computedRoot").asText());
        }
        if (c.get("result").asText().equals("valid")) {
            InMemoryMerkleTree tree = tree(alg);
            assertThat(tree.inclusionProof(p.leafIndex(), p.treeSize())).usingElementComparator(HASHES)
                    .containsExactlyElementsOf(p.proof());
            assertThat(tree.rootAt(p.treeSize())).isEqualTo(p.root());
            assertThat(tree.leafHash(p.leafIndex())).isEqualTo(p.leafHash());
            assertThatCode(() -> verifier.verify(p)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> verifier.verify(p)).isInstanceOfSatisfying(InvalidProofException.class, e -> {
                assertThat(e.check()).isEqualTo("merkle.inclusion");
                assertThat(e.reason()).isEqualTo(c.get("reason").asText());
            });
            assertThat(ref.verifyInclusion(p.leafIndex(), p.treeSize(), p.leafHash(), p.proof(), p.root())).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyCases")
    void consistency(String name, HashAlgorithm alg, JsonNode c) {
        ConsistencyProof p = MerkleProofJson.parseConsistency(c.get("input"));
        MerkleVerifier verifier = new MerkleVerifier(alg);
        Rfc6962Reference ref = new Rfc6962Reference(alg);
        if (c.get("result").asText().equals("valid")) {
            InMemoryMerkleTree tree = tree(alg);
            assertThat(tree.consistencyProof(p.size1(), p.size2())).usingElementComparator(HASHES)
                    .containsExactlyElementsOf(p.proof());
            assertThat(tree.rootAt(p.size1())).isEqualTo(p.root1());
            assertThat(tree.rootAt(p.size2())).isEqualTo(p.root2());
            assertThatCode(() -> verifier.verify(p)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> verifier.verify(p)).isInstanceOfSatisfying(InvalidProofException.class, e -> {
                assertThat(e.check()).isEqualTo("merkle.consistency");
                assertThat(e.reason()).isEqualTo(c.get("reason").asText());
            });
            assertThat(ref.verifyConsistency(p.size1(), p.size2(), p.root1(), p.root2(), p.proof())).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void everyProofOfTheEightLeafTreeIsListed(HashAlgorithm alg) {
        JsonNode f = file(alg);
        List<String> names = new ArrayList<>();
        f.get("inclusion").forEach(c -> names.add(c.get("name").asText()));
        f.get("consistency").forEach(c -> names.add(c.get("name").asText()));
        for (int n = 1; n <= 8; n++) {
            for (int i = 0; i < n; i++) {
                assertThat(names).contains("inclusion-" + i + "-of-" + n);
            }
        }
        for (int m = 0; m <= 8; m++) {
            for (int n = m; n <= 8; n++) {
                assertThat(names).contains("consistency-" + m + "-to-" + n);
            }
        }
    }

    static final java.util.Comparator<byte[]> HASHES = java.util.Arrays::compare;
}
