package org.drledger.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.server.testing.EmbeddedServerTest;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registry REST: department scope and roles, and every refusal as problem+json naming the field and the rule. */
class RegistryRestTest extends EmbeddedServerTest {
    private String dept;
    private String other;
    private TestUsers.Credentials clerk;
    private TestUsers.Credentials approver;
    private TestUsers.Credentials otherClerk;
    private TestUsers.Credentials auditor;

    @BeforeEach
    void setUp() {
        dept = department();
        other = department();
        clerk = user(dept, Role.DEPT_CLERK);
        approver = user(dept, Role.DEPT_APPROVER);
        otherClerk = user(other, Role.DEPT_CLERK);
        auditor = user(office, Role.AUDITOR);
    }

    static void problem(Http.Response r, int status, String field, String rule) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
        assertThat(r.json().get("rule").asText()).as(r.toString()).isEqualTo(rule);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private Map<String, Object> object(String id, String department) {
        Map<String, Object> m = new HashMap<>(Map.of("objectType", "ENTERPRISE", "name", "资阳某公司", "industry", "food",
                "district", "雁江区", "status", "ACTIVE", "creditRiskClass", "C", "registryDepartment", department));
        if (id != null) {
            m.put("objectId", id);
        }
        return m;
    }

    private Map<String, Object> inspector(String officerId, String department, String idCard) {
        Map<String, Object> m = new HashMap<>(Map.of("department", department, "name", "李华", "certificateNo", "川执9",
                "certificateExpiry", "2027-12-31", "district", "雁江区", "status", "ACTIVE", "idCardNo", idCard));
        if (officerId != null) {
            m.put("officerId", officerId);
        }
        return m;
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    @Test
    void clerksAndApproversRegisterTheirDepartmentsObjectsOnly() {
        assertThat(http.post("/api/registries/objects", clerk, object(RegistryFiles.uscc(1001), dept)).status())
                .isEqualTo(201);
        assertThat(http.post("/api/registries/objects", approver, object(RegistryFiles.uscc(1002), dept)).status())
                .isEqualTo(201);
        long events = events();
        problem(http.post("/api/registries/objects", otherClerk, object(RegistryFiles.uscc(1003), dept)), 403, "",
                "access-denied");
        problem(http.post("/api/registries/objects", auditor, object(RegistryFiles.uscc(1003), dept)), 403, "",
                "access-denied");
        problem(http.post("/api/registries/objects", admin, object(RegistryFiles.uscc(1003), dept)), 403, "",
                "access-denied");
        assertThat(http.post("/api/registries/objects", null, object(RegistryFiles.uscc(1003), dept)).status())
                .isEqualTo(401);
        assertThat(events()).isEqualTo(events);
        assertThat(securityEvents("ACCESS_DENIED", otherClerk.username())).isPositive();
    }

    @Test
    void aGrantLetsAnotherDepartmentActOnTheRegistry() {
        TestUsers.Credentials grantorApprover = user(other, Role.DEPT_APPROVER);
        assertThat(http.post("/api/departments/" + other + "/grants", grantorApprover,
                Map.of("grantee", dept, "reason", "joint inspection of the food market")).status()).isEqualTo(201);
        assertThat(http.post("/api/registries/objects", clerk, object(RegistryFiles.uscc(1010), other)).status())
                .isEqualTo(201);
    }

    @Test
    void readsNeedALogin() {
        String id = RegistryFiles.uscc(1020);
        assertThat(http.post("/api/registries/objects", clerk, object(id, dept)).status()).isEqualTo(201);
        assertThat(http.get("/api/registries/objects/" + id, null).status()).isEqualTo(401);
        Http.Response r = http.get("/api/registries/objects/" + id, otherClerk);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("creditRiskClass").has("drl:commit")).isTrue();
        assertThat(r.body()).doesNotContain("\"C\"");
        assertThat(http.get("/api/registries/objects?department=" + dept, auditor).json()).hasSize(1);
        problem(http.get("/api/registries/objects/" + RegistryFiles.uscc(1021), auditor), 404, "id", "not-found");
        problem(http.get("/api/registries/objects?size=5000", auditor), 422, "size", "out-of-range");
    }

    @Test
    void badInputIsAProblemNamingFieldAndRuleAndWritesNothing() {
        long events = events();
        long openings = count("vault_opening");
        problem(http.post("/api/registries/objects", clerk, object("91350100M000100Y4", dept)), 422, "objectId",
                "uscc-malformed");
        problem(http.post("/api/registries/objects", clerk, object(RegistryFiles.mistyped(1030), dept)), 422,
                "objectId", "uscc-check-character");
        problem(http.post("/api/registries/objects", clerk, object(RegistryFiles.uscc(1031), "no-such-dept")), 422,
                "registryDepartment", "unknown-department");
        Map<String, Object> badClass = object(RegistryFiles.uscc(1032), dept);
        badClass.put("creditRiskClass", "Z");
        Http.Response r = http.post("/api/registries/objects", clerk, badClass);
        problem(r, 422, "creditRiskClass", "unknown-value");
        Map<String, Object> noName = object(RegistryFiles.uscc(1033), dept);
        noName.remove("name");
        problem(http.post("/api/registries/objects", clerk, noName), 422, "name", "required");
        problem(http.post("/api/registries/objects", clerk, "{not json"), 400, "", "malformed-body");
        Http.Response badIdCard = http.post("/api/registries/inspectors", clerk,
                inspector("O-9", dept, "512002198501011230"));
        problem(badIdCard, 422, "idCardNo", "id-card-check");
        assertThat(badIdCard.body()).doesNotContain("512002198501011230");
        Map<String, Object> badPhone = inspector("O-10", dept, RegistryFiles.idCard(10));
        badPhone.put("phone", "139 1234 5678");
        Http.Response badPhoneResponse = http.post("/api/registries/inspectors", clerk, badPhone);
        problem(badPhoneResponse, 422, "phone", "phone-format");
        assertThat(badPhoneResponse.body()).doesNotContain("1234").doesNotContain(RegistryFiles.idCard(10));
        problem(http.post("/api/registries/inspectors", clerk, inspector("a:b", dept, RegistryFiles.idCard(9))),
                422, "officerId", "officer-id-format");
        assertThat(events()).isEqualTo(events);
        assertThat(count("vault_opening")).isEqualTo(openings);
    }

    @Test
    void registeringTwiceIsAConflictAndRevisingAnUnknownRecordIsNotFound() {
        String id = RegistryFiles.uscc(1040);
        assertThat(http.post("/api/registries/objects", clerk, object(id, dept)).status()).isEqualTo(201);
        long openings = count("vault_opening");
        problem(http.post("/api/registries/objects", clerk, object(id, dept)), 409, "objectId", "already-registered");
        assertThat(count("vault_opening")).isEqualTo(openings);
        problem(http.send("PUT", "/api/registries/objects/" + RegistryFiles.uscc(1041), clerk, "application/json",
                Http.toJson(object(null, dept))), 404, "id", "not-found");
        problem(http.send("PUT", "/api/registries/objects/" + id, clerk, "application/json",
                Http.toJson(object(RegistryFiles.uscc(1042), dept))), 422, "objectId", "id-mismatch");
    }

    @Test
    void anotherDepartmentCannotReviseOrTakeOverARecord() {
        String id = RegistryFiles.uscc(1050);
        assertThat(http.post("/api/registries/objects", clerk, object(id, dept)).status()).isEqualTo(201);
        problem(http.send("PUT", "/api/registries/objects/" + id, otherClerk, "application/json",
                Http.toJson(object(null, other))), 403, "", "access-denied");
        problem(http.send("PUT", "/api/registries/objects/" + id, clerk, "application/json",
                Http.toJson(object(null, other))), 403, "", "access-denied");
    }

    @Test
    void aRevisionKeepsAnOmittedConfidentialFieldAndAnEmptyOneClearsIt() {
        String id = RegistryFiles.uscc(1060);
        assertThat(http.post("/api/registries/objects", clerk, object(id, dept)).status()).isEqualTo(201);
        String commitment = http.get("/api/registries/objects/" + id, clerk).json().at("/creditRiskClass/drl:commit")
                .asText();
        long events = events();
        long openings = count("vault_opening");
        Map<String, Object> same = object(null, dept);
        assertThat(http.send("PUT", "/api/registries/objects/" + id, clerk, "application/json", Http.toJson(same))
                .json().get("changed").asBoolean()).isFalse();
        same.remove("creditRiskClass");
        assertThat(http.send("PUT", "/api/registries/objects/" + id, clerk, "application/json", Http.toJson(same))
                .json().get("changed").asBoolean()).isFalse();
        assertThat(events()).isEqualTo(events);
        assertThat(count("vault_opening")).isEqualTo(openings);
        assertThat(http.get("/api/registries/objects/" + id, clerk).json().at("/creditRiskClass/drl:commit").asText())
                .isEqualTo(commitment);
        same.put("creditRiskClass", "");
        assertThat(http.send("PUT", "/api/registries/objects/" + id, approver, "application/json", Http.toJson(same))
                .json().get("changed").asBoolean()).isTrue();
        assertThat(http.get("/api/registries/objects/" + id, clerk).json().get("creditRiskClass").isNull()).isTrue();
        assertThat(events()).isEqualTo(events + 1);
    }

    @Test
    void inspectorsAreRegisteredWithCommitmentsAndTheirConflicts() {
        String idCard = RegistryFiles.idCard(77);
        Map<String, Object> body = inspector("O-77", dept, idCard);
        body.put("phone", "13900000077");
        body.put("conflicts", List.of(RegistryFiles.uscc(5), "obj-x"));
        body.put("competentItems", List.of("B02-01", "A07-01"));
        assertThat(http.post("/api/registries/inspectors", clerk, body).status()).isEqualTo(201);
        Http.Response r = http.get("/api/registries/inspectors/O-77", auditor);
        assertThat(r.json().at("/idCardNo/drl:commit").asText()).matches("[0-9a-f]{64}");
        assertThat(r.json().at("/phone/drl:commit").asText()).matches("[0-9a-f]{64}");
        assertThat(r.json().get("competentItems").toString()).isEqualTo("[\"A07-01\",\"B02-01\"]");
        assertThat(r.json().get("conflicts")).hasSize(2);
        assertThat(r.body()).doesNotContain(idCard).doesNotContain("13900000077");
        problem(http.post("/api/registries/inspectors", otherClerk, inspector("O-78", dept, idCard)), 403, "",
                "access-denied");
        long events = events();
        body.remove("idCardNo");
        body.remove("phone");
        assertThat(http.send("PUT", "/api/registries/inspectors/O-77", clerk, "application/json", Http.toJson(body))
                .json().get("changed").asBoolean()).isFalse();
        body.put("idCardNo", idCard);
        body.put("phone", "13900000077");
        assertThat(http.send("PUT", "/api/registries/inspectors/O-77", clerk, "application/json", Http.toJson(body))
                .json().get("changed").asBoolean()).isFalse();
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void importsAreForClerksAndApproversAndTheirJobsForTheirDepartment() {
        String csv = RegistryFiles.csv(RegistryFiles.OBJECT_HEADER, RegistryFiles.objects(1100, 2, dept));
        problem(http.send("POST", "/api/registries/objects/imports", auditor, "text/csv", csv), 403, "",
                "access-denied");
        assertThat(http.send("POST", "/api/registries/objects/imports", null, "text/csv", csv).status())
                .isEqualTo(401);
        problem(http.send("POST", "/api/registries/things/imports", clerk, "text/csv", csv), 404, "registry",
                "not-found");
        Http.Response r = http.send("POST", "/api/registries/objects/imports", clerk, "text/csv", csv);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String path = "/api/imports/" + r.json().get("importId").asText();
        assertThat(r.header("Location")).isEqualTo(path);
        problem(http.get(path, otherClerk), 403, "", "access-denied");
        assertThat(http.get(path, auditor).status()).isEqualTo(200);
        assertThat(http.get(path, admin).status()).isEqualTo(200);
        assertThat(http.get(path, null).status()).isEqualTo(401);
        problem(http.get("/api/imports/nope", clerk), 404, "importId", "not-found");
        problem(http.get(path + "?size=0", clerk), 400, "size", "out-of-range");
        problem(http.get(path + "?status=MAYBE", clerk), 400, "status", "unknown-value");
    }
}
