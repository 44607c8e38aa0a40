package org.drledger.server.plan;

import org.drledger.server.testing.RequiresPostgres;
import org.drledger.server.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class PostgresListsAndPlanTest extends ListsAndPlanScenario {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }
}
