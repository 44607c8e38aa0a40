package org.drledger.core.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;

/**
 * Signed-note signature types. Ed25519 uses the C2SP-assigned bytes; SM2 has no assigned byte, so it uses the
 * private-use byte 0xff followed by an ASCII identifier, as C2SP signed-note recommends.
 */
public enum SignatureType {
    /** C2SP 0x01: Ed25519 over the note text. */
    ED25519(new byte[]{0x01}, false, 32),
    /** C2SP 0x04: timestamped Ed25519 witness cosignature (c2sp.org/tlog-cosignature). */
    ED25519_COSIGNATURE(new byte[]{0x04}, true, 32),
    /** Private: SM2 with SM3 over the note text, DER signature. */
    SM2(withPrivatePrefix("drl/sm2-sm3/v1"), false, 65),
    /** Private: timestamped SM2 witness cosignature, same message as {@link #ED25519_COSIGNATURE}. */
    SM2_COSIGNATURE(withPrivatePrefix("drl/sm2-sm3-cosignature/v1"), true, 65);

    private final byte[] id;
    private final boolean cosignature;
    private final int publicKeyLength;

    SignatureType(byte[] id, boolean cosignature, int publicKeyLength) {
        this.id = id;
        this.cosignature = cosignature;
        this.publicKeyLength = publicKeyLength;
    }

    private static byte[] withPrivatePrefix(String identifier) {
        byte[] ascii = identifier.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[ascii.length + 1];
        out[0] = (byte) 0xff;
        System.arraycopy(ascii, 0, out, 1, ascii.length);
        return out;
    }

    /** The type identifier bytes that go into key ids and verifier keys. */
    public byte[] id() {
        return id.clone();
    }

    public boolean isCosignature() {
        return cosignature;
    }

    public int publicKeyLength() {
        return publicKeyLength;
    }

    public CryptoSuite suite() {
        return this == ED25519 || this == ED25519_COSIGNATURE ? CryptoSuites.ED25519_SHA256 : CryptoSuites.SM2_SM3;
    }

    /** The checkpoint signature type for a log key of this suite. */
    public static SignatureType logSignature(CryptoSuite suite) {
        return suite.id().equals(CryptoSuites.ED25519_SHA256.id()) ? ED25519 : SM2;
    }

    /** The cosignature type for a witness key of this suite. */
    public static SignatureType cosignature(CryptoSuite suite) {
        return suite.id().equals(CryptoSuites.ED25519_SHA256.id()) ? ED25519_COSIGNATURE : SM2_COSIGNATURE;
    }

    /** Finds the type whose identifier starts {@code typeAndKey}; the rest must be a public key of its length. */
    static SignatureType identify(byte[] typeAndKey) {
        for (SignatureType t : values()) {
            if (typeAndKey.length == t.id.length + t.publicKeyLength
                    && Arrays.equals(t.id, 0, t.id.length, typeAndKey, 0, t.id.length)) {
                return t;
            }
        }
        throw new NoteFormatException("unknown-signature-type", "vkey",
                "unknown signature type or wrong public key length");
    }
}
