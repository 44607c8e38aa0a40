package org.drledger.server.testing;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.drledger.command.actor.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Creates users directly in {@code app_user} for tests; each gets a random password. */
public final class TestUsers {
    private TestUsers() {
    }

    /** A created user and its password. */
    public record Credentials(String username, String password) {
    }

    public static Credentials create(JdbcTemplate jdbc, PasswordEncoder encoder, String username, String department,
                                     Role... roles) {
        String password = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO app_user (username, password_hash, department, roles, enabled, created_at) "
                        + "VALUES (?, ?, ?, ?, TRUE, '2026-01-01T00:00:00Z')", username, encoder.encode(password), department,
                Arrays.stream(roles).map(Enum::name).sorted().collect(Collectors.joining(",")));
        return new Credentials(username, password);
    }
}
