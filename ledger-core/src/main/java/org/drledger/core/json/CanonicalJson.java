package org.drledger.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Iterator;
import java.util.Map;

/**
 * RFC 8785 (JSON Canonicalization Scheme) restricted to the ledger's value space: objects, arrays, strings,
 * integers, booleans and null. Within that space the output is byte-identical to RFC 8785: object members
 * sorted by the UTF-16 code units of their names, no insignificant whitespace, strings escaped as ECMAScript
 * {@code JSON.stringify} does, integers in plain decimal.
 *
 * <p>Stricter than RFC 8785 on purpose: numbers with a fraction or exponent are rejected (no floating point
 * anywhere in the ledger), integers must lie within ±(2<sup>53</sup>−1) so that every JSON implementation reads
 * them exactly, duplicate member names are rejected, and every string (names included) must be valid Unicode in
 * NFC, so that visually equal identifiers cannot hash differently.
 */
public final class CanonicalJson {
    /** The largest integer every IEEE-754 double based JSON reader represents exactly. */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    public static final int MAX_DEPTH = 128;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final BigInteger MAX = BigInteger.valueOf(MAX_SAFE_INTEGER);
    private static final BigInteger MIN = MAX.negate();
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private CanonicalJson() {
    }

    /** Parses UTF-8 JSON text strictly into a tree whose every value lies in the canonical value space. */
    public static JsonNode parse(byte[] utf8) {
        try (JsonParser p = FACTORY.createParser(utf8)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new CanonicalJsonException("malformed-json", "", "empty input");
            }
            JsonNode root = read(p, first, "", 0);
            JsonToken extra;
            try {
                extra = p.nextToken();
            } catch (JsonProcessingException e) {
                throw new CanonicalJsonException("trailing-data", "", "unexpected data after the JSON value", e);
            }
            if (extra != null) {
                throw new CanonicalJsonException("trailing-data", "", "unexpected data after the JSON value");
            }
            return root;
        } catch (CanonicalJsonException e) {
            throw e;
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            String rule = msg != null && msg.contains("UTF-8") ? "invalid-unicode" : "malformed-json";
            if (msg != null && msg.toLowerCase().contains("nesting depth")) {
                rule = "too-deep";
            }
            String at = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new CanonicalJsonException(rule, "", "not valid JSON: " + msg + at, e);
        } catch (IOException e) {
            throw new CanonicalJsonException("malformed-json", "", "unreadable JSON: " + e.getMessage(), e);
        }
    }

    public static JsonNode parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses strictly and writes the canonical form. */
    public static byte[] canonicalize(byte[] utf8) {
        return write(parse(utf8));
    }

    /** True when the input parses and is already byte-identical to its canonical form. */
    public static boolean isCanonical(byte[] utf8) {
        try {
            return java.util.Arrays.equals(utf8, canonicalize(utf8));
        } catch (CanonicalJsonException e) {
            return false;
        }
    }

    /** Writes a tree canonically, validating it on the way (trees built in code are checked like parsed ones). */
    public static byte[] write(JsonNode node) {
        Out out = new Out(256);
        write(node, out, null, 0);
        return out.toByteArray();
    }

    /** Canonical bytes of a tree and the span {@code [start, end)} where one member value (by identity) was written. */
    public record Marked(byte[] bytes, int start, int end) {
    }

    /**
     * Writes a tree canonically, noting where the member value {@code mark} (the same object, not an equal one)
     * went, so a caller that needs both a whole line's canonical form and one part of it writes only once.
     * {@code start} and {@code end} are -1 when {@code mark} is not a member value of the tree.
     */
    public static Marked writeMarked(JsonNode root, JsonNode mark) {
        Out out = new Out(512);
        out.mark = mark;
        write(root, out, null, 0);
        return new Marked(out.toByteArray(), out.markStart, out.markEnd);
    }

    public static String writeString(JsonNode node) {
        return new String(write(node), StandardCharsets.UTF_8);
    }

    private static JsonNode read(JsonParser p, JsonToken t, String pointer, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new CanonicalJsonException("too-deep", pointer, "nesting deeper than " + MAX_DEPTH);
        }
        switch (t) {
            case START_OBJECT: {
                ObjectNode obj = NODES.objectNode();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + escapePointer(name);
                    checkString(name, child, "member name");
                    if (obj.has(name)) {
                        throw new CanonicalJsonException("duplicate-key", child, "duplicate member name \"" + name + "\"");
                    }
                    obj.set(name, read(p, p.nextToken(), child, depth + 1));
                }
                return obj;
            }
            case START_ARRAY: {
                ArrayNode arr = NODES.arrayNode();
                JsonToken v;
                int i = 0;
                while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                    arr.add(read(p, v, pointer + "/" + i++, depth + 1));
                }
                return arr;
            }
            case VALUE_STRING: {
                String s = p.getText();
                checkString(s, pointer, "string");
                return NODES.textNode(s);
            }
            case VALUE_NUMBER_INT: {
                BigInteger v = p.getBigIntegerValue();
                checkRange(v, pointer);
                return NODES.numberNode(v.longValueExact());
            }
            case VALUE_NUMBER_FLOAT:
                throw new CanonicalJsonException("float-not-allowed", pointer,
                        "number with a fraction or exponent (" + p.getText() + "); the ledger allows integers only");
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new CanonicalJsonException("malformed-json", pointer, "unexpected token " + t);
        }
    }

    /** Where a value sits, built as a chain so the JSON pointer string is only made when an error needs it. */
    private record Path(Path parent, String name, int index) {
        static String pointer(Path p) {
            if (p == null) {
                return "";
            }
            return pointer(p.parent) + "/" + (p.name != null ? escapePointer(p.name) : String.valueOf(p.index));
        }
    }

    private static void write(JsonNode node, Out out, Path path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new CanonicalJsonException("too-deep", Path.pointer(path), "nesting deeper than " + MAX_DEPTH);
        }
        switch (node.getNodeType()) {
            case OBJECT: {
                int n = node.size();
                @SuppressWarnings("unchecked")
                Map.Entry<String, JsonNode>[] members = new Map.Entry[n];
                int i = 0;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    members[i++] = it.next();
                }
                // String.compareTo orders by UTF-16 code units, which is exactly RFC 8785 §3.2.3.
                java.util.Arrays.sort(members, Map.Entry.comparingByKey());
                out.write('{');
                for (i = 0; i < n; i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    Path child = new Path(path, members[i].getKey(), -1);
                    checkString(members[i].getKey(), child, "member name");
                    writeString(members[i].getKey(), out);
                    out.write(':');
                    JsonNode value = members[i].getValue();
                    if (value == out.mark) {
                        out.markStart = out.len;
                        write(value, out, child, depth + 1);
                        out.markEnd = out.len;
                    } else {
                        write(value, out, child, depth + 1);
                    }
                }
                out.write('}');
                return;
            }
            case ARRAY: {
                out.write('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    write(node.get(i), out, new Path(path, null, i), depth + 1);
                }
                out.write(']');
                return;
            }
            case STRING: {
                String s = node.textValue();
                checkString(s, path, "string");
                writeString(s, out);
                return;
            }
            case NUMBER: {
                if (!node.isIntegralNumber()) {
                    throw new CanonicalJsonException("float-not-allowed", Path.pointer(path),
                            "non-integer number " + node.asText() + "; the ledger allows integers only");
                }
                if (node.canConvertToLong()) {
                    long v = node.longValue();
                    if (v > MAX_SAFE_INTEGER || v < -MAX_SAFE_INTEGER) {
                        throw rangeError(BigInteger.valueOf(v), Path.pointer(path));
                    }
                    out.writeAscii(Long.toString(v));
                } else {
                    throw rangeError(node.bigIntegerValue(), Path.pointer(path));
                }
                return;
            }
            case BOOLEAN:
                out.writeAscii(node.booleanValue() ? "true" : "false");
                return;
            case NULL:
                out.writeAscii("null");
                return;
            default:
                throw new CanonicalJsonException("unsupported-type", Path.pointer(path),
                        "value of type " + node.getNodeType() + " is outside the canonical value space");
        }
    }

    private static CanonicalJsonException rangeError(BigInteger v, String pointer) {
        return new CanonicalJsonException("integer-out-of-range", pointer,
                "integer " + v + " is outside ±(2^53-1); encode it as a string");
    }

    private static void checkRange(BigInteger v, String pointer) {
        if (v.compareTo(MAX) > 0 || v.compareTo(MIN) < 0) {
            throw rangeError(v, pointer);
        }
    }

    private static void checkString(String s, Path path, String what) {
        if (!isPlainNfc(s)) {
            checkString(s, Path.pointer(path), what);
        }
    }

    /**
     * A fast path: text made only of characters below U+0300 or CJK unified ideographs (U+4E00–U+9FFF) is always
     * valid and in NFC (none of these characters decomposes or composes); anything else gets the full check.
     */
    private static boolean isPlainNfc(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x300 && (c < 0x4e00 || c > 0x9fff)) {
                return false;
            }
        }
        return true;
    }

    private static void checkString(String s, String pointer, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new CanonicalJsonException("invalid-unicode", pointer, what + " contains a lone surrogate");
            }
            if (Character.isLowSurrogate(c)) {
                throw new CanonicalJsonException("invalid-unicode", pointer, what + " contains a lone surrogate");
            }
        }
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
            throw new CanonicalJsonException("not-nfc", pointer, what + " is not in Unicode normalization form NFC");
        }
    }

    private static void writeString(String s, Out out) {
        out.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    out.write(c);
                    continue;
                }
                out.write('\\');
                switch (c) {
                    case '"': out.write('"'); break;
                    case '\\': out.write('\\'); break;
                    case '\b': out.write('b'); break;
                    case '\f': out.write('f'); break;
                    case '\n': out.write('n'); break;
                    case '\r': out.write('r'); break;
                    case '\t': out.write('t'); break;
                    default:
                        out.write('u');
                        out.write('0');
                        out.write('0');
                        out.write(HEX[(c >> 4) & 0xf]);
                        out.write(HEX[c & 0xf]);
                }
            } else if (c < 0x800) {
                out.write(0xc0 | (c >> 6));
                out.write(0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c)) {
                // validated beforehand: a low surrogate follows
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.write(0xf0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3f));
                out.write(0x80 | ((cp >> 6) & 0x3f));
                out.write(0x80 | (cp & 0x3f));
            } else {
                out.write(0xe0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3f));
                out.write(0x80 | (c & 0x3f));
            }
        }
        out.write('"');
    }

    /**
     * Writes one canonical object member by member, for hot paths that know their member names: names MUST be
     * given in canonical (UTF-16) order, which is checked. Values are validated like {@link #write(JsonNode)}.
     */
    public static final class ObjectWriter {
        private final Out out = new Out(512);
        private String last;

        public ObjectWriter() {
            out.write('{');
        }

        private void name(String name) {
            if (last != null) {
                if (last.compareTo(name) >= 0) {
                    throw new IllegalStateException("member \"" + name + "\" written after \"" + last + "\"");
                }
                out.write(',');
            }
            last = name;
            Path p = new Path(null, name, -1);
            checkString(name, p, "member name");
            writeString(name, out);
            out.write(':');
        }

        public ObjectWriter string(String name, String value) {
            name(name);
            checkString(value, new Path(null, name, -1), "string");
            writeString(value, out);
            return this;
        }

        public ObjectWriter integer(String name, long value) {
            name(name);
            if (value > MAX_SAFE_INTEGER || value < -MAX_SAFE_INTEGER) {
                throw rangeError(BigInteger.valueOf(value), "/" + escapePointer(name));
            }
            out.writeAscii(Long.toString(value));
            return this;
        }

        public ObjectWriter value(String name, JsonNode value) {
            name(name);
            CanonicalJson.write(value, out, new Path(null, name, -1), 1);
            return this;
        }

        /** A nested object of string members, given in canonical order. */
        public ObjectWriter strings(String name, String... namesAndValues) {
            name(name);
            out.write('{');
            String prev = null;
            for (int i = 0; i < namesAndValues.length; i += 2) {
                String n = namesAndValues[i];
                if (prev != null) {
                    if (prev.compareTo(n) >= 0) {
                        throw new IllegalStateException("member \"" + n + "\" written after \"" + prev + "\"");
                    }
                    out.write(',');
                }
                prev = n;
                Path p = new Path(new Path(null, name, -1), n, -1);
                checkString(n, p, "member name");
                writeString(n, out);
                out.write(':');
                checkString(namesAndValues[i + 1], p, "string");
                writeString(namesAndValues[i + 1], out);
            }
            out.write('}');
            return this;
        }

        public byte[] toByteArray() {
            out.write('}');
            byte[] b = out.toByteArray();
            out.len--;
            return b;
        }
    }

    /** An unsynchronised byte buffer (ByteArrayOutputStream locks on every write). */
    private static final class Out {
        private byte[] buf;
        private int len;
        private JsonNode mark;
        private int markStart = -1;
        private int markEnd = -1;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        void write(int b) {
            if (len == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            buf[len++] = (byte) b;
        }

        void writeAscii(String s) {
            for (int i = 0; i < s.length(); i++) {
                write(s.charAt(i));
            }
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, len);
        }
    }

    private static String escapePointer(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
