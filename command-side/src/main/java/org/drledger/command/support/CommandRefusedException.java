package org.drledger.command.support;

/**
 * A command that the domain refuses: it names the field and the rule, and nothing is written. Reported as HTTP
 * 409 (state conflict) or 422 (rule violated) with {@code application/problem+json}.
 */
public class CommandRefusedException extends RuntimeException {
    private final String field;
    private final String rule;
    private final boolean conflict;

    public CommandRefusedException(String field, String rule, String message) {
        this(field, rule, message, false);
    }

    public CommandRefusedException(String field, String rule, String message, boolean conflict) {
        super(message);
        this.field = field;
        this.rule = rule;
        this.conflict = conflict;
    }

    /** A refusal because of the current state (already exists, out of order): HTTP 409. */
    public static CommandRefusedException conflict(String field, String rule, String message) {
        return new CommandRefusedException(field, rule, message, true);
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    public boolean isConflict() {
        return conflict;
    }
}
