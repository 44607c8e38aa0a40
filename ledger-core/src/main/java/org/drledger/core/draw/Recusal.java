package org.drledger.core.draw;

/** A recusal (回避) entry, in ledger order: the officer leaves {@code slot} (1-based) of the team of {@code entityId}. */
public record Recusal(String entityId, String officerId, int slot) {
}
