package org.drledger.command.grant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.drledger.command.department.DepartmentDirectory;
import org.drledger.command.grant.Commands.GrantDepartmentAccess;
import org.drledger.command.grant.Commands.RevokeDepartmentAccess;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Grants by which one department lets another act on its records. Only an approver of the granting department
 * (or the office administrator) grants or revokes; a grantee cannot pass a grant on.
 */
@RestController
@RequestMapping("/api/departments/{grantor}/grants")
@Tag(name = "Access grants")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class GrantController {
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final CommandGateway commands;
    private final AccessPolicy access;
    private final DepartmentDirectory departments;
    private final AccessGrantDirectory grants;

    GrantController(CommandGateway commands, AccessPolicy access, DepartmentDirectory departments,
                    AccessGrantDirectory grants) {
        this.commands = commands;
        this.access = access;
        this.departments = departments;
        this.grants = grants;
    }

    record NewGrant(@NotBlank @Pattern(regexp = ID, message = "a department id") String grantee,
                    @NotBlank @Size(max = 2000) String reason) {
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Let another department act on this department's records (its approver or the office "
            + "administrator)")
    Map<String, String> grant(@PathVariable String grantor, @Valid @RequestBody NewGrant body) {
        requireApproverOf(grantor);
        requireDepartment(grantor);
        if (departments.find(body.grantee()).isEmpty()) {
            throw new CommandRefusedException("grantee", "unknown-department", "no department " + body.grantee());
        }
        commands.sendAndWait(new GrantDepartmentAccess(grantor, body.grantee(), body.reason()));
        return Map.of("grantor", grantor, "grantee", body.grantee());
    }

    @PostMapping("/{grantee}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw a grant (the granting department's approver or the office administrator)")
    void revoke(@PathVariable String grantor, @PathVariable String grantee, @Valid @RequestBody Reason body) {
        requireApproverOf(grantor);
        requireDepartment(grantor);
        commands.sendAndWait(new RevokeDepartmentAccess(grantor, grantee, body.reason()));
    }

    @GetMapping
    @Operation(summary = "The grants this department has given and that are in force")
    List<AccessGrantDirectory.GrantRow> list(@PathVariable String grantor) {
        access.current();
        return grants.grantedBy(grantor);
    }

    /** Deliberately not {@code AccessPolicy.requireActsFor}: acting for a department by grant is not granting. */
    private void requireApproverOf(String grantor) {
        LedgerPrincipal p = access.current();
        if (p.has(Role.OFFICE_ADMIN) || (p.has(Role.DEPT_APPROVER) && p.department().equals(grantor))) {
            return;
        }
        throw new AccessDeniedException(p.username() + " of " + p.department()
                + " is not an approver of " + grantor + " and may not grant its access");
    }

    private void requireDepartment(String departmentId) {
        if (departments.find(departmentId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no department " + departmentId);
        }
    }
}
