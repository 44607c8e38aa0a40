package org.drledger.command.registry;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.Role;
import org.drledger.command.department.DepartmentDirectory;
import org.springframework.security.access.AccessDeniedException;

/**
 * "谁审批、谁监管" for registry records: a department's clerks and approvers register and revise the objects it
 * registers and its own inspectors (or those of a department that granted it access). Decisions are cached per
 * department for the life of one request or import, which runs under the caller's security context.
 */
final class Authorizer {
    private final AccessPolicy access;
    private final DepartmentDirectory departments;
    private final Map<String, Optional<Violation>> decisions = new HashMap<>();

    Authorizer(AccessPolicy access, DepartmentDirectory departments) {
        this.access = access;
        this.departments = departments;
    }

    /** Empty when the caller may act for {@code department}; else the violation to report (a row's refusal). */
    Optional<Violation> check(String field, String department) {
        return decisions.computeIfAbsent(department, d -> {
            if (departments.find(d).isEmpty()) {
                return Optional.of(new Violation(field, "unknown-department", "no registered department " + d));
            }
            try {
                access.requireActsFor(d, Role.DEPT_CLERK, Role.DEPT_APPROVER);
                return Optional.empty();
            } catch (AccessDeniedException e) {
                return Optional.of(new Violation(field, "not-authorized", "you may not register or revise records "
                        + "of department " + d + " (its clerks and approvers may, or a department it granted access)"));
            }
        });
    }
}
