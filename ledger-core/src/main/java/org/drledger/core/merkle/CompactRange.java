package org.drledger.core.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An append-only Merkle tree that keeps only what it needs to grow and to compute the current root: the roots of
 * the perfect subtrees that make up the current size, one for each set bit of {@code size} (so at most 63).
 * Append and {@link #root()} take O(log n) time; memory is O(log n).
 *
 * <p>A {@link NodeListener} sees every perfect-subtree node an append completes — the leaf hash itself (level 0)
 * and every interior node it closes — so a log can persist them and later serve proofs through
 * {@link SubtreeHashes}. After a restart, {@link #restore} rebuilds the range from its size and subtree hashes.
 *
 * <p>Not thread-safe (it owns a {@link MerkleHasher}).
 */
public final class CompactRange {
    /** Receives each perfect-subtree node as an append completes it. */
    @FunctionalInterface
    public interface NodeListener {
        /**
         * Called once per completed node, leaf first, then upwards. The node covers leaves
         * {@code [index·2^level, (index+1)·2^level)}. {@code hash} is shared with the range and must not be
         * modified. If the listener throws, the append does not take effect and the exception propagates.
         */
        void nodeCompleted(int level, long index, byte[] hash);
    }

    private static final int MAX_LEVELS = 63;

    private final MerkleHasher hasher;
    private final NodeListener listener;
    /** byLevel[l] is the root of the perfect subtree of 2^l leaves iff bit l of size is set, else null. */
    private final byte[][] byLevel = new byte[MAX_LEVELS][];
    /** Nodes an append computes before it commits, so a throwing listener leaves the range unchanged. */
    private final byte[][] pending = new byte[MAX_LEVELS + 1][];
    private long size;

    public CompactRange(MerkleHasher hasher) {
        this(hasher, null);
    }

    /** @param listener may be null */
    public CompactRange(MerkleHasher hasher, NodeListener listener) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.listener = listener;
    }

    /**
     * Rebuilds a range from persisted state.
     *
     * @param subtreeHashes the perfect-subtree roots of a tree of {@code size} leaves, left to right (largest
     *                      subtree first), exactly one per set bit of {@code size}, as {@link #subtreeHashes()}
     *                      returns them
     * @param listener      may be null
     * @throws IllegalArgumentException if the size is negative, the number of hashes is not the number of set
     *                                  bits of the size, or a hash has the wrong length
     */
    public static CompactRange restore(MerkleHasher hasher, long size, List<byte[]> subtreeHashes,
            NodeListener listener) {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        int expected = Long.bitCount(size);
        if (subtreeHashes.size() != expected) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + expected
                    + " perfect subtrees, got " + subtreeHashes.size() + " hashes");
        }
        CompactRange range = new CompactRange(hasher, listener);
        int i = 0;
        for (int level = MAX_LEVELS - 1; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                byte[] h = subtreeHashes.get(i);
                if (!MerkleHasher.isHash(h)) {
                    throw new IllegalArgumentException("subtree hash " + i + " is not " + MerkleHasher.HASH_LENGTH
                            + " bytes");
                }
                range.byLevel[level] = h.clone();
                i++;
            }
        }
        range.size = size;
        return range;
    }

    public long size() {
        return size;
    }

    /**
     * Appends a leaf given its data (hashed as {@code H(0x00 || data)}).
     *
     * @return the index of the new leaf
     */
    public long append(byte[] leafData) {
        return push(hasher.leafHash(leafData));
    }

    /**
     * Appends a leaf given its precomputed leaf hash.
     *
     * @return the index of the new leaf
     * @throws IllegalArgumentException if the hash has the wrong length
     */
    public long appendLeafHash(byte[] leafHash) {
        if (!MerkleHasher.isHash(leafHash)) {
            throw new IllegalArgumentException("a leaf hash is " + MerkleHasher.HASH_LENGTH + " bytes");
        }
        return push(leafHash.clone());
    }

    private long push(byte[] leaf) {
        long index = size;
        if (index == Long.MAX_VALUE) {
            throw new IllegalStateException("tree is full");
        }
        // Merging carries like binary increment: each set low bit of size is a left sibling to fold in.
        byte[] h = leaf;
        pending[0] = h;
        int level = 0;
        while ((index & (1L << level)) != 0) {
            h = hasher.nodeHash(byLevel[level], h);
            level++;
            pending[level] = h;
        }
        try {
            if (listener != null) {
                for (int l = 0; l <= level; l++) {
                    listener.nodeCompleted(l, index >>> l, pending[l]);
                }
            }
        } finally {
            for (int l = 0; l <= level; l++) {
                pending[l] = null;
            }
        }
        for (int l = 0; l < level; l++) {
            byLevel[l] = null;
        }
        byLevel[level] = h;
        size = index + 1;
        return index;
    }

    /** The root at the current size; {@code H("")} when empty. */
    public byte[] root() {
        if (size == 0) {
            return hasher.emptyRoot();
        }
        // Fold right to left: smallest (rightmost) subtree first.
        byte[] acc = null;
        for (int level = 0; level < MAX_LEVELS; level++) {
            byte[] h = byLevel[level];
            if (h != null) {
                acc = acc == null ? h.clone() : hasher.nodeHash(h, acc);
            }
        }
        return acc;
    }

    /** Copies of the perfect-subtree roots, left to right (largest first): the state to persist for {@link #restore}. */
    public List<byte[]> subtreeHashes() {
        List<byte[]> out = new ArrayList<>(Long.bitCount(size));
        for (int level = MAX_LEVELS - 1; level >= 0; level--) {
            if (byLevel[level] != null) {
                out.add(byLevel[level].clone());
            }
        }
        return out;
    }
}
