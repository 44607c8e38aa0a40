package org.drledger.query.export;

import java.util.LinkedHashMap;
import java.util.Map;
import org.drledger.core.merkle.SubtreeHashes;

/**
 * Remembers the Merkle nodes one export has read: inclusion proofs to the same checkpoint share their upper nodes,
 * and proofs of nearby leaves share most lower ones (the level-k sibling changes every 2^k leaves), so a run of
 * entries costs about two node reads each instead of one per proof level. Least recently used nodes are dropped
 * beyond {@link #MAX_NODES} (a few MB).
 */
final class CachedSubtrees implements SubtreeHashes {
    static final int MAX_NODES = 50_000;

    private final SubtreeHashes store;
    private final Map<Long, byte[]> nodes = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > MAX_NODES;
        }
    };

    CachedSubtrees(SubtreeHashes store) {
        this.store = store;
    }

    int size() {
        return nodes.size();
    }

    @Override
    public byte[] get(int level, long index) {
        long key = ((long) level << 57) | index; // levels < 64 (6 bits), indexes far below 2^57
        byte[] h = nodes.get(key);
        if (h == null) {
            h = store.get(level, index);
            nodes.put(key, h);
        }
        return h;
    }
}
