package org.drledger.server.plan;

import org.drledger.server.testing.RequiresPostgres;
import org.drledger.server.testing.TestDatabases;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scenario on PostgreSQL. Its context (own clock) is shared with no other class, so it is closed afterwards to
 * hand its connections back to the shared server.
 */
@RequiresPostgres
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostgresListsAndPlanTest extends ListsAndPlanScenario {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }
}
