package org.drledger.command.registry;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.drledger.command.registry.RegistryCommands.RegisterInspector;
import org.drledger.command.registry.RegistryCommands.ReviseInspector;
import org.drledger.command.registry.RegistryEvents.InspectorRegistered;
import org.drledger.command.registry.RegistryEvents.InspectorRevised;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;

/**
 * One entry of the 执法检查人员名录库 (stream {@code inspector:<officerId>}), with the officer's declared conflicts of
 * interest. A revision carries the complete new state; one that changes nothing writes nothing.
 */
@Aggregate(type = Inspector.TYPE)
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
public class Inspector {
    public static final String TYPE = "Inspector";
    public static final String STREAM_PREFIX = "inspector:";

    @AggregateIdentifier
    private String id;
    private InspectorState state;

    protected Inspector() {
    }

    @CommandHandler
    Inspector(RegisterInspector c) {
        List<Violation> violations = new ArrayList<>();
        InspectorRules.officerId(violations, c.officerId());
        InspectionObject.refuseIfAny(violations);
        InspectorState s = InspectorRules.normalized(c.officerId(), c.department(), c.name(), c.certificateNo(),
                c.certificateExpiry(), c.specialties(), c.competentItems(), c.district(), c.status(),
                c.assistEligible(), c.conflicts(), c.idCardNo(), c.phone(), violations);
        InspectorRules.validate(violations, s);
        InspectionObject.refuseIfAny(violations);
        apply(InspectorRegistered.of(s));
    }

    @CommandHandler
    void handle(ReviseInspector c) {
        List<Violation> violations = new ArrayList<>();
        InspectorState s = InspectorRules.normalized(state.officerId(), c.department(), c.name(), c.certificateNo(),
                c.certificateExpiry(), c.specialties(), c.competentItems(), c.district(), c.status(),
                c.assistEligible(), c.conflicts(), c.idCardNo(), c.phone(), violations);
        InspectorRules.validate(violations, s);
        InspectionObject.refuseIfAny(violations);
        if (!s.equals(state)) {
            apply(InspectorRevised.of(s));
        }
    }

    @EventSourcingHandler
    void on(InspectorRegistered e) {
        id = STREAM_PREFIX + e.officerId();
        state = e.state();
    }

    @EventSourcingHandler
    void on(InspectorRevised e) {
        state = e.state();
    }
}
