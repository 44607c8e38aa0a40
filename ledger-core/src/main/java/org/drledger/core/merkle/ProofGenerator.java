package org.drledger.core.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Builds roots, inclusion proofs and consistency proofs (RFC 6962 §2.1.1–2.1.2, RFC 9162 §2.1.3.1 / §2.1.4.1)
 * for any tree size from stored perfect-subtree hashes. Every result costs O(log n) lookups: a node on the right
 * edge of a smaller tree is folded from the at most 63 perfect subtrees that compose it, never recomputed from
 * leaves.
 *
 * <p>Not thread-safe (it owns a {@link MerkleHasher}).
 */
public final class ProofGenerator {
    private final MerkleHasher hasher;
    private final SubtreeHashes store;

    public ProofGenerator(MerkleHasher hasher, SubtreeHashes store) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** MTH of the first {@code size} leaves; {@code H("")} for 0. */
    public byte[] rootAt(long size) {
        requireSize(size, "size");
        return size == 0 ? hasher.emptyRoot() : rangeHash(0, size);
    }

    /**
     * The perfect-subtree roots of the tree of {@code size} leaves, left to right: what
     * {@link CompactRange#restore} takes.
     */
    public List<byte[]> subtreeHashesAt(long size) {
        requireSize(size, "size");
        List<byte[]> out = new ArrayList<>(Long.bitCount(size));
        long lo = 0;
        for (int level = 62; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                out.add(store.get(level, lo >>> level));
                lo += 1L << level;
            }
        }
        return out;
    }

    /**
     * PATH(index, D[size]): sibling hashes from the leaf upwards.
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < size}
     */
    public List<byte[]> inclusionProof(long index, long size) {
        requireSize(size, "size");
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of size " + size);
        }
        // Walk down from the root, as the RFC recursion does, collecting siblings top-down.
        List<byte[]> topDown = new ArrayList<>(64);
        long lo = 0;
        long hi = size;
        while (hi - lo > 1) {
            long k = Long.highestOneBit(hi - lo - 1);
            if (index < lo + k) {
                topDown.add(rangeHash(lo + k, hi));
                hi = lo + k;
            } else {
                topDown.add(perfect(lo, k));
                lo += k;
            }
        }
        Collections.reverse(topDown);
        return topDown;
    }

    /**
     * PROOF(size1, D[size2]) as in RFC 9162 (when size1 is a power of two its own root is not included). Empty
     * when {@code size1 == size2} or {@code size1 == 0}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= size1 <= size2}
     */
    public List<byte[]> consistencyProof(long size1, long size2) {
        requireSize(size1, "size1");
        requireSize(size2, "size2");
        if (size1 > size2) {
            throw new IllegalArgumentException("size1 " + size1 + " is greater than size2 " + size2);
        }
        List<byte[]> topDown = new ArrayList<>(64);
        if (size1 == 0 || size1 == size2) {
            return topDown;
        }
        // SUBPROOF(m, D[lo:hi], b) unrolled; size1 stays absolute, so "m == n" becomes size1 == hi.
        long lo = 0;
        long hi = size2;
        boolean whole = true;
        while (size1 != hi) {
            long k = Long.highestOneBit(hi - lo - 1);
            if (size1 <= lo + k) {
                topDown.add(rangeHash(lo + k, hi));
                hi = lo + k;
            } else {
                topDown.add(perfect(lo, k));
                lo += k;
                whole = false;
            }
        }
        if (!whole) {
            topDown.add(rangeHash(lo, hi));
        }
        Collections.reverse(topDown);
        return topDown;
    }

    private byte[] perfect(long lo, long width) {
        int level = Long.numberOfTrailingZeros(width);
        return store.get(level, lo >>> level);
    }

    /**
     * MTH(D[lo:hi]) for a range whose start is aligned to its largest power of two, as every node of an RFC 6962
     * tree is: the perfect subtrees of the binary decomposition of hi - lo, folded right to left.
     */
    private byte[] rangeHash(long lo, long hi) {
        long len = hi - lo;
        if (Long.bitCount(len) == 1) {
            return perfect(lo, len);
        }
        byte[][] parts = new byte[Long.bitCount(len)][];
        int n = 0;
        long at = lo;
        for (int level = 62; level >= 0; level--) {
            long width = 1L << level;
            if ((len & width) != 0) {
                parts[n++] = store.get(level, at >>> level);
                at += width;
            }
        }
        byte[] acc = parts[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            acc = hasher.nodeHash(parts[i], acc);
        }
        return acc;
    }

    private static void requireSize(long size, String name) {
        if (size < 0) {
            throw new IllegalArgumentException("negative " + name + " " + size);
        }
    }
}
