package org.drledger.command.ledger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, except that a commit wakes the tailing readers (the sealer) {@code linger} later
 * rather than at once, and one wake covers every commit in between. Woken per commit, the sealer ran one
 * transaction (leaf, nodes, token, fsync) and about three event-store fetches per entry at low load — more
 * database work than the command itself; lingering lets each sealer transaction cover the commits of the interval.
 * Readers that are not waiting are unaffected, and the store's own polling still finds events from other nodes.
 */
final class LingeringEventStore extends EmbeddedEventStore {
    private final long lingerMillis;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final ScheduledExecutorService waker;

    LingeringEventStore(Builder builder, Duration linger) {
        this(builder, linger, linger.isZero() ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "event-store-waker");
            t.setDaemon(true);
            return t;
        }));
    }

    LingeringEventStore(Builder builder, Duration linger, ScheduledExecutorService waker) {
        super(builder);
        this.lingerMillis = linger.toMillis();
        this.waker = waker;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (waker == null) {
            super.afterCommit(events);
            return;
        }
        if (wakePending.compareAndSet(false, true)) {
            waker.schedule(() -> {
                wakePending.set(false);
                super.afterCommit(events);
            }, lingerMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void shutDown() {
        if (waker != null) {
            waker.shutdownNow();
        }
        super.shutDown();
    }
}
