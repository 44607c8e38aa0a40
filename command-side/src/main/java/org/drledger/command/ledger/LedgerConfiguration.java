package org.drledger.command.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event store, serializers and token store, chosen deliberately: Axon's JDBC engine (faster than JPA here
 * and free of PostgreSQL large objects; see docs/decisions/0004-event-store.md) on tables our migrations own,
 * wrapped by the one door {@link LedgerEventStorageEngine}; canonical-JSON events; a JDBC token store in the
 * same database and transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
public class LedgerConfiguration {

    static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index").eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
            .typeColumn("type").timestampColumn("time_stamp").payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
            .build();

    static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry").setProcessorNameColumn("processor_name").setSegmentColumn("segment")
            .setTokenColumn("token").setTokenTypeColumn("token_type").setTimestampColumn("timestamp")
            .setOwnerColumn("owner").build();

    /**
     * A failing event handler must fail its unit of work: for the sealer that means the batch rolls back and is
     * retried (never a skipped leaf), for in-transaction projections that the command fails (never a projection
     * silently behind the ledger). Axon's default would log and continue.
     */
    @org.springframework.beans.factory.annotation.Autowired
    void propagateHandlerErrors(org.axonframework.config.EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(
                c -> org.axonframework.eventhandling.PropagatingErrorHandler.instance());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CryptoSuite ledgerSuite(LedgerProperties properties) {
        return CryptoSuites.byId(properties.suite());
    }

    @Bean
    KeyFiles keyFiles(LedgerProperties properties, CryptoSuite suite) {
        return new KeyFiles(properties.keyDir(), suite);
    }

    /** Events are stored as the ledger's canonical JSON, so stored payload bytes are the hashed bytes. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper mapper) {
        return CanonicalEventSerializer.create(mapper.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    }

    @Bean
    @Primary
    Serializer serializer(ObjectMapper mapper) {
        return JacksonSerializer.builder().objectMapper(mapper.copy()).build();
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /** The only EventStorageEngine bean: the JDBC engine exists only inside the door. */
    @Bean
    EventStorageEngine eventStorageEngine(ConnectionProvider connections, TransactionManager transactionManager,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          JdbcTemplate jdbc, KeyFiles keyFiles, Clock clock, DataSource dataSource) {
        JdbcEventStorageEngine jdbcEngine = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactionManager)
                // duplicate (aggregate, sequence) keys become Axon concurrency errors, i.e. HTTP 409, not 500
                .persistenceExceptionResolver(new org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(eventSerializer)
                .dataType(byte[].class)
                .schema(EVENT_SCHEMA)
                .build();
        return new LedgerEventStorageEngine(jdbcEngine, eventSerializer, jdbc, keyFiles, clock, isPostgres(dataSource));
    }

    /**
     * Declared here so that no other event store (e.g. Axon Server's, under the {@code axonserver} profile) can
     * replace the door: with Axon Server enabled it routes commands and queries, and events still go through
     * {@link LedgerEventStorageEngine} into the database.
     */
    @Bean
    EventStore eventStore(EventStorageEngine eventStorageEngine, LedgerProperties properties) {
        return new LingeringEventStore(EmbeddedEventStore.builder().storageEngine(eventStorageEngine),
                properties.sealerLinger());
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(TOKEN_SCHEMA)
                .contentType(byte[].class)
                .build();
    }

    public static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }
}
