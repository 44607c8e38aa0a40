package org.drledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdempotencyFilterTest {

    @Test
    void aKeyIsOneToTwoHundredPrintableAsciiCharacters() {
        assertThat(IdempotencyFilter.validKey("a")).isTrue();
        assertThat(IdempotencyFilter.validKey("9f0c1f7e-5a8e-4d8c-8d45-0b1f4f8f7a1e")).isTrue();
        assertThat(IdempotencyFilter.validKey(" ~!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}")).isTrue();
        assertThat(IdempotencyFilter.validKey("k".repeat(200))).isTrue();
        assertThat(IdempotencyFilter.validKey("k".repeat(201))).isFalse();
        assertThat(IdempotencyFilter.validKey("")).isFalse();
        assertThat(IdempotencyFilter.validKey(null)).isFalse();
        assertThat(IdempotencyFilter.validKey("tab\t")).isFalse();
        assertThat(IdempotencyFilter.validKey("del\u007f")).isFalse();
        assertThat(IdempotencyFilter.validKey("键")).isFalse();
    }

    @Test
    void commandEndpointsTakeAKeyButNotThePublicLog() {
        assertThat(IdempotencyFilter.appliesToPath("/api/departments")).isTrue();
        assertThat(IdempotencyFilter.appliesToPath("/api/users/x/password")).isTrue();
        assertThat(IdempotencyFilter.appliesToPath("/api/log/checkpoints/5/cosignatures")).isFalse();
        assertThat(IdempotencyFilter.appliesToPath("/api/public/tasks")).isFalse();
        assertThat(IdempotencyFilter.appliesToPath("/actuator/health")).isFalse();
        assertThat(IdempotencyFilter.appliesToMethod("POST")).isTrue();
        assertThat(IdempotencyFilter.appliesToMethod("DELETE")).isTrue();
        assertThat(IdempotencyFilter.appliesToMethod("GET")).isFalse();
    }

    @Test
    void theRequestHashCoversMethodPathQueryAndBodyUnambiguously() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String h = IdempotencyFilter.requestHash("POST", "/api/x", null, body);
        assertThat(h).matches("[0-9a-f]{64}");
        assertThat(IdempotencyFilter.requestHash("POST", "/api/x", null, body)).isEqualTo(h);
        assertThat(IdempotencyFilter.requestHash("PUT", "/api/x", null, body)).isNotEqualTo(h);
        assertThat(IdempotencyFilter.requestHash("POST", "/api/y", null, body)).isNotEqualTo(h);
        assertThat(IdempotencyFilter.requestHash("POST", "/api/x", "q=1", body)).isNotEqualTo(h);
        assertThat(IdempotencyFilter.requestHash("POST", "/api/x", null, "{\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(h);
        // moving bytes between parts changes the hash (each part is length-prefixed)
        assertThat(IdempotencyFilter.requestHash("POST", "/api/xq", "", new byte[0]))
                .isNotEqualTo(IdempotencyFilter.requestHash("POST", "/api/x", "q", new byte[0]));
    }
}
