package org.drledger.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.server.testing.EmbeddedServerTest;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * Who may do what: the office administrator administers, a clerk or approver acts for the own department (or one
 * that granted it access), only an approver grants, an auditor reads everything and writes nothing, the anonymous
 * public reads only the public endpoints. Every refusal is recorded in security_event.
 */
class RoleAccessTest extends EmbeddedServerTest {

    @Test
    void theAnonymousPublicReadsOnlyThePublicEndpoints() {
        assertThat(http.get("/api/log/key", null).status()).isEqualTo(200);
        assertThat(http.get("/api/log/witnesses", null).status()).isEqualTo(200);
        assertThat(http.get("/api/log/checkpoints", null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(200);
        assertThat(http.get("/api/departments", null).status()).isEqualTo(401);
        assertThat(http.get("/api/users", null).status()).isEqualTo(401);
        assertThat(http.post("/api/departments", null, Map.of("departmentId", "x", "name", "x")).status()).isEqualTo(401);
        assertThat(http.post("/api/witnesses", null, Map.of("vkey", "x")).status()).isEqualTo(401);
        assertThat(http.post("/api/test/acts-for/" + office, null, null).status()).isEqualTo(401);
    }

    @Test
    void theOfficeAdministratorAdministers() {
        String d = department();
        assertThat(http.get("/api/departments", admin).status()).isEqualTo(200);
        assertThat(http.get("/api/users", admin).status()).isEqualTo(200);
        assertThat(http.post("/api/users", admin, Map.of("username", unique("clerk"), "department", d,
                "roles", new String[] {"DEPT_CLERK"})).status()).isEqualTo(201);
        assertThat(http.post("/api/departments/" + d + "/grants", admin, Map.of("grantee", office, "reason", "joint task"))
                .status()).isEqualTo(201);
    }

    @Test
    void aClerkActsForTheOwnDepartmentOnly() {
        String a = department();
        String b = department();
        TestUsers.Credentials clerk = user(a, Role.DEPT_CLERK);
        assertThat(http.get("/api/departments", clerk).status()).isEqualTo(200);
        assertThat(http.post("/api/test/acts-for/" + a, clerk, null).status()).isEqualTo(204);
        assertThat(http.post("/api/test/acts-for/" + b, clerk, null).status()).isEqualTo(403);
        assertThat(http.post("/api/departments", clerk, Map.of("departmentId", unique("x"), "name", "x")).status())
                .isEqualTo(403);
        assertThat(http.get("/api/users", clerk).status()).isEqualTo(403);
        assertThat(http.post("/api/users", clerk, Map.of("username", unique("x"), "department", a,
                "roles", new String[] {"DEPT_CLERK"})).status()).isEqualTo(403);
        assertThat(http.post("/api/departments/" + a + "/grants", clerk, Map.of("grantee", b, "reason", "x")).status())
                .as("a clerk does not grant").isEqualTo(403);
    }

    @Test
    void aGrantLetsTheGranteeActForTheGrantorUntilItIsRevoked() {
        String a = department();
        String b = department();
        TestUsers.Credentials clerkOfA = user(a, Role.DEPT_CLERK);
        TestUsers.Credentials approverOfB = user(b, Role.DEPT_APPROVER);
        assertThat(http.post("/api/test/acts-for/" + b, clerkOfA, null).status()).isEqualTo(403);

        long before = events();
        assertThat(http.post("/api/departments/" + b + "/grants", approverOfB,
                Map.of("grantee", a, "reason", "联合抽查：A 代为录入")).status()).isEqualTo(201);
        assertThat(events()).as("the grant is a ledger entry").isEqualTo(before + 1);
        byte[] meta = jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND type = 'AccessGrant'", byte[].class, "grant:" + b + "→" + a);
        assertThat(new String(meta, java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"" + approverOfB.username() + "\"").contains("\"" + b + "\"");
        assertThat(http.post("/api/test/acts-for/" + b, clerkOfA, null).status()).isEqualTo(204);
        assertThat(http.get("/api/departments/" + b + "/grants", clerkOfA).json().findValuesAsText("grantee"))
                .containsExactly(a);

        assertThat(http.post("/api/departments/" + b + "/grants/" + a + "/revoke", approverOfB,
                Map.of("reason", "task finished")).status()).isEqualTo(204);
        assertThat(http.post("/api/test/acts-for/" + b, clerkOfA, null).status()).isEqualTo(403);
        assertThat(http.post("/api/departments/" + b + "/grants/" + a + "/revoke", approverOfB,
                Map.of("reason", "again")).status()).isEqualTo(409);
        assertThat(http.post("/api/departments/" + b + "/grants", approverOfB,
                Map.of("grantee", a, "reason", "next task")).status()).as("granted again").isEqualTo(201);
        assertThat(http.post("/api/test/acts-for/" + b, clerkOfA, null).status()).isEqualTo(204);
    }

    @Test
    void onlyAnApproverOfTheGrantorGrantsAndAGrantIsNotPassedOn() {
        String a = department();
        String b = department();
        String c = department();
        TestUsers.Credentials approverOfA = user(a, Role.DEPT_APPROVER);
        TestUsers.Credentials approverOfB = user(b, Role.DEPT_APPROVER);
        assertThat(http.post("/api/departments/" + b + "/grants", approverOfA, Map.of("grantee", a, "reason", "x"))
                .status()).as("an approver of A does not grant B's access").isEqualTo(403);
        assertThat(http.post("/api/departments/" + b + "/grants", approverOfB, Map.of("grantee", a, "reason", "x"))
                .status()).isEqualTo(201);
        assertThat(http.post("/api/departments/" + b + "/grants", approverOfA, Map.of("grantee", c, "reason", "x"))
                .status()).as("a grantee cannot pass B's grant on").isEqualTo(403);
        assertThat(http.post("/api/departments/" + b + "/grants", approverOfB,
                Map.of("grantee", "no-such-department", "reason", "x")).status()).isEqualTo(422);
    }

    @Test
    void anAuditorReadsEverythingAndWritesNothing() {
        String a = department();
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        assertThat(http.get("/api/departments", auditor).status()).isEqualTo(200);
        assertThat(http.get("/api/departments/" + a + "/keys", auditor).status()).isEqualTo(200);
        assertThat(http.get("/api/departments/" + a + "/grants", auditor).status()).isEqualTo(200);
        assertThat(http.get("/api/users", auditor).status()).isEqualTo(200);
        long before = events();
        assertThat(http.post("/api/departments", auditor, Map.of("departmentId", unique("x"), "name", "x")).status())
                .isEqualTo(403);
        assertThat(http.post("/api/departments/" + a + "/keys", auditor, null).status()).isEqualTo(403);
        assertThat(http.post("/api/departments/" + a + "/grants", auditor, Map.of("grantee", office, "reason", "x"))
                .status()).isEqualTo(403);
        assertThat(http.post("/api/users", auditor, Map.of("username", unique("x"), "department", a,
                "roles", new String[] {"DEPT_CLERK"})).status()).isEqualTo(403);
        assertThat(http.post("/api/test/acts-for/" + a, auditor, null).status()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void everyRefusedAttemptIsRecorded() {
        String a = department();
        TestUsers.Credentials clerk = user(a, Role.DEPT_CLERK);
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);

        http.get("/api/departments", new TestUsers.Credentials(clerk.username(), "not the password"));
        assertThat(securityEvents("LOGIN_FAILED", clerk.username())).isEqualTo(1);

        http.post("/api/departments", clerk, Map.of("departmentId", unique("x"), "name", "x"));
        assertThat(securityEvents("ACCESS_DENIED", clerk.username())).as("denied by the access policy").isEqualTo(1);

        http.post("/api/departments", auditor, Map.of("departmentId", unique("x"), "name", "x"));
        assertThat(securityEvents("ACCESS_DENIED", auditor.username())).as("denied by the security chain").isEqualTo(1);

        long anonymousBefore = jdbc.queryForObject("SELECT COUNT(*) FROM security_event WHERE kind = 'ACCESS_DENIED' "
                + "AND username IS NULL AND detail = 'GET /api/users'", Long.class);
        http.get("/api/users", null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM security_event WHERE kind = 'ACCESS_DENIED' "
                + "AND username IS NULL AND detail = 'GET /api/users'", Long.class)).isEqualTo(anonymousBefore + 1);
    }
}
