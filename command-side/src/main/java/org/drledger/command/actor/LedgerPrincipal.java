package org.drledger.command.actor;

import java.util.Set;

/**
 * The authenticated user as the command side sees it: who, in which department, with which roles. The server's
 * security layer puts an implementation into the Spring Security context.
 */
public interface LedgerPrincipal {
    String username();

    String department();

    Set<Role> roles();

    default boolean has(Role role) {
        return roles().contains(role);
    }
}
