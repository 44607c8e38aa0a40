package org.drledger.server.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The list forms: a clerk drafts a list and an item, the approver publishes, each through the API's path (checked
 * through the REST API); refusals re-render with the field and the rule in both languages and write nothing; other
 * departments and roles get 403 or no form; a POST without the CSRF token is refused.
 */
class FormChecklistTest extends FormTestSupport {
    private static String dept;
    private static String otherDept;
    private TestUsers.Credentials clerk;
    private TestUsers.Credentials approver;

    @BeforeEach
    void users() {
        if (dept == null) {
            dept = department();
            otherDept = department();
        }
        clerk = user(dept, Role.DEPT_CLERK);
        approver = user(dept, Role.DEPT_APPROVER);
    }

    private String newList(TestUsers.Credentials who) throws Exception {
        String listId = unique("list");
        MvcResult r = mvc.perform(post("/app/forms/checklists/new").with(as(who)).with(csrf())
                .param("listId", listId).param("ownerDepartment", dept).param("title", "市场监管随机抽查事项清单"))
                .andReturn();
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(302);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/app/forms/checklists/" + listId);
        return listId;
    }

    /** The item form filled in; {@code overrides}: name, value, … replacing the defaults. */
    private static MockHttpServletRequestBuilder item(String listId, String code, String... overrides) {
        Map<String, String[]> values = new LinkedHashMap<>();
        values.put("code", new String[]{code});
        values.put("categoryCode", new String[]{"A01"});
        values.put("categoryName", new String[]{"企业信息公示情况检查"});
        values.put("name", new String[]{"企业年度报告公示情况检查"});
        values.put("objectTypes", new String[]{"ENTERPRISE", "FARMER_COOPERATIVE"});
        values.put("tier", new String[]{"GENERAL"});
        values.put("methods", new String[]{"DOCUMENTARY", "ONLINE"});
        values.put("inspectingAuthority", new String[]{"区市场监管局"});
        values.put("legalBasis", new String[]{"《企业信息公示暂行条例》第十四条"});
        values.put("ratioNum", new String[]{"1"});
        values.put("ratioDen", new String[]{"20"});
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], new String[]{overrides[i + 1]});
        }
        MockHttpServletRequestBuilder b = post("/app/forms/checklists/" + listId + "/items");
        values.forEach(b::param);
        return b;
    }

    private JsonNode draft(String listId) {
        var r = http.get("/api/checklists/" + listId, clerk);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aClerkDraftsAListAndAnItemAndTheApproverPublishesIt() throws Exception {
        String listId = newList(clerk);
        MvcResult added = mvc.perform(item(listId, "A01-01").with(as(clerk)).with(csrf())).andReturn();
        assertThat(added.getResponse().getStatus()).as(body(added)).isEqualTo(302);
        JsonNode draft = draft(listId);
        assertThat(draft.get("items")).hasSize(1);
        assertThat(draft.get("items").get(0).get("legalBasis").asText()).isEqualTo("《企业信息公示暂行条例》第十四条");
        assertThat(draft.get("items").get(0).get("ratioCap").get("den").asInt()).isEqualTo(20);

        // the redirect target shows the effect at once, with the success note; the clerk has no publish form
        MvcResult page = mvc.perform(get("/app/forms/checklists/" + listId).with(as(clerk))
                .flashAttr("done", "revised")).andReturn();
        assertThat(body(page)).contains("id=\"done\"", "事项已保存到草稿", "A01-01", "id=\"item-form\"")
                .doesNotContain("id=\"publish-form\"");
        // revising: the form comes prefilled
        assertThat(body(mvc.perform(get("/app/forms/checklists/" + listId).param("code", "A01-01").with(as(clerk)))
                .andReturn())).contains("value=\"A01-01\"", "企业年度报告公示情况检查");

        MvcResult approverPage = mvc.perform(get("/app/forms/checklists/" + listId).with(as(approver))).andReturn();
        assertThat(body(approverPage)).contains("id=\"publish-form\"").doesNotContain("id=\"item-form\"");
        MvcResult published = mvc.perform(post("/app/forms/checklists/" + listId + "/publish").with(as(approver))
                .with(csrf())).andReturn();
        assertThat(published.getResponse().getStatus()).as(body(published)).isEqualTo(302);
        assertThat(published.getFlashMap().get("version")).isEqualTo(1);
        assertThat(draft(listId).get("publishedVersion").asInt()).isEqualTo(1);
    }

    @Test
    void anItemWithoutLegalBasisIsRefusedInBothLanguagesAndNothingIsWritten() throws Exception {
        String listId = newList(clerk);
        long before = events();
        MvcResult zh = mvc.perform(item(listId, "A01-02", "legalBasis", " ").with(as(clerk)).with(csrf()))
                .andReturn();
        refused(zh, 422, "item.legalBasis", "legal-basis-required");
        assertThat(body(zh)).contains("未保存，没有写入任何记录", "没有法律依据就没有检查职责")
                .contains("value=\"A01-02\"");
        MvcResult en = mvc.perform(item(listId, "A01-02", "legalBasis", "").with(as(clerk)).with(csrf())
                .cookie(english())).andReturn();
        refused(en, 422, "item.legalBasis", "legal-basis-required");
        assertThat(body(en)).contains("Not saved; nothing was written", "No duty without a legal basis");
        assertThat(events()).isEqualTo(before);
        assertThat(draft(listId).get("items")).isEmpty();
    }

    @Test
    void otherRefusalsNameTheirFieldAndRule() throws Exception {
        String listId = newList(clerk);
        long before = events();
        refused(mvc.perform(post("/app/forms/checklists/" + listId + "/publish").with(as(approver)).with(csrf()))
                .andReturn(), 422, "items", "no-active-items");
        refused(mvc.perform(item(listId, "A01-03", "ratioNum", "3", "ratioDen", "2").with(as(clerk))
                .with(csrf())).andReturn(), 422, "item.ratioCap", "ratio-cap-range");
        refused(mvc.perform(item(listId, "A01-03", "ratioNum", "x").with(as(clerk)).with(csrf())).andReturn(),
                400, "item.ratioCap.num", "not-a-number");
        MvcResult taken = mvc.perform(post("/app/forms/checklists/new").with(as(clerk)).with(csrf())
                .param("listId", listId).param("ownerDepartment", dept).param("title", "重复")).andReturn();
        refused(taken, 409, "listId", "already-exists");
        refused(mvc.perform(post("/app/forms/checklists/new").with(as(clerk)).with(csrf())
                .param("listId", unique("list")).param("ownerDepartment", dept)).andReturn(), 400, "title", "NotBlank");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anotherDepartmentOrRoleGetsNoFormAndCannotPost() throws Exception {
        String listId = newList(clerk);
        TestUsers.Credentials stranger = user(otherDept, Role.DEPT_CLERK);
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        long before = events();
        assertThat(mvc.perform(get("/app/forms/checklists/" + listId).with(as(stranger))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(item(listId, "A01-04").with(as(stranger)).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/app/forms/checklists/new").with(as(auditor))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/app/forms/checklists/" + listId + "/publish").with(as(clerk)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        // a clerk of another department cannot draft a list owned by this one
        assertThat(mvc.perform(post("/app/forms/checklists/new").with(as(stranger)).with(csrf())
                .param("listId", unique("list")).param("ownerDepartment", dept).param("title", "他人清单"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        String listId = newList(clerk);
        long before = events();
        assertThat(mvc.perform(item(listId, "A01-05").with(as(clerk))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/app/forms/checklists/new").with(as(clerk)).param("listId", unique("list"))
                .param("ownerDepartment", dept).param("title", "无令牌")).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theFormsNeedALogin() throws Exception {
        MvcResult r = mvc.perform(get("/app/forms/checklists/new")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(302);
        assertThat(r.getResponse().getRedirectedUrl()).endsWith("/login");
    }
    @Test
    void theOfficeDraftsEditsAndPublishesTheJointListAndADepartmentClerkCannot() throws Exception {
        // a published department item to consolidate
        String source = newList(clerk);
        assertThat(mvc.perform(item(source, "A01-01").with(as(clerk)).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(302);
        assertThat(mvc.perform(post("/app/forms/checklists/" + source + "/publish").with(as(approver)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(302);

        assertThat(body(mvc.perform(get("/app/forms/checklists/new").with(as(admin))).andReturn()))
                .contains("id=\"kind\"", "联合抽查事项清单");
        String joint = unique("joint");
        MvcResult drafted = mvc.perform(post("/app/forms/checklists/new").with(as(admin)).with(csrf())
                .param("listId", joint).param("ownerDepartment", office).param("kind", "JOINT")
                .param("title", "区级部门联合抽查事项清单")).andReturn();
        assertThat(drafted.getResponse().getRedirectedUrl()).as(body(drafted)).isEqualTo("/app/forms/checklists/" + joint);
        assertThat(body(mvc.perform(get("/app/forms/checklists/" + joint).with(as(admin))).andReturn()))
                .contains("id=\"joint-fields\"", "id=\"item-form\"", "id=\"publish-form\"");

        long before = events();
        refused(mvc.perform(jointItem(joint, source, "sources", "A01-01").with(as(admin)).with(csrf())).andReturn(),
                400, "item.sources[0]", "plan-item-format");
        refused(mvc.perform(jointItem(joint, source, "assistingDepartments", dept).with(as(admin)).with(csrf()))
                .andReturn(), 422, "item.assistingDepartments[0]", "lead-also-assisting");
        // a department's clerk neither sees nor writes the joint list
        assertThat(mvc.perform(get("/app/forms/checklists/" + joint).with(as(clerk))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(jointItem(joint, source).with(as(clerk)).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/app/forms/checklists/" + joint + "/publish").with(as(approver)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);

        assertThat(mvc.perform(jointItem(joint, source).with(as(admin)).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(302);
        JsonNode item = http.get("/api/checklists/" + joint, admin).json().get("items").get(0);
        assertThat(item.get("leadDepartment").asText()).isEqualTo(dept);
        assertThat(item.get("assistingDepartments").get(0).asText()).isEqualTo(otherDept);
        assertThat(item.at("/sources/0/listId").asText()).isEqualTo(source);
        assertThat(item.get("level").asText()).isEqualTo("区级");
        // revising: the joint members come prefilled
        assertThat(body(mvc.perform(get("/app/forms/checklists/" + joint).param("code", "J01-01").with(as(admin)))
                .andReturn())).contains(source + "@1/A01-01", "value=\"区级\"", "id=\"assisting-" + otherDept
                + "\" checked");

        MvcResult published = mvc.perform(post("/app/forms/checklists/" + joint + "/publish").with(as(admin))
                .with(csrf())).andReturn();
        assertThat(published.getResponse().getStatus()).as(body(published)).isEqualTo(302);
        assertThat(http.get("/api/checklists/" + joint, admin).json().get("publishedVersion").asInt()).isEqualTo(1);
    }

    /** A joint item led by {@code dept}, assisted by {@code otherDept}, consolidating {@code source}'s A01-01. */
    private MockHttpServletRequestBuilder jointItem(String listId, String source, String... overrides) {
        String[] joint = {"field", "市场主体登记", "leadDepartment", dept, "assistingDepartments", otherDept,
                "level", "区级", "sources", source + "@1/A01-01"};
        String[] all = new String[joint.length + overrides.length];
        System.arraycopy(joint, 0, all, 0, joint.length);
        System.arraycopy(overrides, 0, all, joint.length, overrides.length);
        return item(listId, "J01-01", all);
    }
}
