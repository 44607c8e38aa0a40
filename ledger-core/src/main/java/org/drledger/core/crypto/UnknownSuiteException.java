package org.drledger.core.crypto;

import org.drledger.core.FormatException;

/** A crypto suite identifier that is not one of {@link CryptoSuites#all()}. {@link #rule()}: {@code unknown-suite}. */
public final class UnknownSuiteException extends FormatException {
    public UnknownSuiteException(String id) {
        super("unknown-suite", "suite", "unknown crypto suite " + (id == null ? "(null)" : "'" + id + "'")
                + "; known: " + CryptoSuites.SM2_SM3.id() + ", " + CryptoSuites.ED25519_SHA256.id());
    }
}
