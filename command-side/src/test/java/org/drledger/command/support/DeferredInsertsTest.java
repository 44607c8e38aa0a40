package org.drledger.command.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

class DeferredInsertsTest {
    private static final String INSERT = "INSERT INTO t (id, v) VALUES (?, ?)";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private TransactionTemplate requiresNew;
    private DeferredInserts inserts;

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:deferred-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(ds);
        jdbc.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))");
        DataSourceTransactionManager tm = new DataSourceTransactionManager(ds);
        tx = new TransactionTemplate(tm);
        requiresNew = new TransactionTemplate(tm);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        inserts = new DeferredInserts(jdbc);
    }

    @Test
    void rowsAreSentWhenTheTransactionCommitsAndOnlyThenVisibleUnlessFlushed() {
        tx.executeWithoutResult(s -> {
            inserts.insert(INSERT, 1, "a");
            inserts.insert(INSERT, 2, "b");
            assertThat(count()).isZero();
            inserts.flush();
            assertThat(count()).isEqualTo(2);
            inserts.insert(INSERT, 3, "c");
        });
        assertThat(jdbc.queryForList("SELECT v FROM t ORDER BY id", String.class)).containsExactly("a", "b", "c");
    }

    @Test
    void aRolledBackTransactionWritesNothing() {
        tx.executeWithoutResult(s -> {
            inserts.insert(INSERT, 1, "a");
            inserts.flush();
            inserts.insert(INSERT, 2, "b");
            s.setRollbackOnly();
        });
        assertThat(count()).isZero();
    }

    @Test
    void aFailingRowFailsTheCommitAndNothingOfTheTransactionIsWritten() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            inserts.insert(INSERT, 1, "a");
            inserts.insert(INSERT, 1, "duplicate");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(count()).isZero();
        tx.executeWithoutResult(s -> inserts.insert(INSERT, 1, "again")); // nothing left pending from before
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void outsideATransactionARowIsInsertedAtOnce() {
        inserts.insert(INSERT, 1, "a");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void anInnerNewTransactionKeepsItsOwnRows() {
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            inserts.insert(INSERT, 1, "outer");
            requiresNew.executeWithoutResult(inner -> inserts.insert(INSERT, 2, "inner"));
            inserts.insert(INSERT, 3, "outer");
            throw new IllegalStateException("the outer transaction fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.queryForList("SELECT v FROM t ORDER BY id", String.class)).containsExactly("inner");
    }

    @Test
    void manyRowsAreSentInBoundedBatches() {
        int n = DeferredInserts.MAX_PENDING * 2 + 7;
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < n; i++) {
                inserts.insert(INSERT, i, "r");
            }
            assertThat(count()).isEqualTo(DeferredInserts.MAX_PENDING * 2); // two full batches already sent
        });
        assertThat(count()).isEqualTo(n);
    }

    private int count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM t", Integer.class);
    }
}
