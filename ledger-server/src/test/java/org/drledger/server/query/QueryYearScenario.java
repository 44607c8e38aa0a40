package org.drledger.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.drledger.query.projection.Projection;
import org.drledger.query.projection.ProjectionRunner;
import org.drledger.query.projection.ViewDigests;
import org.drledger.server.e2e.DistrictYearScenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The query side over a whole district year (the e2e scenario's entries, driven once per database): rebuilding
 * every view reproduces it row for row. Every {@link Projection} bean in the context is covered, so views added
 * later are checked without changing this test. Written once, run on H2 and PostgreSQL.
 */
public abstract class QueryYearScenario extends DistrictYearScenario {
    private static final Set<Class<?>> YEAR_DRIVEN = ConcurrentHashMap.newKeySet();

    @Autowired
    protected ProjectionRunner runner;
    @Autowired
    protected ViewDigests digests;
    @Autowired
    ApplicationContext context;

    /** Not a test here: {@link #yearOnce()} drives it once for all tests of a database. */
    @Override
    public void aYearOfTheDistrictFromListsToPublicationIsRecomputableFromTheLedgerAlone() {
        super.aYearOfTheDistrictFromListsToPublicationIsRecomputableFromTheLedgerAlone();
    }

    /** Drives the district's year on this database once, then waits until every view reflects every entry. */
    protected void yearOnce() {
        if (YEAR_DRIVEN.add(getClass())) {
            aYearOfTheDistrictFromListsToPublicationIsRecomputableFromTheLedgerAlone();
        }
        caughtUp();
    }

    /** Waits for the sealer to seal every stored event and the views to reflect every leaf. */
    protected void caughtUp() {
        long n = events();
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.logSize() >= n);
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.position() >= runner.logSize() - 1);
    }

    @Test
    void rebuildingEveryViewReproducesItRowForRow() {
        yearOnce();
        assertThat(runner.projections()).as("the runner feeds every Projection bean")
                .containsExactlyInAnyOrderElementsOf(context.getBeansOfType(Projection.class).values());
        Map<String, String> before = digests.of(runner.projections());
        long size = runner.logSize();

        ProjectionRunner.Rebuild done = runner.rebuild();

        assertThat(done.error()).isNull();
        assertThat(done.running()).isFalse();
        assertThat(done.applied()).isEqualTo(size);
        assertThat(done.target()).isEqualTo(size);
        assertThat(runner.position()).isEqualTo(size - 1);
        assertThat(digests.of(runner.projections())).isEqualTo(before);
        for (Projection p : runner.projections()) {
            for (String table : p.tables()) {
                assertThat(before).containsKey(table);
            }
        }
    }
}
