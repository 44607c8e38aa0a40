package org.drledger.query.audit;

import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who reads which part of the trail: auditors and the office administrator read every entry; a department's
 * clerks and approvers read the entries their own department's users made (actor department), nothing else —
 * asking for another department is refused (403), and an entry of another department is refused the same way.
 */
@Component
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class AuditAccess {
    private final AccessPolicy policy;

    AuditAccess(AccessPolicy policy) {
        this.policy = policy;
    }

    /** The filter the current user may run: unchanged for readers of everything, pinned to the own department else. */
    AuditFilter scope(AuditFilter f) {
        LedgerPrincipal p = policy.current();
        if (readsAll(p)) {
            return f;
        }
        if (f.department() != null && !f.department().equals(p.department())) {
            throw new AccessDeniedException(p.username() + " of " + p.department() + " may not read the audit trail of "
                    + f.department());
        }
        return f.withDepartment(p.department());
    }

    void requireMayRead(AuditTrail.Row row) {
        LedgerPrincipal p = policy.current();
        if (!readsAll(p) && !p.department().equals(row.department())) {
            throw new AccessDeniedException(p.username() + " of " + p.department() + " may not read entry "
                    + row.leafIndex());
        }
    }

    boolean readsAll() {
        return readsAll(policy.current());
    }

    private static boolean readsAll(LedgerPrincipal p) {
        return p.has(Role.AUDITOR) || p.has(Role.OFFICE_ADMIN);
    }
}
