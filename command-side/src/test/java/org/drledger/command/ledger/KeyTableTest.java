package org.drledger.command.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.testing.DeterministicRandom;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The key row is read (and locked) once per transaction and department; a key change in it is seen at once. */
class KeyTableTest {
    private final CryptoSuite suite = CryptoSuites.SM2_SM3;
    private final AtomicInteger keyQueries = new AtomicInteger();
    private KeyTable keys;
    private TransactionTemplate tx;
    private SigningKey first;
    private SigningKey second;

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds) {
            @Override
            public <T> java.util.List<T> query(String sql, RowMapper<T> mapper, Object... args) {
                if (sql.contains("FROM ledger_key")) {
                    keyQueries.incrementAndGet();
                }
                return super.query(sql, mapper, args);
            }
        };
        keys = new KeyTable(jdbc, suite, false);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        first = suite.generateKey(new DeterministicRandom("first"));
        second = suite.generateKey(new DeterministicRandom("second"));
        keys.apply(new KeyChange(first.verifyingKey().keyId(), "scjgj", first.verifyingKey().toPem(),
                KeyChange.KeyState.ACTIVE), "e1");
    }

    @Test
    void readsADepartmentsKeyRowOncePerTransaction() {
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 1000; i++) {
                assertThat(keys.activeKey("scjgj")).map(KeyTable.ActiveKey::keyId)
                        .contains(first.verifyingKey().keyId());
            }
            assertThat(keys.activeKey("other")).isEmpty();
            assertThat(keys.activeKey("other")).isEmpty();
        });
        assertThat(keyQueries).hasValue(2);
        tx.executeWithoutResult(s -> keys.activeKey("scjgj"));
        assertThat(keyQueries).hasValue(3);
    }

    @Test
    void outsideATransactionEveryReadGoesToTheRow() {
        keys.activeKey("scjgj");
        keys.activeKey("scjgj");
        assertThat(keyQueries).hasValue(2);
    }

    @Test
    void aTransactionStartedInsideAnotherReadsTheKeyItselfAndTheOuterKeepsItsRead() {
        TransactionTemplate inner = new TransactionTemplate(tx.getTransactionManager());
        inner.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // H2 locks the key row for update: the outer transaction reads a department without a key row, so the
        // inner one, which must read (and on PostgreSQL lock) for itself, is not blocked by it
        tx.executeWithoutResult(s -> {
            assertThat(keys.activeKey("other")).isEmpty();
            assertThat(keyQueries).hasValue(1);
            inner.executeWithoutResult(i -> {
                assertThat(keys.activeKey("other")).isEmpty();
                assertThat(keys.activeKey("other")).isEmpty();
            });
            assertThat(keyQueries).as("the inner transaction read the key once itself").hasValue(2);
            keys.activeKey("other");
            assertThat(keyQueries).as("the outer transaction still has its read").hasValue(2);
        });
    }

    @Test
    void aKeyRotatedInTheTransactionIsSeenByTheNextAppendOfIt() {
        tx.executeWithoutResult(s -> {
            assertThat(keys.activeKey("scjgj")).map(KeyTable.ActiveKey::keyId).contains(first.verifyingKey().keyId());
            keys.apply(new KeyChange(first.verifyingKey().keyId(), "scjgj", null, KeyChange.KeyState.ROTATED), "e2");
            assertThat(keys.activeKey("scjgj")).isEmpty();
            keys.apply(new KeyChange(second.verifyingKey().keyId(), "scjgj", second.verifyingKey().toPem(),
                    KeyChange.KeyState.ACTIVE), "e3");
            assertThat(keys.activeKey("scjgj")).map(KeyTable.ActiveKey::keyId)
                    .contains(second.verifyingKey().keyId());
        });
    }

    @Test
    void aRolledBackTransactionLeavesNothingBehindForTheNext() {
        tx.executeWithoutResult(s -> {
            keys.activeKey("scjgj");
            s.setRollbackOnly();
        });
        tx.executeWithoutResult(s -> assertThat(keys.activeKey("scjgj")).isPresent());
        assertThat(keyQueries).hasValue(2);
    }
}
