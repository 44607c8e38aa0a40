package org.drledger.query.export;

/** What an export reports as it goes: leaves of the log examined (of the export point) and lines written. */
interface Progress {
    Progress NONE = new Progress() {
    };

    default void scanned(long leavesExamined, long leavesTotal) {
    }

    default void wrote(long entriesWritten) {
    }
}
