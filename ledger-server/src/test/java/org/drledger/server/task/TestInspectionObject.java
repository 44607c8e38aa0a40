package org.drledger.server.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * TEST-ONLY stand-in for the object registry (检查对象名录库), which another feature implements: it records entries of
 * the exact types {@code InspectionObjectRegistered} / {@code InspectionObjectRevised} with the complete-state payload
 * the kernel's {@code RegistryFold} reads, on streams {@code entity:<objectId>}.
 */
@Aggregate(type = "TestInspectionObject")
public class TestInspectionObject {
    public record ObjectState(String objectId, String idKind, String objectType, String name, String industry,
                              String district, String address, String status, JsonNode creditRiskClass,
                              String registryDepartment) {
    }

    public record RegisterTestObject(ObjectState state) {
        @TargetAggregateIdentifier
        public String streamId() {
            return "entity:" + state.objectId();
        }
    }

    public record ReviseTestObject(ObjectState state) {
        @TargetAggregateIdentifier
        public String streamId() {
            return "entity:" + state.objectId();
        }
    }

    public record InspectionObjectRegistered(String objectId, String idKind, String objectType, String name,
                                             String industry, String district, String address, String status,
                                             JsonNode creditRiskClass, String registryDepartment) {
    }

    public record InspectionObjectRevised(String objectId, String idKind, String objectType, String name,
                                          String industry, String district, String address, String status,
                                          JsonNode creditRiskClass, String registryDepartment) {
    }

    @AggregateIdentifier
    private String id;

    protected TestInspectionObject() {
    }

    @CommandHandler
    TestInspectionObject(RegisterTestObject c) {
        ObjectState s = c.state();
        apply(new InspectionObjectRegistered(s.objectId(), s.idKind(), s.objectType(), s.name(), s.industry(),
                s.district(), s.address(), s.status(), s.creditRiskClass(), s.registryDepartment()));
    }

    @CommandHandler
    void handle(ReviseTestObject c) {
        ObjectState s = c.state();
        apply(new InspectionObjectRevised(s.objectId(), s.idKind(), s.objectType(), s.name(), s.industry(),
                s.district(), s.address(), s.status(), s.creditRiskClass(), s.registryDepartment()));
    }

    @EventSourcingHandler
    void on(InspectionObjectRegistered e) {
        id = "entity:" + e.objectId();
    }
}
