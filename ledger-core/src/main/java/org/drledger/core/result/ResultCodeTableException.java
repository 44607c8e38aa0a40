package org.drledger.core.result;

import org.drledger.core.FormatException;

/**
 * A result-code table document that is malformed or inconsistent, or a recorded table the kernel does not have.
 * {@link #rule()} is one of {@code malformed-json}, {@code malformed-table}, {@code malformed-code},
 * {@code duplicate-code}, {@code duplicate-label}, {@code unknown-parent}, {@code parent-after-child},
 * {@code kind-mismatch}, {@code unknown-table-version}, {@code digest-mismatch}; {@link #where()} is a JSON pointer
 * where one applies.
 */
public final class ResultCodeTableException extends FormatException {
    ResultCodeTableException(String rule, String pointer, String message) {
        super(rule, pointer, message + (pointer == null || pointer.isEmpty() ? "" : " at " + pointer));
    }

    ResultCodeTableException(String rule, String pointer, String message, Throwable cause) {
        super(rule, pointer, message + (pointer == null || pointer.isEmpty() ? "" : " at " + pointer), cause);
    }
}
