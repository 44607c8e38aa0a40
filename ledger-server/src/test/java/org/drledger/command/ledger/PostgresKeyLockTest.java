package org.drledger.command.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.testing.DeterministicRandom;
import org.drledger.server.testing.RequiresPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The department key lock on PostgreSQL (a transaction-level advisory lock): an append that has read its key holds
 * off a key change until it commits, a key change holds off the appends that start after it, appends of one
 * department do not wait for each other, and reading the key writes nothing to its row.
 */
@RequiresPostgres
class PostgresKeyLockTest {
    private static final String DEPT = "scjgj";
    private final CryptoSuite suite = CryptoSuites.SM2_SM3;
    private final ExecutorService threads = Executors.newFixedThreadPool(3);
    private final String schema = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private JdbcTemplate jdbc;
    private KeyTable keys;
    private TransactionTemplate tx;
    private String keyId;

    @BeforeEach
    void setUp() {
        String url = System.getenv("DRL_TEST_POSTGRES_URL");
        DriverManagerDataSource ds = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?")
                + "currentSchema=" + schema, System.getenv("DRL_TEST_POSTGRES_USER"),
                System.getenv("DRL_TEST_POSTGRES_PASSWORD"));
        Flyway.configure().dataSource(ds).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        keys = new KeyTable(jdbc, suite, true);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        SigningKey key = suite.generateKey(new DeterministicRandom("key-lock"));
        keyId = key.verifyingKey().keyId();
        tx.executeWithoutResult(s -> keys.apply(new KeyChange(keyId, DEPT, key.verifyingKey().toPem(),
                KeyChange.KeyState.ACTIVE), "e1"));
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private long waitingAdvisoryLocks() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                + "AND classid = " + KeyTable.LOCK_SPACE, Long.class);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRevocationWaitsForAnAppendThatReadTheKeyAndAppendsAfterItSeeNoKey() throws Exception {
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> append = threads.submit(() -> tx.executeWithoutResult(s -> {
            assertThat(keys.activeKey(DEPT)).map(KeyTable.ActiveKey::keyId).contains(keyId);
            read.countDown();
            awaitLatch(release);
        }));
        awaitLatch(read);

        CountDownLatch revoked = new CountDownLatch(1);
        CountDownLatch commitRevocation = new CountDownLatch(1);
        Future<?> revocation = threads.submit(() -> tx.executeWithoutResult(s -> {
            keys.apply(new KeyChange(keyId, DEPT, null, KeyChange.KeyState.REVOKED), "e2");
            revoked.countDown();
            awaitLatch(commitRevocation);
        }));
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingAdvisoryLocks() == 1);
        assertThat(revoked.getCount()).as("the revocation waits for the in-flight append").isEqualTo(1);

        release.countDown();
        append.get(30, TimeUnit.SECONDS);
        awaitLatch(revoked);

        // an append that starts while the revocation is uncommitted waits for it, then finds no active key
        Future<Boolean> later = threads.submit(() -> tx.execute(s -> keys.activeKey(DEPT).isPresent()));
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingAdvisoryLocks() == 1);
        assertThat(later).isNotDone();
        commitRevocation.countDown();
        revocation.get(30, TimeUnit.SECONDS);
        assertThat(later.get(30, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void appendsOfOneDepartmentDoNotWaitForEachOtherAndWriteNothingToTheKeyRow() throws Exception {
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = threads.submit(() -> tx.executeWithoutResult(s -> {
            assertThat(keys.activeKey(DEPT)).isPresent();
            read.countDown();
            awaitLatch(release);
        }));
        awaitLatch(read);
        // while the first holds its share of the lock, a second append reads the key at once
        assertThat(threads.submit(() -> tx.execute(s -> keys.activeKey(DEPT).isPresent())).get(30, TimeUnit.SECONDS))
                .isTrue();
        // a row lock would have stamped the row with the locker's transaction id
        assertThat(jdbc.queryForObject("SELECT xmax::text FROM ledger_key WHERE key_id = ?", String.class, keyId))
                .isEqualTo("0");
        release.countDown();
        first.get(30, TimeUnit.SECONDS);
    }
}
