package org.drledger.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.drledger.core.crypto.HashAlgorithm;
import org.drledger.core.merkle.CompactRange;
import org.drledger.core.merkle.InMemoryMerkleTree;
import org.drledger.core.merkle.MerkleHasher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Merkle appends (leaf data of a ledger entry: tag, 32-byte hash, 72-byte signature) and proof generation in a
 * 1,048,576-leaf tree, beside the bare hash of the same leaf input as the baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MerkleBenchmarks {
    static final int TREE_SIZE = 1 << 20;

    @Param({"sha-256", "sm3"})
    public String hash;

    private HashAlgorithm algorithm;
    private CompactRange range;
    private final byte[] leafData = new byte[11 + 32 + 72];
    private final byte[] prefixedLeaf = new byte[1 + 11 + 32 + 72];
    private HashAlgorithm.Hasher bareHasher;
    private InMemoryMerkleTree tree;
    private final SplittableRandom random = new SplittableRandom(7);

    @Setup(Level.Trial)
    public void buildTree() {
        algorithm = hash.equals("sm3") ? HashAlgorithm.SM3 : HashAlgorithm.SHA_256;
        bareHasher = algorithm.newHasher();
        new SplittableRandom(1).nextBytes(leafData);
        System.arraycopy(leafData, 0, prefixedLeaf, 1, leafData.length);
        tree = new InMemoryMerkleTree(algorithm);
        byte[] d = new byte[8];
        for (long i = 0; i < TREE_SIZE; i++) {
            d[0] = (byte) i;
            d[1] = (byte) (i >> 8);
            d[2] = (byte) (i >> 16);
            tree.append(d);
        }
    }

    @Setup(Level.Iteration)
    public void freshRange() {
        range = new CompactRange(new MerkleHasher(algorithm));
    }

    @Benchmark
    public long append() {
        return range.append(leafData);
    }

    @Benchmark
    public byte[] bareLeafHash() {
        return bareHasher.update(prefixedLeaf).digest();
    }

    @Benchmark
    public List<byte[]> inclusionProof() {
        long size = TREE_SIZE - random.nextInt(1024);
        return tree.inclusionProof(random.nextLong(size), size);
    }

    @Benchmark
    public List<byte[]> consistencyProof() {
        long size1 = 1 + random.nextLong(TREE_SIZE - 1);
        return tree.consistencyProof(size1, TREE_SIZE);
    }

}
