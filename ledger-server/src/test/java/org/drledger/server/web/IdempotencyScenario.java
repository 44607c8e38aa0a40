package org.drledger.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.drledger.command.actor.Role;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.ServerTestSupport;
import org.drledger.server.testing.TestEndpoints;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Idempotency-Key on command endpoints: a repeat is replayed without executing, a reused key is refused, only
 * successes are stored, and the stored response commits in the same transaction as the command's entries. Runs
 * on H2 and on PostgreSQL (subclasses), whose locking differs.
 */
abstract class IdempotencyScenario extends ServerTestSupport {
    @Autowired
    TestEndpoints endpoints;

    /** Whether some session waits to insert an idempotency record (i.e. on another transaction's key). */
    abstract boolean aRequestWaitsForTheKey();

    @Test
    void aRepeatIsReplayedWithoutExecutingAgain() {
        String id = unique("idem");
        String key = unique("key");
        Http.Response first = http.post("/api/departments", admin, Map.of("departmentId", id, "name", "甲"),
                "Idempotency-Key", key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        long after = events();

        Http.Response again = http.post("/api/departments", admin, Map.of("departmentId", id, "name", "甲"),
                "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.contentType()).isEqualTo(first.contentType());
        assertThat(events()).isEqualTo(after);

        Http.Response withoutKey = http.post("/api/departments", admin, Map.of("departmentId", id, "name", "甲"));
        assertThat(withoutKey.status()).as("without the key it is a new attempt").isEqualTo(409);
    }

    @Test
    void aNoContentSuccessIsReplayedToo() {
        String d = department();
        String keyId = http.get("/api/departments/" + d + "/keys", admin).json().get(0).get("keyId").asText();
        String key = unique("key");
        Http.Response first = http.post("/api/departments/" + d + "/keys/" + keyId + "/revoke", admin,
                Map.of("reason", "retired"), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(204);
        Http.Response again = http.post("/api/departments/" + d + "/keys/" + keyId + "/revoke", admin,
                Map.of("reason", "retired"), "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(204);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void theSameKeyOnAnotherRequestIsRefused() {
        String key = unique("key");
        assertThat(http.post("/api/departments", admin, Map.of("departmentId", unique("idem"), "name", "乙"),
                "Idempotency-Key", key).status()).isEqualTo(201);
        long after = events();
        Http.Response other = http.post("/api/departments", admin, Map.of("departmentId", unique("idem"), "name", "乙"),
                "Idempotency-Key", key);
        ProblemResponsesTest.assertProblem(other, 422, "Idempotency-Key", "idempotency-key-reused");
        assertThat(events()).isEqualTo(after);
    }

    @Test
    void keysBelongToTheirUser() {
        String key = unique("key");
        TestUsers.Credentials otherAdmin = user(office, Role.OFFICE_ADMIN);
        assertThat(http.post("/api/departments", admin, Map.of("departmentId", unique("idem"), "name", "丙"),
                "Idempotency-Key", key).status()).isEqualTo(201);
        Http.Response other = http.post("/api/departments", otherAdmin, Map.of("departmentId", unique("idem"),
                "name", "丙"), "Idempotency-Key", key);
        assertThat(other.status()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aMalformedKeyIsABadRequest() {
        for (String bad : List.of("k".repeat(201), "tab\there", "")) {
            long before = events();
            Http.Response r = http.post("/api/departments", admin, Map.of("departmentId", unique("idem"), "name", "丁"),
                    "Idempotency-Key", bad);
            ProblemResponsesTest.assertProblem(r, 400, "Idempotency-Key", "idempotency-key-format");
            assertThat(events()).isEqualTo(before);
        }
        assertThat(http.post("/api/departments", admin, Map.of("departmentId", unique("idem"), "name", "丁"),
                "Idempotency-Key", "k".repeat(200)).status()).isEqualTo(201);
    }

    @Test
    void aRefusalIsNotStoredSoTheSameKeyRunsAgain() {
        String d = department();
        String key = unique("key");
        Http.Response refused = http.post("/api/departments/" + d + "/keys/" + "b".repeat(64) + "/rotate", admin,
                Map.of("reason", "routine"), "Idempotency-Key", key);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record WHERE idem_key = ?", Long.class, key))
                .isZero();
        Http.Response again = http.post("/api/departments/" + d + "/keys/" + "b".repeat(64) + "/rotate", admin,
                Map.of("reason", "routine"), "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aFailureAfterTheCommandRollsBackNothingExtra() {
        String id = unique("idem");
        String key = unique("key");
        Http.Response r = http.post("/api/test/register-then-fail", admin, Map.of("departmentId", id),
                "Idempotency-Key", key);
        ProblemResponsesTest.assertProblem(r, 500, "", "internal-error");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM department WHERE department_id = ?", Long.class, id))
                .as("as without a key: the command's effect stays").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record WHERE idem_key = ?", Long.class, key))
                .isZero();
    }

    @Test
    void theEntriesAndTheStoredResponseCommitTogether() throws Exception {
        String id = unique("idem");
        String key = unique("key");
        endpoints.arm();
        try {
            CompletableFuture<Http.Response> pending = http.postAsync("/api/test/gated-departments", admin,
                    Map.of("departmentId", id), "Idempotency-Key", key);
            await().atMost(Duration.ofSeconds(30)).until(endpoints::entered);
            // the command has run, but its entries and the record are one uncommitted transaction
            assertThat(entriesOf(id)).isZero();
            assertThat(recordsOf(key)).isZero();
            endpoints.release();
            assertThat(pending.get().status()).isEqualTo(201);
            assertThat(entriesOf(id)).isEqualTo(1);
            assertThat(recordsOf(key)).isEqualTo(1);
        } finally {
            endpoints.release();
        }
    }

    @Test
    void twoConcurrentRequestsWithOneKeyExecuteOnceAndBothGetTheWinnersResponse() throws Exception {
        String id = unique("idem");
        String key = unique("key");
        endpoints.arm();
        try {
            CompletableFuture<Http.Response> winner = http.postAsync("/api/test/gated-departments", admin,
                    Map.of("departmentId", id), "Idempotency-Key", key);
            await().atMost(Duration.ofSeconds(30)).until(endpoints::entered);
            CompletableFuture<Http.Response> loser = http.postAsync("/api/test/gated-departments", admin,
                    Map.of("departmentId", id), "Idempotency-Key", key);
            await().atMost(Duration.ofSeconds(30)).until(this::aRequestWaitsForTheKey);
            endpoints.release();

            Http.Response w = winner.get();
            Http.Response l = loser.get();
            assertThat(w.status()).as(w.toString()).isEqualTo(201);
            assertThat(w.header("Idempotent-Replayed")).isNull();
            assertThat(l.status()).as(l.toString()).isEqualTo(201);
            assertThat(l.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(l.body()).isEqualTo(w.body());
            assertThat(entriesOf(id)).isEqualTo(1);
        } finally {
            endpoints.release();
        }
    }

    private long entriesOf(String aggregate) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                aggregate);
    }

    private long recordsOf(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record WHERE idem_key = ? AND status > 0",
                Long.class, key);
    }
}
