package org.drledger.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.TestServers;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The embedded default as shipped (an H2 file, no password configured anywhere): the first start creates exactly
 * one office administrator with a random password shown once; a restart creates nobody; the database itself is
 * protected by a random secret in the keys directory.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {
    private static final Pattern SHOWN = Pattern.compile("office administrator 'admin', password (\\S+)");

    @Test
    void theFirstStartCreatesOneAdministratorWithARandomPasswordAndARestartNone(CapturedOutput output)
            throws Exception {
        Path dataDir = TestServers.tempDir();
        Map<String, Object> settings = TestServers.embeddedFile(dataDir);
        String password;
        String hash;
        try (ConfigurableApplicationContext first = TestServers.start(settings)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            List<Map<String, Object>> users = jdbc.queryForList("SELECT username, roles, department FROM app_user");
            assertThat(users).hasSize(1);
            assertThat(users.get(0)).containsEntry("username", "admin").containsEntry("roles", "OFFICE_ADMIN")
                    .containsEntry("department", jdbc.queryForObject("SELECT root_department FROM ledger_info",
                            String.class));
            Matcher m = SHOWN.matcher(output.getOut());
            assertThat(m.find()).as("the one-time password is shown").isTrue();
            password = m.group(1);
            assertThat(password).hasSize(20).matches("[A-Za-z2-9]{20}");
            assertThat(m.find()).as("exactly once").isFalse();
            hash = jdbc.queryForObject("SELECT password_hash FROM app_user", String.class);
            assertThat(first.getBean(PasswordEncoder.class).matches(password, hash)).isTrue();
            assertThat(hash).doesNotContain(password);
            int port = Integer.parseInt(first.getEnvironment().getProperty("local.server.port"));
            assertThat(new Http(port).get("/api/users", new TestUsers.Credentials("admin", password)).status())
                    .isEqualTo(200);
        }
        assertThat(output.getAll()).doesNotContain("Using generated security password");

        int shownBefore = count(output.getOut());
        try (ConfigurableApplicationContext second = TestServers.start(settings)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT password_hash FROM app_user", String.class)).isEqualTo(hash);
        }
        assertThat(count(output.getOut())).as("no password shown on restart").isEqualTo(shownBefore);
    }

    @Test
    void theEmbeddedDatabaseHasARandomOwnerOnlySecretNotABlankPassword() throws Exception {
        Path dataDir = TestServers.tempDir();
        Map<String, Object> settings = TestServers.embeddedFile(dataDir);
        try (ConfigurableApplicationContext node = TestServers.start(settings)) {
            assertThat(node.getEnvironment().getProperty("spring.datasource.password")).isNotBlank();
        }
        Path secret = dataDir.resolve("keys").resolve("h2.secret");
        String value = Files.readString(secret).strip();
        assertThat(value).matches("[A-Za-z0-9_-]{43}");
        if (Files.getFileStore(secret).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret.getParent())))
                    .isEqualTo("rwx------");
        }
        String url = (String) settings.get("spring.datasource.url");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "drl", "").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
        DriverManager.getConnection(url, "drl", value).close();
    }

    private static int count(String out) {
        Matcher m = SHOWN.matcher(out);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
