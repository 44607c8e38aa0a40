package org.drledger.command.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The sealer's position from its stored tracking token. */
class LedgerRowsTest {
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aGapAwareTokenGivesItsIndexAndGaps() {
        LedgerRows.SealerPosition p = LedgerRows.parseToken(utf8("{\"index\":12,\"gaps\":[9,10]}")).orElseThrow();
        assertThat(p.covers(8)).isTrue();
        assertThat(p.covers(9)).isFalse();
        assertThat(p.covers(12)).isTrue();
        assertThat(p.covers(13)).isFalse();
    }

    @Test
    void aReplayTokenGivesItsCurrentToken() {
        LedgerRows.SealerPosition p = LedgerRows.parseToken(utf8("{\"tokenAtReset\":{\"index\":40,\"gaps\":[]},"
                + "\"currentToken\":{\"index\":7,\"gaps\":[]},\"context\":null}")).orElseThrow();
        assertThat(p.index()).isEqualTo(7);
    }

    @Test
    void noTokenYetCoversNothingAndAnUnknownTokenIsUnreadable() {
        assertThat(LedgerRows.parseToken(null).orElseThrow().covers(0)).isFalse();
        assertThat(LedgerRows.parseToken(utf8("<xml/>"))).isEmpty();
        assertThat(LedgerRows.parseToken(utf8("{\"segment\":1}"))).isEmpty();
    }
}
