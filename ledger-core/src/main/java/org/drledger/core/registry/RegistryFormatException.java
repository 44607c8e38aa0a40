package org.drledger.core.registry;

import org.drledger.core.FormatException;

/**
 * A registry or task entry whose payload cannot be folded. {@link #rule()}: {@code missing-field},
 * {@code wrong-type}, {@code unopened-commitment}, {@code bad-date}; {@link #where()} names the entry and field.
 */
public final class RegistryFormatException extends FormatException {
    public RegistryFormatException(String rule, String where, String message) {
        super(rule, where, message + " (" + where + ")");
    }
}
