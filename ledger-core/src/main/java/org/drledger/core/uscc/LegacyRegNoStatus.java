package org.drledger.core.uscc;

/** Outcome of {@link LegacyRegNo#validate}. */
public enum LegacyRegNoStatus {
    /** 15 ASCII digits whose last digit is the ISO 7064 MOD 11,10 check digit of the first 14. */
    VALID,
    /** Not 15 ASCII digits. */
    MALFORMED,
    /** 15 digits but the check digit does not compute. */
    CHECK_DIGIT_MISMATCH
}
