package org.drledger.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.drledger.command.actor.ActorMetaData;
import org.drledger.command.ledger.LedgerEventStorageEngine;
import org.drledger.command.ledger.LedgerIntegrityException;
import org.drledger.server.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Every event through one door": the only storage engine is the ledger's append path, nothing else in the code
 * can reach Axon's JDBC engine or insert event rows, and an event that does not come from an aggregate (so
 * cannot be chained) is refused even when published directly on the event store.
 */
@SpringBootTest
class OneDoorTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    EventStore eventStore;

    @Test
    void theOnlyStorageEngineIsTheLedgersAppendPath() {
        assertThat(context.getBeansOfType(EventStorageEngine.class).values())
                .singleElement().isInstanceOf(LedgerEventStorageEngine.class);
        assertThat(context.getBeansOfType(JdbcEventStorageEngine.class)).isEmpty();
        assertThat(context.getBeansOfType(EventStore.class)).hasSize(1);
    }

    @Test
    void onlyTheAppendPathTouchesAxonsStorageEngines() {
        JavaClasses ours = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.drledger");
        noClasses().that().resideOutsideOfPackage("org.drledger.command.ledger")
                .should().dependOnClassesThat().areAssignableTo(JdbcEventStorageEngine.class)
                .orShould().callMethod(EventStorageEngine.class, "appendEvents", java.util.List.class)
                .because("events are chained and signed in exactly one component")
                .check(ours);
    }

    @Test
    void noMainCodeWritesEventRowsWithSql() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/"))
                    .filter(p -> {
                        try {
                            String s = Files.readString(p).toLowerCase();
                            return s.contains("insert into domain_event_entry") || s.contains("update domain_event_entry");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })).isEmpty();
        }
    }

    @Test
    void anEventPublishedOutsideAnAggregateIsRefused() {
        assertThatThrownBy(() -> eventStore.publish(GenericEventMessage.asEventMessage("not from an aggregate")
                .andMetaData(ActorMetaData.of("lianxiban", "someone"))))
                .isInstanceOf(LedgerIntegrityException.class);
    }
}
