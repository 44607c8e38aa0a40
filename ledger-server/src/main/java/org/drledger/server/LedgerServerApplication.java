package org.drledger.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Double-Random Ledger: hosts the command side, the query side, or both ({@code ledger.roles}). */
@SpringBootApplication(scanBasePackages = "org.drledger")
@EnableScheduling
public class LedgerServerApplication {
    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(LedgerServerApplication.class, args);
    }
}
