package org.drledger.query.projection;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.drledger.command.ledger.StoredEntry;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds every {@link Projection} the sealed entries in leaf order, one transaction per page. The page transaction
 * locks the group's row in {@code projection_position}, reads the position, applies the next leaves and moves the
 * position: several query nodes on one database take turns and never apply a leaf twice or skip one. Leaf order is
 * the public order (the Merkle log's), so every entry a view shows has a leaf index and an inclusion proof.
 */
@Component
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
public class ProjectionRunner {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);
    static final String GROUP = "views";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final List<Projection> projections;
    private final Clock clock;
    private final int pageSize;
    private final AtomicReference<Rebuild> rebuild = new AtomicReference<>(Rebuild.none());
    private volatile String ledgerId;

    ProjectionRunner(JdbcTemplate jdbc, TransactionTemplate tx, List<Projection> projections, Clock clock,
            @Value("${ledger.query.page-size:1000}") int pageSize) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.projections = List.copyOf(projections);
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /** The state of the last rebuild, for progress reports. */
    public record Rebuild(boolean running, long applied, long target, Instant startedAt, Instant finishedAt,
                          String error) {
        static Rebuild none() {
            return new Rebuild(false, 0, 0, null, null, null);
        }
    }

    public List<Projection> projections() {
        return projections;
    }

    /** The highest leaf index every view reflects (-1: none). */
    public long position() {
        Long p = jdbc.queryForObject("SELECT leaf_index FROM projection_position WHERE name = ?", Long.class, GROUP);
        return p == null ? -1 : p;
    }

    /** The number of leaves in the Merkle log now. */
    public long logSize() {
        Long max = jdbc.queryForObject("SELECT MAX(leaf_index) FROM merkle_leaf", Long.class);
        return max == null ? 0 : max + 1;
    }

    @Scheduled(fixedDelayString = "${ledger.query.poll-interval:200ms}")
    void poll() {
        if (rebuild.get().running()) {
            return;
        }
        try {
            catchUp();
        } catch (RuntimeException e) {
            // the page rolled back; the next poll retries it
            log.warn("projection page failed, will retry: {}", e.toString());
        }
    }

    /** Applies pages until the views reflect every leaf that existed when called; returns the entries applied. */
    public synchronized long catchUp() {
        long total = 0;
        long target = logSize() - 1;
        while (true) {
            Integer applied = tx.execute(s -> applyPage());
            if (applied == null || applied == 0) {
                return total;
            }
            total += applied;
            Rebuild r = rebuild.get();
            if (r.running()) {
                rebuild.set(new Rebuild(true, r.applied() + applied, r.target(), r.startedAt(), null, null));
            }
            if (position() >= target) {
                return total;
            }
        }
    }

    /** Empties every view and replays the whole log, reporting progress through {@link #rebuildState()}. */
    public synchronized Rebuild rebuild() {
        Instant started = clock.instant();
        rebuild.set(new Rebuild(true, 0, logSize(), started, null, null));
        try {
            tx.executeWithoutResult(s -> {
                jdbc.queryForObject("SELECT leaf_index FROM projection_position WHERE name = ? FOR UPDATE",
                        Long.class, GROUP);
                for (Projection p : projections) {
                    for (String table : p.tables()) {
                        jdbc.update("DELETE FROM " + table);
                    }
                }
                jdbc.update("UPDATE projection_position SET leaf_index = -1 WHERE name = ?", GROUP);
            });
            catchUp();
            Rebuild r = rebuild.get();
            Rebuild done = new Rebuild(false, r.applied(), r.target(), started, clock.instant(), null);
            rebuild.set(done);
            log.info("projections rebuilt: {} entries", done.applied());
            return done;
        } catch (RuntimeException e) {
            Rebuild r = rebuild.get();
            Rebuild failed = new Rebuild(false, r.applied(), r.target(), started, clock.instant(), e.toString());
            rebuild.set(failed);
            throw e;
        }
    }

    public Rebuild rebuildState() {
        return rebuild.get();
    }

    private int applyPage() {
        Long from = jdbc.queryForObject(
                "SELECT leaf_index FROM projection_position WHERE name = ? FOR UPDATE", Long.class, GROUP);
        List<LedgerRecord> page = jdbc.query("SELECT l.leaf_index, e.global_index, e.type, e.aggregate_identifier, "
                + "e.sequence_number, e.payload_type, e.payload_revision, e.payload, e.meta_data FROM merkle_leaf l "
                + "JOIN domain_event_entry e ON e.global_index = l.global_index WHERE l.leaf_index > ? "
                + "ORDER BY l.leaf_index LIMIT ?", (rs, i) -> new LedgerRecord(rs.getLong(1), rs.getLong(2),
                StoredEntry.rebuild(new StoredEntry.Row(rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7), rs.getBytes(8), rs.getBytes(9)),
                        ledgerId())), from, pageSize);
        long expected = from + 1;
        for (LedgerRecord r : page) {
            if (r.leafIndex() != expected) {
                break; // a leaf is not visible yet (its transaction has not committed): stop before the gap
            }
            for (Projection p : projections) {
                p.apply(r);
            }
            expected++;
        }
        for (Projection p : projections) {
            p.endOfPage();
        }
        int applied = (int) (expected - from - 1);
        if (applied > 0) {
            jdbc.update("UPDATE projection_position SET leaf_index = ? WHERE name = ?", expected - 1, GROUP);
        }
        return applied;
    }

    private String ledgerId() {
        String id = ledgerId;
        if (id == null) {
            List<String> ids = jdbc.queryForList("SELECT ledger_id FROM ledger_info", String.class);
            if (ids.isEmpty()) {
                throw new IllegalStateException("the ledger has no genesis yet");
            }
            id = ids.get(0);
            ledgerId = id;
        }
        return id;
    }
}
