package org.drledger.server.security;

import java.security.SecureRandom;
import java.util.Set;
import org.drledger.command.actor.Role;
import org.drledger.command.ledger.LedgerProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * No default passwords: when there is no user at all, creates the office administrator {@code admin} with a
 * random password, stored as a hash and shown once. Never again once any user exists.
 */
@Component
class InitialAdministrator {
    static final String USERNAME = "admin";

    private final UserAccounts users;
    private final LedgerProperties properties;
    private final Passwords passwords = new Passwords(new SecureRandom());

    InitialAdministrator(UserAccounts users, LedgerProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    /** Creates the administrator if there are no users; returns the one-time password, or null. */
    String createIfNoUsers() {
        if (users.count() > 0) {
            return null;
        }
        String password = passwords.generate();
        try {
            users.create(USERNAME, password, properties.rootDepartmentId(), Set.of(Role.OFFICE_ADMIN));
        } catch (DuplicateKeyException anotherNodeWasFaster) {
            return null;
        }
        return password;
    }
}
