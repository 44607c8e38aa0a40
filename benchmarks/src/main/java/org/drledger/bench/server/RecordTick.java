package org.drledger.bench.server;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Benchmark-only command: count {@code n} ticks on a counter. */
public record RecordTick(@TargetAggregateIdentifier String counterId, long n) {
}
