package org.drledger.bench.server;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmark-only command endpoint inside the real ledger server (found by its component scan, which covers
 * {@code org.drledger}): behind the server's HTTP Basic security, the actor comes from the authenticated user
 * through the server's dispatch interceptor, and the one event goes through the append path.
 */
@RestController
class LedgerTickController {
    private final CommandGateway commands;
    private final AccessPolicy access;

    LedgerTickController(CommandGateway commands, AccessPolicy access) {
        this.commands = commands;
        this.access = access;
    }

    record Tick(@Positive long n) {
    }

    @PostMapping(ServerAppendBenchmark.TICK_PATH)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void tick(@PathVariable String counterId, @Valid @RequestBody Tick body) {
        access.requireActsFor(access.current().department(), Role.DEPT_CLERK);
        commands.sendAndWait(new RecordTick(counterId, body.n()));
    }
}
