package org.drledger.core.draw;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Strict, typed reads from a parsed JSON tree; every failure is a {@link DrawInputException} with a pointer. */
final class JsonIn {
    private JsonIn() {
    }

    static JsonNode object(JsonNode n, String where) {
        if (n == null || !n.isObject()) {
            throw new DrawInputException("wrong-type", where, "expected a JSON object");
        }
        return n;
    }

    static void allowOnly(JsonNode obj, String where, Set<String> names) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                throw new DrawInputException("unknown-field", where + "/" + escape(name),
                        "unknown member \"" + name + "\"");
            }
        }
    }

    static boolean present(JsonNode obj, String name) {
        JsonNode v = obj.get(name);
        return v != null && !v.isNull();
    }

    static JsonNode required(JsonNode obj, String name, String where) {
        JsonNode v = obj.get(name);
        if (v == null || v.isNull()) {
            throw new DrawInputException("missing-field", where + "/" + name, "required member \"" + name + "\" missing");
        }
        return v;
    }

    static String string(JsonNode obj, String name, String where) {
        return asString(required(obj, name, where), where + "/" + name);
    }

    static String optString(JsonNode obj, String name, String where) {
        return present(obj, name) ? asString(obj.get(name), where + "/" + name) : null;
    }

    static String asString(JsonNode v, String where) {
        if (!v.isTextual()) {
            throw new DrawInputException("wrong-type", where, "expected a string");
        }
        return v.textValue();
    }

    static long integer(JsonNode obj, String name, String where) {
        return asLong(required(obj, name, where), where + "/" + name);
    }

    static Long optInteger(JsonNode obj, String name, String where) {
        return present(obj, name) ? asLong(obj.get(name), where + "/" + name) : null;
    }

    static long asLong(JsonNode v, String where) {
        // trees handed in directly (not read by the canonical reader) get the same value-space checks
        if (v.isFloatingPointNumber()) {
            throw new DrawInputException("float-not-allowed", where, "number with a fraction or exponent");
        }
        if (!v.isIntegralNumber()) {
            throw new DrawInputException("wrong-type", where, "expected an integer");
        }
        if (!v.canConvertToLong() || Math.abs(v.longValue()) > DrawPlan.MAX_INT) {
            throw new DrawInputException("integer-out-of-range", where, "integer outside ±(2^53-1)");
        }
        return v.longValue();
    }

    static boolean bool(JsonNode obj, String name, String where) {
        return asBool(required(obj, name, where), where + "/" + name);
    }

    static Boolean optBool(JsonNode obj, String name, String where) {
        return present(obj, name) ? asBool(obj.get(name), where + "/" + name) : null;
    }

    static boolean asBool(JsonNode v, String where) {
        if (!v.isBoolean()) {
            throw new DrawInputException("wrong-type", where, "expected true or false");
        }
        return v.booleanValue();
    }

    static List<JsonNode> array(JsonNode obj, String name, String where) {
        return asArray(required(obj, name, where), where + "/" + name);
    }

    static List<JsonNode> optArray(JsonNode obj, String name, String where) {
        return present(obj, name) ? asArray(obj.get(name), where + "/" + name) : null;
    }

    static List<JsonNode> asArray(JsonNode v, String where) {
        if (!v.isArray()) {
            throw new DrawInputException("wrong-type", where, "expected an array");
        }
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }

    static List<String> stringArray(JsonNode obj, String name, String where) {
        return strings(array(obj, name, where), where + "/" + name);
    }

    static List<String> optStringArray(JsonNode obj, String name, String where) {
        List<JsonNode> a = optArray(obj, name, where);
        return a == null ? null : strings(a, where + "/" + name);
    }

    private static List<String> strings(List<JsonNode> a, String where) {
        List<String> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            out.add(asString(a.get(i), where + "/" + i));
        }
        return out;
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
