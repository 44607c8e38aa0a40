package org.drledger.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.command.sealer.CheckpointService;
import org.drledger.query.projection.ProjectionRunner;
import org.drledger.server.testing.BrowserTestSupport;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** An auditor filters the audit trail by department and opens an entry whose proof the server verified. */
class AuditTrailBrowserTest extends BrowserTestSupport {
    @org.springframework.beans.factory.annotation.Autowired
    ProjectionRunner runner;
    @org.springframework.beans.factory.annotation.Autowired
    CheckpointService checkpoints;

    /** Two departments, each with a list created by its clerk; every entry sealed, checkpointed and projected. */
    private String twoDepartmentsAtWork() {
        String first = null;
        for (int i = 0; i < 2; i++) {
            String dept = department();
            first = first == null ? dept : first;
            TestUsers.Credentials clerk = user(dept, Role.DEPT_CLERK);
            assertThat(http.post("/api/checklists", clerk, Map.of("listId", unique("browser-list"),
                    "ownerDepartment", dept, "kind", "DEPARTMENT", "title", "浏览器测试清单")).status()).isEqualTo(201);
        }
        long n = events();
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.logSize() >= n);
        checkpoints.signIfBehind();
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.position() >= n - 1);
        return first;
    }

    @Test
    void anAuditorFiltersByDepartmentAndSeesAnEntrysProofVerified() {
        String dept = twoDepartmentsAtWork();
        browser.manage().deleteAllCookies();
        login(user(office, Role.AUDITOR));
        open("/app");
        waitFor(By.id("link-audit")).click();
        waitFor(By.id("audit-filter"));
        new Select(browser.findElement(By.id("f-department"))).selectByValue(dept);
        browser.findElement(By.id("filter")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(b -> b.getCurrentUrl().contains("department="));
        List<WebElement> departments = browser.findElements(By.cssSelector("#audit-results td.dept"));
        assertThat(departments).isNotEmpty();
        assertThat(departments).allSatisfy(td -> assertThat(td.getText()).isEqualTo(dept));
        screenshot("audit-trail-by-department");

        browser.findElements(By.cssSelector("#audit-results a.entry-link")).get(0).click();
        WebElement verified = waitFor(By.id("proof-verified"));
        assertThat(verified.getText()).contains("已对照检查点").contains("验证");
        assertThat(browser.findElement(By.id("actor")).getText()).startsWith(dept + " / ");
        assertThat(browser.findElement(By.id("key-status")).getText()).contains("有效");
        assertThat(browser.findElement(By.id("inclusion-proof")).getText()).contains("leafHash");
        screenshot("audit-entry-proof-verified");
    }

    @Test
    void theAdministratorRebuildsTheViewsFromTheAdminPage() {
        twoDepartmentsAtWork();
        browser.manage().deleteAllCookies();
        login(admin);
        open("/app");
        waitFor(By.id("link-projections")).click();
        WebElement rebuild = waitFor(By.id("rebuild"));
        rebuild.click();
        // the form posts and the page reloads: wait for the new page, or the old one's state (an earlier rebuild in
        // this server may have finished) would be read, or its elements go stale while being read
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(rebuild));
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class).until(b ->
                b.findElement(By.id("rebuild-state")).getText().equals("已完成"));
        assertThat(browser.findElement(By.id("rebuild-applied")).getText())
                .isEqualTo(browser.findElement(By.id("rebuild-target")).getText());
        assertThat(browser.findElement(By.id("rebuild-error")).getText()).isEmpty();
        screenshot("projections-rebuilt");
    }
}
