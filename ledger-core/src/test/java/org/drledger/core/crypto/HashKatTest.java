package org.drledger.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

class HashKatTest {

    @Test
    void sm3MatchesGbT32905AppendixA() {
        assertThat(Hex.encode(HashAlgorithm.SM3.digest("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(Hex.encode(HashAlgorithm.SM3.digest("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void sha256MatchesFips180() {
        assertThat(Hex.encode(HashAlgorithm.SHA_256.digest("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    static Stream<Arguments> vectors() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : TestVectors.read("crypto/hash-kat.json").get("cases")) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reproducesVector(String name, JsonNode c) {
        byte[] message = c.get("message").asText().getBytes(StandardCharsets.UTF_8);
        assertThat(Hex.encode(message)).isEqualTo(c.get("messageHex").asText());
        HashAlgorithm alg = c.get("alg").asText().equals("sm3") ? HashAlgorithm.SM3 : HashAlgorithm.SHA_256;
        assertThat(alg.id()).isEqualTo(c.get("alg").asText());
        assertThat(Hex.encode(alg.digest(message))).isEqualTo(c.get("digest").asText());
        // incremental hashing, byte by byte, gives the same
        HashAlgorithm.Hasher h = alg.newHasher();
        for (byte b : message) {
            h.update(b);
        }
        assertThat(Hex.encode(h.digest())).isEqualTo(c.get("digest").asText());
    }
}
