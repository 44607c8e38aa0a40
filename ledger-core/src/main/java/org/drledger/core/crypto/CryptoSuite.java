package org.drledger.core.crypto;

import java.security.SecureRandom;

/**
 * A ledger's crypto suite, fixed at genesis: it determines the entry hash, the Merkle hash and the signature
 * algorithm. Implementations are stateless and thread-safe.
 */
public interface CryptoSuite {
    /** The suite identifier as written into the genesis entry: {@code sm2-sm3} or {@code ed25519-sha256}. */
    String id();

    /** The hash for entry hashes, chains, commitments and the Merkle log. */
    HashAlgorithm hash();

    SigningKey generateKey(SecureRandom random);

    /** Reads a PKCS#8 {@code PRIVATE KEY} PEM of this suite's algorithm. */
    SigningKey readPrivateKeyPem(String pem);

    /** Reads a SubjectPublicKeyInfo {@code PUBLIC KEY} PEM of this suite's algorithm. */
    VerifyingKey readPublicKeyPem(String pem);

    /** Decodes a DER SubjectPublicKeyInfo of this suite's algorithm. */
    VerifyingKey publicKeyFromSpki(byte[] spkiDer);

    /** Decodes the raw public key ({@link VerifyingKey#rawPublicKey()}). */
    VerifyingKey publicKeyFromRaw(byte[] raw);
}
