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

    /** An account as shown to administrators and auditors: never the password hash. */
    record Account(String username, String department, List<String> roles, boolean enabled, String createdAt) {
    }

    List<Account> all() {
        return jdbc.query("SELECT username, department, roles, enabled, created_at FROM app_user ORDER BY username",
                (rs, i) -> account(rs));
    }

    Optional<Account> account(String username) {
        return jdbc.query("SELECT username, department, roles, enabled, created_at FROM app_user WHERE username = ?",
                (rs, i) -> account(rs), username).stream().findFirst();
    }

    private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Account(rs.getString(1), rs.getString(2), roles(rs.getString(3)).stream().map(Enum::name).sorted()
                .toList(), rs.getBoolean(4), rs.getString(5));
    }

    /** False if there is no such user. */
    boolean setEnabled(String username, boolean enabled) {
        return jdbc.update("UPDATE app_user SET enabled = ? WHERE username = ?", enabled, username) == 1;
    }

    /** False if there is no such user. */
    boolean setPassword(String username, String rawPassword) {
        return jdbc.update("UPDATE app_user SET password_hash = ? WHERE username = ?", encoder.encode(rawPassword),
                username) == 1;
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
