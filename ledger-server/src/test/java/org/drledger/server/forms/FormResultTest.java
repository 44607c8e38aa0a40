package org.drledger.server.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The result forms: entered → reviewed → published and an exemption through the API's path (checked through the
 * REST API); refusals re-render naming the field and the rule in both languages and write nothing (no event, no
 * vault row); other departments get 403, clerks no approver forms; a POST without the CSRF token is refused.
 */
class FormResultTest extends FormTestSupport {
    private static final String OBJECT = "91350100M000100Y43";
    private static final String ITEM = "A07-01";
    private static String lead;
    private static String outsider;
    private TestUsers.Credentials clerk;
    private TestUsers.Credentials approver;
    private String taskId;
    private String page;

    @BeforeEach
    void task() {
        if (lead == null) {
            lead = department();
            outsider = department();
        }
        clerk = user(lead, Role.DEPT_CLERK);
        approver = user(lead, Role.DEPT_APPROVER);
        taskId = unique("T");
        task(taskId, lead, List.of(OBJECT), List.of(ITEM));
        page = "/app/forms/results/" + taskId + "/" + OBJECT + "/" + ITEM;
    }

    private MockHttpServletRequestBuilder enter(String... codes) {
        return enterWith(List.of(codes));
    }

    /** The entry form filled in; {@code overrides}: name, value, … replacing the defaults. */
    private MockHttpServletRequestBuilder enterWith(List<String> codes, String... overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("method", "ON_SITE");
        values.put("evidence", EVIDENCE + "\n");
        values.put("triggerKind", "INSPECTION_ENDED");
        values.put("triggerDate", TRIGGER.toString());
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder b = post(page).param("resultCodes", codes.toArray(String[]::new));
        values.forEach(b::param);
        return b;
    }

    private JsonNode state() {
        var r = http.get("/api/results/" + taskId + "/" + OBJECT + "/" + ITEM, approver);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private long vaultRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM vault_opening", Long.class);
    }

    private static void redirectsBack(MvcResult r, String page) {
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(302);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo(page);
    }

    @Test
    void aResultIsEnteredReviewedAndPublishedThroughTheForms() throws Exception {
        MvcResult taskPage = mvc.perform(get("/app/forms/results/" + taskId).with(as(clerk))).andReturn();
        assertThat(body(taskPage)).contains(page);
        assertThat(body(mvc.perform(get(page).with(as(clerk))).andReturn())).contains("id=\"enter-form\"",
                "未发现问题");

        redirectsBack(mvc.perform(enter("E").param("findings", "未亮照经营，已当场责令改正").with(as(clerk)).with(csrf()))
                .andReturn(), page);
        JsonNode entered = state();
        assertThat(entered.get("status").asText()).isEqualTo("ENTERED");
        assertThat(entered.get("findings").asText()).isEqualTo("未亮照经营，已当场责令改正");
        assertThat(entered.get("evidence").get(0).asText()).isEqualTo(EVIDENCE);
        assertThat(entered.get("deadline").asText()).isEqualTo("2025-02-27");

        // the clerk sees the state but no approver form; the approver sees the review form
        assertThat(body(mvc.perform(get(page).with(as(clerk))).andReturn())).contains("data-status=\"ENTERED\"")
                .doesNotContain("id=\"review-form\"", "id=\"publish-form\"");
        assertThat(body(mvc.perform(get(page).with(as(approver))).andReturn())).contains("id=\"review-form\"")
                .doesNotContain("id=\"publish-form\"");

        redirectsBack(mvc.perform(post(page + "/review").param("decision", "APPROVED").with(as(approver))
                .with(csrf())).andReturn(), page);
        assertThat(state().get("status").asText()).isEqualTo("APPROVED");
        assertThat(body(mvc.perform(get(page).with(as(approver))).andReturn())).contains("id=\"publish-form\"",
                "id=\"exemption-form\"");

        MvcResult published = mvc.perform(post(page + "/publish").with(as(approver)).with(csrf())).andReturn();
        redirectsBack(published, page);
        assertThat(published.getFlashMap().get("done")).isEqualTo("resultPublished");
        JsonNode done = state();
        assertThat(done.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(done.get("publication").get("publishedOn").asText()).isEqualTo(TODAY.toString());
        assertThat(body(mvc.perform(get(page).with(as(approver))).andReturn())).contains("id=\"public-link\"")
                .doesNotContain("id=\"enter-form\"", "id=\"publish-form\"");
    }

    @Test
    void aReturnedResultIsRevisedAndAnApprovedOneExempted() throws Exception {
        redirectsBack(mvc.perform(enter("1").with(as(clerk)).with(csrf())).andReturn(), page);
        redirectsBack(mvc.perform(post(page + "/review").param("decision", "RETURNED")
                .param("reasons", "证据不全\n请补充现场照片").with(as(approver)).with(csrf())).andReturn(), page);
        JsonNode returned = state();
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("review").get("reasons")).hasSize(2);
        // the revision form starts from the current revision
        assertThat(body(mvc.perform(get(page).with(as(clerk))).andReturn())).contains("id=\"enter-form\"", EVIDENCE);
        redirectsBack(mvc.perform(enter("1").with(as(clerk)).with(csrf())).andReturn(), page);
        assertThat(state().get("revision").asInt()).isEqualTo(2);
        redirectsBack(mvc.perform(post(page + "/review").param("decision", "APPROVED").with(as(approver))
                .with(csrf())).andReturn(), page);
        redirectsBack(mvc.perform(post(page + "/exemption").param("legalBasis", "《政府信息公开条例》第十四条")
                .param("authority", "区人民政府").param("document", "区府〔2025〕3号").param("approvedOn", "2025-02-04")
                .with(as(approver)).with(csrf())).andReturn(), page);
        assertThat(state().get("status").asText()).isEqualTo("EXEMPTED");
    }

    @Test
    void refusalsNameTheFieldAndTheRuleInBothLanguagesAndWriteNothing() throws Exception {
        long events = events();
        long sealed = vaultRows();
        MvcResult zh = mvc.perform(enter("E").with(as(clerk)).with(csrf())).andReturn();
        refused(zh, 422, "findings", "required-for-problems");
        assertThat(body(zh)).contains("检查结果为发现问题时，须填写发现的问题").contains(EVIDENCE);
        MvcResult en = mvc.perform(enter("A", "3").param("findings", "过期食品").with(as(clerk)).with(csrf())
                .cookie(english())).andReturn();
        refused(en, 422, "followUps", "required-for-pending-problems");
        assertThat(body(en)).contains("Not saved; nothing was written", "needs a follow-up measure");
        refused(mvc.perform(enterWith(List.of("1"), "triggerDate", "2025-02-06").with(as(clerk)).with(csrf())).andReturn(),
                422, "triggerDate", "after-entry-date");
        refused(mvc.perform(enterWith(List.of("1"), "triggerDate", "24.01.2025").with(as(clerk)).with(csrf())).andReturn(),
                400, "triggerDate", "bad-date");
        refused(mvc.perform(enterWith(List.of("1"), "evidence", "not-a-hash").with(as(clerk)).with(csrf())).andReturn(),
                422, "evidence[0]", "sha256-hex");
        assertThat(events()).isEqualTo(events);
        assertThat(vaultRows()).isEqualTo(sealed);

        // state conflicts: the approver who entered cannot review; a return needs reasons; publish before approval
        TestUsers.Credentials both = user(lead, Role.DEPT_CLERK, Role.DEPT_APPROVER);
        redirectsBack(mvc.perform(enter("1").with(as(both)).with(csrf())).andReturn(), page);
        long afterEntry = events();
        refused(mvc.perform(post(page + "/review").param("decision", "APPROVED").with(as(both)).with(csrf()))
                .andReturn(), 422, "reviewer", "own-entry");
        MvcResult noReasons = mvc.perform(post(page + "/review").param("decision", "RETURNED").with(as(approver))
                .with(csrf()).cookie(english())).andReturn();
        refused(noReasons, 422, "reasons", "required-when-returned");
        assertThat(body(noReasons)).contains("Returning a result needs reasons");
        refused(mvc.perform(post(page + "/publish").with(as(approver)).with(csrf())).andReturn(), 409, "status",
                "not-approved");
        assertThat(events()).isEqualTo(afterEntry);
    }

    @Test
    void anotherDepartmentGetsNoFormAndCannotPost() throws Exception {
        TestUsers.Credentials stranger = user(outsider, Role.DEPT_CLERK);
        TestUsers.Credentials strangerApprover = user(outsider, Role.DEPT_APPROVER);
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        long events = events();
        assertThat(mvc.perform(get(page).with(as(stranger))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/app/forms/results/" + taskId).with(as(stranger))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(enter("1").with(as(stranger)).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(enter("1").with(as(auditor)).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(events()).isEqualTo(events);

        redirectsBack(mvc.perform(enter("1").with(as(clerk)).with(csrf())).andReturn(), page);
        long entered = events();
        // the auditor reads the state but gets no form
        assertThat(body(mvc.perform(get(page).with(as(auditor))).andReturn())).contains("data-status=\"ENTERED\"")
                .doesNotContain("id=\"enter-form\"", "id=\"review-form\"");
        assertThat(mvc.perform(post(page + "/review").param("decision", "APPROVED").with(as(strangerApprover))
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post(page + "/review").param("decision", "APPROVED").with(as(clerk)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(events()).isEqualTo(entered);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        long events = events();
        assertThat(mvc.perform(enter("1").with(as(clerk))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(events()).isEqualTo(events);
    }
    @Test
    void theInspectingDepartmentUpdatesAFollowUpThroughTheForm() throws Exception {
        redirectsBack(mvc.perform(enterWith(List.of("A", "3"), "findings", "超范围经营", "followUpMeasure",
                "ORDER_CORRECTION").with(as(clerk)).with(csrf())).andReturn(), page);
        assertThat(state().at("/followUps/0/state").asText()).isEqualTo("OPEN");
        assertThat(body(mvc.perform(get(page).with(as(clerk))).andReturn())).contains("id=\"follow-up-form-1\"",
                "data-state=\"OPEN\"");
        TestUsers.Credentials stranger = user(outsider, Role.DEPT_CLERK);
        long events = events();

        // a completion date after today is refused, naming the field and the rule; nothing is written
        MvcResult late = mvc.perform(post(page + "/follow-ups/1").param("state", "DONE")
                .param("completedOn", "2025-02-06").with(as(clerk)).with(csrf())).andReturn();
        refused(late, 422, "completedOn", "out-of-range");
        assertThat(body(late)).contains("完结日期须在起算日期与今天之间", "value=\"2025-02-06\"");
        assertThat(mvc.perform(post(page + "/follow-ups/1").param("state", "DONE").param("completedOn",
                TODAY.toString()).with(as(stranger)).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(events()).isEqualTo(events);
        assertThat(state().at("/followUps/0/state").asText()).isEqualTo("OPEN");

        MvcResult done = mvc.perform(post(page + "/follow-ups/1").param("state", "DONE")
                .param("completedOn", TODAY.toString()).with(as(clerk)).with(csrf())).andReturn();
        redirectsBack(done, page);
        assertThat(done.getFlashMap().get("done")).isEqualTo("followUpUpdated");
        assertThat(state().at("/followUps/0/state").asText()).isEqualTo("DONE");
        assertThat(state().at("/followUps/0/completedOn").asText()).isEqualTo(TODAY.toString());
        assertThat(body(mvc.perform(get(page).with(as(clerk)).flashAttr("done", "followUpUpdated")).andReturn()))
                .contains("后续处置状态已更新", "data-state=\"DONE\"");
    }
}
