package org.drledger.bench.server;

/** Benchmark-only event: {@code n} ticks were counted; {@code total} is the counter's new total. */
public record TickRecorded(String counterId, long n, long total) {
}
