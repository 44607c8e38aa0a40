package org.drledger.server.export;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

/**
 * Exports read; they never write. The export package reaches no command gateway, command bus, event store or
 * aggregate, and no SQL that changes rows goes through it (it has no update calls on JdbcTemplate).
 */
class ExportBoundaryTest {
    private static final JavaClasses EXPORT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.drledger.query.export");

    @Test
    void exportsNeverReachTheCommandSidesWritingParts() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..",
                        "org.axonframework.modelling..", "org.axonframework.eventsourcing..",
                        "org.axonframework.eventhandling..")
                .orShould().dependOnClassesThat().areAnnotatedWith(Aggregate.class)
                .check(EXPORT);
    }

    @Test
    void exportsNeverUpdateRows() {
        noClasses().should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "JdbcTemplate.update or batchUpdate", c -> c.getTarget().getOwner().getName()
                                .equals("org.springframework.jdbc.core.JdbcTemplate")
                                && c.getTarget().getName().matches("update|batchUpdate|execute")))
                .check(EXPORT);
    }
}
