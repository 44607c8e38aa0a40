package org.drledger.core.uscc;

/**
 * The 15-digit 工商注册号 of GS 15-2006 (工商行政管理市场主体注册号编制规则), which older entities may hold instead
 * of a USCC: 6 digits 首次登记机关代码, 8 digits 顺序码, 1 check digit computed with ISO 7064 MOD 11,10 (GB/T
 * 17710) over the first 14 digits. Strict: 15 ASCII digits, nothing else. {@link #validate} never throws.
 */
public final class LegacyRegNo {
    public static final int LENGTH = 15;

    private LegacyRegNo() {
    }

    public static LegacyRegNoResult validate(String regNo) {
        if (regNo == null) {
            return malformed(null, "null", 0, "no registration number given");
        }
        for (int i = 0; i < regNo.length(); i++) {
            char c = regNo.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return malformed(regNo, "whitespace", i + 1, "whitespace " + Uscc.describe(c) + " at position "
                        + (i + 1) + "; a registration number has no spaces");
            }
        }
        if (regNo.length() != LENGTH) {
            return malformed(regNo, "length", 0, "length " + regNo.length() + ", a 注册号 has exactly 15 digits");
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = regNo.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                String hint = c >= '\uFF10' && c <= '\uFF19'
                        ? "; it is a full-width '" + (char) (c - 0xFEE0) + "', use the ASCII digit" : "";
                return malformed(regNo, "non-ascii", i + 1, "non-ASCII character " + Uscc.describe(c)
                        + " at position " + (i + 1) + hint);
            }
            if (c < '0' || c > '9') {
                return malformed(regNo, "not-digit", i + 1, "'" + c + "' at position " + (i + 1)
                        + "; a 注册号 is digits only");
            }
        }
        char expected = checkDigit(regNo.substring(0, 14));
        char actual = regNo.charAt(14);
        if (expected != actual) {
            return new LegacyRegNoResult(regNo, LegacyRegNoStatus.CHECK_DIGIT_MISMATCH, "check-digit", 15, expected,
                    actual, "check digit (position 15) is '" + actual + "' but computes to '" + expected + "'");
        }
        return new LegacyRegNoResult(regNo, LegacyRegNoStatus.VALID, "none", 0, expected, actual, "valid");
    }

    /**
     * ISO 7064 MOD 11,10 (hybrid system) check digit of 14 digits: P = 10; for each digit d: S = P + d,
     * P = ((S mod 10, or 10 when that is 0) × 2) mod 11; the check digit c makes (P + c) mod 10 = 1.
     *
     * @throws IllegalArgumentException not 14 ASCII digits
     */
    public static char checkDigit(String first14) {
        if (first14 == null || first14.length() != 14) {
            throw new IllegalArgumentException("need exactly 14 digits");
        }
        int p = 10;
        for (int i = 0; i < 14; i++) {
            char ch = first14.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new IllegalArgumentException("'" + ch + "' is not a digit");
            }
            int s = (p + (ch - '0')) % 10;
            p = ((s == 0 ? 10 : s) * 2) % 11;
        }
        return (char) ('0' + (11 - p) % 10);
    }

    private static LegacyRegNoResult malformed(String input, String fault, int position, String reason) {
        return new LegacyRegNoResult(input, LegacyRegNoStatus.MALFORMED, fault, position, null, null, reason);
    }
}
