package org.drledger.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Browser tests against a test server on H2, in the browser {@link Browsers} starts (skipped visibly without
 * Chromium, failing in CI).
 */
public abstract class BrowserTestSupport extends EmbeddedServerTest {
    protected static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browsers.start(null);
    }

    @AfterAll
    static void stopBrowser() {
        Browsers.stop(browser);
        browser = null;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    protected WebElement waitFor(By by) {
        return Browsers.waitFor(browser, by);
    }

    protected void login(TestUsers.Credentials user) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(user.username());
        browser.findElement(By.id("password")).sendKeys(user.password());
        browser.findElement(By.id("login-submit")).click();
        assertThat(waitFor(By.id("current-user")).getText()).isEqualTo(user.username());
    }

    protected void logout() {
        browser.findElement(By.id("logout")).click();
        waitFor(By.id("login"));
    }

    /** Saves a screenshot as a test artifact, named after what it shows. */
    protected void screenshot(String name) {
        Browsers.screenshot(browser, name);
    }
}
