package org.drledger.server.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drledger.command.actor.ActorMetaData;
import org.drledger.command.actor.Role;
import org.drledger.command.sealer.CheckpointService;
import org.drledger.command.sealer.MerkleStore;
import org.drledger.command.task.InspectionTask;
import org.drledger.command.vault.Vault;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;
import org.drledger.core.draw.DrawHashes;
import org.drledger.server.task.TestInspectionObject;
import org.drledger.server.task.TestInspector;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The task action forms on an ad hoc task planned through the API: out-of-order steps re-render with the field and
 * the rule and write nothing; freeze, a commitment and the void go through the API's path (checked through the REST
 * API); a department outside the task gets 403, a clerk no approver form; a POST without the CSRF token is refused.
 * One task walks every form from its plan to its draw, a recusal and a manual adjustment (drand quicknet round 123,
 * the public vector of {@code TaskScenario}, with the clock moved to its day). A task may be called {@code new}.
 */
class FormTaskTest extends FormTestSupport {
    private static final String ORG = "organizer";
    private static final String DIO = "discipline-office";
    private static final String PLAN_FORM = "/app/forms/task-plans/new";
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

    private static byte[] secret(String party) {
        return HashAlgorithm.SHA_256.digest(("form secret of " + party).getBytes(StandardCharsets.UTF_8));
    }

    private static String commitment(String taskId, String party) {
        return Hex.encode(DrawHashes.commitment(taskId, party, secret(party)));
    }

    /** The opening tag of the element with this id (for its class and aria attributes). */
    static String tag(String html, String id) {
        Matcher m = Pattern.compile("<[a-z]+ id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(m.find()).as("no element #%s in %s", id, html).isTrue();
        return m.group();
    }

    /** Exactly the field {@code id} is marked refused: class {@code invalid} and {@code aria-invalid="true"}. */
    static void onlyInvalid(String html, String id) {
        assertThat(tag(html, id)).containsPattern("class=\"[^\"]*\\binvalid\\b").contains("aria-invalid=\"true\"");
        assertThat(html.split("aria-invalid=", -1)).as("one field marked").hasSize(2);
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
        MvcResult badRound = mvc.perform(post(page + "/randomness").param("source", "drand-quicknet")
                .param("round", "x").with(as(clerk)).with(csrf())).andReturn();
        refused(badRound, 400, "round", "not-a-number");
        onlyInvalid(body(badRound), "round");

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
        assertThat(body(mvc.perform(get(PLAN_FORM).with(as(approver))).andReturn()))
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
        onlyInvalid(body(refusedPlan), "drawPlan");
        // the style sheet gives a refused field its red border
        assertThat(body(mvc.perform(get("/css/app.css")).andReturn()))
                .contains(".invalid, .form [aria-invalid=\"true\"] { border: 2px solid #b00020;");
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
        return post(PLAN_FORM).param("taskId", id).param("source", "AD_HOC")
                .param("adHocApprover", "局长").param("adHocDocument", "临时任务报批〔2025〕2号")
                .param("adHocDate", "2025-02-04").param("leadDepartment", lead).param("assistingDepartments", assisting)
                .param("category", "COMPLAINT").param("items", listId + ":A07-01").param("drawPlan", plan);
    }

    /** drand quicknet round 123 (2023-08-23T15:15:33Z): the public vector of the formats reference and TaskScenario. */
    private static final Instant MORNING = Instant.parse("2023-08-23T10:00:00Z");
    private static final Instant AFTER_ROUND = Instant.parse("2023-08-23T15:20:00Z");
    private static final String SIGNATURE = "b75c69d0b72a5d906e854e808ba7e2accb1542ac355ae486d591aa9d43765482e26cd02df835d3546d23c4b13e0dfc92";
    private static final String RANDOMNESS = "fb8f7bc29bf24db51871ec8c79f3a1e4bd0557bc0dfcee9ed1d924e69d1c60dc";

    @Autowired
    CommandGateway commands;
    @Autowired
    Vault vault;
    @Autowired
    MerkleStore merkle;
    @Autowired
    CheckpointService checkpoints;

    private void send(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(ActorMetaData.of(lead, clerk.username())));
    }

    /**
     * Six active objects of an industry of their own (the plan admits only these, whatever else the shared registry
     * holds) and three competent officers in each of the lead and the assisting department (TEST-ONLY registry
     * entries, as TaskScenario records them).
     */
    private void registries(String prefix, String industry, List<String> leadOfficers, List<String> assistOfficers) {
        for (int i = 0; i < 6; i++) {
            send(new TestInspectionObject.RegisterTestObject(new TestInspectionObject.ObjectState(prefix + "-E" + i,
                    "OTHER", "ENTERPRISE", "主体 " + i, industry, "D" + (1 + i % 3), "资阳区 " + i + " 号", "ACTIVE",
                    vault.commitmentField(vault.seal(TextNode.valueOf("B"))), lead)));
        }
        for (int i = 0; i < 6; i++) {
            String id = prefix + "-O" + i;
            String dept = i < 3 ? lead : assisting;
            (i < 3 ? leadOfficers : assistOfficers).add(id);
            send(new TestInspector.RegisterTestInspector(id, dept, "检查员" + i, "ZF-F" + i, "2026-12-31",
                    List.of("A07-01"), "D" + (1 + i % 3), "ACTIVE", List.of(),
                    vault.commitmentField(vault.seal(TextNode.valueOf("51200219900307" + (1000 + i))))));
        }
    }

    /** Unstratified, one target in two of the six objects' industry, a team of the lead's and the assisting's. */
    private String walkPlan(String id, String industry) {
        return ("{'algorithm':'drl-draw/1','taskId':'" + id + "','ratio':{'num':1,'den':2},"
                + "'populationFilter':{'industries':['" + industry + "'],'items':['A07-01']},'officerCap':6,"
                + "'teamTemplate':[{'allowedDepartments':['" + lead + "']},{'allowedDepartments':['" + assisting
                + "']}],'matchingRules':{'distinctDepartments':true},"
                + "'randomness':{'source':'drand-quicknet','round':123},'parties':['" + ORG + "','" + DIO + "'],"
                + "'revealDeadline':'2023-08-23T16:00:00Z','plannedDates':{'from':'2023-09-01','to':'2023-09-30'}}")
                .replace('\'', '"');
    }

    private JsonNode task(String id) {
        Http.Response r = http.get("/api/tasks/" + id, clerk);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** Redirected back to the task's page with the note {@code done}, which the page then shows in Chinese. */
    private void done(MvcResult r, String path, String done) throws Exception {
        assertThat(r.getResponse().getStatus()).as(body(r)).isEqualTo(302);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo(path);
        assertThat(r.getFlashMap().get("done")).isEqualTo(done);
        String html = body(mvc.perform(get(path).with(as(approver)).flashAttr("done", done)).andReturn());
        assertThat(html).contains("id=\"done\"", "data-done=\"" + done + "\"").doesNotContain("??");
    }

    @Test
    void aTaskWalksThroughTheFormsToItsDrawThenARecusalAndAManualAdjustmentFirstRefused() throws Exception {
        clock.set(MORNING);
        String id = unique("walk");
        String path = "/app/forms/tasks/" + id;
        String industry = unique("form-industry");
        List<String> leadOfficers = new ArrayList<>();
        List<String> assistOfficers = new ArrayList<>();
        registries(id, industry, leadOfficers, assistOfficers);
        TestUsers.Credentials assistingClerk = user(assisting, Role.DEPT_CLERK);

        // plan, freeze and both commitments in the morning
        done(mvc.perform(post(PLAN_FORM).param("taskId", id).param("source", "AD_HOC").param("adHocApprover", "局长")
                .param("adHocDocument", "临时任务报批〔2023〕7号").param("adHocDate", "2023-08-22")
                .param("leadDepartment", lead).param("assistingDepartments", assisting).param("category", "COMPLAINT")
                .param("items", listId + ":A07-01").param("drawPlan", walkPlan(id, industry)).with(as(approver))
                .with(csrf())).andReturn(), path, "planned");
        assertThat(task(id).get("status").asText()).isEqualTo("PLANNED");
        done(mvc.perform(post(path + "/freeze").with(as(clerk)).with(csrf())).andReturn(), path, "frozen");
        JsonNode frozen = task(id).get("freeze");
        assertThat(frozen.get("populationSize").asLong()).isEqualTo(6);
        assertThat(frozen.get("rosterSize").asLong()).isEqualTo(6);
        done(mvc.perform(post(path + "/commitments").param("partyId", ORG).param("commitment", commitment(id, ORG))
                .with(as(clerk)).with(csrf())).andReturn(), path, "committed");
        done(mvc.perform(post(path + "/commitments").param("partyId", DIO).param("commitment", commitment(id, DIO))
                .with(as(assistingClerk)).with(csrf())).andReturn(), path, "committed");
        assertThat(task(id).get("commitments")).hasSize(2);

        // a checkpoint seals the plan, the freeze and the commitments before the round (as TaskScenario does)
        long n = events();
        await().atMost(Duration.ofSeconds(60)).until(() -> merkle.size() >= n);
        checkpoints.signIfBehind();

        // after the round: the randomness, both reveals, the draw
        clock.set(AFTER_ROUND);
        done(mvc.perform(post(path + "/randomness").param("source", "drand-quicknet").param("round", "123")
                .param("signature", SIGNATURE).param("randomness", RANDOMNESS).with(as(clerk)).with(csrf()))
                .andReturn(), path, "randomness");
        JsonNode randomness = task(id).get("randomness");
        assertThat(randomness.get("rand").asText()).isEqualTo(RANDOMNESS);
        assertThat(randomness.at("/sealedBy/signedAt").asText()).isEqualTo("2023-08-23T10:00:00Z");
        done(mvc.perform(post(path + "/reveals").param("partyId", ORG).param("secret", Hex.encode(secret(ORG)))
                .with(as(clerk)).with(csrf())).andReturn(), path, "revealed");
        done(mvc.perform(post(path + "/reveals").param("partyId", DIO).param("secret", Hex.encode(secret(DIO)))
                .with(as(assistingClerk)).with(csrf())).andReturn(), path, "revealed");
        assertThat(task(id).get("reveals")).hasSize(2);
        assertThat(body(mvc.perform(get(path).with(as(approver))).andReturn())).contains("id=\"recusal-form\"")
                .doesNotContain("id=\"adjust-form\"");
        done(mvc.perform(post(path + "/draw").with(as(clerk)).with(csrf())).andReturn(), path, "drawn");
        JsonNode drawnTask = task(id);
        assertThat(drawnTask.get("status").asText()).isEqualTo("DRAWN");
        JsonNode draw = drawnTask.get("draw");
        assertThat(draw.get("targets")).hasSize(3);
        assertThat(draw.get("seed").asText()).hasSize(64);
        assertThat(drawnTask.get("assignments")).hasSize(6);

        // a recusal decided by the agency head: the deterministic substitute takes the leader's slot
        JsonNode team = draw.get("teams").get(0);
        String target = team.get("entityId").asText();
        String recused = team.at("/slots/0/officerId").asText();
        done(mvc.perform(post(path + "/recusals").param("objectId", target).param("officerId", recused)
                .param("reason", "与检查对象法定代表人系近亲属").param("decidedBy", "局长 王某").with(as(approver))
                .with(csrf())).andReturn(), path, "recused");
        JsonNode recusedTask = task(id);
        assertThat(recusedTask.get("recusals")).hasSize(1);
        String substitute = recusedTask.at("/substitutions/0/officerId").asText();
        assertThat(substitute).isIn(leadOfficers).isNotEqualTo(recused);
        assertThat(slot(recusedTask, target, 1)).isEqualTo(substitute);

        // the manual adjustment form: the lead's approver after the draw, not the clerk (the API's rule)
        JsonNode team2 = draw.get("teams").get(1);
        String target2 = team2.get("entityId").asText();
        String previous = team2.at("/slots/1/officerId").asText();
        Set<String> onTeam = new HashSet<>(team2.findValuesAsText("officerId"));
        String replacement = assistOfficers.stream().filter(o -> !onTeam.contains(o)).findFirst().orElseThrow();
        assertThat(body(mvc.perform(get(path).with(as(approver))).andReturn())).contains("id=\"adjust-form\"");
        assertThat(body(mvc.perform(get(path).with(as(clerk))).andReturn())).doesNotContain("id=\"adjust-form\"");
        long before = events();
        assertThat(mvc.perform(post(path + "/adjustments").param("objectId", target2).param("slot", "2")
                .param("officerId", replacement).param("reason", "r").param("approver", "a").with(as(clerk))
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        MvcResult ghost = mvc.perform(post(path + "/adjustments").param("objectId", target2).param("slot", "2")
                .param("officerId", "ghost").param("reason", "该检查员具备特种设备资质").param("approver", "局长 王某")
                .with(as(approver)).with(csrf())).andReturn();
        refused(ghost, 422, "officerId", "unknown-officer");
        assertThat(body(ghost)).contains("未保存，没有写入任何记录", "执法检查人员名录中没有这名人员。", "value=\"ghost\"");
        onlyInvalid(body(ghost), "adjust-officerId");
        MvcResult ghostEn = mvc.perform(post(path + "/adjustments").param("objectId", target2).param("slot", "2")
                .param("officerId", "ghost").param("reason", "qualified for special equipment")
                .param("approver", "head").with(as(approver)).with(csrf()).cookie(english())).andReturn();
        refused(ghostEn, 422, "officerId", "unknown-officer");
        assertThat(body(ghostEn))
                .contains("Not saved; nothing was written", "The inspector registry has no such officer.")
                .doesNotContain("??");
        refused(mvc.perform(post(path + "/adjustments").param("objectId", target2).param("slot", "two")
                .param("officerId", replacement).param("reason", "r").param("approver", "a").with(as(approver))
                .with(csrf())).andReturn(), 400, "slot", "not-a-number");
        refused(mvc.perform(post(path + "/adjustments").param("objectId", target2).param("slot", "2")
                .param("officerId", replacement).param("approver", "a").with(as(approver)).with(csrf()))
                .andReturn(), 400, "reason", "NotBlank");
        assertThat(events()).as("refusals write nothing").isEqualTo(before);
        assertThat(task(id).get("adjustments")).isEmpty();

        done(mvc.perform(post(path + "/adjustments").param("objectId", target2).param("slot", "2")
                .param("officerId", replacement).param("reason", "该检查员具备特种设备资质").param("approver", "局长 王某")
                .with(as(approver)).with(csrf())).andReturn(), path, "adjusted");
        JsonNode adjusted = task(id);
        assertThat(adjusted.get("adjustments")).hasSize(1);
        JsonNode adjustment = adjusted.get("adjustments").get(0);
        assertThat(adjustment.get("objectId").asText()).isEqualTo(target2);
        assertThat(adjustment.get("slot").asInt()).isEqualTo(2);
        assertThat(adjustment.get("previousOfficerId").asText()).isEqualTo(previous);
        assertThat(adjustment.get("officerId").asText()).isEqualTo(replacement);
        assertThat(adjustment.get("department").asText()).isEqualTo(assisting);
        assertThat(adjusted.get("draw")).as("the draw stays as drawn").isEqualTo(draw);
        assertThat(slot(adjusted, target2, 2)).isEqualTo(replacement);
        assertThat(body(mvc.perform(get(path).with(as(approver))).andReturn())).contains("id=\"adjustments\"",
                replacement, "该检查员具备特种设备资质");
    }

    /** The officer holding {@code slot} (1-based) of {@code objectId}'s team in the effective assignment. */
    private static String slot(JsonNode task, String objectId, int slot) {
        for (JsonNode a : task.get("assignments")) {
            if (a.get("objectId").asText().equals(objectId) && a.get("slot").asInt() == slot) {
                return a.get("officerId").asText();
            }
        }
        throw new AssertionError("no slot " + slot + " of " + objectId + " in " + task.get("assignments"));
    }

    @Test
    void aTaskMayBeCalledNewAndHasItsPageWhilePlanningLivesAtItsOwnRoute() throws Exception {
        assertThat("new").matches(InspectionTask.TASK_ID);
        String body = ("{'taskId':'new','source':'AD_HOC','adHocApproval':{'approver':'局长',"
                + "'document':'临时任务报批〔2025〕9号','date':'2025-02-04'},'leadDepartment':'" + lead + "',"
                + "'assistingDepartments':['" + assisting + "'],'category':'COMPLAINT','items':[{'listId':'" + listId
                + "','code':'A07-01'}],'drawPlan':").replace('\'', '"') + drawPlan("new") + "}";
        Http.Response planned = http.send("POST", "/api/tasks", approver, "application/json", body);
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        String page = body(mvc.perform(get("/app/forms/tasks/new").with(as(clerk))).andReturn());
        assertThat(page).contains("id=\"task-state\"", "data-status=\"PLANNED\"", "id=\"freeze-form\"",
                "action=\"/app/forms/tasks/new/freeze\"").doesNotContain("id=\"task-form\"");
        assertThat(body(mvc.perform(get(PLAN_FORM).with(as(approver))).andReturn())).contains("id=\"task-form\"",
                "action=\"/app/forms/task-plans/new\"");
        assertThat(body(mvc.perform(get("/app/tasks").with(as(approver))).andReturn()))
                .contains("href=\"/app/forms/task-plans/new\"").doesNotContain("/app/forms/tasks/new");
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
