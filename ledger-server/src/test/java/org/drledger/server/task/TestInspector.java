package org.drledger.server.task;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * TEST-ONLY stand-in for the officer registry (执法检查人员名录库), which another feature implements: it records
 * {@code InspectorRegistered} entries with the complete-state payload the kernel's {@code RegistryFold} reads, on
 * streams {@code inspector:<officerId>}.
 */
@Aggregate(type = "TestInspector")
public class TestInspector {
    public record RegisterTestInspector(String officerId, String department, String name, String certificateNo,
                                        String certificateExpiry, List<String> competentItems, String district,
                                        String status, List<String> conflicts, JsonNode idCardNo) {
        @TargetAggregateIdentifier
        public String streamId() {
            return "inspector:" + officerId;
        }
    }

    public record InspectorRegistered(String officerId, String department, String name, String certificateNo,
                                      String certificateExpiry, List<String> specialties, List<String> competentItems,
                                      String district, String status, boolean assistEligible, List<String> conflicts,
                                      JsonNode idCardNo, JsonNode phone) {
    }

    @AggregateIdentifier
    private String id;

    protected TestInspector() {
    }

    @CommandHandler
    TestInspector(RegisterTestInspector c) {
        apply(new InspectorRegistered(c.officerId(), c.department(), c.name(), c.certificateNo(),
                c.certificateExpiry(), List.of(), c.competentItems(), c.district(), c.status(), false, c.conflicts(),
                c.idCardNo(), null));
    }

    @EventSourcingHandler
    void on(InspectorRegistered e) {
        id = "inspector:" + e.officerId();
    }
}
