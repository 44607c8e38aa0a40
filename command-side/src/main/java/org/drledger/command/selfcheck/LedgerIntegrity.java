package org.drledger.command.selfcheck;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs the self-check, logs its result and keeps the latest one for the {@code ledgerIntegrity} health indicator.
 * The server calls {@link #checkOnStart()} once the ledger exists ({@code ledger.self-check-on-start}, default
 * true); administrators and auditors run it on demand. Runs one at a time.
 */
@Component
public class LedgerIntegrity {
    private static final Logger log = LoggerFactory.getLogger(LedgerIntegrity.class);

    private final SelfCheck selfCheck;
    private final boolean onStart;
    private volatile Outcome last;

    /** The latest run: its report, or why it could not run. */
    record Outcome(SelfCheckReport report, String failure) {
    }

    LedgerIntegrity(SelfCheck selfCheck, @Value("${ledger.self-check-on-start:true}") boolean onStart) {
        this.selfCheck = selfCheck;
        this.onStart = onStart;
    }

    /** Runs the self-check now, logs and records the result. */
    public synchronized SelfCheckReport check() {
        SelfCheckReport report = selfCheck.run();
        last = new Outcome(report, null);
        logResult(report);
        return report;
    }

    /** The start-up check: runs once if enabled; a check that cannot run is logged, never fatal. */
    public Optional<SelfCheckReport> checkOnStart() {
        if (!onStart) {
            log.info("Ledger self-check on start is off (ledger.self-check-on-start=false)");
            return Optional.empty();
        }
        try {
            return Optional.of(check());
        } catch (RuntimeException e) {
            last = new Outcome(null, e.getClass().getSimpleName() + ": " + e.getMessage());
            log.error("The ledger self-check could not run: {}", e.toString());
            return Optional.empty();
        }
    }

    Optional<Outcome> last() {
        return Optional.ofNullable(last);
    }

    private static void logResult(SelfCheckReport r) {
        SelfCheckReport.Counts c = r.counts();
        String summary = c.leaves() + " leaves, " + c.entries() + " entries, " + c.streams() + " streams, "
                + c.checkpoints() + " checkpoints, " + c.cosignatures() + " cosignatures";
        if (r.ok()) {
            log.info("Ledger self-check passed: {}{}{}", summary,
                    c.warnings() > 0 ? "; " + c.warnings() + " warnings" : "",
                    c.unsealedEvents() > 0 ? "; " + c.unsealedEvents() + " events not sealed yet (not checked)" : "");
        } else {
            log.warn("Ledger self-check FAILED: {} errors, {} warnings ({}): {}", c.errors(), c.warnings(), summary,
                    c.byCheck());
        }
        for (SelfCheckReport.Finding f : r.findings()) {
            log.warn("Ledger self-check {}: {}", f.severity(), f.describe());
        }
        if (r.findingsOmitted() > 0) {
            log.warn("Ledger self-check: {} more findings not listed", r.findingsOmitted());
        }
        r.unchecked().forEach(u -> log.info("Ledger self-check did not check: {}", u));
    }
}
