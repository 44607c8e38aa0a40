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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(node, out, "", 0);
        return out.toByteArray();
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

    private static void write(JsonNode node, ByteArrayOutputStream out, String pointer, int depth) {
        if (depth > MAX_DEPTH) {
            throw new CanonicalJsonException("too-deep", pointer, "nesting deeper than " + MAX_DEPTH);
        }
        switch (node.getNodeType()) {
            case OBJECT: {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    members.add(it.next());
                }
                // String.compareTo orders by UTF-16 code units, which is exactly RFC 8785 §3.2.3.
                members.sort(Map.Entry.comparingByKey());
                out.write('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> m : members) {
                    if (!first) {
                        out.write(',');
                    }
                    first = false;
                    String child = pointer + "/" + escapePointer(m.getKey());
                    checkString(m.getKey(), child, "member name");
                    writeString(m.getKey(), out);
                    out.write(':');
                    write(m.getValue(), out, child, depth + 1);
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
                    write(node.get(i), out, pointer + "/" + i, depth + 1);
                }
                out.write(']');
                return;
            }
            case STRING: {
                String s = node.textValue();
                checkString(s, pointer, "string");
                writeString(s, out);
                return;
            }
            case NUMBER: {
                if (!node.isIntegralNumber()) {
                    throw new CanonicalJsonException("float-not-allowed", pointer,
                            "non-integer number " + node.asText() + "; the ledger allows integers only");
                }
                BigInteger v = node.bigIntegerValue();
                checkRange(v, pointer);
                byte[] digits = v.toString().getBytes(StandardCharsets.US_ASCII);
                out.write(digits, 0, digits.length);
                return;
            }
            case BOOLEAN: {
                byte[] b = (node.booleanValue() ? "true" : "false").getBytes(StandardCharsets.US_ASCII);
                out.write(b, 0, b.length);
                return;
            }
            case NULL: {
                out.write('n');
                out.write('u');
                out.write('l');
                out.write('l');
                return;
            }
            default:
                throw new CanonicalJsonException("unsupported-type", pointer,
                        "value of type " + node.getNodeType() + " is outside the canonical value space");
        }
    }

    private static void checkRange(BigInteger v, String pointer) {
        if (v.compareTo(MAX) > 0 || v.compareTo(MIN) < 0) {
            throw new CanonicalJsonException("integer-out-of-range", pointer,
                    "integer " + v + " is outside ±(2^53-1); encode it as a string");
        }
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

    private static void writeString(String s, ByteArrayOutputStream out) {
        out.write('"');
        int runStart = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            flush(s, runStart, i, out);
            runStart = i + 1;
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
        }
        flush(s, runStart, s.length(), out);
        out.write('"');
    }

    private static void flush(String s, int from, int to, ByteArrayOutputStream out) {
        if (from < to) {
            byte[] b = s.substring(from, to).getBytes(StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
        }
    }

    private static String escapePointer(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
