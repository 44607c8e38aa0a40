package org.drledger.server.security;

import java.security.SecureRandom;
import java.util.Set;
import org.drledger.command.actor.Role;
import org.drledger.command.ledger.LedgerProperties;
import org.springframework.stereotype.Component;

/**
 * No default passwords: when there is no user at all, creates the office administrator {@code admin} with a
 * random password, stored as a hash and shown once.
 */
@Component
class InitialAdministrator {
    static final String USERNAME = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserAccounts users;
    private final LedgerProperties properties;
    private final SecureRandom random = new SecureRandom();

    InitialAdministrator(UserAccounts users, LedgerProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    /** Creates the administrator if there are no users; returns the one-time password, or null. */
    String createIfNoUsers() {
        if (users.count() > 0) {
            return null;
        }
        StringBuilder pw = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            pw.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        users.create(USERNAME, pw.toString(), properties.rootDepartmentId(), Set.of(Role.OFFICE_ADMIN));
        return pw.toString();
    }
}
