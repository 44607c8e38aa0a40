package org.drledger.command.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * INSERTs that belong to the current transaction, sent as one JDBC batch per statement when it commits instead of
 * one round trip per row: a registry import writes a directory row and a vault opening for each of its thousands of
 * rows per transaction. Outside a transaction an insert runs at once. A failing batch fails the commit, so the
 * transaction rolls back as a failing single insert would have made it.
 *
 * <p>Rows are only visible to the transaction once flushed: every reader or updater of a table written through here
 * calls {@link #flush()} first.
 */
@Component
public class DeferredInserts {
    /** Pending rows beyond this many are sent early, bounding memory for very large transactions. */
    static final int MAX_PENDING = 5_000;

    private final JdbcTemplate jdbc;

    DeferredInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts one row now or, inside a transaction, at the latest when it commits. */
    public void insert(String sql, Object... args) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.update(sql, args);
            return;
        }
        Pending p = (Pending) TransactionSynchronizationManager.getResource(this);
        if (p == null) {
            p = new Pending();
            TransactionSynchronizationManager.bindResource(this, p);
            TransactionSynchronizationManager.registerSynchronization(new Flush(p));
        }
        p.rows.computeIfAbsent(sql, k -> new ArrayList<>()).add(args);
        if (++p.count >= MAX_PENDING) {
            send(p);
        }
    }

    /** Sends this transaction's pending rows now (before reading or updating a table they go to). */
    public void flush() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Pending p = (Pending) TransactionSynchronizationManager.getResource(this);
            if (p != null) {
                send(p);
            }
        }
    }

    private void send(Pending p) {
        // statements in the order they were first used, rows in the order they were added
        for (Map.Entry<String, List<Object[]>> e : p.rows.entrySet()) {
            if (!e.getValue().isEmpty()) {
                int[] counts = jdbc.batchUpdate(e.getKey(), e.getValue());
                for (int c : counts) {
                    if (c != 1 && c != java.sql.Statement.SUCCESS_NO_INFO) {
                        throw new IllegalStateException("a deferred insert wrote " + c + " rows: " + e.getKey());
                    }
                }
            }
        }
        p.rows.clear();
        p.count = 0;
    }

    private static final class Pending {
        final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        int count;
    }

    private final class Flush implements TransactionSynchronization {
        private final Pending pending;

        Flush(Pending pending) {
            this.pending = pending;
        }

        // an inner REQUIRES_NEW transaction must not see (or flush) the outer one's rows
        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(DeferredInserts.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(DeferredInserts.this, pending);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            send(pending);
        }

        @Override
        public void afterCompletion(int status) {
            pending.rows.clear();
            TransactionSynchronizationManager.unbindResourceIfPossible(DeferredInserts.this);
        }
    }
}
