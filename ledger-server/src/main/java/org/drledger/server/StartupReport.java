package org.drledger.server;

import java.util.List;
import java.util.Set;
import org.drledger.command.ledger.GenesisBootstrap;
import org.drledger.command.selfcheck.LedgerIntegrity;
import org.drledger.command.support.LedgerRoles;
import org.drledger.server.security.FirstStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ensures the ledger (on a command node) and the first administrator exist, prints where to find the server and
 * its log key, then runs the ledger self-check once (after the ledger is ensured, so it checks the ledger that is
 * being served). A query-only node never creates the ledger; it reports it once a command node has.
 */
@Component
class StartupReport {
    private static final Logger log = LoggerFactory.getLogger("drledger");

    private final ObjectProvider<GenesisBootstrap> genesis;
    private final FirstStart firstStart;
    private final JdbcTemplate jdbc;
    private final Environment env;
    private final LedgerIntegrity integrity;

    StartupReport(ObjectProvider<GenesisBootstrap> genesis, FirstStart firstStart, JdbcTemplate jdbc, Environment env,
                  LedgerIntegrity integrity) {
        this.genesis = genesis;
        this.firstStart = firstStart;
        this.jdbc = jdbc;
        this.env = env;
        this.integrity = integrity;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        GenesisBootstrap bootstrap = genesis.getIfAvailable();
        Set<String> roles = LedgerRoles.of(env);
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        StringBuilder sb = new StringBuilder("\n")
                .append("  Double-Random Ledger is running: http://localhost:").append(port).append("/\n")
                .append("  API docs:      http://localhost:").append(port).append("/swagger-ui.html\n")
                .append("  Roles:         ").append(String.join(", ", roles)).append('\n');
        if (bootstrap != null) {
            GenesisBootstrap.LedgerIdentity id = bootstrap.ensureLedger();
            sb.append("  Ledger:        ").append(id.ledgerId()).append(" (suite ").append(id.suite()).append(")\n")
                    .append("  Log key:       ").append(id.logKey().vkey()).append('\n')
                    .append("  Log key id:    ").append(id.logKey().key().keyId()).append('\n');
        } else {
            List<String> ledger = jdbc.query("SELECT ledger_id || ' (suite ' || suite || ')' FROM ledger_info",
                    (rs, i) -> rs.getString(1));
            sb.append("  Ledger:        ").append(ledger.isEmpty() ? "not created yet (a command node creates it)"
                    : ledger.get(0)).append('\n');
        }
        String password = firstStart.createAdministratorIfNoUsers();
        if (password != null) {
            sb.append("  First start: office administrator 'admin', password ").append(password)
                    .append("  (shown once; stored only as a hash)\n");
        }
        log.info(sb.toString());
        integrity.checkOnStart();
    }
}
