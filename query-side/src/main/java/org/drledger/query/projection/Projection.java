package org.drledger.query.projection;

import java.util.List;

/**
 * A disposable view built from sealed ledger entries in leaf order. {@link ProjectionRunner} calls
 * {@link #apply} for every entry inside one transaction per page, then {@link #endOfPage}; the same entries in the
 * same order must give the same rows (no clock, no randomness, no sequence-generated keys), so a rebuild reproduces
 * the view exactly ({@link ViewDigests}).
 */
public interface Projection {

    /** A short name for progress reports and digests. */
    String name();

    /** The tables this projection owns, children before parents: a reset deletes them in this order. */
    List<String> tables();

    /** Applies one entry; ignore event types the view does not use. */
    void apply(LedgerRecord record);

    /** Called once per page, before commit: flush buffered batch writes here. */
    default void endOfPage() {
    }
}
