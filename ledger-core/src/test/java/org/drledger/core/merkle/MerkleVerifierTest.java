package org.drledger.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.drledger.core.VerificationException;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;
import org.junit.jupiter.api.Test;

/** Evidence carried by rejections, and the edge conventions outside RFC 9162's 0 < size1 < size2. */
class MerkleVerifierTest {
    private final InMemoryMerkleTree tree = MerkleFormatsReferenceTest.eightLeafTree();
    private final MerkleVerifier v = new MerkleVerifier(HashAlgorithm.SHA_256);
    private final byte[] empty = new MerkleHasher(HashAlgorithm.SHA_256).emptyRoot();

    @Test
    void rootMismatchCarriesExpectedAndComputedRoots() {
        List<byte[]> proof = tree.inclusionProof(5, 8);
        byte[] wrongRoot = tree.rootAt(7);
        assertThatThrownBy(() -> v.verifyInclusion(5, 8, tree.leafHash(5), proof, wrongRoot))
                .isInstanceOfSatisfying(InvalidProofException.class, e -> {
                    assertThat(e).isInstanceOf(VerificationException.class);
                    assertThat(e.check()).isEqualTo("merkle.inclusion");
                    assertThat(e.reason()).isEqualTo("root-mismatch");
                    assertThat(e.where()).isEqualTo("index 5 of size 8");
                    assertThat(e.expected()).isEqualTo(Hex.encode(wrongRoot));
                    assertThat(e.computed()).isEqualTo(MerkleFormatsReferenceTest.ROOTS[8]);
                });
    }

    @Test
    void structuralFaultsAreNamed() {
        byte[] leaf = tree.leafHash(5);
        List<byte[]> proof = tree.inclusionProof(5, 8);
        byte[] root = tree.rootAt(8);
        assertReason(() -> v.verifyInclusion(5, 8, leaf, proof.subList(0, 2), root), "proof-length",
                "3 hashes", "2 hashes");
        assertReason(() -> v.verifyInclusion(8, 8, leaf, proof, root), "index-out-of-range", null, null);
        assertReason(() -> v.verifyInclusion(0, 0, leaf, List.of(), empty), "index-out-of-range", null, null);
        assertReason(() -> v.verifyInclusion(-1, 8, leaf, proof, root), "size-out-of-range", null, null);
        assertReason(() -> v.verifyInclusion(5, 8, Arrays.copyOf(leaf, 20), proof, root), "hash-length",
                "32 bytes", "20 bytes");
        assertReason(() -> v.verifyInclusion(5, 8, null, proof, root), "hash-length", "32 bytes", "none");
        assertReason(() -> v.verifyInclusion(5, 8, leaf, Arrays.asList(proof.get(0), null, proof.get(2)), root),
                "hash-length", "32 bytes", "none");
        assertReason(() -> v.verifyInclusion(5, 8, leaf, proof, new byte[0]), "hash-length", "32 bytes", "0 bytes");
        assertReason(() -> v.verifyConsistency(8, 6, tree.rootAt(8), tree.rootAt(6), tree.consistencyProof(6, 8)),
                "size-order", null, null);
        assertReason(() -> v.verifyConsistency(-1, 6, empty, tree.rootAt(6), List.of()), "size-out-of-range",
                null, null);
        assertReason(() -> v.verifyConsistency(6, 8, tree.rootAt(6), Arrays.copyOf(tree.rootAt(8), 64),
                tree.consistencyProof(6, 8)), "hash-length", "32 bytes", "64 bytes");
    }

    @Test
    void equalSizesNeedAnEmptyProofAndEqualRoots() {
        byte[] r = tree.rootAt(5);
        assertThatCode(() -> v.verifyConsistency(5, 5, r, r, List.of())).doesNotThrowAnyException();
        assertReason(() -> v.verifyConsistency(5, 5, r, r, List.of(r)), "proof-length", "0 hashes", "1 hashes");
        assertReason(() -> v.verifyConsistency(5, 5, r, tree.rootAt(6), List.of()), "root-mismatch",
                Hex.encode(r), Hex.encode(tree.rootAt(6)));
    }

    @Test
    void theEmptyTreeIsConsistentWithEveryTreeByAnEmptyProof() {
        for (int n = 0; n <= 8; n++) {
            byte[] r = tree.rootAt(n);
            int size = n;
            assertThatCode(() -> v.verifyConsistency(0, size, empty, r, List.of())).doesNotThrowAnyException();
        }
        assertReason(() -> v.verifyConsistency(0, 3, tree.rootAt(3), tree.rootAt(3), List.of()), "root1-mismatch",
                Hex.encode(empty), MerkleFormatsReferenceTest.ROOTS[3]);
        assertReason(() -> v.verifyConsistency(0, 0, empty, tree.rootAt(1), List.of()), "root2-mismatch",
                Hex.encode(empty), MerkleFormatsReferenceTest.ROOTS[1]);
        assertReason(() -> v.verifyConsistency(0, 3, empty, tree.rootAt(3), tree.consistencyProof(1, 3)),
                "proof-length", "0 hashes", "2 hashes");
    }

    @Test
    void rootFromInclusionProofReturnsTheComputedRoot() throws Exception {
        for (int n = 1; n <= 8; n++) {
            for (int i = 0; i < n; i++) {
                assertThat(v.rootFromInclusionProof(i, n, tree.leafHash(i), tree.inclusionProof(i, n)))
                        .isEqualTo(tree.rootAt(n));
            }
        }
    }

    @Test
    void generatorsRejectImpossibleRequests() {
        assertThatThrownBy(() -> tree.inclusionProof(8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(0, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(-1, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(7, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(1, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.rootAt(9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.rootAt(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.get(3, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.get(4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(tree.get(3, 0)).isEqualTo(tree.root());
    }

    @Test
    void sm3TreesHaveTheSameShapeAndOtherHashes() throws Exception {
        InMemoryMerkleTree sm3 = new InMemoryMerkleTree(HashAlgorithm.SM3);
        for (String d : MerkleFormatsReferenceTest.LEAF_DATA) {
            sm3.append(Hex.decode(d));
        }
        MerkleVerifier sm3v = new MerkleVerifier(HashAlgorithm.SM3);
        for (int n = 1; n <= 8; n++) {
            assertThat(sm3.rootAt(n)).isNotEqualTo(tree.rootAt(n));
            for (int i = 0; i < n; i++) {
                assertThat(sm3.inclusionProof(i, n)).hasSameSizeAs(tree.inclusionProof(i, n));
                sm3v.verifyInclusion(i, n, sm3.leafHash(i), sm3.inclusionProof(i, n), sm3.rootAt(n));
                int index = i;
                int size = n;
                if (n == 1) {
                    continue; // a one-leaf tree's root is its leaf hash under any hash function
                }
                // A SHA-256 proof never verifies under SM3.
                assertThatThrownBy(() -> sm3v.verifyInclusion(index, size, tree.leafHash(index),
                        tree.inclusionProof(index, size), tree.rootAt(size)))
                        .isInstanceOf(InvalidProofException.class);
            }
        }
    }

    private static void assertReason(ThrowingCall call, String reason, String expected, String computed) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidProofException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.expected()).isEqualTo(expected);
            assertThat(e.computed()).isEqualTo(computed);
            assertThat(e.getMessage()).isNotBlank();
        });
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }
}
