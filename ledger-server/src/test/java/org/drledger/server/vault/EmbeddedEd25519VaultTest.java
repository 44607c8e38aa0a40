package org.drledger.server.vault;

import org.drledger.server.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The vault scenario on H2 with suite ed25519-sha256 (AES-256-GCM). */
class EmbeddedEd25519VaultTest extends VaultScenario {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
        registry.add("ledger.suite", () -> "ed25519-sha256");
    }
}
