package org.drledger.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Browser tests: Debian's headless Chromium through its chromedriver, against a test server on H2. Without
 * Chromium they skip with a message, unless {@code DRL_REQUIRE_BROWSER=1} (set by {@code .ci/run}), where they fail.
 * Screenshots land in {@code target/screenshots}.
 */
public abstract class BrowserTestSupport extends EmbeddedServerTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    protected static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "1".equals(System.getenv("DRL_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("DRL_REQUIRE_BROWSER=1 but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver)");
        }
        if (!present) {
            System.err.println("SKIPPED browser tests: " + CHROMIUM + " / " + CHROMEDRIVER + " not installed");
        }
        assumeTrue(present, "Chromium and chromedriver are not installed; browser tests skipped");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    protected WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
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
        try {
            Files.createDirectories(SHOTS);
            Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
