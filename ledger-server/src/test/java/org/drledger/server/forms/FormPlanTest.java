package org.drledger.server.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.server.checklist.SeedItems;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The annual-plan forms: a department's approver submits, the office consolidates, records the approval, publishes
 * and files, each effect checked through the REST API; an adjustment outside the quarter-end window is refused with
 * the field, the rule and the window's dates in both languages and writes nothing, inside it succeeds; other
 * departments and roles get 403 and no form; a POST without the CSRF token is refused. Dates come from the tests'
 * mutable clock; each test uses its own plan year.
 */
class FormPlanTest extends FormTestSupport {
    /** A department with a published list of the seed items; its clerk and approver. */
    private record Dept(String id, String list, TestUsers.Credentials clerk, TestUsers.Credentials approver) {
    }

    private Dept departmentWithList() {
        String id = department();
        TestUsers.Credentials clerk = user(id, Role.DEPT_CLERK);
        TestUsers.Credentials approver = user(id, Role.DEPT_APPROVER);
        String list = unique("list");
        SeedItems.publishList(http, list, id, clerk, approver);
        return new Dept(id, list, clerk, approver);
    }

    /** Batch row {@code prefix}0 filled in: March to November, 1/20, once, 2 objects, led by {@code d}. */
    private static MockHttpServletRequestBuilder batch(MockHttpServletRequestBuilder b, String prefix, int year,
                                                       String batchId, Dept d, String... overrides) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("batchId", batchId);
        values.put("name", "对市场主体登记事项的行政检查");
        values.put("inspectingAuthority", "资阳区市场监督管理局");
        values.put("unit", "登记注册股");
        values.put("items", d.list() + "@1/A01-01\n");
        values.put("from", year + "-03-01");
        values.put("to", year + "-11-30");
        values.put("ratioNum", "1");
        values.put("ratioDen", "20");
        values.put("frequency", "1");
        values.put("quantity", "2");
        values.put("leadDepartment", d.id());
        values.put("assistingDepartments", "");
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        values.forEach((k, v) -> b.param(prefix + "0." + k, v));
        return b;
    }

    private static String plan(int year) {
        return "/app/forms/plans/" + year;
    }

    private JsonNode district(int year) {
        Http.Response r = http.get("/api/plans/" + year + "/district", admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static void redirects(MvcResult r, String to) {
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(302);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo(to);
    }

    /** A published plan of {@code year} with batch a-01 of {@code d}, set up through the API. */
    private void publishedPlan(int year, Dept d) {
        clock.setToday(LocalDate.of(year - 1, 12, 15));
        Map<String, Object> batch = new java.util.LinkedHashMap<>(Map.of("batchId", "a-01", "inspectingAuthority",
                "资阳区市场监督管理局", "name", "登记事项检查", "items", List.of(Map.of("listId", d.list(), "version", 1,
                        "code", "A01-01")), "period", Map.of("from", year + "-03-01", "to", year + "-11-30"),
                "unit", "登记注册股", "ratio", Map.of("num", 1, "den", 20), "frequency", 1, "quantity", 2));
        batch.put("leadDepartment", d.id());
        batch.put("assistingDepartments", List.of());
        String base = "/api/plans/" + year;
        assertThat(http.post(base + "/departments/" + d.id(), d.approver(), Map.of("batches", List.of(batch)))
                .status()).isEqualTo(201);
        clock.setToday(LocalDate.of(year, 1, 20));
        assertThat(http.post(base + "/district/consolidation", admin, Map.of("departmentPlans",
                List.of(Map.of("department", d.id(), "version", 1)), "jointBatches", List.of())).status())
                .isEqualTo(200);
        assertThat(http.post(base + "/district/approval", admin, Map.of("document", "资政函〔" + year + "〕3号",
                "approvedOn", year + "-01-20")).status()).isEqualTo(200);
        assertThat(http.post(base + "/district/publication", admin, null).status()).isEqualTo(200);
    }

    @Test
    void aYearIsSubmittedConsolidatedApprovedPublishedAndFiledThroughTheForms() throws Exception {
        int year = 2041;
        clock.setToday(LocalDate.of(2040, 12, 20));
        Dept a = departmentWithList();
        String deptPage = plan(year) + "/departments/" + a.id();

        assertThat(body(mvc.perform(get(deptPage).with(as(a.approver()))).andReturn()))
                .contains("id=\"department-plan-form\"", "2040-12-31");
        assertThat(body(mvc.perform(get(deptPage).with(as(a.clerk()))).andReturn()))
                .doesNotContain("id=\"department-plan-form\"");

        MvcResult submitted = mvc.perform(batch(post(deptPage), "b", year, "a-01", a).with(as(a.approver()))
                .with(csrf())).andReturn();
        redirects(submitted, deptPage);
        assertThat(submitted.getFlashMap().get("version")).isEqualTo(1);
        JsonNode submission = http.get("/api/plans/" + year + "/departments/" + a.id(), a.clerk()).json()
                .get("submissions").get(0);
        assertThat(submission.get("late").asBoolean()).isFalse();
        assertThat(submission.at("/batches/0/batchId").asText()).isEqualTo("a-01");
        assertThat(submission.at("/batches/0/items/0/code").asText()).isEqualTo("A01-01");
        assertThat(submission.at("/batches/0/ratio/den").asInt()).isEqualTo(20);
        assertThat(submission.at("/batches/0/period/to").asText()).isEqualTo(year + "-11-30");
        // the redirect target shows the effect at once, prefilled with the submission to resubmit
        assertThat(body(mvc.perform(get(deptPage).with(as(a.approver())).flashAttr("done", "planSubmitted"))
                .andReturn())).contains("id=\"done\"", "部门计划已报送", "data-version=\"1\"", "value=\"a-01\"",
                a.list() + "@1/A01-01");

        clock.setToday(LocalDate.of(year, 1, 20));
        String office = body(mvc.perform(get(plan(year)).with(as(admin))).andReturn());
        assertThat(office).contains("2041 年度抽查工作计划", "id=\"consolidation-form\"", "value=\"" + a.id() + "@1\"")
                .doesNotContain("id=\"approval-form\"", "id=\"adjustment-form\"");
        assertThat(body(mvc.perform(get(plan(year)).with(as(a.approver()))).andReturn()))
                .contains("id=\"own-department-link\"").doesNotContain("id=\"consolidation-form\"");

        redirects(mvc.perform(post(plan(year) + "/consolidation").param("departmentPlans", a.id() + "@1")
                .with(as(admin)).with(csrf())).andReturn(), plan(year));
        JsonNode consolidated = district(year);
        assertThat(consolidated.at("/consolidation/version").asInt()).isEqualTo(1);
        assertThat(consolidated.at("/consolidation/departmentPlans/0/department").asText()).isEqualTo(a.id());
        assertThat(consolidated.at("/consolidation/late").asBoolean()).isFalse();

        redirects(mvc.perform(post(plan(year) + "/approval").param("document", "资政函〔2041〕3号")
                .param("approvedOn", "2041-01-20").with(as(admin)).with(csrf())).andReturn(), plan(year));
        assertThat(district(year).at("/approval/document").asText()).isEqualTo("资政函〔2041〕3号");

        clock.setToday(LocalDate.of(year, 2, 5));
        MvcResult published = mvc.perform(post(plan(year) + "/publication").with(as(admin)).with(csrf())).andReturn();
        redirects(published, plan(year));
        assertThat(published.getFlashMap().get("done")).isEqualTo("planPublished");
        assertThat(district(year).at("/publication/publishedOn").asText()).isEqualTo("2041-02-05");
        assertThat(district(year).at("/publication/late").asBoolean()).isFalse();

        redirects(mvc.perform(post(plan(year) + "/filing").param("filedWith", "益阳市市场监督管理局")
                .param("filedOn", "2041-02-05").with(as(admin)).with(csrf())).andReturn(), plan(year));
        assertThat(district(year).at("/filing/filedWith").asText()).isEqualTo("益阳市市场监督管理局");

        // the page shows the whole state and, now published, the adjustment form with this quarter's window
        assertThat(body(mvc.perform(get(plan(year)).with(as(admin)).flashAttr("done", "planFiled")).andReturn()))
                .contains("备案已记录", "资政函〔2041〕3号", "益阳市市场监督管理局", "data-batch=\"a-01\"",
                        "id=\"adjustment-form\"", "data-from=\"2041-03-25\"", "data-to=\"2041-03-31\"")
                .doesNotContain("id=\"publication-form\"");
    }

    @Test
    void anAdjustmentOutsideTheWindowIsRefusedWithTheWindowsDatesAndInsideItIsRecorded() throws Exception {
        int year = 2042;
        Dept a = departmentWithList();
        publishedPlan(year, a);
        clock.setToday(LocalDate.of(year, 2, 6));
        long before = events();

        MvcResult zh = mvc.perform(batch(post(plan(year) + "/adjustments"), "add", year, "a-02", a)
                .param("reason", "新增专项检查").param("approver", "区人民政府").with(as(admin)).with(csrf())).andReturn();
        refused(zh, 422, "adjustedOn", "outside-adjustment-window");
        assertThat(body(zh)).contains("未保存，没有写入任何记录", "计划只能在每季度最后一周的调整窗口内调整",
                "今天（2042-02-06）不在调整窗口内；本季度的调整窗口为 2042-03-25 至 2042-03-31",
                "id=\"refusal-window\"", "value=\"a-02\"", "新增专项检查");
        MvcResult en = mvc.perform(batch(post(plan(year) + "/adjustments"), "add", year, "a-02", a)
                .param("reason", "新增专项检查").param("approver", "区人民政府").with(as(admin)).with(csrf())
                .cookie(english())).andReturn();
        refused(en, 422, "adjustedOn", "outside-adjustment-window");
        assertThat(body(en)).contains("Not saved; nothing was written",
                "Today (2042-02-06) is outside the adjustment window; this quarter’s window is 2042-03-25 to 2042-03-31");
        assertThat(events()).isEqualTo(before);
        assertThat(http.get("/api/plans/" + year + "/district/adjustments", admin).json()).isEmpty();

        clock.setToday(LocalDate.of(year, 3, 27));
        MvcResult inside = mvc.perform(batch(post(plan(year) + "/adjustments"), "add", year, "a-02", a)
                .param("removed", "a-01").param("reason", "新增专项检查").param("approver", "区人民政府")
                .with(as(admin)).with(csrf())).andReturn();
        redirects(inside, plan(year));
        JsonNode adjustments = http.get("/api/plans/" + year + "/district/adjustments", admin).json();
        assertThat(adjustments).hasSize(1);
        assertThat(adjustments.at("/0/window/from").asText()).isEqualTo("2042-03-25");
        assertThat(adjustments.at("/0/window/to").asText()).isEqualTo("2042-03-31");
        assertThat(adjustments.at("/0/adjustedOn").asText()).isEqualTo("2042-03-27");
        assertThat(adjustments.at("/0/changes/added/0/batchId").asText()).isEqualTo("a-02");
        assertThat(adjustments.at("/0/changes/removed/0").asText()).isEqualTo("a-01");
        assertThat(district(year).get("batches").findValuesAsText("status")).containsExactly("REMOVED", "ACTIVE");
    }

    @Test
    void otherDepartmentsAndRolesGetNoFormAndCannotPostAndRefusalsWriteNothing() throws Exception {
        int year = 2043;
        clock.setToday(LocalDate.of(2042, 12, 10));
        Dept a = departmentWithList();
        Dept b = departmentWithList();
        String deptPage = plan(year) + "/departments/" + a.id();
        long before = events();

        // a clerk of another department, the department's own clerk and the office administrator may not submit
        assertThat(body(mvc.perform(get(deptPage).with(as(b.approver()))).andReturn()))
                .doesNotContain("id=\"department-plan-form\"");
        for (TestUsers.Credentials who : List.of(b.clerk(), b.approver(), a.clerk(), admin)) {
            assertThat(mvc.perform(batch(post(deptPage), "b", year, "a-01", a).with(as(who)).with(csrf()))
                    .andReturn().getResponse().getStatus()).as(who.username()).isEqualTo(403);
        }
        // the district plan's acts are the office administrator's alone
        assertThat(mvc.perform(post(plan(year) + "/consolidation").param("departmentPlans", a.id() + "@1")
                .with(as(a.approver())).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post(plan(year) + "/publication").with(as(b.clerk())).with(csrf())).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        // no CSRF token
        assertThat(mvc.perform(batch(post(deptPage), "b", year, "a-01", a).with(as(a.approver()))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post(plan(year) + "/publication").with(as(admin))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);

        // refusals re-render with the field and the rule and keep what was entered
        MvcResult badItem = mvc.perform(batch(post(deptPage), "b", year, "a-01", a, "items", "A01-01")
                .with(as(a.approver())).with(csrf())).andReturn();
        refused(badItem, 400, "batches[0].items[0]", "plan-item-format");
        assertThat(body(badItem)).contains("清单编号@版本/事项编码", "value=\"a-01\"");
        refused(mvc.perform(batch(post(deptPage), "b", year, "a-01", a, "ratioDen", "5").with(as(a.approver()))
                .with(csrf()).cookie(english())).andReturn(), 422, "batches[0].ratio", "ratio-above-item-cap");
        refused(mvc.perform(post(deptPage).with(as(a.approver())).with(csrf())).andReturn(), 422, "batches",
                "required");
        refused(mvc.perform(post(plan(year) + "/consolidation").param("departmentPlans", a.id() + "@1")
                .with(as(admin)).with(csrf())).andReturn(), 422, "departmentPlans[0]", "department-plan-not-submitted");
        refused(mvc.perform(post(plan(year) + "/approval").param("document", "资政函〔2043〕3号")
                .param("approvedOn", "2042-13-01").with(as(admin)).with(csrf())).andReturn(), 400, "approvedOn",
                "bad-date");
        assertThat(events()).isEqualTo(before);
        assertThat(http.get("/api/plans/" + year + "/departments/" + a.id(), a.clerk()).status()).isEqualTo(404);
    }

    @Test
    void theWorkspaceAndThePlanPagesLinkTheForms() throws Exception {
        clock.setToday(LocalDate.of(2044, 1, 10));
        MvcResult here = mvc.perform(get("/app/forms/plans").with(as(admin))).andReturn();
        assertThat(here.getResponse().getRedirectedUrl()).isEqualTo("/app/forms/plans/2044");
        assertThat(body(mvc.perform(get("/app").with(as(admin))).andReturn())).contains("id=\"link-plan-forms\"");
        assertThat(body(mvc.perform(get("/app/plans").with(as(admin))).andReturn())).contains("/app/forms/plans");
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        String page = body(mvc.perform(get(plan(2044)).with(as(auditor))).andReturn());
        assertThat(page).contains("id=\"plan-title\"").doesNotContain("id=\"consolidation-form\"",
                "id=\"own-department-link\"");
        // merely viewing (the forms hidden by the API's own access rule) records no refused attempt
        assertThat(securityEvents("ACCESS_DENIED", auditor.username())).isZero();
    }
}
