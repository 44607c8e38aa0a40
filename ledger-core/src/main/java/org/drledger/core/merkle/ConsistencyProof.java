package org.drledger.core.merkle;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.drledger.core.bytes.Hex;

/**
 * A consistency proof as exchanged: the tree of {@code size2} leaves with {@code root2} extends the tree of
 * {@code size1} leaves with {@code root1}. Equality compares the bytes. The arrays are not copied; do not modify
 * them.
 */
public record ConsistencyProof(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
    public ConsistencyProof {
        Objects.requireNonNull(root1, "root1");
        Objects.requireNonNull(root2, "root2");
        proof = List.copyOf(proof);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsistencyProof p && size1 == p.size1 && size2 == p.size2
                && Arrays.equals(root1, p.root1) && Arrays.equals(root2, p.root2) && sameHashes(proof, p.proof);
    }

    @Override
    public int hashCode() {
        return Objects.hash(size1, size2, Arrays.hashCode(root1), Arrays.hashCode(root2));
    }

    @Override
    public String toString() {
        return "ConsistencyProof[size1=" + size1 + ", size2=" + size2 + ", root1=" + Hex.encode(root1) + ", root2="
                + Hex.encode(root2) + ", proof=" + proof.stream().map(Hex::encode).collect(Collectors.toList()) + "]";
    }

    static boolean sameHashes(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
