package org.drledger.core.crypto;

/** A public key of one suite. Thread-safe; equal when the suite and the key bytes are equal. */
public interface VerifyingKey {
    CryptoSuite suite();

    /** DER SubjectPublicKeyInfo. */
    byte[] spki();

    /** Ed25519: the 32-byte RFC 8032 encoding; SM2: the 65-byte uncompressed point {@code 04 || x || y}. */
    byte[] rawPublicKey();

    /** Lowercase hex of the suite hash over {@link #spki()}: 64 characters. */
    String keyId();

    /** SubjectPublicKeyInfo {@code -----BEGIN PUBLIC KEY-----} PEM. */
    String toPem();

    /** False for a wrong or malformed signature; never throws for bad signature bytes. */
    boolean verify(byte[] message, byte[] signature);
}
