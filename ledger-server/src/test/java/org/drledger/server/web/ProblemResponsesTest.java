package org.drledger.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.server.testing.EmbeddedServerTest;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** Every error path answers application/problem+json with a field and a rule, and never a stack trace. */
class ProblemResponsesTest extends EmbeddedServerTest {

    @Test
    void aMalformedJsonBodyIsABadRequest() {
        Http.Response r = http.post("/api/departments", admin, "{\"departmentId\": ");
        assertProblem(r, 400, "", "malformed-body");
    }

    @Test
    void aWrongJsonTypeNamesTheField() {
        Http.Response r = http.post("/api/departments/" + department() + "/keys/" + "0".repeat(64) + "/compromised",
                admin, "{\"fromLeafIndex\": \"soon\", \"reason\": \"x\"}");
        assertProblem(r, 400, "fromLeafIndex", "malformed-body");
    }

    @Test
    void aValidationFailureNamesTheFieldAndTheConstraint() {
        Http.Response r = http.post("/api/departments", admin, Map.of("departmentId", "no spaces", "name", "x"));
        assertProblem(r, 400, "departmentId", "Pattern");
    }

    @Test
    void aCommandRefusedForTheCurrentStateIsAConflict() {
        String d = department();
        Http.Response r = http.post("/api/departments/" + d + "/keys/" + "a".repeat(64) + "/rotate", admin,
                Map.of("reason", "routine"));
        assertProblem(r, 409, "oldKeyId", "not-the-active-key");
    }

    @Test
    void aCommandBreakingARuleIsUnprocessable() {
        String d = department();
        Http.Response r = http.post("/api/departments/" + d + "/grants", admin, Map.of("grantee", d, "reason", "x"));
        assertProblem(r, 422, "grantee", "self-grant");
    }

    @Test
    void aRefusalByTheAccessPolicyIsForbidden() {
        TestUsers.Credentials clerk = user(department(), Role.DEPT_CLERK);
        Http.Response r = http.post("/api/departments", clerk, Map.of("departmentId", unique("x"), "name", "x"));
        assertProblem(r, 403, "", "access-denied");
    }

    @Test
    void aRefusalBySpringSecurityIsForbidden() {
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        Http.Response r = http.post("/api/departments", auditor, Map.of("departmentId", unique("x"), "name", "x"));
        assertProblem(r, 403, "", "access-denied");
    }

    @Test
    void noCredentialsIsUnauthorizedWithABasicChallenge() {
        Http.Response r = http.get("/api/departments", null);
        assertProblem(r, 401, "Authorization", "authentication-required");
        assertThat(r.header("WWW-Authenticate")).startsWith("Basic realm=");
    }

    @Test
    void badCredentialsAreUnauthorized() {
        Http.Response r = http.get("/api/departments", new TestUsers.Credentials(admin.username(), "wrong password"));
        assertProblem(r, 401, "Authorization", "bad-credentials");
        Http.Response unknown = http.post("/api/departments", new TestUsers.Credentials("nobody", "x".repeat(100)),
                Map.of("departmentId", "x", "name", "x"));
        assertProblem(unknown, 401, "Authorization", "bad-credentials");
    }

    @Test
    void anUnknownRouteIsNotFoundAndAnUnknownPageAsksForLoginFirst() {
        assertProblem(http.get("/api/no-such-thing", admin), 404, "", "not-found");
        // pages outside /public are behind the login form: the anonymous public learns nothing about which exist
        Http.Response page = http.get("/no-such-page", null);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
    }

    @Test
    void aWrongMethodOrMediaTypeOrParameterIsNamed() {
        assertProblem(http.send("DELETE", "/api/departments", admin, null, null), 405, "", "method-not-allowed");
        assertProblem(http.send("POST", "/api/departments", admin, "text/plain", "hello"), 415, "",
                "unsupported-media-type");
        assertProblem(http.get("/api/log/proof/consistency?from=1", null), 400, "to", "required");
        assertProblem(http.get("/api/log/proof/consistency?from=one&to=2", null), 400, "from", "type-mismatch");
    }

    @Test
    void anUnexpectedErrorIsAnOpaqueReference() {
        Http.Response r = http.get("/api/test/boom", admin);
        JsonNode p = assertProblem(r, 500, "", "internal-error");
        assertThat(p.get("detail").asText()).matches("an internal error occurred; reference [0-9a-f-]{36}");
        assertThat(r.body()).doesNotContain("jdbc:secret").doesNotContain("IllegalStateException");
    }

    static JsonNode assertProblem(Http.Response r, int status, String field, String rule) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("field").asText()).as(r.toString()).isEqualTo(field);
        assertThat(p.get("rule").asText()).as(r.toString()).isEqualTo(rule);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at org.")
                .doesNotContain("\"trace\"");
        return p;
    }
}
