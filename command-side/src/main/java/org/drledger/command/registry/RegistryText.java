package org.drledger.command.registry;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.drledger.core.draw.Ids;

/**
 * Normalization and form rules for registry text, shared by the aggregates, the REST layer and the CSV import so
 * that all three accept exactly the same values: text is stripped and put into Unicode NFC (the canonical form
 * requires NFC), an empty value is absent, identifiers follow drl-draw/1 §2 (non-empty, at most 256 UTF-8 bytes, no
 * control characters), sets are sorted by code point and deduplicated so that their order never makes a revision.
 */
final class RegistryText {
    static final int MAX_IDENTIFIER_BYTES = 256;
    static final int MAX_TEXT_CHARS = 1000;
    static final int MAX_LIST_ITEMS = 500;
    static final String LIST_SEPARATOR = ";";
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private RegistryText() {
    }

    /** Stripped, NFC, or null when absent or blank. */
    static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** A required identifier (drl-draw/1 §2). */
    static void identifier(List<Violation> out, String field, String value) {
        if (value == null) {
            out.add(new Violation(field, "required", field + " is required"));
            return;
        }
        formOf(out, field, value, MAX_IDENTIFIER_BYTES);
    }

    /** Required free text (a name). */
    static void text(List<Violation> out, String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                out.add(new Violation(field, "required", field + " is required"));
            }
            return;
        }
        if (value.length() > MAX_TEXT_CHARS) {
            out.add(new Violation(field, "too-long", field + " is longer than " + MAX_TEXT_CHARS + " characters"));
            return;
        }
        formOf(out, field, value, Integer.MAX_VALUE);
    }

    private static void formOf(List<Violation> out, String field, String value, int maxBytes) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                out.add(new Violation(field, "control-character", String.format(
                        "%s contains the control character U+%04X at position %d", field, (int) c, i + 1)));
                return;
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    out.add(new Violation(field, "invalid-unicode", field + " contains a lone surrogate"));
                    return;
                }
                i++;
            }
        }
        if (maxBytes != Integer.MAX_VALUE && value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            out.add(new Violation(field, "identifier-too-long", field + " is longer than " + maxBytes + " UTF-8 bytes"));
        }
        if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            out.add(new Violation(field, "not-nfc", field + " is not in Unicode NFC"));
        }
    }

    /** One of the names of {@code values}, exactly (case matters). */
    static <E extends Enum<E>> void oneOf(List<Violation> out, String field, String value, Class<E> values) {
        if (value == null) {
            out.add(new Violation(field, "required", field + " is required"));
            return;
        }
        for (E e : values.getEnumConstants()) {
            if (e.name().equals(value)) {
                return;
            }
        }
        out.add(new Violation(field, "unknown-value", field + " must be one of " + names(values)));
    }

    static <E extends Enum<E>> String names(Class<E> values) {
        List<String> n = new ArrayList<>();
        for (E e : values.getEnumConstants()) {
            n.add(e.name());
        }
        return String.join(", ", n);
    }

    /** A strict ISO local date (yyyy-MM-dd); null when it does not parse. */
    static LocalDate date(List<Violation> out, String field, String value) {
        if (value == null) {
            out.add(new Violation(field, "required", field + " is required"));
            return null;
        }
        try {
            return LocalDate.parse(value, ISO_DATE);
        } catch (DateTimeParseException e) {
            out.add(new Violation(field, "bad-date", field + " must be a date yyyy-MM-dd"));
            return null;
        }
    }

    /** A set of identifiers: each normalized, blanks dropped, sorted by code point, duplicates merged. */
    static List<String> identifierSet(List<Violation> out, String field, List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        TreeSet<String> set = new TreeSet<>(Ids.UTF8_ORDER);
        for (String r : raw) {
            String v = normalize(r);
            if (v != null) {
                int before = out.size();
                formOf(out, field, v, MAX_IDENTIFIER_BYTES);
                if (out.size() > before) {
                    return List.of();
                }
                set.add(v);
            }
        }
        if (set.size() > MAX_LIST_ITEMS) {
            out.add(new Violation(field, "too-many", field + " has more than " + MAX_LIST_ITEMS + " entries"));
            return List.of();
        }
        return List.copyOf(set);
    }

    /** A list cell of the CSV: values separated by ';'. */
    static List<String> splitList(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return List.of(cell.split(LIST_SEPARATOR, -1));
    }

    /** Whether a set is already in canonical form (sorted by code point, no duplicates, normalized). */
    static boolean isCanonicalSet(List<String> values) {
        if (values == null) {
            return false;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v == null || !v.equals(normalize(v))) {
                return false;
            }
            if (i > 0 && Ids.UTF8_ORDER.compare(values.get(i - 1), v) >= 0) {
                return false;
            }
        }
        return true;
    }
}
