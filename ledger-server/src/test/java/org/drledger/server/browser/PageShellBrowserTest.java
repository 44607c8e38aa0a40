package org.drledger.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.drledger.server.testing.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class PageShellBrowserTest extends BrowserTestSupport {

    @Test
    void pagesAreChineseByDefaultAndSwitchToEnglish() {
        browser.manage().deleteAllCookies();
        open("/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("双随机");
        browser.findElement(By.id("lang-en")).click();
        assertThat(waitFor(By.tagName("h1")).getText()).contains("double random");
        open("/public/log");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Log and checkpoints");
        screenshot("public-log-en");
        browser.findElement(By.id("lang-zh")).click();
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("日志与检查点");
    }

    @Test
    void aSupervisorLogsInAndOut() {
        login(admin);
        assertThat(browser.getCurrentUrl()).endsWith("/app");
        screenshot("workspace");
        logout();
        open("/app");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void aWrongPasswordIsRefusedOnTheLoginPage() {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(admin.username());
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("login-submit")).click();
        assertThat(waitFor(By.id("login-error")).isDisplayed()).isTrue();
    }
}
