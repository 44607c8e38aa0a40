package org.drledger.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.drledger.server.testing.EmbeddedServerTest;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** User administration over REST: accounts are security state, never ledger entries; passwords only as hashes. */
class UserAdministrationTest extends EmbeddedServerTest {

    @Test
    void anAdministratorCreatesAUserWithAChosenPasswordWhichThenLogsIn() {
        String d = department();
        String name = unique("clerk");
        long ledgerBefore = events();
        Http.Response r = http.post("/api/users", admin, Map.of("username", name, "department", d,
                "roles", new String[] {"DEPT_CLERK", "DEPT_APPROVER"}, "password", "a long enough passphrase"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("roles").toString()).isEqualTo("[\"DEPT_APPROVER\",\"DEPT_CLERK\"]");
        assertThat(r.json().has("password")).isFalse();
        assertThat(http.get("/api/departments", new TestUsers.Credentials(name, "a long enough passphrase")).status())
                .isEqualTo(200);
        assertThat(events()).as("accounts are not ledger entries").isEqualTo(ledgerBefore);
        assertThat(securityEvents("USER_CREATED", admin.username())).isEqualTo(1);
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class, name);
        assertThat(hash).startsWith("$2").doesNotContain("passphrase");
    }

    @Test
    void withoutAPasswordOneIsGeneratedAndShownOnceNeverStored() {
        String d = department();
        String name = unique("approver");
        Http.Response r = http.post("/api/users", admin, Map.of("username", name, "department", d,
                "roles", new String[] {"DEPT_APPROVER"}), "Idempotency-Key", unique("k"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.header("Cache-Control")).contains("no-store");
        String password = r.json().get("password").asText();
        assertThat(password).hasSize(20);
        assertThat(http.get("/api/departments", new TestUsers.Credentials(name, password)).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record WHERE username = ?", Long.class,
                admin.username())).as("a response with a secret is never stored").isZero();

        Http.Response reset = http.post("/api/users/" + name + "/password", admin, null);
        assertThat(reset.status()).isEqualTo(200);
        String next = reset.json().get("password").asText();
        assertThat(next).isNotEqualTo(password);
        assertThat(http.get("/api/departments", new TestUsers.Credentials(name, password)).status()).isEqualTo(401);
        assertThat(http.get("/api/departments", new TestUsers.Credentials(name, next)).status()).isEqualTo(200);
    }

    @Test
    void theListShowsAccountsButNeverAHash() {
        Http.Response r = http.get("/api/users", admin);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains(admin.username()).doesNotContain("$2a$").doesNotContain("$2b$")
                .doesNotContain("password");
        JsonNode first = r.json().get(0);
        assertThat(first.has("username") && first.has("department") && first.has("roles") && first.has("enabled"))
                .isTrue();
    }

    @Test
    void badAccountsAreRefusedNamingFieldAndRule() {
        String d = department();
        assertRefused(Map.of("username", "Upper Case", "department", d, "roles", new String[] {"DEPT_CLERK"}),
                400, "username", "Pattern");
        assertRefused(Map.of("username", unique("u"), "department", "no-such", "roles", new String[] {"DEPT_CLERK"}),
                422, "department", "unknown-department");
        assertRefused(Map.of("username", unique("u"), "department", d, "roles", new String[] {"SUPERUSER"}),
                422, "roles", "unknown-role");
        assertRefused(Map.of("username", unique("u"), "department", d, "roles", new String[0]),
                400, "roles", "NotEmpty");
        assertRefused(Map.of("username", unique("u"), "department", d, "roles", new String[] {"AUDITOR", "DEPT_CLERK"}),
                422, "roles", "auditor-exclusive");
        assertRefused(Map.of("username", unique("u"), "department", d, "roles", new String[] {"OFFICE_ADMIN"}),
                422, "roles", "office-admin-outside-office");
        assertRefused(Map.of("username", unique("u"), "department", d, "roles", new String[] {"DEPT_CLERK"},
                "password", "short"), 422, "password", "password-too-short");
        assertRefused(Map.of("username", "same-as-the-password", "department", d, "roles", new String[] {"DEPT_CLERK"},
                "password", "Same-As-The-Password"), 422, "password", "password-equals-username");
        assertRefused(Map.of("username", unique("u"), "department", d, "roles", new String[] {"DEPT_CLERK"},
                "password", "密码".repeat(13)), 422, "password", "password-too-long");
        assertRefused(Map.of("username", admin.username(), "department", office, "roles", new String[] {"DEPT_CLERK"},
                "password", "a long enough passphrase"), 409, "username", "username-taken");
    }

    @Test
    void aDisabledUserCannotLogInUntilEnabledAgain() {
        String d = department();
        TestUsers.Credentials clerk = user(d, org.drledger.command.actor.Role.DEPT_CLERK);
        assertThat(http.post("/api/users/" + clerk.username() + "/disable", admin, null).status()).isEqualTo(204);
        Http.Response refused = http.get("/api/departments", clerk);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(securityEvents("LOGIN_FAILED", clerk.username())).isEqualTo(1);
        assertThat(http.get("/api/users/" + clerk.username(), admin).json().get("enabled").asBoolean()).isFalse();
        assertThat(http.post("/api/users/" + clerk.username() + "/enable", admin, null).status()).isEqualTo(204);
        assertThat(http.get("/api/departments", clerk).status()).isEqualTo(200);
        assertThat(securityEvents("USER_DISABLED", admin.username())).isEqualTo(1);
        assertThat(securityEvents("USER_ENABLED", admin.username())).isEqualTo(1);
    }

    @Test
    void anAdministratorCannotDisableTheAccountInUseNorUnknownOnes() {
        ProblemAssert.problem(http.post("/api/users/" + admin.username() + "/disable", admin, null), 409, "username",
                "cannot-disable-self");
        ProblemAssert.problem(http.post("/api/users/nobody-at-all/disable", admin, null), 404, "", "not-found");
        ProblemAssert.problem(http.post("/api/users/nobody-at-all/password", admin,
                Map.of("password", "a long enough passphrase")), 404, "", "not-found");
    }

    private void assertRefused(Map<String, Object> body, int status, String field, String rule) {
        ProblemAssert.problem(http.post("/api/users", admin, body), status, field, rule);
    }
}
