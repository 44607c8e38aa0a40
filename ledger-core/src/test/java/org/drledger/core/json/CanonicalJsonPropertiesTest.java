package org.drledger.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Property tests over fixed seeds: canonicalisation is idempotent and blind to member order, whitespace and escaping. */
class CanonicalJsonPropertiesTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void canonicalizationIsIdempotent(long seed) {
        Random r = new Random(seed);
        String json = NoisyWriter.write(randomValue(r, 4), r);
        byte[] once = CanonicalJson.canonicalize(json.getBytes(StandardCharsets.UTF_8));
        assertThat(CanonicalJson.canonicalize(once)).isEqualTo(once);
        assertThat(CanonicalJson.isCanonical(once)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void memberOrderWhitespaceAndEscapingDoNotMatter(long seed) {
        Random r = new Random(seed);
        JsonNode tree = randomValue(r, 4);
        byte[] reference = CanonicalJson.write(tree);
        for (int variant = 0; variant < 3; variant++) {
            String noisy = NoisyWriter.write(tree, r);
            assertThat(CanonicalJson.canonicalize(noisy.getBytes(StandardCharsets.UTF_8)))
                    .as("noisy variant %s", noisy).isEqualTo(reference);
        }
    }

    static JsonNode randomValue(Random r, int depth) {
        int kind = depth == 0 ? r.nextInt(4) : r.nextInt(6);
        switch (kind) {
            case 0:
                return F.numberNode(r.nextBoolean() ? (long) r.nextInt(2000) - 1000
                        : (r.nextLong() % CanonicalJson.MAX_SAFE_INTEGER));
            case 1:
            case 2:
                return F.textNode(randomString(r));
            case 3:
                return r.nextInt(3) == 0 ? F.nullNode() : F.booleanNode(r.nextBoolean());
            case 4: {
                ArrayNode a = F.arrayNode();
                for (int i = r.nextInt(5); i > 0; i--) {
                    a.add(randomValue(r, depth - 1));
                }
                return a;
            }
            default: {
                ObjectNode o = F.objectNode();
                for (int i = r.nextInt(5); i > 0; i--) {
                    o.set(randomString(r), randomValue(r, depth - 1));
                }
                return o;
            }
        }
    }

    /** ASCII (controls included), Latin, CJK, astral and awkward characters, in NFC. */
    static String randomString(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(7); i > 0; i--) {
            int bucket = r.nextInt(7);
            int cp;
            if (bucket < 2) {
                cp = r.nextInt(0x80);
            } else if (bucket == 2) {
                cp = 0x80 + r.nextInt(0x280);
            } else if (bucket < 5) {
                cp = 0x4e00 + r.nextInt(0x9fff - 0x4e00);
            } else if (bucket == 5) {
                cp = 0x1f600 + r.nextInt(0x50);
            } else {
                cp = new int[]{0x2028, 0xff21, 0xfeff, 0x7f, '/', '"', '\\'}[r.nextInt(7)];
            }
            sb.appendCodePoint(cp);
        }
        return Normalizer.normalize(sb.toString(), Normalizer.Form.NFC);
    }

    /** Writes a tree with shuffled members, random whitespace and randomly \\u-escaped characters. */
    static final class NoisyWriter {
        static String write(JsonNode n, Random r) {
            StringBuilder sb = new StringBuilder();
            write(n, r, sb);
            return sb.toString();
        }

        private static void ws(Random r, StringBuilder sb) {
            for (int k = r.nextInt(3); k > 0; k--) {
                sb.append(" \t\n\r".charAt(r.nextInt(4)));
            }
        }

        private static void write(JsonNode n, Random r, StringBuilder sb) {
            ws(r, sb);
            if (n.isObject()) {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    members.add(it.next());
                }
                Collections.shuffle(members, r);
                sb.append('{');
                for (int i = 0; i < members.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    ws(r, sb);
                    string(members.get(i).getKey(), r, sb);
                    ws(r, sb);
                    sb.append(':');
                    write(members.get(i).getValue(), r, sb);
                }
                ws(r, sb);
                sb.append('}');
            } else if (n.isArray()) {
                sb.append('[');
                for (int i = 0; i < n.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(n.get(i), r, sb);
                }
                ws(r, sb);
                sb.append(']');
            } else if (n.isTextual()) {
                string(n.textValue(), r, sb);
            } else if (n.isIntegralNumber() && n.longValue() == 0 && r.nextBoolean()) {
                sb.append("-0");
            } else {
                sb.append(n);
            }
            ws(r, sb);
        }

        private static void string(String s, Random r, StringBuilder sb) {
            sb.append('"');
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                if (cp == '/' && r.nextInt(3) == 0) {
                    sb.append("\\/");
                } else if (cp == '"' || cp == '\\' || cp < 0x20 || r.nextInt(4) == 0) {
                    for (char c : Character.toChars(cp)) {
                        sb.append(String.format(r.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
                    }
                } else {
                    sb.appendCodePoint(cp);
                }
            }
            sb.append('"');
        }
    }
}
