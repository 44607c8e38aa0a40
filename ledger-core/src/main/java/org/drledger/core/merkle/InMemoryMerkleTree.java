package org.drledger.core.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.drledger.core.crypto.HashAlgorithm;

/**
 * A Merkle log held in memory: a {@link CompactRange} whose completed nodes are kept, level by level, in flat
 * chunked byte arrays (about 64 bytes per leaf), and a {@link ProofGenerator} over them. Serves roots and proofs
 * for every size up to the current one. Not thread-safe.
 */
public final class InMemoryMerkleTree implements SubtreeHashes {
    private final MerkleHasher hasher;
    private final List<Level> levels = new ArrayList<>();
    private final CompactRange range;
    private final ProofGenerator proofs;

    public InMemoryMerkleTree(HashAlgorithm algorithm) {
        this.hasher = new MerkleHasher(algorithm);
        this.range = new CompactRange(hasher, this::store);
        this.proofs = new ProofGenerator(hasher, this);
    }

    public HashAlgorithm algorithm() {
        return hasher.algorithm();
    }

    /** @return the index of the new leaf, whose hash is {@code H(0x00 || leafData)} */
    public long append(byte[] leafData) {
        return range.append(leafData);
    }

    /** @return the index of the new leaf */
    public long appendLeafHash(byte[] leafHash) {
        return range.appendLeafHash(leafHash);
    }

    public long size() {
        return range.size();
    }

    /** The root at the current size. */
    public byte[] root() {
        return range.root();
    }

    /** The root the tree had when it held {@code size} leaves, {@code 0 <= size <= size()}. */
    public byte[] rootAt(long size) {
        requireAtMostCurrent(size);
        return proofs.rootAt(size);
    }

    public byte[] leafHash(long index) {
        return get(0, index);
    }

    /** See {@link ProofGenerator#inclusionProof}; {@code size} may be any size up to the current one. */
    public List<byte[]> inclusionProof(long index, long size) {
        requireAtMostCurrent(size);
        return proofs.inclusionProof(index, size);
    }

    /** See {@link ProofGenerator#consistencyProof}; {@code size2} may be any size up to the current one. */
    public List<byte[]> consistencyProof(long size1, long size2) {
        requireAtMostCurrent(size2);
        return proofs.consistencyProof(size1, size2);
    }

    /** The perfect-subtree roots at {@code size}, for {@link CompactRange#restore}. */
    public List<byte[]> subtreeHashesAt(long size) {
        requireAtMostCurrent(size);
        return proofs.subtreeHashesAt(size);
    }

    /**
     * A copy of a stored perfect-subtree hash.
     *
     * @throws IllegalArgumentException if that subtree is not complete at the current size
     */
    @Override
    public byte[] get(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).count) {
            throw new IllegalArgumentException("no complete subtree at level " + level + ", index " + index
                    + " in a tree of size " + range.size());
        }
        return levels.get(level).get(index);
    }

    private void store(int level, long index, byte[] hash) {
        if (level == levels.size()) {
            levels.add(new Level());
        }
        levels.get(level).add(index, hash);
    }

    private void requireAtMostCurrent(long size) {
        if (size < 0 || size > range.size()) {
            throw new IllegalArgumentException("size " + size + " is not between 0 and the current size "
                    + range.size());
        }
    }

    /** Hashes of one level, in chunks of up to 4096 so no single array grows huge; the last chunk grows by doubling. */
    private static final class Level {
        private static final int SHIFT = 12;
        private static final int CHUNK = 1 << SHIFT;
        private static final int H = MerkleHasher.HASH_LENGTH;

        private final List<byte[]> chunks = new ArrayList<>();
        private long count;

        void add(long index, byte[] hash) {
            if (index != count) {
                throw new IllegalStateException("node " + index + " completed out of order (have " + count + ")");
            }
            int c = Math.toIntExact(count >>> SHIFT);
            int off = (int) (count & (CHUNK - 1)) * H;
            if (c == chunks.size()) {
                chunks.add(new byte[8 * H]);
            }
            byte[] chunk = chunks.get(c);
            if (off + H > chunk.length) {
                chunk = Arrays.copyOf(chunk, Math.min(chunk.length * 2, CHUNK * H));
                chunks.set(c, chunk);
            }
            System.arraycopy(hash, 0, chunk, off, H);
            count++;
        }

        byte[] get(long index) {
            int off = (int) (index & (CHUNK - 1)) * H;
            return Arrays.copyOfRange(chunks.get((int) (index >>> SHIFT)), off, off + H);
        }
    }
}
