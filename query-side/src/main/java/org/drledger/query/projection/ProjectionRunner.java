package org.drledger.query.projection;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
 *
 * <p>A page stops before the first missing leaf (a gap: a leaf row not yet visible), so views never skip an entry.
 * A page whose projection fails rolls back as a whole (the position does not move) and every projection is told to
 * discard its buffers; the next poll retries it. A rebuild empties every owned table and the position in one
 * transaction, then catches up; progress is the shared position, so it is right even when another node helps.
 */
@Component
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
public class ProjectionRunner {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);
    static final String GROUP = "views";
    private static final String PAGE_QUERY = "SELECT l.leaf_index, e.global_index, e.type, e.aggregate_identifier, "
            + "e.sequence_number, e.payload_type, e.payload_revision, e.payload, e.meta_data FROM merkle_leaf l "
            + "JOIN domain_event_entry e ON e.global_index = l.global_index WHERE l.leaf_index > ? AND l.leaf_index <= ? "
            + "ORDER BY l.leaf_index";

    private static final int PARALLEL_FROM = 256;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final List<Projection> projections;
    private final Clock clock;
    private final int pageSize;
    private final AtomicReference<Rebuild> rebuild = new AtomicReference<>(Rebuild.none());
    private volatile String ledgerId;
    private volatile Boolean postgres;

    public ProjectionRunner(JdbcTemplate jdbc, TransactionTemplate tx, List<Projection> projections, Clock clock,
            @Value("${ledger.query.page-size:1000}") int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("ledger.query.page-size must be positive");
        }
        this.jdbc = jdbc;
        this.tx = tx;
        this.projections = List.copyOf(projections);
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /**
     * The state of the last rebuild, for progress reports: {@code applied} = leaves the views reflect now,
     * {@code target} = the log size when the rebuild began.
     */
    public record Rebuild(boolean running, long applied, long target, Instant startedAt, Instant finishedAt,
                          String error) {
        static Rebuild none() {
            return new Rebuild(false, 0, 0, null, null, null);
        }
    }

    /** What one page did: entries applied and the position after it. */
    private record Page(int applied, long position) {
    }

    public List<Projection> projections() {
        return projections;
    }

    public int pageSize() {
        return pageSize;
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
            Page page;
            try {
                page = tx.execute(s -> applyPage());
            } catch (RuntimeException | Error e) {
                discardAll();
                throw e;
            }
            total += page.applied();
            Rebuild r = rebuild.get();
            if (r.running()) {
                rebuild.set(new Rebuild(true, page.position() + 1, r.target(), r.startedAt(), null, null));
            }
            if (page.applied() == 0 || page.position() >= target) {
                return total;
            }
        }
    }

    /** Whether a rebuild is running on this node. */
    public boolean rebuilding() {
        return rebuild.get().running();
    }

    /**
     * Empties every view and replays the whole log, reporting progress through {@link #rebuildState()}. Blocks
     * until done; {@link #startRebuild()} marks it running first so a caller can return before it ends.
     */
    public synchronized Rebuild rebuild() {
        Instant started = clock.instant();
        rebuild.set(new Rebuild(true, 0, logSize(), started, null, null));
        try {
            tx.executeWithoutResult(s -> {
                jdbc.queryForObject("SELECT leaf_index FROM projection_position WHERE name = ? FOR UPDATE",
                        Long.class, GROUP);
                emptyViews();
                jdbc.update("UPDATE projection_position SET leaf_index = -1 WHERE name = ?", GROUP);
            });
            discardAll();
            catchUp();
            Rebuild r = rebuild.get();
            Rebuild done = new Rebuild(false, position() + 1, r.target(), started, clock.instant(), null);
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

    /**
     * Marks a rebuild as running and returns true, or false when one is running already; the caller then runs
     * {@link #rebuild()} (on another thread for an asynchronous request).
     */
    public boolean startRebuild() {
        Rebuild current = rebuild.get();
        if (current.running()) {
            return false;
        }
        return rebuild.compareAndSet(current, new Rebuild(true, 0, logSize(), clock.instant(), null, null));
    }

    public Rebuild rebuildState() {
        return rebuild.get();
    }

    private void emptyViews() {
        List<String> tables = new ArrayList<>();
        for (Projection p : projections) {
            tables.addAll(p.tables());
        }
        if (tables.isEmpty()) {
            return;
        }
        if (postgres()) {
            // one statement: fast on large tables, and foreign keys among the views are satisfied together
            jdbc.update("TRUNCATE TABLE " + String.join(", ", tables));
        } else {
            for (String table : tables) {
                jdbc.update("DELETE FROM " + table);
            }
        }
    }

    private void discardAll() {
        for (Projection p : projections) {
            try {
                p.discardPage();
            } catch (RuntimeException e) {
                log.warn("projection {} failed to discard its page: {}", p.name(), e.toString());
            }
        }
    }

    private Page applyPage() {
        Long from = jdbc.queryForObject(
                "SELECT leaf_index FROM projection_position WHERE name = ? FOR UPDATE", Long.class, GROUP);
        record Raw(long leafIndex, StoredEntry.Row row) {
        }
        List<Raw> rows = jdbc.query(PAGE_QUERY, (rs, i) -> new Raw(rs.getLong(1), new StoredEntry.Row(rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getBytes(8),
                rs.getBytes(9))), from, from + pageSize); // a bounded range: index range scan and lookups at any size
        String id = rows.isEmpty() ? null : ledgerId();
        // parsing and canonicalising entries is pure CPU work: done in parallel, applied strictly in leaf order
        List<LedgerRecord> page = (rows.size() >= PARALLEL_FROM ? rows.parallelStream() : rows.stream())
                .map(r -> new LedgerRecord(r.leafIndex(), r.row().globalIndex(), StoredEntry.rebuild(r.row(), id)))
                .toList();
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
        int applied = (int) (expected - from - 1);
        if (applied > 0) {
            for (Projection p : projections) {
                p.endOfPage();
            }
            jdbc.update("UPDATE projection_position SET leaf_index = ? WHERE name = ?", expected - 1, GROUP);
        }
        return new Page(applied, expected - 1);
    }

    private boolean postgres() {
        Boolean pg = postgres;
        if (pg == null) {
            pg = jdbc.execute((java.sql.Connection c) -> {
                DatabaseMetaData meta = c.getMetaData();
                return meta.getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            });
            postgres = pg;
        }
        return pg;
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
