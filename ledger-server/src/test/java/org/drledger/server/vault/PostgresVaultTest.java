package org.drledger.server.vault;

import org.drledger.server.testing.RequiresPostgres;
import org.drledger.server.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The vault scenario on PostgreSQL with the default suite sm2-sm3 (SM4-GCM). */
@RequiresPostgres
class PostgresVaultTest extends VaultScenario {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }
}
