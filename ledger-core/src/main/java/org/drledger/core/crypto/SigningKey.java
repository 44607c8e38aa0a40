package org.drledger.core.crypto;

/** A private key of one suite. Thread-safe. Its PEM never goes into the database or the repository. */
public interface SigningKey {
    CryptoSuite suite();

    VerifyingKey verifyingKey();

    /** Signs the message bytes exactly as given (SM2: with the suite's documented user id; Ed25519: pure). */
    byte[] sign(byte[] message);

    /** PKCS#8 {@code -----BEGIN PRIVATE KEY-----} PEM. */
    String toPkcs8Pem();
}
