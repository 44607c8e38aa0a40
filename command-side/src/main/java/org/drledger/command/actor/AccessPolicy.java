package org.drledger.command.actor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * "谁审批、谁监管": a department acts on its own lists, registries and tasks, unless the owning department granted
 * it ({@code access_grant}). Office-level acts need the office administrator. Refusals are access-denied errors,
 * which the server logs as refused attempts.
 */
@Component
public class AccessPolicy {
    private final JdbcTemplate jdbc;

    AccessPolicy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public LedgerPrincipal current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof LedgerPrincipal p)) {
            throw new AccessDeniedException("authentication required");
        }
        return p;
    }

    /** The current user may act for {@code department} with one of {@code roles}. */
    public LedgerPrincipal requireActsFor(String department, Role... roles) {
        LedgerPrincipal p = current();
        if (!hasAny(p, roles)) {
            throw new AccessDeniedException(p.username() + " lacks role " + java.util.Arrays.toString(roles));
        }
        if (!p.department().equals(department) && !granted(department, p.department())) {
            throw new AccessDeniedException(p.username() + " of " + p.department() + " may not act for " + department);
        }
        return p;
    }

    public LedgerPrincipal requireOfficeAdmin() {
        LedgerPrincipal p = current();
        if (!p.has(Role.OFFICE_ADMIN)) {
            throw new AccessDeniedException(p.username() + " is not the office administrator");
        }
        return p;
    }

    private boolean granted(String grantor, String grantee) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM access_grant WHERE grantor_department = ? "
                + "AND grantee_department = ?", Integer.class, grantor, grantee);
        return n != null && n > 0;
    }

    private static boolean hasAny(LedgerPrincipal p, Role... roles) {
        for (Role r : roles) {
            if (p.has(r)) {
                return true;
            }
        }
        return roles.length == 0;
    }
}
