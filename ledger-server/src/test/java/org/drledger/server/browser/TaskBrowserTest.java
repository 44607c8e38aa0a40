package org.drledger.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.drledger.command.actor.Role;
import org.drledger.core.draw.Draw;
import org.drledger.core.draw.DrawInputParser;
import org.drledger.core.draw.DrawJson;
import org.drledger.server.query.tasks.TaskViewsScenario;
import org.drledger.server.testing.LedgerReplay;
import org.drledger.server.testing.Browsers;
import org.drledger.server.testing.TestDatabases;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The district's year (H2), then in Chromium: a supervisor logs in, walks to a task's draw proof step by step and
 * downloads the draw input (re-run here with the kernel); the public opens a published result's disclosure and the
 * public draw proof. The browser comes from {@link Browsers} (this class extends the year's scenario, not
 * BrowserTestSupport), with a download directory. Screenshots in target/screenshots.
 */
class TaskBrowserTest extends TaskViewsScenario {
    private static final Path DOWNLOADS = Path.of("target", "browser-downloads").toAbsolutePath();
    private static WebDriver browser;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @BeforeAll
    static void startBrowser() {
        browser = Browsers.start(DOWNLOADS);
    }

    @AfterAll
    static void stopBrowser() {
        Browsers.stop(browser);
        browser = null;
    }

    @Override
    protected void views() {
        String taskId = taskIds.get(0);
        JsonNode drawn = LedgerReplay.one(LedgerReplay.taskEntries(entries, taskId), "DrawExecuted");
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);

        // a supervisor: log in, the workspace, the task list, the draw proof step by step
        open("/login");
        browser.findElement(By.id("username")).sendKeys(auditor.username());
        browser.findElement(By.id("password")).sendKeys(auditor.password());
        browser.findElement(By.id("login-submit")).click();
        assertThat(waitFor(By.id("current-user")).getText()).isEqualTo(auditor.username());
        waitFor(By.id("link-app-tasks")).click();
        waitFor(By.id("task-list"));
        screenshot("tasks-list");
        browser.findElement(By.linkText(taskId)).click();
        for (int step = 1; step <= 8; step++) {
            WebElement section = waitFor(By.id("step-" + step));
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", section);
            screenshot("draw-proof-step-" + step);
        }
        assertThat(browser.findElement(By.id("seed")).getText()).isEqualTo(drawn.get("seed").asText());
        assertThat(browser.findElement(By.id("targets")).getText()).contains(drawn.at("/targets/0/ticket").asText());
        assertThat(browser.findElement(By.id("recusals")).getText()).contains("与检查对象法定代表人系近亲属");

        // download the draw input and re-run it with the kernel
        Path file = DOWNLOADS.resolve("draw-input-" + taskId + ".json");
        browser.findElement(By.id("draw-input")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file) && Files.size(file) > 0);
        JsonNode result;
        try {
            result = DrawJson.result(Draw.run(DrawInputParser.parse(Files.readAllBytes(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(result.get("seed").asText()).isEqualTo(drawn.get("seed").asText());
        // The fairness bundle (/api/exports/tasks/{id}/fairness) is another helper's endpoint, not on this branch:
        // the link is shown (checked here) but not clicked.
        assertThat(browser.findElement(By.id("fairness-bundle")).getAttribute("href"))
                .endsWith("/api/exports/tasks/" + taskId + "/fairness");
        browser.findElement(By.id("logout")).click();
        waitFor(By.id("login"));

        // the public: the results disclosure, one published result, its task's public draw proof
        open("/public");
        waitFor(By.id("link-public-tasks")).click();
        waitFor(By.id("link-public-results")).click();
        waitFor(By.id("results"));
        screenshot("public-results");
        browser.findElements(By.className("result-link")).get(0).click();
        assertThat(waitFor(By.className("result-codes")).getText()).contains("未发现问题");
        screenshot("public-result");
        noSecrets(browser.getPageSource());
        browser.findElement(By.id("result-task")).click();
        assertThat(waitFor(By.id("step-6")).getText()).doesNotContain("null");
        assertThat(browser.findElement(By.id("draw-input-confidential")).isDisplayed()).isTrue();
        screenshot("public-draw-proof");
        noSecrets(browser.getPageSource());
        open("/public/stats");
        waitFor(By.cssSelector("#chart-selection canvas"));
        screenshot("public-stats");
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private WebElement waitFor(By by) {
        return Browsers.waitFor(browser, by);
    }

    private void screenshot(String name) {
        Browsers.screenshot(browser, "tasks-" + name);
    }
}
