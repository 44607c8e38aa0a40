package org.drledger.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.drledger.core.TestVectors;
import org.drledger.core.bytes.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalJsonTest {

    static Stream<Arguments> vectors() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : TestVectors.read("canonical-json/canonical-json.json").get("cases")) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reproducesSharedVector(String name, JsonNode c) {
        byte[] input = c.has("inputHex") ? Hex.decode(c.get("inputHex").asText())
                : c.get("input").asText().getBytes(StandardCharsets.UTF_8);
        if (c.has("canonical")) {
            byte[] expected = c.get("canonical").asText().getBytes(StandardCharsets.UTF_8);
            assertThat(new String(CanonicalJson.canonicalize(input), StandardCharsets.UTF_8))
                    .isEqualTo(c.get("canonical").asText());
            assertThat(CanonicalJson.isCanonical(expected)).isTrue();
        } else {
            assertThatThrownBy(() -> CanonicalJson.canonicalize(input))
                    .isInstanceOf(CanonicalJsonException.class)
                    .extracting(e -> ((CanonicalJsonException) e).rule())
                    .isEqualTo(c.get("error").asText());
        }
    }

    @Test
    void errorNamesTheOffendingMemberAsJsonPointer() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":{\"b/c\":[1,2.5]}}"))
                .isInstanceOfSatisfying(CanonicalJsonException.class, e -> {
                    assertThat(e.rule()).isEqualTo("float-not-allowed");
                    assertThat(e.where()).isEqualTo("/a/b~1c/1");
                });
    }

    @Test
    void treesBuiltInCodeAreValidatedLikeParsedOnes() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode withDouble = f.objectNode().put("x", 1.5);
        ObjectNode withDecimal = f.objectNode().put("x", new BigDecimal("2"));
        ObjectNode tooBig = f.objectNode().put("x", BigInteger.TWO.pow(60));
        ObjectNode decomposed = f.objectNode().put("e\u0301", 1);
        assertRule(withDouble, "float-not-allowed");
        assertRule(withDecimal, "float-not-allowed");
        assertRule(tooBig, "integer-out-of-range");
        assertRule(decomposed, "not-nfc");
        assertRule(f.objectNode().set("b", f.binaryNode(new byte[]{1})), "unsupported-type");
    }

    @Test
    void nestingBeyondTheLimitIsRejectedNotAStackOverflow() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> CanonicalJson.parse(deep))
                .isInstanceOfSatisfying(CanonicalJsonException.class, e -> assertThat(e.rule()).isEqualTo("too-deep"));
    }

    @Test
    void isCanonicalIsFalseForNonCanonicalButValidJson() {
        assertThat(CanonicalJson.isCanonical("{\"b\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(CanonicalJson.isCanonical("{\"a\":2,\"b\":1}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(CanonicalJson.isCanonical("{\"a\": 2}".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    private static void assertRule(JsonNode node, String rule) {
        assertThatThrownBy(() -> CanonicalJson.write(node))
                .isInstanceOfSatisfying(CanonicalJsonException.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }
}
