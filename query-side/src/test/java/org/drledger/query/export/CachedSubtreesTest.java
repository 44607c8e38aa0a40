package org.drledger.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.drledger.core.crypto.HashAlgorithm;
import org.drledger.core.merkle.InMemoryMerkleTree;
import org.drledger.core.merkle.MerkleHasher;
import org.drledger.core.merkle.ProofGenerator;
import org.drledger.core.merkle.SubtreeHashes;
import org.junit.jupiter.api.Test;

class CachedSubtreesTest {
    private static InMemoryMerkleTree tree(int n) {
        InMemoryMerkleTree t = new InMemoryMerkleTree(HashAlgorithm.SHA_256);
        for (int i = 0; i < n; i++) {
            t.append(("leaf " + i).getBytes(StandardCharsets.UTF_8));
        }
        return t;
    }

    @Test
    void proofsThroughTheCacheEqualTheKernelsAndReadFewNodes() {
        InMemoryMerkleTree t = tree(1000);
        AtomicLong reads = new AtomicLong();
        SubtreeHashes counting = (level, index) -> {
            reads.incrementAndGet();
            return t.get(level, index);
        };
        MerkleHasher hasher = new MerkleHasher(HashAlgorithm.SHA_256);
        ProofGenerator cached = new ProofGenerator(hasher, new CachedSubtrees(counting));
        for (long i = 0; i < 1000; i++) {
            assertThat(cached.inclusionProof(i, 1000)).containsExactlyElementsOf(t.inclusionProof(i, 1000));
        }
        assertThat(cached.consistencyProof(300, 1000)).containsExactlyElementsOf(
                new ProofGenerator(hasher, t).consistencyProof(300, 1000));
        // a sequential run costs about two node reads per proof, not one per level (10 here)
        assertThat(reads.get()).isLessThan(3000);
    }

    @Test
    void theCacheIsBounded() {
        InMemoryMerkleTree t = tree(2 * CachedSubtrees.MAX_NODES + 10);
        CachedSubtrees c = new CachedSubtrees(t);
        for (long i = 0; i < t.size(); i++) {
            assertThat(c.get(0, i)).isEqualTo(t.leafHash(i));
        }
        assertThat(c.size()).isEqualTo(CachedSubtrees.MAX_NODES);
    }
}
