package org.drledger.core;

/**
 * Well-formed data that does not verify. Carries the evidence a human or a report needs: which check, where,
 * what was expected and what was computed.
 */
public class VerificationException extends Exception {
    private final String check;
    private final String where;
    private final String expected;
    private final String computed;

    public VerificationException(String check, String where, String expected, String computed, String message) {
        super(message + describe(where, expected, computed));
        this.check = check;
        this.where = where == null ? "" : where;
        this.expected = expected;
        this.computed = computed;
    }

    private static String describe(String where, String expected, String computed) {
        StringBuilder sb = new StringBuilder();
        if (where != null && !where.isEmpty()) {
            sb.append(" at ").append(where);
        }
        if (expected != null || computed != null) {
            sb.append(" (expected ").append(expected).append(", computed ").append(computed).append(')');
        }
        return sb.toString();
    }

    /** A stable name of the failed check, e.g. {@code merkle.inclusion} or {@code chain.prev}. */
    public String check() {
        return check;
    }

    public String where() {
        return where;
    }

    public String expected() {
        return expected;
    }

    public String computed() {
        return computed;
    }
}
