package org.drledger.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.axoniq.axonserver.connector.AxonServerConnectionFactory;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.drledger.command.ledger.LedgerEventStorageEngine;
import org.drledger.server.testing.EmbeddedServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Axon Server is off by default: no connection manager exists, so nothing ever dials it; commands and queries go
 * over local buses, and events through the ledger's append path into the database.
 */
class AxonServerOffTest extends EmbeddedServerTest {
    @Autowired
    ApplicationContext context;

    @Test
    void theDefaultNodeHasNoAxonServerConnection() {
        assertThat(context.getEnvironment().getProperty("axon.axonserver.enabled")).isEqualTo("false");
        assertThat(context.getBeanNamesForType(AxonServerConnectionManager.class)).isEmpty();
        assertThat(context.getBeanNamesForType(AxonServerConnectionFactory.class)).isEmpty();
        assertThat(context.getBean(CommandBus.class)).isInstanceOf(SimpleCommandBus.class);
        assertThat(context.getBean(QueryBus.class)).isInstanceOf(SimpleQueryBus.class);
        assertThat(context.getBean(EventStore.class)).isInstanceOf(EmbeddedEventStore.class);
        assertThat(context.getBean(EventStorageEngine.class)).isInstanceOf(LedgerEventStorageEngine.class);
    }
}
