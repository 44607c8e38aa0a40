package org.drledger.bench.server.plain;

import com.fasterxml.jackson.databind.ObjectMapper;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.drledger.bench.server.BenchCounter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The benchmark's baseline application: plain Axon without the ledger — Axon's own {@link JdbcEventStorageEngine} on
 * the same event table (the project's V1 migration, in its own schema), Jackson serialization, the same
 * {@link BenchCounter} aggregate and tick endpoint; no append path, no sealer, no security. Deliberately not a
 * {@code @Configuration} and outside the ledger's scan (the benchmark excludes this package), so it never leaks into
 * the ledger server's context; it is only ever a primary source of its own Spring application.
 */
@EnableAutoConfiguration(exclude = {SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
@Import({BenchCounter.class, PlainTickController.class})
public class PlainAxonBaseline {

    /** The same table and column names as the ledger's event store (LedgerConfiguration.EVENT_SCHEMA). */
    static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index").eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
            .typeColumn("type").timestampColumn("time_stamp").payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
            .build();

    @Bean
    @Primary
    Serializer serializer(ObjectMapper mapper) {
        return JacksonSerializer.builder().objectMapper(mapper.copy()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper mapper) {
        return JacksonSerializer.builder().objectMapper(mapper.copy()).build();
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /** Built exactly as the ledger builds its inner engine, but stored as is. */
    @Bean
    EventStorageEngine eventStorageEngine(ConnectionProvider connections, TransactionManager transactionManager,
                                          @Qualifier("eventSerializer") Serializer eventSerializer) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactionManager)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(eventSerializer)
                .dataType(byte[].class)
                .schema(EVENT_SCHEMA)
                .build();
    }

    @Bean
    EventStore eventStore(EventStorageEngine eventStorageEngine) {
        return EmbeddedEventStore.builder().storageEngine(eventStorageEngine).build();
    }
}
