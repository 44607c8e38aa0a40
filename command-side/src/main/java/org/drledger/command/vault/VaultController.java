package org.drledger.command.vault;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.drledger.command.web.Problems;
import org.drledger.core.bytes.Hex;
import org.drledger.core.entry.Commitments;
import org.drledger.core.json.CanonicalJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vault over HTTP. Sealing: the office administrator or a department clerk (for clients that prepare a
 * committed field; workflow commands call {@link Vault#seal} themselves). Opening: auditors and the office
 * administrator only. Shredding: the office administrator, as a ledger entry.
 */
@RestController
@RequestMapping("/api/vault/openings")
@Tag(name = "Personal-data vault")
class VaultController {
    private static final Logger log = LoggerFactory.getLogger(VaultController.class);

    private final Vault vault;
    private final CommandGateway commands;
    private final AccessPolicy access;

    VaultController(Vault vault, CommandGateway commands, AccessPolicy access) {
        this.vault = vault;
        this.commands = commands;
        this.access = access;
    }

    record NewOpening(JsonNode value) {
    }

    record Shred(@NotBlank @Size(max = 2000) String reason, @NotBlank @Size(max = 500) String legalBasis) {
    }

    /** A refusal answered as a problem naming the field and the rule. */
    static final class VaultProblem extends RuntimeException {
        private final transient ProblemDetail problem;

        VaultProblem(HttpStatus status, String field, String rule, String detail) {
            super(detail);
            this.problem = Problems.of(status, field, rule, detail);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Seal a value: store its opening encrypted and return its commitment field "
            + "(office administrator or department clerk)")
    Map<String, Object> seal(@RequestBody NewOpening body) {
        requireAnyRole(Role.OFFICE_ADMIN, Role.DEPT_CLERK);
        if (body == null || body.value() == null || body.value().isNull()) {
            throw new VaultProblem(HttpStatus.BAD_REQUEST, "value", "required", "value is required and not null");
        }
        if (CanonicalJson.write(body.value()).length > Vault.MAX_VALUE_BYTES) {
            throw new VaultProblem(HttpStatus.BAD_REQUEST, "value", "too-large",
                    "a vault value is at most " + Vault.MAX_VALUE_BYTES + " bytes of canonical JSON");
        }
        Commitments.Opening opening = vault.seal(body.value());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("commitment", vault.commitment(opening));
        out.put("field", vault.commitmentField(opening));
        return out;
    }

    @GetMapping("/{commitment}")
    @Operation(summary = "Open a commitment: its salt and value (auditor or office administrator); 410 if shredded")
    Map<String, Object> open(@PathVariable String commitment) {
        requireAnyRole(Role.AUDITOR, Role.OFFICE_ADMIN);
        Vault.Status status = known(commitment);
        if (status.shredded()) {
            VaultProblem gone = new VaultProblem(HttpStatus.GONE, "commitment", "shredded",
                    "the opening of " + commitment + " was shredded");
            gone.problem.setProperty("shreddedAt", status.shreddedAt());
            gone.problem.setProperty("shredEvent", status.shredEvent());
            throw gone;
        }
        Commitments.Opening opening = vault.opening(commitment).orElseThrow(() -> new VaultProblem(HttpStatus.GONE,
                "commitment", "shredded", "the opening of " + commitment + " was shredded"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("commitment", commitment);
        out.put("salt", Hex.encode(opening.salt()));
        out.put("value", opening.value());
        out.put("algorithm", status.algorithm());
        out.put("createdAt", status.createdAt());
        return out;
    }

    @PostMapping("/{commitment}/shred")
    @Operation(summary = "Shred an opening: erase it from the vault by a ledger entry (office administrator)")
    Map<String, Object> shred(@PathVariable String commitment, @Valid @RequestBody Shred body) {
        access.requireOfficeAdmin();
        known(commitment);
        commands.sendAndWait(new ShredPersonalData(commitment, body.reason(), body.legalBasis()));
        Vault.Status after = known(commitment);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("commitment", commitment);
        out.put("shreddedAt", after.shreddedAt());
        out.put("shredEvent", after.shredEvent());
        return out;
    }

    private Vault.Status known(String commitment) {
        if (!commitment.matches(PersonalData.COMMITMENT)) {
            throw new VaultProblem(HttpStatus.BAD_REQUEST, "commitment", "commitment-format",
                    "a commitment is 64 lowercase hex characters");
        }
        return vault.status(commitment).orElseThrow(() -> new VaultProblem(HttpStatus.NOT_FOUND, "commitment",
                "unknown-commitment", "the vault holds no opening of " + commitment));
    }

    private LedgerPrincipal requireAnyRole(Role... roles) {
        LedgerPrincipal p = access.current();
        return access.requireActsFor(p.department(), roles);
    }

    @ExceptionHandler(VaultProblem.class)
    ResponseEntity<ProblemDetail> problem(VaultProblem e) {
        return ResponseEntity.status(e.problem.getStatus()).body(e.problem);
    }

    @ExceptionHandler(VaultIntegrityException.class)
    ResponseEntity<ProblemDetail> integrity(VaultIntegrityException e) {
        log.error("Vault integrity failure: {}", e.getMessage());
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "commitment",
                "vault-integrity", "the stored opening of " + e.commitment() + " fails authentication"));
    }
}
