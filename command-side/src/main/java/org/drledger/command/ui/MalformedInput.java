package org.drledger.command.ui;

/**
 * A form's own input could not be read (a number, a date or a value that is not one): the refusal to show, with the
 * field and the rule, before any command is sent.
 */
public final class MalformedInput extends Exception {
    private final transient Refusal refusal;

    public MalformedInput(Refusal refusal) {
        super(refusal.detail(), null, false, false);
        this.refusal = refusal;
    }

    /** A malformed-input refusal of {@code field} by {@code rule} (HTTP 400). */
    public MalformedInput(String field, String rule, String detail) {
        this(FormSupport.malformed(field, rule, detail));
    }

    public Refusal refusal() {
        return refusal;
    }
}
