package org.drledger.command.department;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.department.Commands.MarkDepartmentKeyCompromised;
import org.drledger.command.department.Commands.RegisterDepartment;
import org.drledger.command.department.Commands.RegisterDepartmentKey;
import org.drledger.command.department.Commands.RevokeDepartmentKey;
import org.drledger.command.department.Commands.RotateDepartmentKey;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.core.crypto.SigningKey;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Departments and their signing keys; registered and changed by the joint-conference office. */
@RestController
@RequestMapping("/api/departments")
@Tag(name = "Departments and keys")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class DepartmentController {
    static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final CommandGateway commands;
    private final AccessPolicy access;
    private final DepartmentKeys keys;
    private final DepartmentDirectory directory;

    DepartmentController(CommandGateway commands, AccessPolicy access, DepartmentKeys keys, DepartmentDirectory directory) {
        this.commands = commands;
        this.access = access;
        this.keys = keys;
        this.directory = directory;
    }

    record NewDepartment(@NotBlank @Pattern(regexp = ID, message = "letters, digits, '.', '_' or '-', at most 64")
                         String departmentId,
                         @NotBlank @Size(max = 200) String name) {
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    record Compromise(@PositiveOrZero long fromLeafIndex, @NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a department (office administrator)")
    Map<String, String> register(@Valid @RequestBody NewDepartment body) {
        access.requireOfficeAdmin();
        commands.sendAndWait(new RegisterDepartment(body.departmentId(), body.name(), false, null));
        return Map.of("departmentId", body.departmentId());
    }

    @GetMapping
    @Operation(summary = "List departments")
    List<DepartmentDirectory.DepartmentRow> list() {
        access.current();
        return directory.all();
    }

    @GetMapping("/{departmentId}/keys")
    @Operation(summary = "List a department's keys and their status")
    List<DepartmentKeys.KeyView> keys(@PathVariable String departmentId) {
        access.current();
        return keys.keysOf(departmentId);
    }

    @PostMapping("/{departmentId}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Generate and register a department's signing key (office administrator)")
    DepartmentKeys.KeyView registerKey(@PathVariable String departmentId) {
        access.requireOfficeAdmin();
        requireDepartment(departmentId);
        SigningKey key = keys.generate();
        commands.sendAndWait(new RegisterDepartmentKey(departmentId, key.verifyingKey().keyId(),
                key.verifyingKey().toPem()));
        return new DepartmentKeys.KeyView(key.verifyingKey().keyId(), departmentId, "ACTIVE", key.verifyingKey().toPem());
    }

    @PostMapping("/{departmentId}/keys/{keyId}/rotate")
    @Operation(summary = "Replace the active key by a new one (office administrator)")
    DepartmentKeys.KeyView rotate(@PathVariable String departmentId, @PathVariable String keyId,
                                  @Valid @RequestBody Reason body) {
        access.requireOfficeAdmin();
        requireDepartment(departmentId);
        SigningKey key = keys.generate();
        commands.sendAndWait(new RotateDepartmentKey(departmentId, keyId, key.verifyingKey().keyId(),
                key.verifyingKey().toPem(), body.reason()));
        return new DepartmentKeys.KeyView(key.verifyingKey().keyId(), departmentId, "ACTIVE", key.verifyingKey().toPem());
    }

    @PostMapping("/{departmentId}/keys/{keyId}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a key: it signs nothing after this entry (office administrator)")
    void revoke(@PathVariable String departmentId, @PathVariable String keyId, @Valid @RequestBody Reason body) {
        access.requireOfficeAdmin();
        requireDepartment(departmentId);
        commands.sendAndWait(new RevokeDepartmentKey(departmentId, keyId, body.reason()));
    }

    @PostMapping("/{departmentId}/keys/{keyId}/compromised")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark a key compromised from a ledger position on (office administrator)")
    void compromised(@PathVariable String departmentId, @PathVariable String keyId, @Valid @RequestBody Compromise body) {
        access.requireOfficeAdmin();
        requireDepartment(departmentId);
        commands.sendAndWait(new MarkDepartmentKeyCompromised(departmentId, keyId, body.fromLeafIndex(), body.reason()));
    }

    private void requireDepartment(String departmentId) {
        if (directory.find(departmentId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no department " + departmentId);
        }
    }
}
