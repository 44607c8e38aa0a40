package org.drledger.server;

import org.drledger.command.ledger.GenesisBootstrap;
import org.drledger.command.selfcheck.LedgerIntegrity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Ensures the ledger and the first administrator exist, prints where to find the server and its log key, then runs
 * the ledger self-check once (after the ledger is ensured, so it checks the ledger that is being served).
 */
@Component
class StartupReport {
    private static final Logger log = LoggerFactory.getLogger("drledger");

    private final GenesisBootstrap genesis;
    private final org.drledger.server.security.FirstStart firstStart;
    private final Environment env;
    private final LedgerIntegrity integrity;

    StartupReport(GenesisBootstrap genesis, org.drledger.server.security.FirstStart firstStart, Environment env,
                  LedgerIntegrity integrity) {
        this.genesis = genesis;
        this.firstStart = firstStart;
        this.env = env;
        this.integrity = integrity;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        GenesisBootstrap.LedgerIdentity id = genesis.ensureLedger();
        String password = firstStart.createAdministratorIfNoUsers();
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        StringBuilder sb = new StringBuilder("\n")
                .append("  Double-Random Ledger is running: http://localhost:").append(port).append("/\n")
                .append("  API docs:      http://localhost:").append(port).append("/swagger-ui.html\n")
                .append("  Ledger:        ").append(id.ledgerId()).append(" (suite ").append(id.suite()).append(")\n")
                .append("  Log key:       ").append(id.logKey().vkey()).append('\n')
                .append("  Log key id:    ").append(id.logKey().key().keyId()).append('\n');
        if (password != null) {
            sb.append("  First start: office administrator 'admin', password ").append(password)
                    .append("  (shown once; stored only as a hash)\n");
        }
        log.info(sb.toString());
        integrity.checkOnStart();
    }
}
