package org.drledger.core.merkle;

/**
 * Read access to stored hashes of perfect subtrees, which is all proof generation needs. A log persists the
 * nodes {@link CompactRange} reports as it grows and exposes them through this interface.
 */
@FunctionalInterface
public interface SubtreeHashes {
    /**
     * The hash of the perfect subtree at {@code level} covering leaves
     * {@code [index·2^level, (index+1)·2^level)}; level 0 holds the leaf hashes. Only called for subtrees that
     * are complete in the tree the caller asks about.
     *
     * @throws RuntimeException of the implementation's choice when the node is not stored
     */
    byte[] get(int level, long index);
}
