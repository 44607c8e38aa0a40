package org.drledger.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast code against the literal RFC 6962 reference on random trees (fixed seeds): roots at every size,
 * inclusion and consistency proofs byte for byte, and both verifiers accepting each other's proofs.
 */
class MerkleReferenceCrossCheckTest {
    static final int MAX = 1100;

    /** Powers of two and their neighbours up to 1024, some odd sizes, and MAX. */
    static List<Integer> sizes() {
        TreeSet<Integer> s = new TreeSet<>(List.of(1, 2, 3, 5, 6, 7, 11, 13, 100, 257 + 256, 1000, MAX));
        for (int p = 1; p <= 1024; p <<= 1) {
            s.add(p - 1 > 0 ? p - 1 : p);
            s.add(p);
            s.add(p + 1);
        }
        return new ArrayList<>(s);
    }

    static Stream<Arguments> trees() {
        return Stream.of(
                Arguments.of(HashAlgorithm.SHA_256, 1L),
                Arguments.of(HashAlgorithm.SHA_256, 20260101L),
                Arguments.of(HashAlgorithm.SM3, 2L),
                Arguments.of(HashAlgorithm.SM3, 32905L));
    }

    static List<byte[]> randomLeaves(Random rnd, int n) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] d = new byte[rnd.nextInt(48)];
            rnd.nextBytes(d);
            out.add(d);
        }
        return out;
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trees")
    void rootsAtEverySize(HashAlgorithm alg, long seed) {
        Random rnd = new Random(seed);
        List<byte[]> data = randomLeaves(rnd, MAX);
        Rfc6962Reference ref = new Rfc6962Reference(alg);
        InMemoryMerkleTree tree = new InMemoryMerkleTree(alg);
        CompactRange range = new CompactRange(new MerkleHasher(alg));
        // Every size for the first seed of each suite, the interesting sizes for the others (the reference is slow).
        boolean every = seed < 10;
        List<Integer> check = sizes();
        assertThat(tree.root()).isEqualTo(ref.mth(List.of()));
        for (int s = 1; s <= MAX; s++) {
            tree.append(data.get(s - 1));
            range.append(data.get(s - 1));
            if (every || check.contains(s)) {
                byte[] expected = ref.mth(data.subList(0, s));
                assertThat(tree.root()).as("root at size %d", s).isEqualTo(expected);
                assertThat(range.root()).as("compact root at size %d", s).isEqualTo(expected);
            }
        }
        for (int s = 0; s <= MAX; s += every ? 1 : 37) {
            assertThat(tree.rootAt(s)).as("rootAt(%d)", s).isEqualTo(ref.mth(data.subList(0, s)));
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trees")
    void inclusionProofsMatchTheReference(HashAlgorithm alg, long seed) throws Exception {
        Random rnd = new Random(seed);
        List<byte[]> data = randomLeaves(rnd, MAX);
        Rfc6962Reference ref = new Rfc6962Reference(alg);
        InMemoryMerkleTree tree = treeOf(alg, data);
        MerkleVerifier verifier = new MerkleVerifier(alg);
        for (int n : sizes()) {
            List<byte[]> d = data.subList(0, n);
            byte[] root = ref.mth(d);
            TreeSet<Integer> indices = new TreeSet<>(List.of(0, n / 2, n - 1, Math.max(0, n - 2), Math.min(1, n - 1)));
            for (int j = 0; j < 4; j++) {
                indices.add(rnd.nextInt(n));
            }
            for (int i : indices) {
                List<byte[]> expected = ref.path(i, d);
                List<byte[]> actual = tree.inclusionProof(i, n);
                assertThat(hex(actual)).as("PATH(%d, D[%d])", i, n).isEqualTo(hex(expected));
                byte[] leaf = ref.leafHash(d.get(i));
                assertThat(ref.verifyInclusion(i, n, leaf, actual, root)).isTrue();
                verifier.verifyInclusion(i, n, leaf, expected, root);
                assertThat(verifier.rootFromInclusionProof(i, n, leaf, expected)).isEqualTo(root);
            }
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trees")
    void consistencyProofsMatchTheReference(HashAlgorithm alg, long seed) throws Exception {
        Random rnd = new Random(seed);
        List<byte[]> data = randomLeaves(rnd, MAX);
        Rfc6962Reference ref = new Rfc6962Reference(alg);
        InMemoryMerkleTree tree = treeOf(alg, data);
        MerkleVerifier verifier = new MerkleVerifier(alg);
        List<Integer> sizes = sizes();
        for (int n : sizes) {
            List<byte[]> d = data.subList(0, n);
            byte[] root2 = ref.mth(d);
            TreeSet<Integer> firsts = new TreeSet<>(List.of(1, n / 2 == 0 ? 1 : n / 2, Math.max(1, n - 1)));
            for (int m : sizes) {
                if (m < n && rnd.nextInt(3) == 0) {
                    firsts.add(m);
                }
            }
            for (int j = 0; j < 3; j++) {
                firsts.add(1 + rnd.nextInt(n));
            }
            for (int m : firsts) {
                if (m == n) {
                    assertThat(tree.consistencyProof(m, n)).isEmpty();
                    continue;
                }
                List<byte[]> expected = ref.proof(m, d);
                List<byte[]> actual = tree.consistencyProof(m, n);
                assertThat(hex(actual)).as("PROOF(%d, D[%d])", m, n).isEqualTo(hex(expected));
                byte[] root1 = ref.mth(data.subList(0, m));
                assertThat(ref.verifyConsistency(m, n, root1, root2, actual)).isTrue();
                verifier.verifyConsistency(m, n, root1, root2, expected);
            }
            assertThat(tree.consistencyProof(0, n)).isEmpty();
            verifier.verifyConsistency(0, n, ref.mth(List.of()), root2, List.of());
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trees")
    void proofsFetchLogarithmicallyManyStoredNodes(HashAlgorithm alg, long seed) {
        Random rnd = new Random(seed);
        InMemoryMerkleTree tree = treeOf(alg, randomLeaves(rnd, MAX));
        int[] gets = new int[1];
        ProofGenerator gen = new ProofGenerator(new MerkleHasher(alg), (level, index) -> {
            gets[0]++;
            return tree.get(level, index);
        });
        for (int n : sizes()) {
            int bound = 2 * (32 - Integer.numberOfLeadingZeros(n)) + 1;
            gets[0] = 0;
            assertThat(gen.rootAt(n)).isEqualTo(tree.rootAt(n));
            assertThat(gets[0]).isLessThanOrEqualTo(bound);
            for (int j = 0; j < 5; j++) {
                int i = rnd.nextInt(n);
                gets[0] = 0;
                gen.inclusionProof(i, n);
                assertThat(gets[0]).as("fetches for PATH(%d, D[%d])", i, n).isLessThanOrEqualTo(bound);
                int m = 1 + rnd.nextInt(n);
                gets[0] = 0;
                gen.consistencyProof(m, n);
                assertThat(gets[0]).as("fetches for PROOF(%d, D[%d])", m, n).isLessThanOrEqualTo(bound);
            }
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("trees")
    void compactRangeStateAtAnySizeRestoresTheSameRoot(HashAlgorithm alg, long seed) {
        Random rnd = new Random(seed);
        List<byte[]> data = randomLeaves(rnd, 300);
        InMemoryMerkleTree tree = treeOf(alg, data);
        MerkleHasher h = new MerkleHasher(alg);
        for (int s = 0; s <= 300; s += 1 + rnd.nextInt(7)) {
            CompactRange r = CompactRange.restore(h, s, tree.subtreeHashesAt(s), null);
            assertThat(r.root()).isEqualTo(tree.rootAt(s));
            for (int i = s; i < data.size(); i++) {
                r.append(data.get(i));
            }
            assertThat(r.root()).isEqualTo(tree.root());
        }
    }

    static InMemoryMerkleTree treeOf(HashAlgorithm alg, List<byte[]> data) {
        InMemoryMerkleTree tree = new InMemoryMerkleTree(alg);
        data.forEach(tree::append);
        return tree;
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Hex::encode).toList();
    }
}
