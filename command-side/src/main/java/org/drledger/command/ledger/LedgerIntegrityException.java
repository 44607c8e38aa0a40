package org.drledger.command.ledger;

/**
 * The append path refused to store an event because the entry it would become is not intact: a signature that
 * does not verify, a predecessor whose stored hash does not match its content, a pre-sealed event. Nothing of the
 * unit of work is stored.
 */
public class LedgerIntegrityException extends RuntimeException {
    public LedgerIntegrityException(String message) {
        super(message);
    }
}
