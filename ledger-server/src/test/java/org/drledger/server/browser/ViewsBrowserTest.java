package org.drledger.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.drledger.command.sealer.MerkleStore;
import org.drledger.query.projection.ProjectionRunner;
import org.drledger.server.plan.MutableClockConfiguration;
import org.drledger.server.query.views.ViewsYearForBrowser;
import org.drledger.server.testing.BrowserTestSupport;
import org.drledger.server.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The list, plan and registry pages in Chromium over a district's year: the public opens the published list (and an
 * earlier version) and the plan with its adjustment; a supervisor opens the object registry as of the task's freeze
 * leaf, where the entity renamed later still has its old name. Screenshots in target/screenshots.
 */
@Import(MutableClockConfiguration.class)
class ViewsBrowserTest extends BrowserTestSupport {
    private static ViewsYearForBrowser.Facts facts;

    @Autowired
    MutableClock clock;
    @Autowired
    ProjectionRunner runner;
    @Autowired
    MerkleStore merkle;

    private ViewsYearForBrowser.Facts year() {
        if (facts == null) {
            facts = ViewsYearForBrowser.run(port, jdbc, encoder, office, admin, clock);
            long n = events();
            await().atMost(Duration.ofSeconds(60)).until(() -> merkle.size() >= n);
            runner.catchUp();
            await().atMost(Duration.ofSeconds(60)).until(() -> runner.position() >= runner.logSize() - 1);
        }
        return facts;
    }

    @Test
    void thePublicOpensThePublishedListAndThePlan() {
        ViewsYearForBrowser.Facts y = year();
        browser.manage().deleteAllCookies();
        open("/public");
        waitFor(By.id("link-public-checklists")).click();
        waitFor(By.cssSelector("tr[data-list='" + y.marketList() + "'] a")).click();
        assertThat(waitFor(By.id("shown-version")).getText()).contains("2");
        assertThat(browser.findElements(By.cssSelector("#items tr[data-code]"))).hasSize(2);
        assertThat(waitFor(By.id("retired")).getText()).contains("A01-02", "法律依据已废止");
        assertThat(waitFor(By.id("diff")).getText()).contains("A01-03");
        screenshot("views-public-checklist");
        browser.findElement(By.cssSelector("#versions tr[data-version='1'] a")).click();
        assertThat(waitFor(By.id("shown-version")).getText()).contains("1");
        assertThat(browser.findElements(By.cssSelector("#items tr[data-code]"))).hasSize(3);
        assertThat(browser.getPageSource()).doesNotContain(y.draftOnlyName());
        screenshot("views-public-checklist-v1");

        open("/public");
        waitFor(By.id("link-public-plans")).click();
        waitFor(By.cssSelector("#years a")).click();
        assertThat(waitFor(By.id("plan-title")).getText()).contains("2023");
        assertThat(waitFor(By.id("adjustments")).getText()).contains("专项整治任务调整");
        assertThat(browser.findElements(By.cssSelector("#batches-in-force tr[data-batch]"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#batches-as-published tr[data-batch]"))).hasSize(3);
        assertThat(browser.getPageSource()).doesNotContain(y.secrets());
        screenshot("views-public-plan");
    }

    @Test
    void aSupervisorOpensTheObjectRegistryAsOfAnEarlierLeaf() {
        ViewsYearForBrowser.Facts y = year();
        login(admin);
        open("/app");
        waitFor(By.id("link-app-objects")).click();
        assertThat(waitFor(By.id("total")).getText()).contains("80");
        browser.findElement(By.id("asOf")).sendKeys(Long.toString(y.freezeLeaf()));
        browser.findElement(By.id("q")).sendKeys(y.revisedObject());
        browser.findElement(By.id("query-submit")).click();
        assertThat(waitFor(By.id("as-of-leaf")).getText()).contains(Long.toString(y.freezeLeaf()));
        assertThat(browser.getCurrentUrl()).contains("asOf=" + y.freezeLeaf());
        String row = waitFor(By.cssSelector("tr[data-object='" + y.revisedObject() + "']")).getText();
        assertThat(row).contains(y.oldName(), "ACTIVE").doesNotContain(y.newName());
        assertThat(browser.getPageSource()).doesNotContain(y.secrets());
        screenshot("views-objects-as-of-freeze");

        // the audit trail's link form: the whole registry as of the freeze, with its checkpoint and time
        open("/app/registries/objects?asOf=" + y.freezeLeaf());
        assertThat(waitFor(By.id("total")).getText()).contains("80");
        assertThat(waitFor(By.id("as-of-time")).getText()).isNotBlank();
        assertThat(browser.findElements(By.cssSelector("#objects td.confidential")))
                .allSatisfy(td -> assertThat(td.getText()).isIn("保密（已承诺）", "—"));
        screenshot("views-objects-as-of-link");

        open("/app/registries/objects/" + y.revisedObject());
        assertThat(browser.findElements(By.cssSelector("#history tr"))).hasSize(3);
        screenshot("views-object-history");

        open("/app/registries/inspectors?asOf=" + y.freezeLeaf());
        assertThat(waitFor(By.id("total")).getText()).contains("10");
        assertThat(browser.getPageSource()).doesNotContain(y.secrets());
        screenshot("views-inspectors-as-of");

        open("/app/checklists/" + y.envList());
        assertThat(waitFor(By.id("draft")).getText()).contains(y.draftOnlyName());
        screenshot("views-app-checklist-draft");

        open("/app/plans/2023");
        assertThat(waitFor(By.id("department-plans")).getText()).contains("逾期");
        assertThat(waitFor(By.id("timeline")).findElements(By.tagName("tr"))).hasSize(8);
        screenshot("views-app-plan");

        open("/app/checklists");
        waitFor(By.id("lists"));
        open("/app/plans");
        waitFor(By.id("years"));
        logout();
    }
}
