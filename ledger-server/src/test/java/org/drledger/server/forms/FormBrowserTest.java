package org.drledger.server.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.drledger.command.actor.Role;
import org.drledger.server.registry.RegistryFiles;
import org.drledger.server.testing.BrowserTestSupport;
import org.drledger.server.testing.MutableClock;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * In Chromium, through the forms only: a clerk drafts a list and an item (first refused for the missing legal
 * basis) and imports a registry file, the approver publishes the list; a result is entered by the clerk, reviewed and published by the approver, and
 * appears on the public result disclosure. Screenshots in target/screenshots (forms-*).
 */
@Import(FormTestSupport.FormClock.class)
class FormBrowserTest extends BrowserTestSupport {
    private static final String OBJECT = "91350100M000100Y43";
    private static final String ITEM = "A01-01";

    @Autowired
    private MutableClock clock;

    @Test
    void aClerkAndAnApproverDoTheirJobThroughTheForms() throws Exception {
        clock.setToday(FormTestSupport.TODAY);
        String dept = department();
        TestUsers.Credentials clerk = user(dept, Role.DEPT_CLERK);
        TestUsers.Credentials approver = user(dept, Role.DEPT_APPROVER);
        String listId = unique("list");

        // the clerk drafts a list and an item
        browser.manage().deleteAllCookies();
        login(clerk);
        open("/app/checklists");
        browser.findElement(By.id("link-new-list")).click();
        waitFor(By.id("listId")).sendKeys(listId);
        browser.findElement(By.id("title")).sendKeys("市场监管随机抽查事项清单");
        browser.findElement(By.id("new-list-submit")).click();
        assertThat(waitFor(By.id("done")).getAttribute("data-done")).isEqualTo("drafted");
        fillItem();
        browser.findElement(By.id("legalBasis")).clear();
        browser.findElement(By.id("item-submit")).click();
        WebElement refusal = waitFor(By.id("refusal"));
        assertThat(refusal.getAttribute("data-rule")).isEqualTo("legal-basis-required");
        assertThat(refusal.getText()).contains("没有法律依据就没有检查职责");
        assertThat(browser.findElement(By.id("legalBasis")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("name")).getAttribute("aria-invalid")).isNull();
        screenshot("forms-checklist-refused");
        browser.findElement(By.id("legalBasis")).sendKeys("《企业信息公示暂行条例》第十四条");
        browser.findElement(By.id("item-submit")).click();
        assertThat(waitFor(By.id("done")).getAttribute("data-done")).isEqualTo("revised");
        assertThat(browser.findElement(By.id("draft-items")).getText()).contains(ITEM, "企业年度报告公示情况检查");
        screenshot("forms-checklist-item");

        // the clerk imports a registry file through the upload form (multipart with the CSRF token)
        String uscc = RegistryFiles.uscc(700_000 + Long.parseLong(unique("n").substring(2)));
        Path csv = Path.of("target", "forms-upload", uscc + ".csv").toAbsolutePath();
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, RegistryFiles.OBJECT_HEADER + "\r\n" + String.join(",", uscc, "ENTERPRISE", "甲食品店",
                "food", "雁江区", "某路1号", "ACTIVE", "B", dept) + "\r\n", StandardCharsets.UTF_8);
        open("/app/registries/objects");
        browser.findElement(By.id("link-import")).click();
        waitFor(By.id("file")).sendKeys(csv.toString());
        browser.findElement(By.id("import-submit")).click();
        assertThat(waitFor(By.id("job-status")).getAttribute("data-status")).isEqualTo("DONE");
        assertThat(browser.findElement(By.id("job-counts")).getAttribute("data-written")).isEqualTo("1");
        screenshot("forms-import-done");
        assertThat(http.get("/api/registries/objects/" + uscc, clerk).status()).isEqualTo(200);
        logout();

        // the approver publishes it
        login(approver);
        open("/app/forms/checklists/" + listId);
        browser.findElement(By.id("publish-submit")).click();
        assertThat(waitFor(By.id("done")).getAttribute("data-done")).isEqualTo("published");
        assertThat(browser.findElement(By.id("latest-version")).getText()).isEqualTo("v1");
        screenshot("forms-checklist-published");
        assertThat(http.get("/api/checklists/" + listId, approver).json().get("publishedVersion").asInt())
                .isEqualTo(1);
        logout();

        // a drawn task (in the task feature's lookups): the clerk enters the result
        String taskId = unique("T");
        jdbc.update("INSERT INTO task_state (task_id, lead_department, assisting_departments, category, status, "
                + "plan_year) VALUES (?, ?, '', 'ROUTINE', 'DRAWN', 2025)", taskId, dept);
        jdbc.update("INSERT INTO task_assignment (task_id, object_id, slot, officer_id, department, leader) "
                + "VALUES (?, ?, 0, 'officer-1', ?, TRUE)", taskId, OBJECT, dept);
        jdbc.update("INSERT INTO task_item (task_id, item_code) VALUES (?, ?)", taskId, ITEM);
        login(clerk);
        open("/app/forms/results/" + taskId);
        browser.findElement(By.className("result-link")).click();
        new Select(waitFor(By.id("method"))).selectByValue("ON_SITE");
        new Select(browser.findElement(By.id("resultCodes"))).selectByValue("1");
        browser.findElement(By.id("evidence")).sendKeys(FormTestSupport.EVIDENCE);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("triggerDate")), FormTestSupport.TRIGGER.toString());
        browser.findElement(By.id("enter-submit")).click();
        assertThat(waitFor(By.id("status")).getAttribute("data-status")).isEqualTo("ENTERED");
        screenshot("forms-result-entered");
        logout();

        // the approver reviews and publishes
        login(approver);
        open("/app/forms/results/" + taskId + "/" + OBJECT + "/" + ITEM);
        browser.findElement(By.id("review-submit")).click();
        assertThat(waitFor(By.id("status")).getAttribute("data-status")).isEqualTo("APPROVED");
        browser.findElement(By.id("publish-submit")).click();
        assertThat(waitFor(By.id("status")).getAttribute("data-status")).isEqualTo("PUBLISHED");
        screenshot("forms-result-published");
        logout();

        // the public disclosure shows it once the views caught up
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            open("/public/results?task=" + taskId);
            return !browser.findElements(By.className("result-link")).isEmpty();
        });
        assertThat(browser.findElement(By.id("results")).getText()).contains(taskId, OBJECT, ITEM, "未发现问题");
        browser.findElement(By.className("result-link")).click();
        assertThat(waitFor(By.tagName("h1")).getText()).isNotBlank();
        assertThat(browser.getPageSource()).contains(OBJECT);
        screenshot("forms-result-public");
    }

    private void fillItem() {
        waitFor(By.id("code")).sendKeys(ITEM);
        browser.findElement(By.id("categoryCode")).sendKeys("A01");
        browser.findElement(By.id("categoryName")).sendKeys("企业信息公示情况检查");
        browser.findElement(By.id("name")).sendKeys("企业年度报告公示情况检查");
        for (String id : List.of("objectType-ENTERPRISE", "method-DOCUMENTARY", "method-ONLINE")) {
            browser.findElement(By.id(id)).click();
        }
        new Select(browser.findElement(By.id("tier"))).selectByValue("GENERAL");
        browser.findElement(By.id("inspectingAuthority")).sendKeys("区市场监管局");
        browser.findElement(By.id("ratioNum")).sendKeys("1");
        browser.findElement(By.id("ratioDen")).sendKeys("20");
    }
}
