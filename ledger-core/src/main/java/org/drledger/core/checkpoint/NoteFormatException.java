package org.drledger.core.checkpoint;

import org.drledger.core.FormatException;

/**
 * A signed note, checkpoint or verifier key that does not parse. {@link #rule()}: {@code not-utf8},
 * {@code control-character}, {@code no-final-newline}, {@code no-signatures}, {@code bad-signature-line},
 * {@code bad-key-name}, {@code bad-base64}, {@code too-many-signatures}, {@code too-large}, {@code bad-origin}, {@code too-few-lines}, {@code bad-size},
 * {@code bad-root}, {@code bad-extension}, {@code bad-time}, {@code bad-vkey}, {@code unknown-signature-type};
 * {@link #where()} names the line.
 */
public final class NoteFormatException extends FormatException {
    public NoteFormatException(String rule, String where, String message) {
        super(rule, where, message + (where == null || where.isEmpty() ? "" : " (" + where + ")"));
    }
}
