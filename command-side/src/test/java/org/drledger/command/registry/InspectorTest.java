package org.drledger.command.registry;

import static org.drledger.command.registry.Refused.refused;

import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.drledger.command.registry.RegistryCommands.RegisterInspector;
import org.drledger.command.registry.RegistryCommands.ReviseInspector;
import org.drledger.command.registry.RegistryEvents.InspectorRegistered;
import org.drledger.command.registry.RegistryEvents.InspectorRevised;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InspectorTest {
    static final Commitment ID = new Commitment("11".repeat(32));
    static final Commitment PHONE = new Commitment("22".repeat(32));

    private AggregateTestFixture<Inspector> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Inspector.class);
    }

    static RegisterInspector register(String officerId, List<String> items, List<String> conflicts) {
        return new RegisterInspector(officerId, "scjgj", "王明", "川执0001", "2027-06-30", List.of("food"), items,
                "雁江区", "ACTIVE", false, conflicts, ID, PHONE);
    }

    static InspectorRegistered registered(String officerId, List<String> items, List<String> conflicts) {
        return new InspectorRegistered(officerId, "scjgj", "王明", "川执0001", "2027-06-30", List.of("food"), items,
                "雁江区", "ACTIVE", false, conflicts, ID, PHONE);
    }

    @Test
    void registersAnInspectorWithCommitmentsInPlaceOfPersonalData() {
        fixture.givenNoPriorActivity()
                .when(register("O-001", List.of("A07-01"), List.of()))
                .expectEvents(registered("O-001", List.of("A07-01"), List.of()));
    }

    @Test
    void setsAreSortedAndWithoutDuplicates() {
        fixture.givenNoPriorActivity()
                .when(register("O-001", List.of("B02-01", "A07-01", " A07-01", ""), List.of("91350100M000100Y43")))
                .expectEvents(registered("O-001", List.of("A07-01", "B02-01"), List.of("91350100M000100Y43")));
    }

    @Test
    void declaredConflictsOfInterestArePartOfTheState() {
        fixture.given(registered("O-001", List.of("A07-01"), List.of()))
                .when(new ReviseInspector("O-001", "scjgj", "王明", "川执0001", "2027-06-30", List.of("food"),
                        List.of("A07-01"), "雁江区", "ACTIVE", false, List.of("obj-p1", "91350100M000100Y43"), ID,
                        PHONE))
                .expectEvents(new InspectorRevised("O-001", "scjgj", "王明", "川执0001", "2027-06-30",
                        List.of("food"), List.of("A07-01"), "雁江区", "ACTIVE", false,
                        List.of("91350100M000100Y43", "obj-p1"), ID, PHONE));
    }

    @Test
    void revisingToTheSameStateWritesNothing() {
        fixture.given(registered("O-001", List.of("A07-01", "B02-01"), List.of("obj-p1")))
                .when(new ReviseInspector("O-001", "scjgj", " 王明", "川执0001", "2027-06-30", List.of("food", "food"),
                        List.of("B02-01", "A07-01"), "雁江区", "ACTIVE", false, List.of("obj-p1"), ID, PHONE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNewPhoneCommitmentIsARevision() {
        Commitment other = new Commitment("33".repeat(32));
        fixture.given(registered("O-001", List.of("A07-01"), List.of()))
                .when(new ReviseInspector("O-001", "scjgj", "王明", "川执0001", "2027-06-30", List.of("food"),
                        List.of("A07-01"), "雁江区", "ACTIVE", false, List.of(), ID, other))
                .expectEvents(new InspectorRevised("O-001", "scjgj", "王明", "川执0001", "2027-06-30",
                        List.of("food"), List.of("A07-01"), "雁江区", "ACTIVE", false, List.of(), ID, other));
    }

    @Test
    void cannotRegisterWithoutAnIdCardCommitment() {
        fixture.givenNoPriorActivity()
                .when(new RegisterInspector("O-001", "scjgj", "王明", "川执0001", "2027-06-30", List.of(), List.of(),
                        "雁江区", "ACTIVE", false, List.of(), null, null))
                .expectNoEvents()
                .expectException(refused("idCardNo", "required"));
    }

    @Test
    void cannotRegisterPersonalDataThatIsNotACommitment() {
        fixture.givenNoPriorActivity()
                .when(new RegisterInspector("O-001", "scjgj", "王明", "川执0001", "2027-06-30", List.of(), List.of(),
                        "雁江区", "ACTIVE", false, List.of(), ID, new Commitment("13912345678")))
                .expectNoEvents()
                .expectException(refused("phone", "commitment-format"));
    }

    @Test
    void cannotRegisterAMalformedOfficerId() {
        fixture.givenNoPriorActivity()
                .when(register("inspector:O-1", List.of(), List.of()))
                .expectNoEvents()
                .expectException(refused("officerId", "officer-id-format"));
        fixture.givenNoPriorActivity()
                .when(register(null, List.of(), List.of()))
                .expectNoEvents()
                .expectException(refused("officerId", "required"));
    }

    @Test
    void cannotRegisterACertificateExpiryThatIsNotADate() {
        fixture.givenNoPriorActivity()
                .when(new RegisterInspector("O-001", "scjgj", "王明", "川执0001", "2027-02-30", List.of(), List.of(),
                        "雁江区", "ACTIVE", false, List.of(), ID, null))
                .expectNoEvents()
                .expectException(refused("certificateExpiry", "bad-date"));
    }

    @Test
    void cannotRegisterAnUnknownStatusOrWithoutACertificate() {
        fixture.givenNoPriorActivity()
                .when(new RegisterInspector("O-001", "scjgj", "王明", "川执0001", "2027-06-30", List.of(), List.of(),
                        "雁江区", "ON_LEAVE", false, List.of(), ID, null))
                .expectNoEvents()
                .expectException(refused("status", "unknown-value"));
        fixture.givenNoPriorActivity()
                .when(new RegisterInspector("O-001", "scjgj", "王明", null, "2027-06-30", List.of(), List.of(),
                        "雁江区", "ACTIVE", false, List.of(), ID, null))
                .expectNoEvents()
                .expectException(refused("certificateNo", "required"));
    }

    @Test
    void cannotDeclareAConflictWithAControlCharacter() {
        fixture.givenNoPriorActivity()
                .when(register("O-001", List.of(), List.of("obj-\u0000x")))
                .expectNoEvents()
                .expectException(refused("conflicts", "control-character"));
    }

    @Test
    void cannotDeclareMoreThanFiveHundredConflicts() {
        List<String> many = java.util.stream.IntStream.range(0, 501).mapToObj(i -> "obj-" + i).toList();
        fixture.givenNoPriorActivity()
                .when(register("O-001", List.of(), many))
                .expectNoEvents()
                .expectException(refused("conflicts", "too-many"));
    }

    @Test
    void cannotReviseToAnInvalidState() {
        fixture.given(registered("O-001", List.of("A07-01"), List.of()))
                .when(new ReviseInspector("O-001", "scjgj", "王明", "川执0001", "2027-06-30", List.of("food"),
                        List.of("A07-01"), "雁江区", "ACTIVE", false, List.of(), null, PHONE))
                .expectNoEvents()
                .expectException(refused("idCardNo", "required"));
    }

    @Test
    void cannotReviseAnUnregisteredInspector() {
        fixture.givenNoPriorActivity()
                .when(new ReviseInspector("O-001", "scjgj", "王明", "川执0001", "2027-06-30", List.of(), List.of(),
                        "雁江区", "ACTIVE", false, List.of(), ID, null))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }
}
