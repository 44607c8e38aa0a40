package org.drledger.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.drledger.server.testing.Http;

final class ProblemAssert {
    private ProblemAssert() {
    }

    static void problem(Http.Response r, int status, String field, String rule) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
        assertThat(r.json().get("rule").asText()).as(r.toString()).isEqualTo(rule);
    }
}
