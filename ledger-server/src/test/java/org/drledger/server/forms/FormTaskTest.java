package org.drledger.server.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.drledger.command.actor.Role;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;
import org.drledger.core.draw.DrawHashes;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The task action forms on an ad hoc task planned through the API: out-of-order steps re-render with the field and
 * the rule and write nothing; freeze, a commitment and the void go through the API's path (checked through the REST
 * API); a department outside the task gets 403, a clerk no approver form; a POST without the CSRF token is refused.
 */
class FormTaskTest extends FormTestSupport {
    private static final String ORG = "organizer";
    private static final String DIO = "discipline-office";
    private static String lead;
    private static String assisting;
    private static String outsider;
    private TestUsers.Credentials clerk;
    private TestUsers.Credentials approver;
    private String taskId;
    private String page;

    @BeforeEach
    void plannedTask() {
        if (lead == null) {
            lead = department();
            assisting = department();
            outsider = department();
        }
        clerk = user(lead, Role.DEPT_CLERK);
        approver = user(lead, Role.DEPT_APPROVER);
        String listId = unique("list");
        // a published item, as the list feature records it
        jdbc.update("INSERT INTO published_item (list_id, version, code, owner_department, kind, tier, name, "
                + "object_types, retired) VALUES (?, 1, 'A07-01', ?, 'DEPARTMENT', 'GENERAL', '食品标签', 'ENTERPRISE', "
                + "FALSE)", listId, lead);
        taskId = unique("adhoc");
        String body = ("{'taskId':'" + taskId + "','source':'AD_HOC','adHocApproval':{'approver':'局长',"
                + "'document':'临时任务报批〔2025〕1号','date':'2025-02-04'},'leadDepartment':'" + lead + "',"
                + "'assistingDepartments':['" + assisting + "'],'category':'COMPLAINT','items':[{'listId':'" + listId
                + "','code':'A07-01'}],'drawPlan':").replace('\'', '"') + drawPlan(taskId) + "}";
        this.listId = listId;
        Http.Response planned = http.send("POST", "/api/tasks", approver, "application/json", body);
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        page = "/app/forms/tasks/" + taskId;
    }

    private String listId;

    /** A drl-draw/1 plan; drand quicknet round 15400000 is at 2025-02-08T07:22:44Z, after the business day. */
    private static String drawPlan(String taskId) {
        return ("{'algorithm':'drl-draw/1','taskId':'" + taskId + "','stratifyBy':'creditRiskClass',"
                + "'strata':[{'stratum':'A','ratio':{'num':1,'den':2}},{'stratum':'B','ratio':{'num':1,'den':2}},"
                + "{'stratum':'C','ratio':{'num':1,'den':2}},{'stratum':'D','ratio':{'num':1,'den':2}}],"
                + "'populationFilter':{'items':['A07-01'],'frequencyCap':{'maxPerYear':2,'year':2025,"
                + "'exemptCategories':[]}},'officerCap':6,'teamTemplate':[{'allowedDepartments':['" + lead + "']},"
                + "{'allowedDepartments':['" + assisting + "']}],'matchingRules':{'distinctDepartments':true},"
                + "'relaxationLadder':[],'randomness':{'source':'drand-quicknet','round':15400000},"
                + "'parties':['" + ORG + "','" + DIO + "'],'revealDeadline':'2025-02-09T00:00:00Z',"
                + "'plannedDates':{'from':'2025-02-10','to':'2025-03-31'}}").replace('\'', '"');
    }

    private JsonNode task() {
        Http.Response r = http.get("/api/tasks/" + taskId, clerk);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static String commitment(String taskId, String party) {
        byte[] secret = HashAlgorithm.SHA_256.digest(("form secret of " + party).getBytes(StandardCharsets.UTF_8));
        return Hex.encode(DrawHashes.commitment(taskId, party, secret));
    }

    private void redirectsBack(MvcResult r) {
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(302);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo(page);
    }

    @Test
    void stepsOutOfOrderAreRefusedThenFreezeCommitAndVoidGoThrough() throws Exception {
        MvcResult clerkPage = mvc.perform(get(page).with(as(clerk))).andReturn();
        assertThat(body(clerkPage)).contains("id=\"freeze-form\"", "id=\"commit-form\"", "id=\"draw-form\"")
                .doesNotContain("id=\"void-form\"", "id=\"recusal-form\"");

        long events = events();
        refused(mvc.perform(post(page + "/commitments").param("partyId", ORG)
                .param("commitment", commitment(taskId, ORG)).with(as(clerk)).with(csrf())).andReturn(), 409,
                "taskId", "commit-before-freeze");
        MvcResult draw = mvc.perform(post(page + "/draw").with(as(clerk)).with(csrf()).cookie(english())).andReturn();
        assertThat(draw.getResponse().getStatus()).as(body(draw)).isEqualTo(409);
        assertThat(body(draw)).contains("id=\"refusal\"", "Not saved; nothing was written");
        refused(mvc.perform(post(page + "/void").param("approver", "局长").with(as(approver)).with(csrf()))
                .andReturn(), 400, "reason", "NotBlank");
        assertThat(events()).isEqualTo(events);

        redirectsBack(mvc.perform(post(page + "/freeze").with(as(clerk)).with(csrf())).andReturn());
        assertThat(task().get("freeze").isNull()).isFalse();
        redirectsBack(mvc.perform(post(page + "/commitments").param("partyId", ORG)
                .param("commitment", commitment(taskId, ORG)).with(as(clerk)).with(csrf())).andReturn());
        assertThat(task().get("commitments").get(0).get("partyId").asText()).isEqualTo(ORG);
        // an assisting department's clerk commits for the other party
        redirectsBack(mvc.perform(post(page + "/commitments").param("partyId", DIO)
                .param("commitment", commitment(taskId, DIO)).with(as(user(assisting, Role.DEPT_CLERK)))
                .with(csrf())).andReturn());
        assertThat(task().get("commitments")).hasSize(2);
        refused(mvc.perform(post(page + "/reveals").param("partyId", ORG).param("secret", "00".repeat(32))
                .with(as(clerk)).with(csrf())).andReturn(), 409, "partyId", "reveal-before-randomness");
        refused(mvc.perform(post(page + "/randomness").param("source", "drand-quicknet").param("round", "x")
                .with(as(clerk)).with(csrf())).andReturn(), 400, "round", "not-a-number");

        MvcResult approverPage = mvc.perform(get(page).with(as(approver))).andReturn();
        assertThat(body(approverPage)).contains("id=\"void-form\"", "id=\"recusal-form\"", "data-status=\"");
        redirectsBack(mvc.perform(post(page + "/void").param("reason", "计划调整，本次抽取作废").param("approver", "局长")
                .with(as(approver)).with(csrf())).andReturn());
        assertThat(task().get("status").asText()).isEqualTo("VOIDED");
        assertThat(body(mvc.perform(get(page).with(as(approver))).andReturn())).doesNotContain("id=\"void-form\"",
                "id=\"freeze-form\"");
    }

    @Test
    void theApproverPlansATaskWithItsDrawPlanThroughTheForm() throws Exception {
        String id = unique("adhoc");
        assertThat(body(mvc.perform(get("/app/forms/tasks/new").with(as(approver))).andReturn()))
                .contains("id=\"task-form\"", "id=\"drawPlan\"");
        long events = events();
        MvcResult badJson = mvc.perform(planForm(id, "{not json").with(as(approver)).with(csrf())).andReturn();
        refused(badJson, 400, "drawPlan", "malformed-body");
        assertThat(body(badJson)).contains("{not json");
        String badRatio = drawPlan(id).replace("{\"num\":1,\"den\":2}},{\"stratum\":\"B\"",
                "{\"num\":3,\"den\":2}},{\"stratum\":\"B\"");
        MvcResult refusedPlan = mvc.perform(planForm(id, badRatio).with(as(approver)).with(csrf()).cookie(english()))
                .andReturn();
        assertThat(refusedPlan.getResponse().getStatus()).as(body(refusedPlan)).isIn(400, 422);
        assertThat(body(refusedPlan)).contains("id=\"refusal\"", "data-field=\"drawPlan/strata/0/ratio\"",
                "Not saved; nothing was written");
        assertThat(mvc.perform(planForm(id, drawPlan(id)).with(as(clerk)).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(events()).isEqualTo(events);

        MvcResult planned = mvc.perform(planForm(id, drawPlan(id)).with(as(approver)).with(csrf())).andReturn();
        assertThat(planned.getResponse().getStatus()).as(body(planned)).isEqualTo(302);
        assertThat(planned.getResponse().getRedirectedUrl()).isEqualTo("/app/forms/tasks/" + id);
        Http.Response view = http.get("/api/tasks/" + id, clerk);
        assertThat(view.json().get("status").asText()).isEqualTo("PLANNED");
        assertThat(view.json().at("/planned/items/0/code").asText()).isEqualTo("A07-01");
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder planForm(String id,
                                                                                                 String plan) {
        return post("/app/forms/tasks/new").param("taskId", id).param("source", "AD_HOC")
                .param("adHocApprover", "局长").param("adHocDocument", "临时任务报批〔2025〕2号")
                .param("adHocDate", "2025-02-04").param("leadDepartment", lead).param("assistingDepartments", assisting)
                .param("category", "COMPLAINT").param("items", listId + ":A07-01").param("drawPlan", plan);
    }

    @Test
    void aDepartmentOutsideTheTaskGetsNoFormAndCannotPost() throws Exception {
        TestUsers.Credentials stranger = user(outsider, Role.DEPT_APPROVER);
        long events = events();
        assertThat(mvc.perform(get(page).with(as(stranger))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post(page + "/freeze").with(as(stranger)).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post(page + "/void").param("reason", "x").param("approver", "y").with(as(clerk))
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        long events = events();
        assertThat(mvc.perform(post(page + "/freeze").with(as(clerk))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(events()).isEqualTo(events);
    }
}
