package org.drledger.server.testing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ServerTestSupport} on a private in-memory H2; every subclass shares the one context. */
public abstract class EmbeddedServerTest extends ServerTestSupport {
    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }
}
