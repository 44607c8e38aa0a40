package org.drledger.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** No default password exists anywhere: not in the migrations, not in the configuration. */
class NoDefaultPasswordsTest {

    @Test
    void theMigrationsCreateNoUser() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        SimpleDriverDataSource ds = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "test-only");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        assertThat(new JdbcTemplate(ds).queryForObject("SELECT COUNT(*) FROM app_user", Long.class)).isZero();

        Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql");
        assertThat(migrations).hasSizeGreaterThanOrEqualTo(4);
        for (Resource r : migrations) {
            String sql = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            assertThat(sql).as(r.getFilename()).doesNotContain("insert into app_user");
        }
    }

    @Test
    void theConfigurationHoldsNoPassword() throws IOException {
        List<PropertySource<?>> documents = new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"));
        List<String> names = new ArrayList<>();
        for (PropertySource<?> d : documents) {
            names.addAll(List.of(((EnumerablePropertySource<?>) d).getPropertyNames()));
        }
        assertThat(names).isNotEmpty().contains("spring.datasource.url", "spring.datasource.username");
        assertThat(names).noneMatch(n -> n.toLowerCase(Locale.ROOT).contains("password"))
                .noneMatch(n -> n.toLowerCase(Locale.ROOT).contains("secret"))
                .noneMatch(n -> n.startsWith("spring.security.user"));
    }
}
