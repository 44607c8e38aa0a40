package org.drledger.core.draw;

import java.util.List;
import org.drledger.core.FormatException;

/**
 * Malformed or inconsistent input to {@code drl-draw/1}. {@link #rule()} is one of {@link #RULES}; {@link #where()}
 * is a JSON pointer into the draw input document ({@code docs/draw-spec.md} §10), also for inputs built in code.
 */
public final class DrawInputException extends FormatException {

    /** Every rule id this exception can carry; docs/draw-spec.md §12 lists them with their meaning. */
    public static final List<String> RULES = List.of(
            // JSON syntax and value space (from the strict canonical-JSON reader)
            "malformed-json", "duplicate-key", "float-not-allowed", "integer-out-of-range", "invalid-unicode",
            "trailing-data", "too-deep",
            // document shape
            "wrong-type", "missing-field", "unknown-field", "conflicting-fields", "bad-format", "bad-algorithm",
            "empty-list",
            // identifiers
            "empty-identifier", "identifier-too-long", "not-nfc", "control-character",
            // values
            "bad-ratio", "bad-bounds", "bad-cap", "bad-count", "bad-frequency-cap", "bad-date", "bad-date-range",
            "bad-instant", "bad-round", "bad-slot", "bad-commitment", "bad-secret", "bad-signature",
            "bad-randomness", "bad-lottery-value",
            // duplicates
            "duplicate-entity", "duplicate-officer", "duplicate-conflict", "duplicate-party", "duplicate-stratum",
            "duplicate-value", "duplicate-ladder-step", "duplicate-commitment", "duplicate-reveal",
            "duplicate-count",
            // references and cross-checks
            "unknown-stratum", "unknown-entity", "unknown-officer", "unknown-party", "unknown-ladder-step",
            "unknown-source", "unknown-target", "missing-commitment", "source-mismatch", "round-mismatch",
            "randomness-mismatch", "reveal-mismatch", "recusal-not-on-team");

    public DrawInputException(String rule, String where, String message) {
        super(rule, where, message + (where == null || where.isEmpty() ? "" : " at " + where));
        assert RULES.contains(rule) : rule;
    }

    private DrawInputException(String rule, String where, String message, Throwable cause, boolean raw) {
        super(rule, where, message, cause);
    }

    static DrawInputException wrap(FormatException e) {
        return new DrawInputException(e.rule(), e.where(), e.getMessage(), e, true);
    }

    /** The same failure seen from an enclosing document: {@code where} gets {@code prefix} in front. */
    DrawInputException under(String prefix) {
        String bare = getMessage();
        String suffix = where().isEmpty() ? "" : " at " + where();
        if (bare.endsWith(suffix)) {
            bare = bare.substring(0, bare.length() - suffix.length());
        }
        return new DrawInputException(rule(), prefix + where(), bare + " at " + prefix + where(), this, true);
    }
}
