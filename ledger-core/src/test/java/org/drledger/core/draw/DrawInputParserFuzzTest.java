package org.drledger.core.draw;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.drledger.core.TestVectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Randomly damaged input documents fail with a DrawInputException or run; nothing else ever escapes. */
class DrawInputParserFuzzTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final List<JsonNode> BASES = new ArrayList<>();

    static {
        for (String f : List.of("draw/worked-example.json", "draw/cases.json")) {
            TestVectors.read(f).get("cases").forEach(c -> BASES.add(c.get("input")));
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void onlyDrawInputExceptionsEscape(long seed) throws Exception {
        Random r = new Random(seed);
        for (int round = 0; round < 40; round++) {
            JsonNode doc = BASES.get(r.nextInt(BASES.size())).deepCopy();
            int mutations = 1 + r.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(doc, r);
            }
            byte[] bytes = PLAIN.writeValueAsBytes(doc);
            if (r.nextInt(10) == 0) {
                bytes = java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length)); // truncated text
            }
            try {
                Draw.run(DrawInputParser.parse(bytes));
            } catch (DrawInputException e) {
                assertThat(DrawInputException.RULES).contains(e.rule());
            } catch (RuntimeException e) {
                throw new AssertionError("escaped " + e + " for " + new String(bytes), e);
            }
        }
    }

    /** Replaces, removes or duplicates one randomly chosen node. */
    static void mutate(JsonNode root, Random r) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode c = containers.get(r.nextInt(containers.size()));
        if (c.isObject()) {
            ObjectNode o = (ObjectNode) c;
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            if (names.isEmpty()) {
                o.set("x", randomValue(r));
                return;
            }
            String name = names.get(r.nextInt(names.size()));
            switch (r.nextInt(3)) {
                case 0 -> o.remove(name);
                case 1 -> o.set(name, randomValue(r));
                default -> o.set(name + (r.nextBoolean() ? "" : "X"), o.get(name).deepCopy());
            }
        } else {
            ArrayNode a = (ArrayNode) c;
            if (a.isEmpty()) {
                a.add(randomValue(r));
                return;
            }
            int i = r.nextInt(a.size());
            switch (r.nextInt(3)) {
                case 0 -> a.remove(i);
                case 1 -> a.set(i, randomValue(r));
                default -> a.add(a.get(i).deepCopy());
            }
        }
    }

    static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(ch -> collect(ch, out));
        }
    }

    static JsonNode randomValue(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> F.textNode("");
            case 1 -> F.textNode("x\u0001");
            case 2 -> F.numberNode(-1);
            case 3 -> F.numberNode(0);
            case 4 -> F.numberNode(Long.MAX_VALUE);
            case 5 -> F.numberNode(1.5);
            case 6 -> F.booleanNode(r.nextBoolean());
            case 7 -> F.nullNode();
            case 8 -> F.arrayNode();
            case 9 -> F.objectNode();
            case 10 -> F.textNode("zz");
            default -> F.numberNode(r.nextInt(5));
        };
    }
}
