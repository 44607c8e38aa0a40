package org.drledger.server.vault;

import org.drledger.server.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The vault scenario on H2 with the default suite sm2-sm3 (SM4-GCM). */
class EmbeddedVaultTest extends VaultScenario {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }
}
