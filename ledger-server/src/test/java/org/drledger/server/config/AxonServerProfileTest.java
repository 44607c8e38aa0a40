package org.drledger.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.drledger.command.ledger.LedgerEventStorageEngine;
import org.drledger.server.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code axonserver} profile routes commands through Axon Server, but cannot replace the ledger's event store:
 * events still go through the append path into the database. (No Axon Server runs here: a query node, which sends
 * no command at start, is enough to inspect the wiring.)
 */
class AxonServerProfileTest {

    @Test
    void axonServerRoutesCommandsWhileEventsStayOnTheLedgersAppendPath() {
        Map<String, Object> settings = TestServers.embeddedInMemory();
        settings.put("spring.profiles.active", "axonserver");
        settings.put("axon.axonserver.servers", "localhost:1");
        settings.put("ledger.roles", "query");
        try (ConfigurableApplicationContext node = TestServers.start(settings)) {
            assertThat(node.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(node.getBeansOfType(EventStore.class).values()).singleElement()
                    .isInstanceOf(EmbeddedEventStore.class);
            assertThat(node.getBeansOfType(EventStorageEngine.class).values()).singleElement()
                    .isInstanceOf(LedgerEventStorageEngine.class);
        }
    }
}
