package org.drledger.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.drledger.server.LedgerServerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts whole servers by hand, for tests that need several starts or settings a shared context cannot have. */
public final class TestServers {
    private TestServers() {
    }

    /** Settings for a private in-memory H2 and a fresh data directory; add or override as needed. */
    public static Map<String, Object> embeddedInMemory() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> p = base(tempDir());
        p.put("spring.datasource.url", "jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        p.put("spring.datasource.username", "sa");
        p.put("spring.datasource.password", "test-only-" + name);
        return p;
    }

    /** The embedded default as shipped: an H2 file in the data directory, no password configured. */
    public static Map<String, Object> embeddedFile(Path dataDir) {
        Map<String, Object> p = base(dataDir);
        p.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("ledger")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        return p;
    }

    /** Settings go in as command-line arguments, so they take precedence over application.yml. */
    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LedgerServerApplication.class).run(args);
    }

    public static Path tempDir() {
        try {
            return Files.createTempDirectory("drl-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> base(Path dataDir) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ledger.data-dir", dataDir.toString());
        p.put("server.port", "0");
        p.put("ledger.checkpoint-every", "1000000");
        p.put("ledger.checkpoint-interval", "1h");
        return p;
    }
}
