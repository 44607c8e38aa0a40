package org.drledger.core.uscc;

import org.drledger.core.FormatException;

/**
 * An allow-list document that is malformed or inconsistent. {@link #rule()} is one of {@code malformed-json},
 * {@code malformed-allowlist}, {@code malformed-code}, {@code conforming-code}, {@code computed-check-mismatch},
 * {@code not-ascending}; {@link #where()} is a JSON pointer.
 */
public final class AllowlistFormatException extends FormatException {
    AllowlistFormatException(String rule, String pointer, String message) {
        super(rule, pointer, message + (pointer == null || pointer.isEmpty() ? "" : " at " + pointer));
    }

    AllowlistFormatException(String rule, String pointer, String message, Throwable cause) {
        super(rule, pointer, message + (pointer == null || pointer.isEmpty() ? "" : " at " + pointer), cause);
    }
}
