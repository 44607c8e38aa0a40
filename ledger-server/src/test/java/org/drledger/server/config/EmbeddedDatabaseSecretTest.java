package org.drledger.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** The H2 file database's password: random, owner-only, created once, and only when nothing else configures one. */
class EmbeddedDatabaseSecretTest {
    @TempDir
    Path dir;

    @Test
    void anH2FileUrlWithoutAPasswordGetsARandomSecretThatIsKept() throws Exception {
        String first = environment(Map.of()).getProperty("spring.datasource.password");
        Path secret = dir.resolve("keys").resolve("h2.secret");
        assertThat(first).matches("[A-Za-z0-9_-]{43}");
        assertThat(Files.readString(secret).strip()).isEqualTo(first);
        if (Files.getFileStore(secret).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        }
        assertThat(environment(Map.of()).getProperty("spring.datasource.password")).as("read back, not replaced")
                .isEqualTo(first);
        assertThat(environment(Map.of("ledger.data-dir", dir.resolve("other").toString()))
                .getProperty("spring.datasource.password")).as("random").isNotEqualTo(first);
    }

    @Test
    void aConfiguredPasswordWinsEvenAnEmptyOne() {
        assertThat(environment(Map.of("spring.datasource.password", "configured"))
                .getProperty("spring.datasource.password")).isEqualTo("configured");
        assertThat(environment(Map.of("spring.datasource.password", "")).getProperty("spring.datasource.password"))
                .isEmpty();
        assertThat(dir.resolve("keys")).doesNotExist();
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        assertThat(environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/drl"))
                .getProperty("spring.datasource.password")).isNull();
        assertThat(environment(Map.of("spring.datasource.url", "jdbc:h2:mem:x"))
                .getProperty("spring.datasource.password")).isNull();
        assertThat(dir.resolve("keys")).doesNotExist();
    }

    @Test
    void anExistingDatabaseWithoutItsSecretIsRefusedLoudly() throws Exception {
        Files.writeString(dir.resolve("ledger.mv.db"), "not really a database");
        assertThatThrownBy(() -> environment(Map.of()).getProperty("spring.datasource.password"))
                .hasMessageContaining("exists but").hasMessageContaining("h2.secret");
    }

    @Test
    void itIsRegisteredAsAnEnvironmentPostProcessor() {
        List<String> names = SpringFactoriesLoader.loadFactoryNames(EnvironmentPostProcessor.class,
                getClass().getClassLoader());
        assertThat(names).contains(EmbeddedDatabaseSecret.class.getName());
    }

    private StandardEnvironment environment(Map<String, Object> overrides) {
        Map<String, Object> p = new HashMap<>();
        p.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("ledger") + ";MODE=PostgreSQL");
        p.put("ledger.data-dir", dir.toString());
        p.putAll(overrides);
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", p));
        new EmbeddedDatabaseSecret().postProcessEnvironment(env, new SpringApplication());
        return env;
    }
}
