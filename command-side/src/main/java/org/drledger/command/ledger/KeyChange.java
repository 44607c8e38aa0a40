package org.drledger.command.ledger;

/**
 * One effect of a key lifecycle entry on the append path's key table.
 *
 * @param publicKeyPem the SubjectPublicKeyInfo PEM of a newly registered key; {@code null} for status changes
 */
public record KeyChange(String keyId, String department, String publicKeyPem, KeyState state) {
    public enum KeyState { ACTIVE, ROTATED, REVOKED, COMPROMISED }
}
