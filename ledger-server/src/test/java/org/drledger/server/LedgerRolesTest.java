package org.drledger.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.drledger.command.sealer.Sealer;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ledger.roles}: a query-only node starts without the command side (no command controllers, aggregates,
 * sealer, checkpoint schedule or genesis); a command node has them. Both is the default (the other tests).
 */
class LedgerRolesTest {
    private static final String[] COMMAND_BEANS = {
            "org.drledger.command.department.DepartmentController",
            "org.drledger.command.witness.WitnessController",
            "org.drledger.command.grant.GrantController",
            "org.drledger.command.sealer.LogController",
            "org.drledger.command.sealer.Sealer",
            "org.drledger.command.sealer.CheckpointSchedule",
            "org.drledger.command.ledger.GenesisBootstrap",
            "org.drledger.command.department.Department",
            "org.drledger.command.grant.AccessGrant"};

    @Test
    void aQueryNodeStartsWithoutTheCommandSide() throws Exception {
        Map<String, Object> settings = TestServers.embeddedInMemory();
        settings.put("ledger.roles", "query");
        try (ConfigurableApplicationContext node = TestServers.start(settings)) {
            for (String type : COMMAND_BEANS) {
                assertThat(node.getBeanNamesForType(Class.forName(type))).as(type).isEmpty();
            }
            assertThat(node.getBean(EventProcessingConfiguration.class).eventProcessor(Sealer.GROUP)).isEmpty();
            assertThat(node.getBeanNamesForType(Class.forName("org.drledger.command.web.IdempotencyFilter"))).isEmpty();
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_info", Long.class)).as("no genesis").isZero();

            Http http = new Http(port(node));
            assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
            assertThat(http.get("/actuator/info", null).json().get("roles").toString()).isEqualTo("[\"query\"]");
            assertThat(http.get("/api/log/key", null).status()).isEqualTo(404);
        }
    }

    @Test
    void aCommandNodeHasTheCommandSide() throws Exception {
        Map<String, Object> settings = TestServers.embeddedInMemory();
        settings.put("ledger.roles", "command");
        try (ConfigurableApplicationContext node = TestServers.start(settings)) {
            for (String type : COMMAND_BEANS) {
                assertThat(node.getBeanNamesForType(Class.forName(type))).as(type).hasSize(1);
            }
            assertThat(node.getBean(EventProcessingConfiguration.class).eventProcessor(Sealer.GROUP)).isPresent();
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_info", Long.class)).isEqualTo(1);
            assertThat(new Http(port(node)).get("/api/log/key", null).status()).isEqualTo(200);
        }
    }

    @Test
    void anUnknownRoleStopsTheStart() {
        Map<String, Object> settings = TestServers.embeddedInMemory();
        settings.put("ledger.roles", "command,reporting");
        assertThatThrownBy(() -> TestServers.start(settings).close())
                .hasStackTraceContaining("ledger.roles: unknown role 'reporting'");
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }
}
