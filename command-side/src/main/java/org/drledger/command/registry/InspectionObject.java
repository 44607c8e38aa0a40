package org.drledger.command.registry;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.drledger.command.registry.RegistryCommands.RegisterInspectionObject;
import org.drledger.command.registry.RegistryCommands.ReviseInspectionObject;
import org.drledger.command.registry.RegistryEvents.InspectionObjectRegistered;
import org.drledger.command.registry.RegistryEvents.InspectionObjectRevised;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;

/**
 * One entry of the 检查对象名录库 (stream {@code entity:<objectId>}). Registration checks the id with the kernel
 * ({@link ObjectRules}); a revision carries the complete new state, and one that changes nothing writes nothing.
 * A second registration of the same id fails on the event store's unique key (HTTP 409).
 */
@Aggregate(type = InspectionObject.TYPE)
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
public class InspectionObject {
    public static final String TYPE = "InspectionObject";
    public static final String STREAM_PREFIX = "entity:";

    @AggregateIdentifier
    private String id;
    private ObjectState state;

    protected InspectionObject() {
    }

    @CommandHandler
    InspectionObject(RegisterInspectionObject c) {
        List<Violation> violations = new ArrayList<>();
        ObjectRules.Identified idd = ObjectRules.identify(violations, c.objectId(), c.acceptLegacy());
        refuseIfAny(violations);
        ObjectState s = ObjectRules.normalized(c.objectId(), idd.idKind(), idd.idWarning(), c.objectType(), c.name(),
                c.industry(), c.district(), c.address(), c.status(), c.creditRiskClass(), c.registryDepartment());
        ObjectRules.validate(violations, s);
        refuseIfAny(violations);
        apply(InspectionObjectRegistered.of(s));
    }

    @CommandHandler
    void handle(ReviseInspectionObject c) {
        List<Violation> violations = new ArrayList<>();
        ObjectState s = ObjectRules.normalized(state.objectId(), state.idKind(), state.idWarning(), c.objectType(),
                c.name(), c.industry(), c.district(), c.address(), c.status(), c.creditRiskClass(),
                c.registryDepartment());
        ObjectRules.validate(violations, s);
        refuseIfAny(violations);
        if (!s.equals(state)) {
            apply(InspectionObjectRevised.of(s));
        }
    }

    @EventSourcingHandler
    void on(InspectionObjectRegistered e) {
        id = STREAM_PREFIX + e.objectId();
        state = e.state();
    }

    @EventSourcingHandler
    void on(InspectionObjectRevised e) {
        state = e.state();
    }

    static void refuseIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw violations.get(0).refusal();
        }
    }
}
