package org.drledger.bench.server.plain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drledger.bench.server.RecordTick;
import org.drledger.bench.server.ServerAppendBenchmark;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The baseline's copy of the tick endpoint: same request, same command, no security and no ledger. */
@RestController
class PlainTickController {
    private final CommandGateway commands;

    PlainTickController(CommandGateway commands) {
        this.commands = commands;
    }

    record Tick(@Positive long n) {
    }

    @PostMapping(ServerAppendBenchmark.TICK_PATH)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void tick(@PathVariable String counterId, @Valid @RequestBody Tick body) {
        commands.sendAndWait(new RecordTick(counterId, body.n()));
    }
}
