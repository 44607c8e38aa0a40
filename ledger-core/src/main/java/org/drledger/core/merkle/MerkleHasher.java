package org.drledger.core.merkle;

import java.util.Objects;
import org.drledger.core.crypto.HashAlgorithm;

/**
 * The RFC 6962 / RFC 9162 tree hashes over the ledger's hash function: {@code emptyRoot = H("")},
 * {@code leafHash(d) = H(0x00 || d)}, {@code nodeHash(l, r) = H(0x01 || l || r)}. The prefixes keep a leaf from
 * ever hashing like an interior node (second-preimage resistance).
 *
 * <p>Reuses one digest instance, so it is <b>not thread-safe</b>: give each thread its own hasher.
 */
public final class MerkleHasher {
    /** Every hash in the tree is this long, for both SHA-256 and SM3. */
    public static final int HASH_LENGTH = HashAlgorithm.DIGEST_LENGTH;
    static final byte LEAF_PREFIX = 0x00;
    static final byte NODE_PREFIX = 0x01;

    private final HashAlgorithm algorithm;
    private final HashAlgorithm.Hasher digest;
    private final byte[] emptyRoot;

    public MerkleHasher(HashAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.digest = algorithm.newHasher();
        this.emptyRoot = digest.digest();
    }

    public HashAlgorithm algorithm() {
        return algorithm;
    }

    /** The root of the tree with no leaves: {@code H("")}. A fresh array on every call. */
    public byte[] emptyRoot() {
        return emptyRoot.clone();
    }

    /** {@code H(0x00 || data)}. */
    public byte[] leafHash(byte[] data) {
        return leafHash(data, 0, data.length);
    }

    /** {@code H(0x00 || data[off, off+len))}. */
    public byte[] leafHash(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        digest.update(LEAF_PREFIX);
        digest.update(data, off, len);
        return digest.digest();
    }

    /**
     * {@code H(0x01 || left || right)}. Any lengths are hashed as given; the classes that take hashes from outside
     * check their length.
     */
    public byte[] nodeHash(byte[] left, byte[] right) {
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** True when {@code bytes} is non-null and exactly one hash long. */
    static boolean isHash(byte[] bytes) {
        return bytes != null && bytes.length == HASH_LENGTH;
    }
}
