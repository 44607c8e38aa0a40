package org.drledger.command.witness;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Witness registration (office administrator) and the public list of witnesses. */
@RestController
@Tag(name = "Witnesses")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class WitnessController {
    private final CommandGateway commands;
    private final AccessPolicy access;
    private final WitnessDirectory directory;

    WitnessController(CommandGateway commands, AccessPolicy access, WitnessDirectory directory) {
        this.commands = commands;
        this.access = access;
        this.directory = directory;
    }

    record NewWitness(@NotBlank @Size(max = 1000) String vkey) {
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/api/witnesses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a checkpoint witness by its verifier key (office administrator)")
    Map<String, String> register(@Valid @RequestBody NewWitness body) {
        access.requireOfficeAdmin();
        String name = body.vkey().contains("+") ? body.vkey().substring(0, body.vkey().indexOf('+')) : body.vkey();
        commands.sendAndWait(new Witness.RegisterWitness(name, body.vkey().strip()));
        return Map.of("name", name);
    }

    @PostMapping("/api/witnesses/{name}/retire")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Retire a witness (office administrator)")
    void retire(@PathVariable String name, @Valid @RequestBody Reason body) {
        access.requireOfficeAdmin();
        commands.sendAndWait(new Witness.RetireWitness(name, body.reason()));
    }

    @GetMapping("/api/log/witnesses")
    @Operation(summary = "The registered witnesses and their verifier keys (public)")
    List<WitnessDirectory.WitnessRow> list() {
        return directory.all();
    }
}
