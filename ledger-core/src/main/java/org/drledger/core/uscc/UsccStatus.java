package org.drledger.core.uscc;

/** Outcome of {@link Uscc#validate}. Policy: warn, don't reject, for codes that may be real. */
public enum UsccStatus {
    /** Well-formed, the GB 32100 check character (pos 18) and the GB 11714 check (pos 17) both hold. */
    VALID(true, false),
    /**
     * Well-formed and the pos-18 check holds, but pos 9–17 is not a GB 11714 organisation code (its check at
     * pos 17 fails). Accepted with a warning: real codes exist whose 主体标识码 was not issued under GB 11714.
     */
    ORGANIZATION_CODE_MISMATCH(true, true),
    /** The pos-18 check fails, but the code is on the allow-list of known real non-conforming codes: accept, warn. */
    LEGACY_ALLOWLISTED(true, true),
    /** Well-formed but the pos-18 check fails and the code is not allow-listed: almost surely mistyped; reject. */
    CHECK_CHARACTER_MISMATCH(false, false),
    /** Not 18 characters of the code's charset (wrong length, lowercase, spaces, I/O/S/V/Z, full-width...). */
    MALFORMED(false, false);

    private final boolean accepted;
    private final boolean warning;

    UsccStatus(boolean accepted, boolean warning) {
        this.accepted = accepted;
        this.warning = warning;
    }

    /** Whether a caller may key an entity by this code (possibly with a warning). */
    public boolean isAccepted() {
        return accepted;
    }

    /** Whether an accepted code must be flagged to the user / logged as a warning. */
    public boolean isWarning() {
        return warning;
    }
}
