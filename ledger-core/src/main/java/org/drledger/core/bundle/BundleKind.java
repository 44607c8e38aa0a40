package org.drledger.core.bundle;

import java.util.Arrays;

/** What a bundle holds (bundle-format.md §2). Full kinds hold every leaf; partial ones carry inclusion proofs. */
public enum BundleKind {
    PUBLIC_LEDGER("public-ledger", true),
    TASK_FAIRNESS("task-fairness", false),
    INSPECTION_EVIDENCE("inspection-evidence", false),
    /** The whole ledger plus vault openings: for auditors, never published. */
    AUDITOR_FULL("auditor-full", true);

    private final String id;
    private final boolean full;

    BundleKind(String id, boolean full) {
        this.id = id;
        this.full = full;
    }

    public String id() {
        return id;
    }

    /** Whether the bundle holds every leaf from 0 (so roots are recomputed) rather than proofs of some. */
    public boolean isFull() {
        return full;
    }

    public static BundleKind byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
                .orElseThrow(() -> new BundleFormatException("unknown-kind", "manifest.json kind",
                        "unknown bundle kind " + id));
    }
}
