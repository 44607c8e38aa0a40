package org.drledger.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.drledger.command.actor.Role;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A running server for HTTP tests: the database comes from the subclass ({@code @DynamicPropertySource} with
 * {@link TestDatabases}); subclasses with the same database method share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.checkpoint-every=1000000", "ledger.checkpoint-interval=1h"})
@Import(TestEndpoints.class)
public abstract class ServerTestSupport {
    private static final AtomicLong NAMES = new AtomicLong();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected PasswordEncoder encoder;

    protected Http http;
    protected String office;
    protected TestUsers.Credentials admin;

    @BeforeEach
    void serverTestSupport() {
        http = new Http(port);
        office = jdbc.queryForObject("SELECT root_department FROM ledger_info", String.class);
        admin = user(office, Role.OFFICE_ADMIN);
    }

    /** A unique name with a readable prefix. */
    protected static String unique(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    protected TestUsers.Credentials user(String department, Role... roles) {
        return TestUsers.create(jdbc, encoder, unique("u"), department, roles);
    }

    /** A new department with an active signing key, registered by the office administrator. */
    protected String department() {
        String id = unique("dept");
        assertThat(http.post("/api/departments", admin, Map.of("departmentId", id, "name", "部门 " + id)).status())
                .isEqualTo(201);
        assertThat(http.post("/api/departments/" + id + "/keys", admin, null).status()).isEqualTo(201);
        return id;
    }

    protected long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    protected long securityEvents(String kind, String username) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM security_event WHERE kind = ? AND username = ?", Long.class,
                kind, username);
    }
}
