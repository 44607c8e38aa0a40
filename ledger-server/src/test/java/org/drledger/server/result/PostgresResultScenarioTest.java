package org.drledger.server.result;

import org.drledger.server.testing.RequiresPostgres;
import org.drledger.server.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The results scenario on PostgreSQL. */
@RequiresPostgres
class PostgresResultScenarioTest extends ResultScenario {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }
}
