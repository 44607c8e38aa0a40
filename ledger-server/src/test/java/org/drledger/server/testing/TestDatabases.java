package org.drledger.server.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Databases for server tests: a private in-memory H2 (PostgreSQL mode) per Spring context, or a private schema
 * in the PostgreSQL that CI provides ({@code DRL_TEST_POSTGRES_URL}, {@code _USER}, {@code _PASSWORD}). Outside CI
 * PostgreSQL test classes are annotated {@link RequiresPostgres}: they skip with a visible message, and with
 * {@code DRL_REQUIRE_POSTGRES=1} (set by .ci/run) they fail instead of skipping.
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static void h2(DynamicPropertyRegistry registry) {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "test-only-" + name);
        dataDir(registry);
    }

    public static void postgres(DynamicPropertyRegistry registry) {
        String url = System.getenv("DRL_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            if ("1".equals(System.getenv("DRL_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException("DRL_REQUIRE_POSTGRES=1 but DRL_TEST_POSTGRES_URL is not set");
            }
            throw new IllegalStateException("PostgreSQL test without DRL_TEST_POSTGRES_URL; annotate the class "
                    + "@RequiresPostgres so it is skipped visibly outside CI");
        }
        String schema = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> System.getenv("DRL_TEST_POSTGRES_USER"));
        registry.add("spring.datasource.password", () -> System.getenv("DRL_TEST_POSTGRES_PASSWORD"));
        // every PostgreSQL test class keeps its own cached context and pool: small pools stay under max_connections
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "5");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.create-schemas", () -> "true");
        dataDir(registry);
    }

    private static void dataDir(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory("drl-test-");
            registry.add("ledger.data-dir", dir::toString);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
