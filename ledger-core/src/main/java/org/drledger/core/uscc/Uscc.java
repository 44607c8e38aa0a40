package org.drledger.core.uscc;

import java.util.Optional;

/**
 * 统一社会信用代码 (USCC) validation per GB 32100-2015, with the GB 11714 organisation-code check on pos 9–17.
 *
 * <p>Strict about form: exactly 18 ASCII characters of {@link #CHARSET}, digits at pos 3–8, uppercase only; no
 * trimming and no case folding, because the code is a registry key in signed data and must be canonical as
 * given. {@link #validate} never throws; see {@link UsccStatus} for the warn-don't-reject policy.
 */
public final class Uscc {
    /** The 31 code characters, in value order 0..30 (I, O, S, V, Z are never used). */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    public static final int LENGTH = 18;
    /** W_i = 3^(i−1) mod 31 for i = 1..17. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** GB 11714 weights over the 8 body characters (pos 9–16). */
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final String FORBIDDEN = "IOSVZ";

    private Uscc() {
    }

    /** Validates against the built-in allow-list of known real non-conforming codes. */
    public static UsccResult validate(String code) {
        return validate(code, Allowlist.builtIn());
    }

    public static UsccResult validate(String code, Allowlist allowlist) {
        if (code == null) {
            return malformed(null, "null", 0, "no code given");
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return malformed(code, "whitespace", i + 1, "whitespace " + describe(c) + " at position " + (i + 1)
                        + "; a code has no spaces (strip them before submitting)");
            }
        }
        if (code.length() != LENGTH) {
            return malformed(code, "length", 0, "length " + code.length() + ", a USCC has exactly 18 characters");
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            int pos = i + 1;
            if (c < 0x21 || c > 0x7E) {
                String hint = c >= '\uFF01' && c <= '\uFF5E'
                        ? "; it is a full-width form of '" + (char) (c - 0xFEE0) + "', use the ASCII character" : "";
                return malformed(code, "non-ascii", pos, "non-ASCII character " + describe(c) + " at position " + pos
                        + hint);
            }
            if (c >= 'a' && c <= 'z') {
                return malformed(code, "lowercase", pos, "lowercase '" + c + "' at position " + pos
                        + "; the canonical form is uppercase");
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                return malformed(code, "forbidden-letter", pos, "letter '" + c + "' at position " + pos
                        + " is never used in a USCC (I, O, S, V, Z are excluded)");
            }
            if (CHARSET.indexOf(c) < 0) {
                return malformed(code, "invalid-character", pos, "character '" + c + "' at position " + pos
                        + " is not in the USCC charset");
            }
        }
        for (int i = 2; i < 8; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return malformed(code, "region-not-digits", i + 1, "'" + c + "' at position " + (i + 1)
                        + ": positions 3–8 are a GB/T 2260 region code, digits only");
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        char actual = code.charAt(17);
        if (expected != actual) {
            Optional<Allowlist.Entry> known = allowlist.find(code);
            if (known.isPresent()) {
                return new UsccResult(code, UsccStatus.LEGACY_ALLOWLISTED, "allowlisted", 18, expected, actual,
                        "check character is '" + actual + "' but computes to '" + expected + "'; accepted as a known"
                                + " real non-conforming code (allow-list " + allowlist.listId() + " v"
                                + allowlist.version() + ", source: " + known.get().source() + ")");
            }
            return new UsccResult(code, UsccStatus.CHECK_CHARACTER_MISMATCH, "check-character", 18, expected, actual,
                    "check character (position 18) is '" + actual + "' but computes to '" + expected
                            + "'; the code is probably mistyped");
        }
        char expected17 = organizationCheckCharacter(code.substring(8, 16));
        char actual17 = code.charAt(16);
        if (expected17 != actual17) {
            return new UsccResult(code, UsccStatus.ORGANIZATION_CODE_MISMATCH, "organization-code", 17, expected17,
                    actual17, "positions 9–17 are not a GB 11714 organisation code (position 17 is '" + actual17
                            + "', computes to '" + expected17 + "'); the USCC check holds, accepted with a warning");
        }
        return new UsccResult(code, UsccStatus.VALID, "none", 0, actual, actual, "valid");
    }

    /**
     * The GB 32100 check character (pos 18) of 17 characters of {@link #CHARSET}: C18 = 31 − (Σ v(c_i)·W_i mod
     * 31), with 31 → 0, mapped back through the charset.
     *
     * @throws IllegalArgumentException not 17 characters of the charset
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("need exactly 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not in the USCC charset");
            }
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }

    /**
     * The GB 11714 check character of an 8-character organisation-code body (USCC pos 9–16): values 0–9 and
     * A–Z = 10–35, weights 3,7,9,10,5,8,4,2, C = 11 − (Σ mod 11) with 10 → 'X' and 11 → '0'.
     *
     * @throws IllegalArgumentException not 8 characters of [0-9A-Z]
     */
    public static char organizationCheckCharacter(String body8) {
        if (body8 == null || body8.length() != 8) {
            throw new IllegalArgumentException("need exactly 8 characters");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body8.charAt(i);
            int v;
            if (ch >= '0' && ch <= '9') {
                v = ch - '0';
            } else if (ch >= 'A' && ch <= 'Z') {
                v = ch - 'A' + 10;
            } else {
                throw new IllegalArgumentException("'" + ch + "' is not 0-9 or A-Z");
            }
            sum += v * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    private static UsccResult malformed(String code, String fault, int position, String reason) {
        return new UsccResult(code, UsccStatus.MALFORMED, fault, position, null, null, reason);
    }

    static String describe(char c) {
        return String.format("U+%04X", (int) c) + (Character.isISOControl(c) ? "" : " '" + c + "'");
    }
}
