package org.drledger.command.vault;

/**
 * A stored opening that fails GCM authentication: its ciphertext, nonce or row was altered, or it was sealed under
 * another vault key. Never answered with partial plaintext.
 */
public class VaultIntegrityException extends RuntimeException {
    private final String commitment;

    public VaultIntegrityException(String commitment, String message, Throwable cause) {
        super(message, cause);
        this.commitment = commitment;
    }

    public String commitment() {
        return commitment;
    }
}
