package org.drledger.command.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.drledger.command.selfcheck.SelfCheckReport.Finding;
import org.drledger.command.selfcheck.SelfCheckReport.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** The start-up switch and what the health indicator shows for each outcome. */
class LedgerIntegrityTest {
    final SelfCheck selfCheck = mock(SelfCheck.class);

    static SelfCheckReport report(boolean ok, List<Finding> findings) {
        return new SelfCheckReport(ok, "l", "sm2-sm3", Instant.parse("2026-01-01T00:00:00Z"),
                new SelfCheckReport.Counts(3, 3, 2, 1, 1, 0, 0, ok ? 0 : findings.size(), 0, Map.of()), findings, 0,
                List.of());
    }

    @Test
    void offOnStartMeansNoRunAndHealthUnknown() {
        LedgerIntegrity integrity = new LedgerIntegrity(selfCheck, false);
        assertThat(integrity.checkOnStart()).isEmpty();
        verify(selfCheck, never()).run();
        assertThat(new LedgerIntegrityHealthIndicator(integrity).health().getStatus()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void aPassingCheckIsUp() {
        when(selfCheck.run()).thenReturn(report(true, List.of()));
        LedgerIntegrity integrity = new LedgerIntegrity(selfCheck, true);
        assertThat(integrity.checkOnStart()).isPresent();
        assertThat(new LedgerIntegrityHealthIndicator(integrity).health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aFailingCheckIsDownWithItsFindings() {
        Finding f = new Finding("entry.hash", Severity.ERROR, "Department", "d", 0L, 2L, 3L, null, "aa", "bb", "changed");
        when(selfCheck.run()).thenReturn(report(false, List.of(f)));
        LedgerIntegrity integrity = new LedgerIntegrity(selfCheck, true);
        integrity.checkOnStart();
        var health = new LedgerIntegrityHealthIndicator(integrity).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("findings")).isEqualTo(List.of(f));
        assertThat(f.describe()).isEqualTo(
                "entry.hash at Department/d#0 leaf 2 (global index 3): changed (expected aa, computed bb)");
    }

    @Test
    void aCheckThatCannotRunOnStartIsLoggedNotFatal() {
        when(selfCheck.run()).thenThrow(new IllegalStateException("database down"));
        LedgerIntegrity integrity = new LedgerIntegrity(selfCheck, true);
        assertThat(integrity.checkOnStart()).isEmpty();
        var health = new LedgerIntegrityHealthIndicator(integrity).health();
        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails().get("error").toString()).contains("database down");
    }
}
