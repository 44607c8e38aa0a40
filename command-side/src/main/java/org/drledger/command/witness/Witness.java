package org.drledger.command.witness;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.core.FormatException;
import org.drledger.core.checkpoint.NoteKey;

/**
 * An independent checkpoint witness (e.g. the discipline-inspection office, the city bureau): its verifier key is
 * recorded in the ledger, so anyone can check its cosignatures.
 */
@Aggregate(type = "Witness")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
public class Witness {
    /** Aggregate ids are prefixed by kind so no user-chosen id of another kind can collide. */
    public static final String STREAM_PREFIX = "witness:";

    public record RegisterWitness(String name, String vkey) {
        @TargetAggregateIdentifier
        public String streamId() {
            return STREAM_PREFIX + name;
        }
    }

    public record RetireWitness(String name, String reason) {
        @TargetAggregateIdentifier
        public String streamId() {
            return STREAM_PREFIX + name;
        }
    }

    public record WitnessRegistered(String name, String vkey) {
    }

    public record WitnessRetired(String name, String reason) {
    }

    @AggregateIdentifier
    private String id;
    private String name;
    private boolean retired;

    protected Witness() {
    }

    @CommandHandler
    Witness(RegisterWitness c) {
        NoteKey key;
        try {
            key = NoteKey.parseVkey(c.vkey());
        } catch (FormatException e) {
            throw new CommandRefusedException("vkey", e.rule(), e.getMessage());
        }
        if (!key.type().isCosignature()) {
            throw new CommandRefusedException("vkey", "not-a-cosignature-key",
                    "a witness key has a cosignature type (0x04 or the SM2 cosignature type)");
        }
        if (!key.name().equals(c.name())) {
            throw new CommandRefusedException("name", "name-mismatch", "the witness name must equal the key name "
                    + key.name());
        }
        apply(new WitnessRegistered(c.name(), c.vkey()));
    }

    @CommandHandler
    void handle(RetireWitness c) {
        if (retired) {
            throw CommandRefusedException.conflict("name", "already-retired", "witness " + name + " is retired");
        }
        if (c.reason() == null || c.reason().isBlank()) {
            throw new CommandRefusedException("reason", "required", "reason is required");
        }
        apply(new WitnessRetired(name, c.reason().strip()));
    }

    @EventSourcingHandler
    void on(WitnessRegistered e) {
        id = STREAM_PREFIX + e.name();
        name = e.name();
    }

    @EventSourcingHandler
    void on(WitnessRetired e) {
        retired = true;
    }
}
