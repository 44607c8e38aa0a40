package org.drledger.command.vault;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.drledger.command.support.CommandRefusedException;

/**
 * The life of one committed personal or confidential value as the ledger records it: its stream (id = {@code pd:} + the
 * commitment hex) exists only once the opening is shredded, and it can be shredded once. Who may shred is the
 * office administrator (checked at the REST layer); auditors read openings but never change them.
 */
@Aggregate(type = PersonalData.TYPE)
public class PersonalData {
    public static final String TYPE = "PersonalData";
    public static final String STREAM_PREFIX = "pd:";
    static final String COMMITMENT = "[0-9a-f]{64}";

    @AggregateIdentifier
    private String id;
    private boolean shredded;

    protected PersonalData() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ShredPersonalData c) {
        if (c.commitment() == null || !c.commitment().matches(COMMITMENT)) {
            throw new CommandRefusedException("commitment", "commitment-format",
                    "a commitment is 64 lowercase hex characters");
        }
        if (shredded) {
            throw CommandRefusedException.conflict("commitment", "already-shredded",
                    "the opening of " + c.commitment() + " is already shredded");
        }
        require(c.reason(), "reason");
        require(c.legalBasis(), "legalBasis");
        apply(new PersonalDataShredded(c.commitment(), c.reason().strip(), c.legalBasis().strip()));
    }

    @EventSourcingHandler
    void on(PersonalDataShredded e) {
        id = STREAM_PREFIX + e.commitment();
        shredded = true;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new CommandRefusedException(field, "required", field + " is required");
        }
    }
}
