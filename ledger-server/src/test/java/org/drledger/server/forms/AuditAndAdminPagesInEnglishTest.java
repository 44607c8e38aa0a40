package org.drledger.server.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.command.sealer.CheckpointService;
import org.drledger.query.projection.ProjectionRunner;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The audit trail, an entry's page with its verified proof and the projection admin page with the English switch
 * ({@code ?lang=en}, then the {@code drl-lang} cookie it sets): English headings and texts, no missing-message
 * marker ({@code ??key??}), not the Chinese ones. (In the forms' package only to share their server context.)
 */
class AuditAndAdminPagesInEnglishTest extends FormTestSupport {
    @Autowired
    ProjectionRunner runner;
    @Autowired
    CheckpointService checkpoints;

    private static String english(MvcResult r) {
        String html = body(r);
        assertThat(r.getResponse().getStatus()).as(html).isEqualTo(200);
        assertThat(html).contains("lang=\"en\"").doesNotContain("??", "Exception");
        return html;
    }

    @Test
    void anAuditorReadsTheTrailAndAnEntrysVerifiedProofInEnglish() throws Exception {
        String dept = department();
        TestUsers.Credentials clerk = user(dept, Role.DEPT_CLERK);
        assertThat(http.post("/api/checklists", clerk, Map.of("listId", unique("en-list"), "ownerDepartment", dept,
                "kind", "DEPARTMENT", "title", "英文界面测试清单")).status()).isEqualTo(201);
        long n = events();
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.logSize() >= n);
        checkpoints.signIfBehind();
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.position() >= n - 1);
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);

        MvcResult trail = mvc.perform(get("/app/audit").param("department", dept).param("lang", "en")
                .with(as(auditor))).andReturn();
        String html = english(trail);
        assertThat(html).contains("<h1>Audit trail</h1>", "id=\"audit-results\"", "Every signed entry of the ledger")
                .doesNotContain("<h1>审计轨迹</h1>");
        assertThat(trail.getResponse().getCookie("drl-lang")).isNotNull();
        assertThat(trail.getResponse().getCookie("drl-lang").getValue()).isEqualTo("en");

        long leaf = jdbc.queryForObject("SELECT MIN(leaf_index) FROM audit_entry WHERE actor_department = ?",
                Long.class, dept);
        String entry = english(mvc.perform(get("/app/audit/entries/" + leaf).with(as(auditor)).cookie(english()))
                .andReturn());
        assertThat(entry).contains("<h1>Entry " + leaf + "</h1>", "id=\"proof-verified\"",
                "Inclusion proof verified against checkpoint", "Key status at this position")
                .doesNotContain("条目 " + leaf, "已对照检查点");
    }

    @Test
    void theAdministratorReadsTheProjectionAdminPageInEnglish() throws Exception {
        String html = english(mvc.perform(get("/admin/projections").param("lang", "en").with(as(admin)))
                .andReturn());
        assertThat(html).contains("<h1>Views and rebuild</h1>", "id=\"rebuild\"", "id=\"rebuild-state\"")
                .doesNotContain("<h1>视图与重建</h1>", "清空并重放所有视图");
        assertThat(mvc.perform(get("/admin/projections").param("lang", "en").with(as(user(office, Role.AUDITOR))))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
