package org.drledger.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.drledger.core.crypto.HashAlgorithm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mutated proofs from random trees are rejected with {@link InvalidProofException}. Changing a size alone can leave
 * a proof that still verifies when both sizes give the path the same shape (e.g. leaf 0 in sizes 3 and 4); such a
 * mutation is accepted exactly when the shapes agree, by both the fast verifier and the literal reference.
 */
class MerkleProofMutationTest {

    static Stream<Arguments> seeds() {
        return Stream.of(
                Arguments.of(HashAlgorithm.SHA_256, 7L),
                Arguments.of(HashAlgorithm.SHA_256, 6962L),
                Arguments.of(HashAlgorithm.SM3, 9162L));
    }

    record Tree(HashAlgorithm alg, InMemoryMerkleTree tree, MerkleVerifier verifier, Rfc6962Reference ref) {
    }

    static Tree tree(HashAlgorithm alg, Random rnd) {
        InMemoryMerkleTree t = new InMemoryMerkleTree(alg);
        int n = 1 + rnd.nextInt(600);
        for (int i = 0; i < n; i++) {
            byte[] d = new byte[rnd.nextInt(20)];
            rnd.nextBytes(d);
            t.append(d);
        }
        return new Tree(alg, t, new MerkleVerifier(alg), new Rfc6962Reference(alg));
    }

    // ------------------------------------------------------------------ inclusion

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("seeds")
    void mutatedInclusionProofsAreRejected(HashAlgorithm alg, long seed) throws Exception {
        Random rnd = new Random(seed);
        for (int round = 0; round < 5; round++) {
            Tree t = tree(alg, rnd);
            long size = t.tree.size();
            for (int j = 0; j < 6; j++) {
                long n = 1 + rnd.nextInt((int) size);
                long i = rnd.nextInt((int) n);
                List<byte[]> p = t.tree.inclusionProof(i, n);
                byte[] leaf = t.tree.leafHash(i);
                byte[] root = t.tree.rootAt(n);
                t.verifier.verifyInclusion(i, n, leaf, p, root);
                boolean everyBit = j == 0;
                for (int k = 0; k < p.size(); k++) {
                    for (int bit = 0; bit < 256; bit += everyBit ? 1 : 29) {
                        rejectInclusion(t, i, n, leaf, replace(p, k, flipBit(p.get(k), bit)), root, "root-mismatch");
                    }
                }
                for (int bit = 0; bit < 256; bit += 17) {
                    rejectInclusion(t, i, n, flipBit(leaf, bit), p, root, "root-mismatch");
                    rejectInclusion(t, i, n, leaf, p, flipBit(root, bit), "root-mismatch");
                }
                if (!p.isEmpty()) {
                    rejectInclusion(t, i, n, leaf, p.subList(0, p.size() - 1), root, "proof-length");
                    rejectInclusion(t, i, n, leaf, p.subList(1, p.size()), root, "proof-length");
                    rejectInclusion(t, i, n, leaf, List.of(), root, "proof-length");
                    List<byte[]> shortHash = replace(p, 0, java.util.Arrays.copyOf(p.get(0), 31));
                    rejectInclusion(t, i, n, leaf, shortHash, root, "hash-length");
                }
                rejectInclusion(t, i, n, leaf, append(p, random(rnd)), root, "proof-length");
                rejectInclusion(t, i, n, leaf, prepend(random(rnd), p), root, "proof-length");
                rejectInclusion(t, i, n, leaf, append(p, root), root, "proof-length");
                rejectInclusion(t, i, n, leaf, p, java.util.Arrays.copyOf(root, 33), "hash-length");
                rejectInclusion(t, i, n, java.util.Arrays.copyOf(leaf, 16), p, root, "hash-length");
                rejectInclusion(t, n, n, leaf, p, root, "index-out-of-range");
                rejectInclusion(t, -1, n, leaf, p, root, "size-out-of-range");
                // Another index in the same tree never verifies: the path fixes the leaf's position.
                for (long other : new long[]{i - 1, i + 1, i ^ 1, rnd.nextInt((int) n)}) {
                    if (other >= 0 && other < n && other != i) {
                        rejectInclusion(t, other, n, leaf, p, root, null);
                    }
                }
                for (long other : new long[]{n - 1, n + 1, 2 * n, n / 2, 1 + rnd.nextInt((int) size + 1)}) {
                    if (other != n) {
                        wrongInclusionSize(t, i, n, other, leaf, p, root);
                    }
                }
            }
        }
    }

    private static void wrongInclusionSize(Tree t, long i, long n, long other, byte[] leaf, List<byte[]> p,
            byte[] root) {
        boolean sameShape = i < other && inclusionShape(i, other).equals(inclusionShape(i, n));
        boolean refAccepts = t.ref.verifyInclusion(i, other, leaf, p, root);
        assertThat(refAccepts).as("reference, leaf %d size %d as %d", i, n, other).isEqualTo(sameShape);
        if (sameShape) {
            try {
                t.verifier.verifyInclusion(i, other, leaf, p, root);
            } catch (InvalidProofException e) {
                throw new AssertionError("same-shape size mutation rejected: " + e.getMessage(), e);
            }
        } else {
            rejectInclusion(t, i, other, leaf, p, root, null);
        }
    }

    /** The sequence of hashing steps, R = proof hash on the right, L = on the left. */
    static String inclusionShape(long index, long size) {
        int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < inner; k++) {
            sb.append(((index >>> k) & 1) == 0 ? 'R' : 'L');
        }
        sb.append("L".repeat(Long.bitCount(index >>> inner)));
        return sb.toString();
    }

    private static void rejectInclusion(Tree t, long i, long n, byte[] leaf, List<byte[]> p, byte[] root,
            String reason) {
        assertThatThrownBy(() -> t.verifier.verifyInclusion(i, n, leaf, p, root))
                .isInstanceOfSatisfying(InvalidProofException.class, e -> {
                    assertThat(e.check()).isEqualTo("merkle.inclusion");
                    if (reason != null) {
                        assertThat(e.reason()).isEqualTo(reason);
                    }
                });
        assertThat(t.ref.verifyInclusion(i, n, leaf, p, root)).as("reference rejects too").isFalse();
    }

    // ------------------------------------------------------------------ consistency

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("seeds")
    void mutatedConsistencyProofsAreRejected(HashAlgorithm alg, long seed) throws Exception {
        Random rnd = new Random(seed ^ 0x5eed);
        for (int round = 0; round < 5; round++) {
            Tree t = tree(alg, rnd);
            long size = t.tree.size();
            if (size < 2) {
                continue;
            }
            for (int j = 0; j < 6; j++) {
                long n = 2 + rnd.nextInt((int) size - 1);
                long m = 1 + rnd.nextInt((int) n - 1);
                List<byte[]> p = t.tree.consistencyProof(m, n);
                byte[] r1 = t.tree.rootAt(m);
                byte[] r2 = t.tree.rootAt(n);
                t.verifier.verifyConsistency(m, n, r1, r2, p);
                boolean everyBit = j == 0;
                for (int k = 0; k < p.size(); k++) {
                    for (int bit = 0; bit < 256; bit += everyBit ? 1 : 29) {
                        rejectConsistency(t, m, n, r1, r2, replace(p, k, flipBit(p.get(k), bit)), null);
                    }
                }
                for (int bit = 0; bit < 256; bit += 17) {
                    rejectConsistency(t, m, n, flipBit(r1, bit), r2, p, null);
                    rejectConsistency(t, m, n, r1, flipBit(r2, bit), p, "root2-mismatch");
                }
                rejectConsistency(t, m, n, r2, r1, p, null);
                rejectConsistency(t, n, m, r2, r1, p, "size-order");
                rejectConsistency(t, m, n, r1, r2, p.subList(0, p.size() - 1), "proof-length");
                rejectConsistency(t, m, n, r1, r2, p.subList(1, p.size()), "proof-length");
                rejectConsistency(t, m, n, r1, r2, List.of(), "proof-length");
                rejectConsistency(t, m, n, r1, r2, append(p, random(rnd)), "proof-length");
                rejectConsistency(t, m, n, r1, r2, prepend(random(rnd), p), "proof-length");
                rejectConsistency(t, m, n, r1, r2, prepend(r1, p), "proof-length");
                rejectConsistency(t, m, n, r1, r2, replace(p, 0, java.util.Arrays.copyOf(p.get(0), 33)),
                        "hash-length");
                rejectConsistency(t, m, n, java.util.Arrays.copyOf(r1, 31), r2, p, "hash-length");
                rejectConsistency(t, -m, n, r1, r2, p, "size-out-of-range");
                rejectConsistency(t, 0, n, r1, r2, p, "proof-length");
                rejectConsistency(t, n, n, r2, r2, p, "proof-length");
                for (long[] other : new long[][]{{m - 1, n}, {m + 1, n}, {2 * m, n}, {m / 2, n}, {m, n - 1},
                    {m, n + 1}, {m, 2 * n}, {m, n / 2}, {1 + rnd.nextInt((int) n), n}, {m, 1 + rnd.nextInt((int) size)}}) {
                    if (other[0] != m || other[1] != n) {
                        wrongConsistencySizes(t, m, n, other[0], other[1], r1, r2, p);
                    }
                }
            }
        }
    }

    private static void wrongConsistencySizes(Tree t, long m, long n, long m2, long n2, byte[] r1, byte[] r2,
            List<byte[]> p) {
        boolean sameShape = 0 < m2 && m2 < n2 && consistencyShape(m2, n2).equals(consistencyShape(m, n));
        assertThat(t.ref.verifyConsistency(m2, n2, r1, r2, p)).as("reference, %d..%d as %d..%d", m, n, m2, n2)
                .isEqualTo(sameShape);
        if (sameShape) {
            try {
                t.verifier.verifyConsistency(m2, n2, r1, r2, p);
            } catch (InvalidProofException e) {
                throw new AssertionError("same-shape size mutation rejected: " + e.getMessage(), e);
            }
        } else {
            rejectConsistency(t, m2, n2, r1, r2, p, null);
        }
    }

    /**
     * The RFC 9162 §2.1.4.2 walk without hashes: where the seed comes from (R = root1, P = proof[0]), then per
     * proof hash B (into both fr and sr, on the left) or S (into sr only, on the right).
     */
    static String consistencyShape(long first, long second) {
        StringBuilder sb = new StringBuilder((first & (first - 1)) == 0 ? "R" : "P");
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        while (sn != 0) {
            if ((fn & 1) == 1 || fn == sn) {
                sb.append('B');
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sb.append('S');
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sb.toString();
    }

    private static void rejectConsistency(Tree t, long m, long n, byte[] r1, byte[] r2, List<byte[]> p,
            String reason) {
        assertThatThrownBy(() -> t.verifier.verifyConsistency(m, n, r1, r2, p))
                .isInstanceOfSatisfying(InvalidProofException.class, e -> {
                    assertThat(e.check()).isEqualTo("merkle.consistency");
                    if (reason != null) {
                        assertThat(e.reason()).isEqualTo(reason);
                    }
                });
        assertThat(t.ref.verifyConsistency(m, n, r1, r2, p)).as("reference rejects too").isFalse();
    }

    // ------------------------------------------------------------------ helpers

    static byte[] flipBit(byte[] h, int bit) {
        byte[] out = h.clone();
        out[bit >>> 3] ^= (byte) (0x80 >>> (bit & 7));
        return out;
    }

    static byte[] random(Random rnd) {
        byte[] out = new byte[32];
        rnd.nextBytes(out);
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
