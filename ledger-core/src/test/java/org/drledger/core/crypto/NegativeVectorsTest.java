package org.drledger.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.drledger.core.TestVectors;
import org.drledger.core.bytes.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of negative-signatures.json and negative-keys.json gives exactly the stored outcome. */
class NegativeVectorsTest {

    static Stream<Arguments> signatureCases() {
        return cases("crypto/negative-signatures.json");
    }

    static Stream<Arguments> keyCases() {
        return cases("crypto/negative-keys.json");
    }

    private static Stream<Arguments> cases(String file) {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : TestVectors.read(file).get("cases")) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatureCases")
    void signatureCase(String name, JsonNode c) {
        VerifyingKey key = CryptoSuites.byId(c.get("suite").asText()).publicKeyFromSpki(Hex.decode(c.get("spki").asText()));
        byte[] message = Hex.decode(c.get("message").asText());
        byte[] signature = Hex.decode(c.get("signature").asText());
        assertThat(key.verify(message, signature)).isEqualTo(c.get("valid").asBoolean());
        // the per-thread SM2 verifier is left clean: a good signature still verifies after a bad one
        assertThat(key.verify(message, signature)).isEqualTo(c.get("valid").asBoolean());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyCases")
    void keyCase(String name, JsonNode c) {
        CryptoSuite suite = CryptoSuites.byId(c.get("suite").asText());
        String reader = c.get("reader").asText();
        String input = c.get("input").asText();
        if (c.has("rule")) {
            assertThatThrownBy(() -> CryptoVectorsGenerator.read(suite, reader, input))
                    .isInstanceOf(PemFormatException.class)
                    .satisfies(e -> assertThat(((PemFormatException) e).rule()).as(e.getMessage())
                            .isEqualTo(c.get("rule").asText()));
        } else {
            VerifyingKey key = CryptoVectorsGenerator.read(suite, reader, input);
            assertThat(key.keyId()).isEqualTo(c.get("keyId").asText());
            assertThat(key.suite()).isSameAs(suite);
        }
    }

    @Test
    void everyRuleIsCovered() {
        List<String> rules = new ArrayList<>();
        TestVectors.read("crypto/negative-keys.json").get("cases")
                .forEach(c -> rules.add(c.has("rule") ? c.get("rule").asText() : "ok"));
        assertThat(rules).contains("ok", "not-pem", "wrong-pem-type", "bad-der", "wrong-algorithm", "wrong-curve",
                "bad-key");
    }

    @Test
    void ed25519SPlusLIsTheValidSignatureWithSIncreasedByL() {
        // The s-plus-l case is a real malleability probe: reduced mod L, its S gives back the valid signature.
        JsonNode cases = TestVectors.read("crypto/negative-signatures.json").get("cases");
        byte[] valid = null;
        byte[] malleated = null;
        for (JsonNode c : cases) {
            if (c.get("name").asText().equals("ed25519-valid")) {
                valid = Hex.decode(c.get("signature").asText());
            } else if (c.get("name").asText().equals("ed25519-s-plus-l")) {
                malleated = Hex.decode(c.get("signature").asText());
            }
        }
        assertThat(valid).isNotNull();
        assertThat(malleated).isNotNull().isNotEqualTo(valid);
        assertThat(CryptoVectorsGenerator.sPlusL(valid)).isEqualTo(malleated);
    }
}
