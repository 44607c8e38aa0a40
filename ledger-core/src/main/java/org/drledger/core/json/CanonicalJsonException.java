package org.drledger.core.json;

import org.drledger.core.FormatException;

/**
 * JSON outside the canonical value space. {@link #rule()} is one of {@code malformed-json}, {@code duplicate-key},
 * {@code float-not-allowed}, {@code integer-out-of-range}, {@code not-nfc}, {@code invalid-unicode},
 * {@code trailing-data}, {@code too-deep}, {@code unsupported-type}; {@link #where()} is a JSON pointer.
 */
public final class CanonicalJsonException extends FormatException {
    public CanonicalJsonException(String rule, String pointer, String message) {
        super(rule, pointer, message + (pointer == null || pointer.isEmpty() ? "" : " at " + pointer));
    }

    public CanonicalJsonException(String rule, String pointer, String message, Throwable cause) {
        super(rule, pointer, message + (pointer == null || pointer.isEmpty() ? "" : " at " + pointer), cause);
    }
}
