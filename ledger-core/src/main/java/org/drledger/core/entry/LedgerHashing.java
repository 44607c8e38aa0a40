package org.drledger.core.entry;

import java.nio.charset.StandardCharsets;
import org.drledger.core.crypto.HashAlgorithm;

/**
 * The domain-separated byte strings of {@code drl-entry/1}. Each tag is ASCII followed by one 0x00 byte, so no
 * pre-image of one kind can be read as another kind (canonical JSON never contains 0x00).
 */
public final class LedgerHashing {
    static final byte[] ENTRY_TAG = tag("drl-entry/1");
    static final byte[] SIGNATURE_TAG = tag("drl-entry-sig/1");
    static final byte[] LEAF_TAG = tag("drl-leaf/1");
    static final byte[] COMMIT_TAG = tag("drl-commit/1");

    private LedgerHashing() {
    }

    private static byte[] tag(String s) {
        byte[] ascii = s.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[ascii.length + 1];
        System.arraycopy(ascii, 0, out, 0, ascii.length);
        return out;
    }

    /** {@code entry_hash = H("drl-entry/1" || 0x00 || canonical envelope)}. */
    public static byte[] entryHash(HashAlgorithm h, byte[] canonicalEnvelope) {
        return h.newHasher().update(ENTRY_TAG).update(canonicalEnvelope).digest();
    }

    /** The bytes a department key signs: {@code "drl-entry-sig/1" || 0x00 || entry_hash}. */
    public static byte[] signingInput(byte[] entryHash) {
        return concat(SIGNATURE_TAG, entryHash);
    }

    /**
     * The Merkle leaf data of a signed entry: {@code "drl-leaf/1" || 0x00 || entry_hash || signature}. The leaf
     * commits to the signature as well as the entry, so a checkpoint also fixes who signed.
     */
    public static byte[] leafData(byte[] entryHash, byte[] signature) {
        byte[] out = new byte[LEAF_TAG.length + entryHash.length + signature.length];
        System.arraycopy(LEAF_TAG, 0, out, 0, LEAF_TAG.length);
        System.arraycopy(entryHash, 0, out, LEAF_TAG.length, entryHash.length);
        System.arraycopy(signature, 0, out, LEAF_TAG.length + entryHash.length, signature.length);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
