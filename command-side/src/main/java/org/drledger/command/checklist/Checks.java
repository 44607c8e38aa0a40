package org.drledger.command.checklist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.drledger.command.support.CommandRefusedException;

/** Field checks shared by the list and plan features; each refusal names the field and the rule. */
public final class Checks {
    /** Ids users choose (list ids, item and category codes, batch ids): no ':' so stream ids stay unambiguous. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    public static final int SHORT_TEXT = 500;
    public static final int LONG_TEXT = 4000;

    private Checks() {
    }

    public static String id(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new CommandRefusedException(field, "required", field + " is required");
        }
        if (!ID.matcher(value).matches()) {
            throw new CommandRefusedException(field, "id-format",
                    field + " must be letters, digits, '.', '_' or '-', at most 64, starting with a letter or digit");
        }
        return value;
    }

    /** A required text, stripped. */
    public static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new CommandRefusedException(field, "required", field + " is required");
        }
        String s = value.strip();
        if (s.length() > max) {
            throw new CommandRefusedException(field, "too-long", field + " is longer than " + max + " characters");
        }
        return s;
    }

    /** An optional text, stripped; blank becomes absent. */
    public static String optionalText(String value, String field, int max) {
        return value == null || value.isBlank() ? null : text(value, field, max);
    }

    /** A non-empty list without nulls or repeats, in the given order. */
    public static <T> List<T> distinctNonEmpty(List<T> values, String field) {
        if (values == null || values.isEmpty()) {
            throw new CommandRefusedException(field, "required", field + " needs at least one value");
        }
        return distinct(values, field);
    }

    /** A list (null means empty) without nulls or repeats, in the given order. */
    public static <T> List<T> distinct(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        var seen = new HashSet<T>();
        for (int i = 0; i < values.size(); i++) {
            T v = values.get(i);
            if (v == null) {
                throw new CommandRefusedException(field + "[" + i + "]", "required", field + " has an empty value");
            }
            if (!seen.add(v)) {
                throw new CommandRefusedException(field + "[" + i + "]", "duplicate-value",
                        field + " lists " + v + " twice");
            }
        }
        return List.copyOf(new ArrayList<>(values));
    }
}
