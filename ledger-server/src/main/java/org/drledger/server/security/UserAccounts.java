package org.drledger.server.security;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.drledger.command.actor.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** User accounts in {@code app_user}; passwords are stored as bcrypt hashes only. */
@Service
class UserAccounts implements UserDetailsService {
    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    UserAccounts(JdbcTemplate jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public LedgerUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    Optional<LedgerUser> find(String username) {
        return jdbc.query("SELECT username, password_hash, department, roles, enabled FROM app_user WHERE username = ?",
                (rs, i) -> new LedgerUser(rs.getString(1), rs.getString(2), rs.getString(3), roles(rs.getString(4)),
                        rs.getBoolean(5)), username).stream().findFirst();
    }

    List<LedgerUser> all() {
        return jdbc.query("SELECT username, password_hash, department, roles, enabled FROM app_user ORDER BY username",
                (rs, i) -> new LedgerUser(rs.getString(1), "", rs.getString(3), roles(rs.getString(4)), rs.getBoolean(5)));
    }

    long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Long.class);
        return n == null ? 0 : n;
    }

    void create(String username, String rawPassword, String department, Set<Role> roles) {
        jdbc.update("INSERT INTO app_user (username, password_hash, department, roles, enabled, created_at) "
                        + "VALUES (?, ?, ?, ?, TRUE, ?)", username, encoder.encode(rawPassword), department,
                roles.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), clock.instant().toString());
    }

    private static Set<Role> roles(String csv) {
        return csv == null || csv.isBlank() ? Set.of()
                : Arrays.stream(csv.split(",")).map(String::trim).map(Role::valueOf).collect(Collectors.toSet());
    }
}
