package org.drledger.server.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drledger.server.checklist.ProblemChecks.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.command.checklist.ItemRef;
import org.drledger.command.checklist.PublishedItems;
import org.drledger.server.testing.EmbeddedServerTest;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Lists over HTTP: a department's clerk drafts, revises and retires its own list, its approver publishes it, the
 * joint list is the office's; every refusal is problem+json naming the field and the rule and writes nothing; the
 * published versions fill {@code published_item}.
 */
class ChecklistApiTest extends EmbeddedServerTest {
    @Autowired
    PublishedItems publishedItems;

    private Http.Response draft(TestUsers.Credentials who, String listId, String owner, String kind) {
        return http.post("/api/checklists", who, Map.of("listId", listId, "ownerDepartment", owner, "kind", kind,
                "title", owner + " 随机抽查事项清单"));
    }

    private Http.Response revise(TestUsers.Credentials who, String listId, Map<String, Object> item) {
        return http.post("/api/checklists/" + listId + "/items", who, item);
    }

    /** A department list with the three seed items, published as version 1 by its approver. */
    private String publishedList(String dept, TestUsers.Credentials clerk, TestUsers.Credentials approver) {
        String list = unique("list");
        assertThat(draft(clerk, list, dept, "DEPARTMENT").status()).isEqualTo(201);
        for (Map<String, Object> item : SeedItems.all()) {
            assertThat(revise(clerk, list, item).status()).isEqualTo(200);
        }
        assertThat(http.post("/api/checklists/" + list + "/publish", approver, null).status()).isEqualTo(200);
        return list;
    }

    @Test
    void aClerkDraftsAndRevisesTheListAndTheApproverPublishesIt() {
        String dept = department();
        TestUsers.Credentials clerk = user(dept, Role.DEPT_CLERK);
        TestUsers.Credentials approver = user(dept, Role.DEPT_APPROVER);
        String list = unique("list");

        Http.Response created = draft(clerk, list, dept, "DEPARTMENT");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("stream").asText()).isEqualTo("checklist:" + list);
        for (Map<String, Object> item : SeedItems.all()) {
            Http.Response r = revise(clerk, list, item);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        long before = events();
        problem(http.post("/api/checklists/" + list + "/publish", clerk, null), 403, "", "access-denied");
        assertThat(events()).as("a refused publication writes nothing").isEqualTo(before);

        Http.Response published = http.post("/api/checklists/" + list + "/publish", approver, null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().get("version").asInt()).isEqualTo(1);

        JsonNode v1 = http.get("/api/checklists/" + list + "/versions/1", clerk).json();
        assertThat(v1.get("items").findValuesAsText("code")).containsExactly("A01-01", "A01-02", "A01-03");
        assertThat(v1.get("items").get(0).get("ratioCap").get("den").asInt()).isEqualTo(10);
        assertThat(v1.get("items").get(0).has("sources")).as("no joint members on department items").isFalse();
        JsonNode view = http.get("/api/checklists/" + list, clerk).json();
        assertThat(view.get("publishedVersion").asInt()).isEqualTo(1);
        assertThat(view.get("unpublishedChanges").asBoolean()).isFalse();

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT code, owner_department, kind, tier, retired, "
                + "ratio_cap_num, ratio_cap_den, object_types FROM published_item WHERE list_id = ? AND version = 1 "
                + "ORDER BY code", list);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsEntry("owner_department", dept).containsEntry("kind", "DEPARTMENT")
                .containsEntry("tier", "GENERAL").containsEntry("retired", false).containsEntry("ratio_cap_num", 1)
                .containsEntry("ratio_cap_den", 10)
                .containsEntry("object_types", "ENTERPRISE,INDIVIDUAL_BUSINESS,FARMER_COOPERATIVE,FOREIGN_REP_OFFICE");

        byte[] meta = jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 4", byte[].class, "checklist:" + list);
        assertThat(new String(meta, StandardCharsets.UTF_8)).as("the publication is the approver's act")
                .contains("\"" + approver.username() + "\"");
        byte[] payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 4", byte[].class, "checklist:" + list);
        assertThat(new String(payload, StandardCharsets.UTF_8)).as("a ratio is {num, den} and nothing else")
                .contains("\"ratioCap\":{\"den\":10,\"num\":1}").doesNotContain("properPositive");
        assertThat(jdbc.queryForObject("SELECT type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 0", String.class, "checklist:" + list)).isEqualTo("InspectionChecklist");
    }

    @Test
    void anotherDepartmentNeitherDraftsNorRevisesNorPublishesTheList() {
        String a = department();
        String b = department();
        TestUsers.Credentials clerkOfA = user(a, Role.DEPT_CLERK);
        TestUsers.Credentials clerkOfB = user(b, Role.DEPT_CLERK);
        TestUsers.Credentials approverOfB = user(b, Role.DEPT_APPROVER);
        String list = unique("list");
        assertThat(draft(clerkOfA, list, a, "DEPARTMENT").status()).isEqualTo(201);
        assertThat(revise(clerkOfA, list, SeedItems.item("A01-01")).status()).isEqualTo(200);

        long before = events();
        problem(draft(clerkOfB, unique("list"), a, "DEPARTMENT"), 403, "", "access-denied");
        problem(revise(clerkOfB, list, SeedItems.item("A01-02")), 403, "", "access-denied");
        problem(http.post("/api/checklists/" + list + "/items/A01-01/retire", clerkOfB, Map.of("reason", "x")), 403,
                "", "access-denied");
        problem(http.post("/api/checklists/" + list + "/publish", approverOfB, null), 403, "", "access-denied");
        problem(http.post("/api/checklists/" + list + "/publish", admin, null), 403, "", "access-denied");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void badItemsAreRefusedNamingFieldAndRuleAndWriteNothing() {
        String dept = department();
        TestUsers.Credentials clerk = user(dept, Role.DEPT_CLERK);
        TestUsers.Credentials approver = user(dept, Role.DEPT_APPROVER);
        String list = unique("list");
        assertThat(draft(clerk, list, dept, "DEPARTMENT").status()).isEqualTo(201);
        Map<String, Object> licence = SeedItems.item("A01-01");

        long before = events();
        problem(revise(clerk, list, SeedItems.with(licence, "legalBasis", " ")), 422, "item.legalBasis",
                "legal-basis-required");
        problem(revise(clerk, list, SeedItems.with(licence, "ratioCap", null)), 422, "item.ratioCap",
                "ratio-cap-required");
        problem(revise(clerk, list, SeedItems.with(licence, "tier", "KEY")), 422, "item.ratioCap",
                "no-ratio-cap-for-key-items");
        problem(revise(clerk, list, SeedItems.with(licence, "ratioCap", Map.of("num", 3, "den", 2))), 422,
                "item.ratioCap", "ratio-cap-range");
        problem(revise(clerk, list, SeedItems.with(licence, "code", "A01:01")), 422, "item.code", "id-format");
        problem(revise(clerk, list, SeedItems.with(licence, "tier", "URGENT")), 400, "tier", "malformed-body");
        problem(revise(clerk, list, SeedItems.with(licence, "leadDepartment", dept)), 422, "item.leadDepartment",
                "joint-member-on-department-list");
        problem(http.post("/api/checklists/" + list + "/publish", approver, null), 422, "items", "no-active-items");
        problem(http.post("/api/checklists/" + list + "/items/A01-01/retire", clerk, Map.of("reason", "x")), 422,
                "code", "unknown-item");
        problem(draft(clerk, list, dept, "DEPARTMENT"), 409, "listId", "already-exists");
        problem(http.post("/api/checklists/no-such-list/items", clerk, licence), 404, "", "not-found");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void retiredItemsStayListedAndAreNeverRevisedAgain() {
        String dept = department();
        TestUsers.Credentials clerk = user(dept, Role.DEPT_CLERK);
        TestUsers.Credentials approver = user(dept, Role.DEPT_APPROVER);
        String list = publishedList(dept, clerk, approver);

        assertThat(http.post("/api/checklists/" + list + "/items/A01-03/retire", clerk,
                Map.of("reason", "法规修订，事项取消")).status()).isEqualTo(204);
        assertThat(http.get("/api/checklists/" + list, clerk).json().get("unpublishedChanges").asBoolean()).isTrue();
        assertThat(http.post("/api/checklists/" + list + "/publish", approver, null).json().get("version").asInt())
                .isEqualTo(2);
        JsonNode v2 = http.get("/api/checklists/" + list + "/versions/2", clerk).json();
        assertThat(v2.get("items").findValuesAsText("code")).containsExactly("A01-01", "A01-02");
        assertThat(v2.get("retired").get(0).get("code").asText()).isEqualTo("A01-03");
        assertThat(v2.get("retired").get(0).get("reason").asText()).isEqualTo("法规修订，事项取消");
        assertThat(jdbc.queryForList("SELECT code FROM published_item WHERE list_id = ? AND version = 2 AND retired",
                String.class, list)).containsExactly("A01-03");
        assertThat(jdbc.queryForList("SELECT code FROM published_item WHERE list_id = ? AND version = 1 AND retired",
                String.class, list)).as("version 1 stays as it was published").isEmpty();
        assertThat(http.get("/api/checklists/" + list + "/versions", clerk).json().findValuesAsText("version"))
                .containsExactly("1", "2");
        assertThat(publishedItems.isInspectable(new ItemRef(list, 1, "A01-01"))).isTrue();
        assertThat(publishedItems.isInspectable(new ItemRef(list, 1, "A01-03")))
                .as("retired in the latest version, so no longer inspectable through version 1").isFalse();
        assertThat(publishedItems.isInspectable(new ItemRef(list, 3, "A01-01"))).as("version 3 is not published").isFalse();
        assertThat(publishedItems.fact(new ItemRef(list, 2, "A01-01")).orElseThrow().ratioCap().den()).isEqualTo(10);

        long before = events();
        problem(revise(clerk, list, SeedItems.item("A01-03")), 409, "item.code", "item-retired");
        problem(http.post("/api/checklists/" + list + "/items/A01-03/retire", clerk, Map.of("reason", "x")), 409,
                "code", "item-retired");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void onlyTheOfficeKeepsTheJointListAndItConsolidatesPublishedItems() {
        String dept = department();
        String other = department();
        TestUsers.Credentials clerk = user(dept, Role.DEPT_CLERK);
        TestUsers.Credentials approver = user(dept, Role.DEPT_APPROVER);
        String source = publishedList(dept, clerk, approver);
        String joint = unique("joint");

        long before = events();
        problem(draft(clerk, joint, office, "JOINT"), 403, "", "access-denied");
        problem(draft(admin, joint, dept, "JOINT"), 422, "ownerDepartment", "joint-list-owned-by-office");
        assertThat(events()).isEqualTo(before);
        assertThat(draft(admin, joint, office, "JOINT").status()).isEqualTo(201);

        Map<String, Object> item = SeedItems.with(SeedItems.with(SeedItems.with(SeedItems.with(SeedItems.with(
                SeedItems.with(SeedItems.item("A01-01"), "code", "J01-01"), "field", "市场监管"),
                "leadDepartment", dept), "assistingDepartments", List.of(other)), "level", "区级"),
                "sources", List.of(Map.of("listId", source, "version", 1, "code", "A01-01")));
        before = events();
        problem(revise(admin, joint, SeedItems.with(item, "sources",
                List.of(Map.of("listId", source, "version", 2, "code", "A01-01")))), 422, "item.sources[0]",
                "source-not-published");
        problem(revise(admin, joint, SeedItems.with(item, "leadDepartment", "no-such-dept")), 422,
                "item.leadDepartment", "unknown-department");
        problem(revise(clerk, joint, item), 403, "", "access-denied");
        assertThat(events()).isEqualTo(before);

        Http.Response revised = revise(admin, joint, item);
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        problem(http.post("/api/checklists/" + joint + "/publish", approver, null), 403, "", "access-denied");
        assertThat(http.post("/api/checklists/" + joint + "/publish", admin, null).status()).isEqualTo(200);
        JsonNode v1 = http.get("/api/checklists/" + joint + "/versions/1", approver).json();
        assertThat(v1.get("kind").asText()).isEqualTo("JOINT");
        assertThat(v1.get("items").get(0).get("sources").get(0).get("listId").asText()).isEqualTo(source);
        assertThat(v1.get("items").get(0).get("assistingDepartments").get(0).asText()).isEqualTo(other);
        assertThat(jdbc.queryForObject("SELECT kind FROM published_item WHERE list_id = ? AND code = 'J01-01'",
                String.class, joint)).isEqualTo("JOINT");
    }

    @Test
    void readsNeedALoginAndAnAuditorReadsButWritesNothing() {
        String dept = department();
        TestUsers.Credentials clerk = user(dept, Role.DEPT_CLERK);
        TestUsers.Credentials approver = user(dept, Role.DEPT_APPROVER);
        String list = publishedList(dept, clerk, approver);
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);

        assertThat(http.get("/api/checklists", null).status()).isEqualTo(401);
        assertThat(http.get("/api/checklists/" + list, null).status()).isEqualTo(401);
        assertThat(http.get("/api/checklists/" + list + "/versions/1", null).status()).isEqualTo(401);
        assertThat(http.get("/api/checklists", auditor).json().findValuesAsText("listId")).contains(list);
        assertThat(http.get("/api/checklists/" + list + "/versions/1", auditor).status()).isEqualTo(200);
        problem(http.get("/api/checklists/" + list + "/versions/9", auditor), 404, "", "not-found");
        problem(http.get("/api/checklists/no-such-list", auditor), 404, "", "not-found");
        long before = events();
        problem(revise(auditor, list, SeedItems.item("A01-01")), 403, "", "access-denied");
        problem(http.post("/api/checklists/" + list + "/publish", auditor, null), 403, "", "access-denied");
        assertThat(events()).isEqualTo(before);
    }
}
