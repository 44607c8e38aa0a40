package org.drledger.server.result;

import org.drledger.server.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The results scenario on H2. */
class EmbeddedResultScenarioTest extends ResultScenario {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }
}
