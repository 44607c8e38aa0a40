package org.drledger.core.merkle;

import static org.drledger.core.merkle.InvalidProofException.CONSISTENCY;
import static org.drledger.core.merkle.InvalidProofException.INCLUSION;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;

/**
 * Verifies inclusion proofs (RFC 9162 §2.1.3.2) and consistency proofs (RFC 9162 §2.1.4.2). Accepts exactly
 * what the RFC algorithms accept; it checks the number of proof hashes against the sizes before hashing, which
 * the RFC loops imply, so a wrong-length proof gets a precise reason.
 *
 * <p>Conventions outside the RFC's {@code 0 < first < second}: equal sizes need an empty proof and equal roots;
 * size1 = 0 needs an empty proof and root1 = {@code H("")} (every tree extends the empty one).
 *
 * <p>Not thread-safe (it owns a {@link MerkleHasher}).
 */
public final class MerkleVerifier {
    private final MerkleHasher hasher;

    public MerkleVerifier(HashAlgorithm algorithm) {
        this(new MerkleHasher(algorithm));
    }

    public MerkleVerifier(MerkleHasher hasher) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /** Verifies that {@code leafHash} is leaf {@code index} of the tree of {@code size} leaves with {@code root}. */
    public void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws InvalidProofException {
        String where = where(index, size);
        if (!MerkleHasher.isHash(root)) {
            throw hashLength(INCLUSION, where, "root", root);
        }
        byte[] computed = rootFromInclusionProof(index, size, leafHash, proof);
        if (!MessageDigest.isEqual(computed, root)) {
            throw new InvalidProofException(INCLUSION, "root-mismatch", where, Hex.encode(root),
                    Hex.encode(computed), "inclusion proof leads to another root");
        }
    }

    /** Verifies an inclusion proof in its exchange form. */
    public void verify(InclusionProof p) throws InvalidProofException {
        verifyInclusion(p.leafIndex(), p.treeSize(), p.leafHash(), p.proof(), p.root());
    }

    /**
     * The root an inclusion proof leads to. Only the structure is checked here; the caller compares the result
     * with a root it trusts.
     *
     * @throws InvalidProofException for a negative or out-of-range index, hashes of the wrong length or the
     *                               wrong number of proof hashes
     */
    public byte[] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof)
            throws InvalidProofException {
        String where = where(index, size);
        if (index < 0 || size < 0) {
            throw new InvalidProofException(INCLUSION, "size-out-of-range", where, null, null,
                    "negative leaf index or tree size");
        }
        if (index >= size) {
            throw new InvalidProofException(INCLUSION, "index-out-of-range", where, null, null,
                    "leaf index is not less than the tree size");
        }
        if (!MerkleHasher.isHash(leafHash)) {
            throw hashLength(INCLUSION, where, "leaf hash", leafHash);
        }
        checkProofHashes(INCLUSION, where, proof);
        // Levels below `inner` are where the paths to `index` and to the last leaf differ: one sibling each.
        // Above, the path runs along the right edge: a sibling only where index has a 1 bit (a left sibling).
        long last = size - 1;
        int inner = 64 - Long.numberOfLeadingZeros(index ^ last);
        int border = Long.bitCount(index >>> inner);
        int expected = inner + border;
        if (proof.size() != expected) {
            throw proofLength(INCLUSION, where, expected, proof.size());
        }
        byte[] r = leafHash;
        for (int i = 0; i < inner; i++) {
            byte[] p = proof.get(i);
            r = ((index >>> i) & 1) == 0 ? hasher.nodeHash(r, p) : hasher.nodeHash(p, r);
        }
        for (int i = inner; i < expected; i++) {
            r = hasher.nodeHash(proof.get(i), r);
        }
        return r;
    }

    /**
     * Verifies that the tree of {@code size2} leaves with {@code root2} extends the tree of {@code size1} leaves
     * with {@code root1}.
     */
    public void verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof)
            throws InvalidProofException {
        String where = "sizes " + size1 + " to " + size2;
        if (size1 < 0 || size2 < 0) {
            throw new InvalidProofException(CONSISTENCY, "size-out-of-range", where, null, null,
                    "negative tree size");
        }
        if (size1 > size2) {
            throw new InvalidProofException(CONSISTENCY, "size-order", where, null, null,
                    "size1 is greater than size2");
        }
        if (!MerkleHasher.isHash(root1)) {
            throw hashLength(CONSISTENCY, where, "root1", root1);
        }
        if (!MerkleHasher.isHash(root2)) {
            throw hashLength(CONSISTENCY, where, "root2", root2);
        }
        checkProofHashes(CONSISTENCY, where, proof);
        if (size1 == 0 || size1 == size2) {
            if (!proof.isEmpty()) {
                throw proofLength(CONSISTENCY, where, 0, proof.size());
            }
            if (size1 == 0) {
                byte[] empty = hasher.emptyRoot();
                if (!MessageDigest.isEqual(root1, empty)) {
                    throw rootMismatch("root1-mismatch", where, empty, root1, "root1 is not the empty-tree root");
                }
                if (size2 == 0 && !MessageDigest.isEqual(root2, empty)) {
                    throw rootMismatch("root2-mismatch", where, empty, root2, "root2 is not the empty-tree root");
                }
            } else if (!MessageDigest.isEqual(root1, root2)) {
                throw rootMismatch("root-mismatch", where, root1, root2, "equal sizes with different roots");
            }
            return;
        }
        // RFC 9162 §2.1.4.2 for 0 < size1 < size2. After step 4 the walk is an inclusion path of node fn in a tree
        // of sn + 1 nodes, so the expected length follows as for inclusion, plus the seed unless root1 is it.
        boolean firstIsPowerOfTwo = (size1 & (size1 - 1)) == 0;
        int shift = Long.numberOfTrailingZeros(size1);
        long fn = (size1 - 1) >>> shift;
        long sn = (size2 - 1) >>> shift;
        int inner = 64 - Long.numberOfLeadingZeros(fn ^ sn);
        int expected = inner + Long.bitCount(fn >>> inner) + (firstIsPowerOfTwo ? 0 : 1);
        if (proof.size() != expected) {
            throw proofLength(CONSISTENCY, where, expected, proof.size());
        }
        int next = 0;
        byte[] fr = firstIsPowerOfTwo ? root1 : proof.get(next++);
        byte[] sr = fr;
        while (next < proof.size()) {
            byte[] c = proof.get(next++);
            if ((fn & 1) == 1 || fn == sn) {
                fr = hasher.nodeHash(c, fr);
                sr = hasher.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = hasher.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw rootMismatch("root1-mismatch", where, root1, fr, "consistency proof leads to another old root");
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw rootMismatch("root2-mismatch", where, root2, sr, "consistency proof leads to another new root");
        }
    }

    /** Verifies a consistency proof in its exchange form. */
    public void verify(ConsistencyProof p) throws InvalidProofException {
        verifyConsistency(p.size1(), p.size2(), p.root1(), p.root2(), p.proof());
    }

    private static void checkProofHashes(String check, String where, List<byte[]> proof)
            throws InvalidProofException {
        for (int i = 0; i < proof.size(); i++) {
            if (!MerkleHasher.isHash(proof.get(i))) {
                throw hashLength(check, where, "proof[" + i + "]", proof.get(i));
            }
        }
    }

    private static String where(long index, long size) {
        return "index " + index + " of size " + size;
    }

    private static InvalidProofException hashLength(String check, String where, String what, byte[] value) {
        return new InvalidProofException(check, "hash-length", where, MerkleHasher.HASH_LENGTH + " bytes",
                (value == null ? "none" : value.length + " bytes"), what + " has the wrong length");
    }

    private static InvalidProofException proofLength(String check, String where, int expected, int got) {
        return new InvalidProofException(check, "proof-length", where, expected + " hashes", got + " hashes",
                "wrong number of proof hashes");
    }

    private static InvalidProofException rootMismatch(String reason, String where, byte[] expected,
            byte[] computed, String message) {
        return new InvalidProofException(CONSISTENCY, reason, where, Hex.encode(expected), Hex.encode(computed),
                message);
    }
}
