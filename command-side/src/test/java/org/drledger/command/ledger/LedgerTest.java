package org.drledger.command.ledger;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class LedgerTest {
    @Test
    void initializingRecordsTheGenesisEntry() {
        new AggregateTestFixture<>(Ledger.class)
                .givenNoPriorActivity()
                .when(new InitializeLedger("ziyang", "sm2-sm3", "drledger.local/ziyang", "vkey", "lianxiban",
                        "联席办", "1".repeat(64), "PEM"))
                .expectEvents(new LedgerInitialized("ziyang", "sm2-sm3", "drledger.local/ziyang", "vkey", "lianxiban",
                        "联席办", "1".repeat(64), "PEM"));
    }
}
