package org.drledger.command.ledger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;

/** The ledger itself: one stream holding the genesis entry. */
@Aggregate(type = "Ledger")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
public class Ledger {
    @AggregateIdentifier
    private String ledgerId;

    protected Ledger() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(InitializeLedger c) {
        apply(new LedgerInitialized(c.ledgerId(), c.suite(), c.origin(), c.logKey(), c.rootDepartmentId(),
                c.rootDepartmentName(), c.rootKeyId(), c.rootPublicKey()));
    }

    @EventSourcingHandler
    void on(LedgerInitialized e) {
        ledgerId = e.ledgerId();
    }
}
