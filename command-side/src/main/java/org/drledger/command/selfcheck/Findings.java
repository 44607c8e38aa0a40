package org.drledger.command.selfcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drledger.command.ledger.StoredEntry;
import org.drledger.command.selfcheck.SelfCheckReport.Finding;
import org.drledger.command.selfcheck.SelfCheckReport.Severity;
import org.drledger.core.VerificationException;
import org.drledger.core.entry.Entry;

/**
 * Collects findings of one run. Keeps at most {@code limit} in memory (a badly damaged ledger must not exhaust
 * memory) but counts every one, per check and severity.
 */
final class Findings {
    private final int limit;
    private final List<Finding> kept = new ArrayList<>();
    private final Map<String, Long> byCheck = new TreeMap<>();
    private final List<String> unchecked = new ArrayList<>();
    private long omitted;
    private long errors;
    private long warnings;

    Findings(int limit) {
        this.limit = limit;
    }

    /** Where a finding is: the stream, sequence, leaf, global index and checkpoint size that apply. */
    record Where(String streamType, String streamId, Long sequence, Long leafIndex, Long globalIndex, Long treeSize) {
        static Where leaf(long leafIndex) {
            return new Where(null, null, null, leafIndex, null, null);
        }

        static Where checkpoint(long treeSize) {
            return new Where(null, null, null, null, null, treeSize);
        }

        static Where entry(Entry e, long leafIndex, long globalIndex) {
            return new Where(e.stream().type(), e.stream().id(), e.seq(), leafIndex, globalIndex, null);
        }

        static Where row(StoredEntry.Row row, Long leafIndex) {
            return new Where(row.aggregateType(), row.aggregateId(), row.sequence(), leafIndex, row.globalIndex(), null);
        }

        Where atLeaf(long leafIndex) {
            return new Where(streamType, streamId, sequence, leafIndex, globalIndex, treeSize);
        }
    }

    void error(String check, Where w, String expected, String computed, String message) {
        add(check, Severity.ERROR, w, expected, computed, message);
    }

    void warning(String check, Where w, String expected, String computed, String message) {
        add(check, Severity.WARNING, w, expected, computed, message);
    }

    /** A kernel verification failure, under the kernel's check name. */
    void error(VerificationException e, Where w) {
        add(e.check(), Severity.ERROR, w, e.expected(), e.computed(), bareMessage(e));
    }

    /** The kernel's message without its location and values, which the finding carries as fields. */
    static String bareMessage(VerificationException e) {
        String m = e.getMessage();
        String values = e.expected() != null || e.computed() != null
                ? " (expected " + e.expected() + ", computed " + e.computed() + ")" : "";
        String suffix = (e.where().isEmpty() ? "" : " at " + e.where()) + values;
        return m.endsWith(suffix) ? m.substring(0, m.length() - suffix.length()) : m;
    }

    /** Something present that could not be checked; reported, never skipped silently. */
    void unchecked(String what) {
        unchecked.add(what);
    }

    private void add(String check, Severity severity, Where w, String expected, String computed, String message) {
        byCheck.merge(check, 1L, Long::sum);
        if (severity == Severity.ERROR) {
            errors++;
        } else {
            warnings++;
        }
        if (kept.size() >= limit) {
            omitted++;
            return;
        }
        kept.add(new Finding(check, severity, w.streamType(), w.streamId(), w.sequence(), w.leafIndex(),
                w.globalIndex(), w.treeSize(), expected, computed, message));
    }

    List<Finding> kept() {
        return List.copyOf(kept);
    }

    Map<String, Long> byCheck() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(byCheck));
    }

    List<String> uncheckedItems() {
        return List.copyOf(unchecked);
    }

    long omitted() {
        return omitted;
    }

    long errors() {
        return errors;
    }

    long warnings() {
        return warnings;
    }
}
