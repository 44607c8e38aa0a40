package org.drledger.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.drledger.query.projection.LedgerRecord;
import org.drledger.query.projection.Projection;
import org.drledger.query.projection.ProjectionRunner;
import org.drledger.query.projection.ViewDigests;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The runner on a bare database (all migrations, no server): entries reach projections in leaf order, a gap stops
 * the page, a failing projection rolls its page back without moving the position, two runners on one database
 * never apply a leaf twice, and a rebuild reproduces the view. Written once, run on H2 and PostgreSQL.
 */
abstract class ProjectionRunnerContract {
    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private SyntheticLedger ledger;

    /** A fresh database with the schema of all migrations (plus the probe table). */
    abstract HikariDataSource database();

    @BeforeEach
    void migrate() {
        dataSource = database();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        jdbc.execute("CREATE TABLE runner_probe (leaf_index BIGINT PRIMARY KEY, stream_id VARCHAR(64) NOT NULL, "
                + "n BIGINT NOT NULL)");
        ledger = new SyntheticLedger(jdbc);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    /** Writes one row per entry (primary key = leaf index: a second apply would fail) and records the order. */
    class Probe implements Projection {
        final List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger discarded = new AtomicInteger();

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public List<String> tables() {
            return List.of("runner_probe");
        }

        @Override
        public void apply(LedgerRecord r) {
            jdbc.update("INSERT INTO runner_probe (leaf_index, stream_id, n) VALUES (?, ?, ?)", r.leafIndex(),
                    r.streamId(), Long.parseLong(r.text("n")));
            seen.add(r.leafIndex());
        }

        @Override
        public void discardPage() {
            discarded.incrementAndGet();
        }
    }

    private ProjectionRunner runner(int pageSize, Projection... projections) {
        return new ProjectionRunner(jdbc, tx, List.of(projections), Clock.systemUTC(), pageSize);
    }

    private List<Long> probeRows() {
        return jdbc.queryForList("SELECT leaf_index FROM runner_probe ORDER BY leaf_index", Long.class);
    }

    private static List<Long> range(long from, long toExclusive) {
        return LongStream.range(from, toExclusive).boxed().toList();
    }

    @Test
    void entriesArriveInLeafOrderNotInStorageOrder() {
        // stored in one order, sealed in another: leaf 0 is the last stored event
        long a = ledger.event("x", "Probed", 0);
        long b = ledger.event("y", "Probed", 1);
        long c = ledger.event("z", "Probed", 2);
        ledger.leaf(0, c);
        ledger.leaf(1, a);
        ledger.leaf(2, b);
        Probe probe = new Probe();
        ProjectionRunner runner = runner(2, probe);

        assertThat(runner.catchUp()).isEqualTo(3);

        assertThat(probe.seen).containsExactly(0L, 1L, 2L);
        assertThat(jdbc.queryForList("SELECT stream_id FROM runner_probe ORDER BY leaf_index", String.class))
                .containsExactly("z", "x", "y");
        assertThat(runner.position()).isEqualTo(2);
        assertThat(runner.logSize()).isEqualTo(3);
    }

    @Test
    void aGapStopsThePageUntilTheMissingLeafAppears() {
        ledger.sealed(0, 3);
        long late = ledger.event("late", "Probed", 3);
        ledger.leaf(4, ledger.event("s4", "Probed", 4));
        ledger.leaf(5, ledger.event("s5", "Probed", 5));
        Probe probe = new Probe();
        ProjectionRunner runner = runner(100, probe);

        assertThat(runner.catchUp()).isEqualTo(3);
        assertThat(runner.position()).isEqualTo(2);
        assertThat(probeRows()).isEqualTo(range(0, 3));
        assertThat(runner.catchUp()).as("still blocked by the gap").isZero();

        ledger.leaf(3, late);
        assertThat(runner.catchUp()).isEqualTo(3);
        assertThat(runner.position()).isEqualTo(5);
        assertThat(probe.seen).isEqualTo(range(0, 6));
    }

    @Test
    void aFailingProjectionRollsThePageBackAndThePositionStays() {
        ledger.sealed(0, 25);
        Probe good = new Probe();
        Probe failing = new Probe() {
            @Override
            public void apply(LedgerRecord r) {
                if (r.leafIndex() == 14) {
                    throw new IllegalStateException("fails at 14");
                }
            }

            @Override
            public List<String> tables() {
                return List.of();
            }
        };
        ProjectionRunner runner = runner(10, good, failing);

        assertThatThrownBy(runner::catchUp).hasMessageContaining("fails at 14");

        assertThat(runner.position()).as("the first page committed, the second rolled back").isEqualTo(9);
        assertThat(probeRows()).isEqualTo(range(0, 10));
        assertThat(good.discarded.get()).isEqualTo(1);
        assertThat(failing.discarded.get()).isEqualTo(1);

        // once the fault is gone the page is retried from where it stopped; nothing is applied twice
        Probe retry = new Probe();
        ProjectionRunner healed = runner(10, retry);
        assertThat(healed.catchUp()).isEqualTo(15);
        assertThat(probeRows()).isEqualTo(range(0, 25));
        assertThat(retry.seen).isEqualTo(range(10, 25));
    }

    @Test
    void aFailureInEndOfPageRollsThePageBackToo() {
        ledger.sealed(0, 5);
        Probe probe = new Probe() {
            @Override
            public void endOfPage() {
                throw new IllegalStateException("flush failed");
            }
        };
        ProjectionRunner runner = runner(10, probe);

        assertThatThrownBy(runner::catchUp).hasMessageContaining("flush failed");

        assertThat(runner.position()).isEqualTo(-1);
        assertThat(probeRows()).isEmpty();
        assertThat(probe.discarded.get()).isEqualTo(1);
    }

    @Test
    void twoRunnersOnOneDatabaseNeverApplyALeafTwiceNorSkipOne() throws Exception {
        int total = 400;
        Probe p1 = new Probe();
        Probe p2 = new Probe();
        ProjectionRunner r1 = runner(7, p1);
        ProjectionRunner r2 = runner(5, p2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch started = new CountDownLatch(2);
        try {
            List<Future<Long>> runs = new ArrayList<>();
            for (ProjectionRunner r : List.of(r1, r2)) {
                runs.add(pool.submit(() -> {
                    started.countDown();
                    long applied = 0;
                    while (writing.get() || r.position() < total - 1) {
                        applied += r.catchUp();
                    }
                    return applied;
                }));
            }
            started.await(10, TimeUnit.SECONDS);
            for (int i = 0; i < total; i += 20) {
                ledger.sealed(i, 20); // the log grows while both runners work
            }
            writing.set(false);
            long applied = runs.get(0).get(120, TimeUnit.SECONDS) + runs.get(1).get(120, TimeUnit.SECONDS);

            assertThat(applied).isEqualTo(total);
            assertThat(p1.seen).isSorted();
            assertThat(p2.seen).isSorted();
            List<Long> all = new ArrayList<>(p1.seen);
            all.addAll(p2.seen);
            assertThat(all).doesNotHaveDuplicates().hasSize(total);
            assertThat(probeRows()).isEqualTo(range(0, total));
            assertThat(r1.position()).isEqualTo(total - 1);
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    void aRebuildEmptiesTheViewsAndReplaysToTheSameDigest() {
        ledger.sealed(0, 30);
        Probe probe = new Probe();
        ProjectionRunner runner = runner(8, probe);
        runner.catchUp();
        ViewDigests digests = new ViewDigests(jdbc);
        var before = digests.of(runner.projections());
        jdbc.update("UPDATE runner_probe SET n = -1 WHERE leaf_index = 3"); // a damaged view

        ProjectionRunner.Rebuild done = runner.rebuild();

        assertThat(done.running()).isFalse();
        assertThat(done.error()).isNull();
        assertThat(done.applied()).isEqualTo(30);
        assertThat(done.target()).isEqualTo(30);
        assertThat(done.finishedAt()).isNotNull();
        assertThat(digests.of(runner.projections())).isEqualTo(before);
        assertThat(before.get("runner_probe")).endsWith("(30 rows)");
    }
}
