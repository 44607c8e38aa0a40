package org.drledger.core.draw;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Identifier validation and the one ordering of the spec: by UTF-8 bytes. */
public final class Ids {
    /** Longest identifier, in UTF-8 bytes (docs/draw-spec.md §2). */
    static final int MAX_UTF8_BYTES = 256;

    /**
     * Byte-wise order of the UTF-8 encodings. UTF-8 preserves code point order, so comparing code points gives the
     * same result without encoding; {@link String#compareTo} (UTF-16 units) does NOT once characters above U+FFFF
     * meet characters in U+E000..U+FFFF.
     */
    public static final Comparator<String> UTF8_ORDER = Ids::compareUtf8;

    private Ids() {
    }

    static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** A non-empty identifier. */
    static String id(String s, String where) {
        if (s == null) {
            throw new DrawInputException("missing-field", where, "identifier missing");
        }
        if (s.isEmpty()) {
            throw new DrawInputException("empty-identifier", where, "identifier is empty");
        }
        return chars(s, where);
    }

    /** An identifier that may be empty (only the stratum of an unstratified plan and {@code stratifyBy}). */
    static String idOrEmpty(String s, String where) {
        if (s == null) {
            throw new DrawInputException("missing-field", where, "identifier missing");
        }
        return chars(s, where);
    }

    private static String chars(String s, String where) {
        int utf8 = 0;
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                utf8 += 4;
                ascii = false;
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new DrawInputException("invalid-unicode", where, "identifier contains a lone surrogate");
            }
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
                throw new DrawInputException("control-character", where,
                        String.format("identifier contains control character U+%04X", (int) c));
            }
            utf8 += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            ascii &= c < 0x80;
        }
        if (utf8 > MAX_UTF8_BYTES) {
            throw new DrawInputException("identifier-too-long", where,
                    "identifier is " + utf8 + " UTF-8 bytes, more than " + MAX_UTF8_BYTES);
        }
        if (!ascii && !Normalizer.isNormalized(s, Normalizer.Form.NFC)) { // ASCII text is always NFC
            throw new DrawInputException("not-nfc", where, "identifier is not in Unicode normalization form NFC");
        }
        return s;
    }

    /**
     * Validates a set of identifiers given as a list and returns it sorted by UTF-8 bytes. A repeated value fails with
     * {@code duplicateRule} at the pointer of its later occurrence in the input order.
     */
    static List<String> sortedSet(List<String> values, String where, String duplicateRule) {
        if (values == null) {
            throw new DrawInputException("missing-field", where, "list missing");
        }
        Integer[] order = new Integer[values.size()];
        for (int i = 0; i < order.length; i++) {
            id(values.get(i), where + "/" + i);
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> compareUtf8(values.get(x), values.get(y)));
        List<String> out = new ArrayList<>(order.length);
        for (int k = 0; k < order.length; k++) {
            if (k > 0 && values.get(order[k]).equals(values.get(order[k - 1]))) {
                int later = Math.max(order[k], order[k - 1]);
                throw new DrawInputException(duplicateRule, where + "/" + later,
                        "\"" + values.get(later) + "\" appears twice");
            }
            out.add(values.get(order[k]));
        }
        return List.copyOf(out);
    }

    static <T> T notNull(T value, String where) {
        if (value == null) {
            throw new DrawInputException("missing-field", where, "value missing");
        }
        return value;
    }
}
