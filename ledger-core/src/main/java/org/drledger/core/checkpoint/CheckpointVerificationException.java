package org.drledger.core.checkpoint;

import org.drledger.core.VerificationException;

/**
 * A note or checkpoint whose signatures do not verify. {@link #check()}: {@code note.signature} (a known key's
 * signature is invalid), {@code note.unsigned} (no signature by the required key), {@code checkpoint.origin}.
 */
public final class CheckpointVerificationException extends VerificationException {
    public CheckpointVerificationException(String check, String where, String expected, String computed, String message) {
        super(check, where, expected, computed, message);
    }
}
