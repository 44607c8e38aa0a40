package org.drledger.query.export;

import java.util.HashMap;
import java.util.Map;
import org.drledger.core.merkle.SubtreeHashes;

/**
 * Caches the upper Merkle nodes one export reads again and again (every inclusion proof to the same checkpoint
 * shares them). Leaves and low levels are read through; the cache is bounded and simply cleared when full.
 */
final class CachedSubtrees implements SubtreeHashes {
    private static final int MIN_LEVEL = 4;
    private static final int MAX_NODES = 100_000;

    private final SubtreeHashes store;
    private final Map<Long, byte[]> nodes = new HashMap<>();

    CachedSubtrees(SubtreeHashes store) {
        this.store = store;
    }

    @Override
    public byte[] get(int level, long index) {
        if (level < MIN_LEVEL) {
            return store.get(level, index);
        }
        long key = ((long) level << 56) | index; // index < 2^(63-level) <= 2^56 at these levels
        byte[] h = nodes.get(key);
        if (h == null) {
            if (nodes.size() >= MAX_NODES) {
                nodes.clear();
            }
            h = store.get(level, index);
            nodes.put(key, h);
        }
        return h;
    }
}
