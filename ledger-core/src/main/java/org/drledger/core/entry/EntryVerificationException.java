package org.drledger.core.entry;

import org.drledger.core.VerificationException;

/**
 * An entry that does not verify. {@link #check()} is one of {@code entry.ledger}, {@code entry.hash},
 * {@code entry.key}, {@code entry.signature}, {@code chain.sequence}, {@code chain.prev}; {@link #where()} names
 * the stream, sequence and leaf position.
 */
public final class EntryVerificationException extends VerificationException {
    public EntryVerificationException(String check, String where, String expected, String computed, String message) {
        super(check, where, expected, computed, message);
    }
}
