package org.drledger.bench.server;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Benchmark-only aggregate: one command that appends exactly one small event and has no other side effect, so the
 * ledger path and the plain Axon baseline run the same command shape. The first tick creates the counter.
 */
@Aggregate(type = "BenchCounter")
public class BenchCounter {
    @AggregateIdentifier
    private String counterId;
    private long total;

    protected BenchCounter() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordTick c) {
        if (c.n() <= 0) {
            throw new IllegalArgumentException("a tick counts at least 1");
        }
        apply(new TickRecorded(c.counterId(), c.n(), total + c.n()));
    }

    @EventSourcingHandler
    void on(TickRecorded e) {
        counterId = e.counterId();
        total = e.total();
    }
}
