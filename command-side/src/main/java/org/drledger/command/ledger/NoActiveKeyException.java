package org.drledger.command.ledger;

/** The acting department has no active signing key, so nothing it does can be recorded. */
public class NoActiveKeyException extends RuntimeException {
    private final String department;

    public NoActiveKeyException(String department) {
        super("department " + department + " has no active signing key; register or rotate one first");
        this.department = department;
    }

    public String department() {
        return department;
    }
}
