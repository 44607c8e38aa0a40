package org.drledger.server.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.drledger.server.testing.Http;

/** Asserts an application/problem+json refusal naming the field and the rule, without a stack trace. */
public final class ProblemChecks {
    private ProblemChecks() {
    }

    public static void problem(Http.Response r, int status, String field, String rule) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
        assertThat(r.json().get("rule").asText()).as(r.toString()).isEqualTo(rule);
        assertThat(r.body()).as(r.toString()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
