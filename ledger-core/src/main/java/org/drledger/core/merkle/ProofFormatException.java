package org.drledger.core.merkle;

import org.drledger.core.FormatException;

/**
 * A Merkle proof in JSON form that cannot be read. {@link #rule()} is one of {@code malformed-json},
 * {@code not-an-object}, {@code missing-field}, {@code unknown-field}, {@code wrong-type}, {@code negative-size},
 * {@code bad-hex}, {@code wrong-hash-length}, {@code too-many-hashes}; {@link #where()} is a JSON pointer.
 */
public final class ProofFormatException extends FormatException {
    ProofFormatException(String rule, String pointer, String message) {
        super(rule, pointer, message + (pointer.isEmpty() ? "" : " at " + pointer));
    }

    ProofFormatException(String rule, String pointer, String message, Throwable cause) {
        super(rule, pointer, message + (pointer.isEmpty() ? "" : " at " + pointer), cause);
    }
}
