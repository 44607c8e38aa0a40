package org.drledger.command.selfcheck;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code ledgerIntegrity}: the latest self-check (it does not run one: a full check is too
 * expensive for a health probe). UNKNOWN before the first run, UP when it passed, DOWN with the findings when not.
 */
@Component
class LedgerIntegrityHealthIndicator implements HealthIndicator {
    static final int MAX_DETAILS = 50;

    private final LedgerIntegrity integrity;

    LedgerIntegrityHealthIndicator(LedgerIntegrity integrity) {
        this.integrity = integrity;
    }

    @Override
    public Health health() {
        return integrity.last().map(o -> o.report() == null
                        ? Health.unknown().withDetail("error", o.failure()).build()
                        : health(o.report()))
                .orElseGet(() -> Health.unknown().withDetail("reason", "the self-check has not run yet").build());
    }

    private static Health health(SelfCheckReport r) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checkedAt", r.checkedAt().toString());
        details.put("counts", r.counts());
        if (!r.findings().isEmpty()) {
            details.put("findings", r.findings().stream().limit(MAX_DETAILS).toList());
            long more = r.findings().size() - Math.min(r.findings().size(), MAX_DETAILS) + r.findingsOmitted();
            if (more > 0) {
                details.put("moreFindings", more);
            }
        }
        if (!r.unchecked().isEmpty()) {
            details.put("unchecked", r.unchecked());
        }
        return (r.ok() ? Health.up() : Health.down()).withDetails(details).build();
    }
}
