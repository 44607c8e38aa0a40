package org.drledger.command.registry;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps PostgreSQL's statistics of one registry table current while this process inserts into it in bulk: ANALYZE
 * once the rows inserted since the last one reach {@link #FIRST} and then as many as the table had then (doubling),
 * so a 1,000,000-row import runs about ten ANALYZEs (each samples a fixed number of rows). Nothing on H2.
 */
final class PlannerStatistics {
    static final long FIRST = 1_000;
    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    private final JdbcTemplate jdbc;
    private final String table;
    private final boolean enabled;
    private final AtomicLong inserted = new AtomicLong();
    private long threshold = FIRST;
    private long analyzes;

    PlannerStatistics(JdbcTemplate jdbc, String table, boolean enabled) {
        this.jdbc = jdbc;
        this.table = table;
        this.enabled = enabled;
    }

    void inserted() {
        inserted.incrementAndGet();
    }

    /** Runs ANALYZE when the table has grown enough since the last; returns whether it did. Outside a transaction. */
    synchronized boolean refreshIfGrown() {
        long n = inserted.get();
        if (!enabled || n < threshold) {
            return false;
        }
        jdbc.execute("ANALYZE " + table);
        analyzes++;
        threshold = 2 * n;
        log.debug("ANALYZE {} after {} inserted rows (#{})", table, n, analyzes);
        return true;
    }

    synchronized long analyzes() {
        return analyzes;
    }
}
