package org.drledger.core.merkle;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.drledger.core.bytes.Hex;

/**
 * An inclusion proof as exchanged: leaf {@code leafIndex} with {@code leafHash} is in the tree of {@code treeSize}
 * leaves with {@code root}. Equality compares the bytes. The arrays are not copied; do not modify them.
 */
public record InclusionProof(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] root) {
    public InclusionProof {
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(root, "root");
        proof = List.copyOf(proof);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InclusionProof p && leafIndex == p.leafIndex && treeSize == p.treeSize
                && Arrays.equals(leafHash, p.leafHash) && Arrays.equals(root, p.root)
                && ConsistencyProof.sameHashes(proof, p.proof);
    }

    @Override
    public int hashCode() {
        return Objects.hash(leafIndex, treeSize, Arrays.hashCode(leafHash), Arrays.hashCode(root));
    }

    @Override
    public String toString() {
        return "InclusionProof[leafIndex=" + leafIndex + ", treeSize=" + treeSize + ", leafHash="
                + Hex.encode(leafHash) + ", proof=" + proof.stream().map(Hex::encode).collect(Collectors.toList())
                + ", root=" + Hex.encode(root) + "]";
    }
}
