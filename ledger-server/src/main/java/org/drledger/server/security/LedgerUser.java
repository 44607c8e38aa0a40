package org.drledger.server.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A user account: a department member with roles; its password is stored only as a hash. */
record LedgerUser(String username, String passwordHash, String department, Set<Role> roles, boolean enabled)
        implements UserDetails, LedgerPrincipal {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).collect(Collectors.toSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "LedgerUser[" + username + ", " + department + ", " + roles + "]";
    }
}
