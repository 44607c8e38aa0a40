package org.drledger.query.projection;

import java.util.List;

/**
 * A disposable view built from sealed ledger entries in leaf order. {@link ProjectionRunner} calls
 * {@link #apply} for every entry inside one transaction per page, then {@link #endOfPage}; the same entries in the
 * same order must give the same rows (no clock, no randomness, no sequence-generated keys), so a rebuild reproduces
 * the view exactly ({@link ViewDigests}).
 *
 * <p>A page is all or nothing: if any projection throws, the page's transaction rolls back, the position stays and
 * {@link #discardPage} tells every projection to drop what it buffered; the page is retried later. Do not cache view
 * state across pages: another query node (or a rebuild) may have written the tables since.
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

    /** The page rolled back (this or another projection failed): drop anything buffered since the page began. */
    default void discardPage() {
    }
}
