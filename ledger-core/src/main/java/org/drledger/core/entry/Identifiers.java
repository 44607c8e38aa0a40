package org.drledger.core.entry;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** Validation shared by every identifier in an envelope: non-empty, NFC, no control characters, bounded. */
final class Identifiers {
    static final int MAX_UTF8_BYTES = 256;

    private Identifiers() {
    }

    static String require(String value, String field) {
        if (value == null) {
            throw new EntryFormatException("missing-field", field, "required");
        }
        if (value.isEmpty()) {
            throw new EntryFormatException("bad-identifier", field, "must not be empty");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            throw new EntryFormatException("bad-identifier", field, "longer than " + MAX_UTF8_BYTES + " UTF-8 bytes");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                throw new EntryFormatException("bad-identifier", field, "contains a control character at index " + i);
            }
        }
        if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            throw new EntryFormatException("bad-identifier", field, "is not in Unicode NFC");
        }
        return value;
    }
}
