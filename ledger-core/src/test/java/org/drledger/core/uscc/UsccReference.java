package org.drledger.core.uscc;

/**
 * Slow, independent reference implementations for tests. They restate the rules differently from production:
 * weights are generated as powers of 3, check characters are found by trying every candidate until the whole code
 * sums to 0 (mod 31, resp. mod 11), the charset comes from a regular expression, and the 注册号 is verified by
 * running the ISO 7064 recursion over all 15 digits.
 */
final class UsccReference {
    static final String CHARSET_REGEX = "[0-9A-HJ-NP-RTUWXY]";
    static final String WELL_FORMED = CHARSET_REGEX + "{2}[0-9]{6}" + CHARSET_REGEX + "{10}";

    private UsccReference() {
    }

    private static final String CHARSET = buildCharset();

    static String charset() {
        return CHARSET;
    }

    private static String buildCharset() {
        StringBuilder sb = new StringBuilder();
        for (char c = '0'; c <= 'Z'; c++) {
            if (String.valueOf(c).matches(CHARSET_REGEX)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static int value(char c) {
        return charset().indexOf(c);
    }

    /** W_i = 3^(i−1) mod 31 for i = 1..17, and 1 for the check character itself. */
    static int weight(int position) {
        if (position == 18) {
            return 1;
        }
        int w = 1;
        for (int i = 1; i < position; i++) {
            w = w * 3 % 31;
        }
        return w;
    }

    static int weightedSum(String code17) {
        int s = 0;
        for (int i = 0; i < 17; i++) {
            s += value(code17.charAt(i)) * weight(i + 1);
        }
        return s;
    }

    static boolean checkHolds(String code18) {
        return (weightedSum(code18.substring(0, 17)) + value(code18.charAt(17))) % 31 == 0;
    }

    static char check(String first17) {
        for (char c : charset().toCharArray()) {
            if (checkHolds(first17 + c)) {
                return c;
            }
        }
        throw new AssertionError("no check character for " + first17);
    }

    static final int[] ORG_W = {3, 7, 9, 10, 5, 8, 4, 2};

    static int orgSum(String body8) {
        int s = 0;
        for (int i = 0; i < 8; i++) {
            s += Character.getNumericValue(body8.charAt(i)) * ORG_W[i];
        }
        return s;
    }

    static char orgCheck(String body8) {
        for (char c : "0123456789X".toCharArray()) {
            int v = c == 'X' ? 10 : c - '0';
            if ((orgSum(body8) + v) % 11 == 0) {
                return c;
            }
        }
        throw new AssertionError();
    }

    static UsccStatus status(String code, Allowlist allowlist) {
        if (code == null || !code.matches(WELL_FORMED)) {
            return UsccStatus.MALFORMED;
        }
        if (!checkHolds(code)) {
            return allowlist.contains(code) ? UsccStatus.LEGACY_ALLOWLISTED : UsccStatus.CHECK_CHARACTER_MISMATCH;
        }
        return orgCheck(code.substring(8, 16)) == code.charAt(16) ? UsccStatus.VALID
                : UsccStatus.ORGANIZATION_CODE_MISMATCH;
    }

    /** The ISO 7064 MOD 11,10 state P_0..P_14 over the first 14 digits. */
    static int[] regNoStates(String first14) {
        int[] p = new int[15];
        p[0] = 10;
        for (int j = 1; j <= 14; j++) {
            int s = p[j - 1] + (first14.charAt(j - 1) - '0');
            int r = s % 10 == 0 ? 10 : s % 10;
            p[j] = 2 * r % 11;
        }
        return p;
    }

    /** A 15-digit number verifies when P_14 + check digit ≡ 1 (mod 10). */
    static boolean regNoHolds(String regNo15) {
        return (regNoStates(regNo15.substring(0, 14))[14] + (regNo15.charAt(14) - '0')) % 10 == 1;
    }

    static char regNoCheck(String first14) {
        for (char c = '0'; c <= '9'; c++) {
            if (regNoHolds(first14 + c)) {
                return c;
            }
        }
        throw new AssertionError();
    }

    static LegacyRegNoStatus regNoStatus(String s) {
        if (s == null || !s.matches("[0-9]{15}")) {
            return LegacyRegNoStatus.MALFORMED;
        }
        return regNoHolds(s) ? LegacyRegNoStatus.VALID : LegacyRegNoStatus.CHECK_DIGIT_MISMATCH;
    }
}
