package org.drledger.core;

/**
 * Input that is not in the format a parser expects. Every parser in the kernel throws a subclass of this and
 * nothing else for malformed input, so callers can map it to a 4xx / exit code 2 with a specific reason.
 */
public abstract class FormatException extends RuntimeException {
    private final String rule;
    private final String where;

    /**
     * @param rule  a short stable identifier of the violated rule, e.g. {@code float-not-allowed}
     * @param where where in the input, e.g. a JSON pointer, line number or field name; empty when not applicable
     */
    protected FormatException(String rule, String where, String message) {
        super(message);
        this.rule = rule;
        this.where = where == null ? "" : where;
    }

    protected FormatException(String rule, String where, String message, Throwable cause) {
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
