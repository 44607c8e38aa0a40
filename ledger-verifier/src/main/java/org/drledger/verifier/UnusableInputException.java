package org.drledger.verifier;

/**
 * The input cannot be verified at all (not a bundle, unknown format version or suite, unreadable key): exit code 2.
 * Carries the rule that was violated and where, so the CLI prints one line and a caller can act on it.
 */
public final class UnusableInputException extends Exception {
    private final String rule;
    private final String where;

    public UnusableInputException(String rule, String where, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
        this.where = where == null ? "" : where;
    }

    public String rule() {
        return rule;
    }

    public String where() {
        return where;
    }
}
