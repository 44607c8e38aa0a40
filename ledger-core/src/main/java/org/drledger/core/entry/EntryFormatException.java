package org.drledger.core.entry;

import org.drledger.core.FormatException;

/**
 * An entry, signed entry or opening that is not in the {@code drl-entry/1} format. {@link #rule()} names the rule:
 * {@code missing-field}, {@code wrong-type}, {@code unknown-field}, {@code bad-hex}, {@code bad-base64},
 * {@code bad-time}, {@code bad-identifier}, {@code bad-prev}, {@code negative-sequence}, {@code unsupported-version},
 * {@code not-canonical}; {@link #where()} names the field.
 */
public final class EntryFormatException extends FormatException {
    public EntryFormatException(String rule, String field, String message) {
        super(rule, field, message + (field == null || field.isEmpty() ? "" : " (field " + field + ")"));
    }

    public EntryFormatException(String rule, String field, String message, Throwable cause) {
        super(rule, field, message + (field == null || field.isEmpty() ? "" : " (field " + field + ")"), cause);
    }
}
