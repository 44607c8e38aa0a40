package org.drledger.command.registry;

import static org.drledger.command.registry.Refused.refused;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.drledger.command.registry.RegistryCommands.RegisterInspectionObject;
import org.drledger.command.registry.RegistryCommands.ReviseInspectionObject;
import org.drledger.command.registry.RegistryEvents.InspectionObjectRegistered;
import org.drledger.command.registry.RegistryEvents.InspectionObjectRevised;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InspectionObjectTest {
    static final String VALID = "91350100M000100Y43";
    static final String MISTYPED = "91350100M000100Y44";
    static final String ALLOWLISTED = "91350211M0000XUF46";
    static final String ORG_MISMATCH = "91350100M000100Y56";
    static final String REG_NO = "110108000000016";
    static final String REG_NO_BAD_CHECK = "110108000000010";
    static final Commitment RISK_B = new Commitment("ab".repeat(32));
    static final Commitment RISK_C = new Commitment("cd".repeat(32));

    private AggregateTestFixture<InspectionObject> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InspectionObject.class);
    }

    static RegisterInspectionObject register(String id, boolean legacy, String type) {
        return new RegisterInspectionObject(id, legacy, type, "资阳市某某食品有限公司", "food", "雁江区",
                "雁江区某路1号", "ACTIVE", RISK_B, "scjgj");
    }

    static InspectionObjectRegistered registered(String id, String kind, String warning, String type) {
        return new InspectionObjectRegistered(id, kind, warning, type, "资阳市某某食品有限公司", "food", "雁江区",
                "雁江区某路1号", "ACTIVE", RISK_B, "scjgj");
    }

    @Test
    void registersAMarketEntityByItsUscc() {
        fixture.givenNoPriorActivity()
                .when(register(VALID, false, "ENTERPRISE"))
                .expectEvents(registered(VALID, "USCC", null, "ENTERPRISE"));
    }

    @Test
    void textIsStrippedAndNormalizedBeforeItIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RegisterInspectionObject(VALID, false, "ENTERPRISE", "  资阳市某某食品有限公司 ", "food",
                        "雁江区", "  ", "ACTIVE", null, "scjgj"))
                .expectEvents(new InspectionObjectRegistered(VALID, "USCC", null, "ENTERPRISE", "资阳市某某食品有限公司",
                        "food", "雁江区", null, "ACTIVE", null, "scjgj"));
    }

    @Test
    void cannotRegisterAMalformedUscc() {
        for (String bad : new String[]{"91350100M000100Y4", "91350100MI00100Y43", "91350100m000100Y43",
                " 91350100M000100Y43", "９1350100M000100Y43"}) {
            fixture.givenNoPriorActivity()
                    .when(register(bad, true, "ENTERPRISE"))
                    .expectNoEvents()
                    .expectException(refused("objectId", "uscc-malformed"));
        }
    }

    @Test
    void cannotRegisterAMistypedUsccUnlessMarkedLegacy() {
        fixture.givenNoPriorActivity()
                .when(register(MISTYPED, false, "ENTERPRISE"))
                .expectNoEvents()
                .expectException(refused("objectId", "uscc-check-character"));
    }

    @Test
    void aLegacyCodeIsAcceptedWithAWarning() {
        fixture.givenNoPriorActivity()
                .when(register(MISTYPED, true, "ENTERPRISE"))
                .expectEvents(registered(MISTYPED, "USCC", "CHECK_CHARACTER_MISMATCH", "ENTERPRISE"));
    }

    @Test
    void anAllowlistedNonConformingCodeIsAcceptedWithAWarningWithoutBeingMarked() {
        fixture.givenNoPriorActivity()
                .when(register(ALLOWLISTED, false, "ENTERPRISE"))
                .expectEvents(registered(ALLOWLISTED, "USCC", "LEGACY_ALLOWLISTED", "ENTERPRISE"));
    }

    @Test
    void anOrganizationCodeMismatchIsAcceptedWithAWarning() {
        fixture.givenNoPriorActivity()
                .when(register(ORG_MISMATCH, false, "INDIVIDUAL_BUSINESS"))
                .expectEvents(registered(ORG_MISMATCH, "USCC", "ORGANIZATION_CODE_MISMATCH", "INDIVIDUAL_BUSINESS"));
    }

    @Test
    void aFifteenDigitRegistrationNumberIsTheFallbackId() {
        fixture.givenNoPriorActivity()
                .when(register(REG_NO, false, "ENTERPRISE"))
                .expectEvents(registered(REG_NO, "LEGACY_REG_NO", null, "ENTERPRISE"));
    }

    @Test
    void cannotRegisterARegistrationNumberWithAWrongCheckDigitUnlessMarkedLegacy() {
        fixture.givenNoPriorActivity()
                .when(register(REG_NO_BAD_CHECK, false, "ENTERPRISE"))
                .expectNoEvents()
                .expectException(refused("objectId", "regno-check-digit"));
        fixture.givenNoPriorActivity()
                .when(register(REG_NO_BAD_CHECK, true, "ENTERPRISE"))
                .expectEvents(registered(REG_NO_BAD_CHECK, "LEGACY_REG_NO", "CHECK_DIGIT_MISMATCH", "ENTERPRISE"));
    }

    @Test
    void productsProjectsAndConductAreKeyedByObjIds() {
        fixture.givenNoPriorActivity()
                .when(register("obj-food-2026.001", false, "PRODUCT"))
                .expectEvents(registered("obj-food-2026.001", "OTHER", null, "PRODUCT"));
    }

    @Test
    void cannotRegisterAMalformedObjId() {
        fixture.givenNoPriorActivity()
                .when(register("obj-", false, "PROJECT"))
                .expectNoEvents()
                .expectException(refused("objectId", "obj-id-format"));
        fixture.givenNoPriorActivity()
                .when(register("obj-a:b", false, "PROJECT"))
                .expectNoEvents()
                .expectException(refused("objectId", "obj-id-format"));
    }

    @Test
    void cannotKeyAMarketEntityByAnObjIdNorAProductByAUscc() {
        fixture.givenNoPriorActivity()
                .when(register("obj-x", false, "ENTERPRISE"))
                .expectNoEvents()
                .expectException(refused("objectType", "type-id-mismatch"));
        fixture.givenNoPriorActivity()
                .when(register(VALID, false, "CONDUCT"))
                .expectNoEvents()
                .expectException(refused("objectType", "type-id-mismatch"));
    }

    @Test
    void cannotRegisterWithoutAnId() {
        fixture.givenNoPriorActivity()
                .when(register(null, false, "ENTERPRISE"))
                .expectNoEvents()
                .expectException(refused("objectId", "required"));
    }

    @Test
    void cannotRegisterWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterInspectionObject(VALID, false, "ENTERPRISE", " ", "food", "雁江区", null, "ACTIVE",
                        null, "scjgj"))
                .expectNoEvents()
                .expectException(refused("name", "required"));
    }

    @Test
    void cannotRegisterAnUnknownObjectTypeOrStatus() {
        fixture.givenNoPriorActivity()
                .when(register(VALID, false, "enterprise"))
                .expectNoEvents()
                .expectException(refused("objectType", "unknown-value"));
        fixture.givenNoPriorActivity()
                .when(new RegisterInspectionObject(VALID, false, "ENTERPRISE", "n", "food", "雁江区", null, "OPEN",
                        null, "scjgj"))
                .expectNoEvents()
                .expectException(refused("status", "unknown-value"));
    }

    @Test
    void cannotRegisterWithoutAnIndustryDistrictOrDepartment() {
        fixture.givenNoPriorActivity()
                .when(new RegisterInspectionObject(VALID, false, "ENTERPRISE", "n", null, "雁江区", null, "ACTIVE",
                        null, "scjgj"))
                .expectNoEvents()
                .expectException(refused("industry", "required"));
        fixture.givenNoPriorActivity()
                .when(new RegisterInspectionObject(VALID, false, "ENTERPRISE", "n", "food", "雁江\u0007区", null,
                        "ACTIVE", null, "scjgj"))
                .expectNoEvents()
                .expectException(refused("district", "control-character"));
        fixture.givenNoPriorActivity()
                .when(new RegisterInspectionObject(VALID, false, "ENTERPRISE", "n", "food", "雁江区", null, "ACTIVE",
                        null, ""))
                .expectNoEvents()
                .expectException(refused("registryDepartment", "required"));
    }

    @Test
    void cannotRegisterARiskClassThatIsNotACommitment() {
        fixture.givenNoPriorActivity()
                .when(new RegisterInspectionObject(VALID, false, "ENTERPRISE", "n", "food", "雁江区", null, "ACTIVE",
                        new Commitment("B"), "scjgj"))
                .expectNoEvents()
                .expectException(refused("creditRiskClass", "commitment-format"));
    }

    @Test
    void cannotRegisterANameLongerThanAThousandCharacters() {
        fixture.givenNoPriorActivity()
                .when(new RegisterInspectionObject(VALID, false, "ENTERPRISE", "名".repeat(1001), "food", "雁江区",
                        null, "ACTIVE", null, "scjgj"))
                .expectNoEvents()
                .expectException(refused("name", "too-long"));
    }

    @Test
    void cannotRegisterAnIdentifierLongerThan256Utf8Bytes() {
        // 86 CJK characters are 258 UTF-8 bytes
        fixture.givenNoPriorActivity()
                .when(new RegisterInspectionObject(VALID, false, "ENTERPRISE", "n", "食".repeat(86), "雁江区", null,
                        "ACTIVE", null, "scjgj"))
                .expectNoEvents()
                .expectException(refused("industry", "identifier-too-long"));
    }

    @Test
    void cannotRegisterTextWithALoneSurrogate() {
        fixture.givenNoPriorActivity()
                .when(new RegisterInspectionObject(VALID, false, "ENTERPRISE", "n", "food", "雁江区",
                        "某路\uD83D号", "ACTIVE", null, "scjgj"))
                .expectNoEvents()
                .expectException(refused("address", "invalid-unicode"));
    }

    @Test
    void aRevisionCarriesTheCompleteNewStateAndKeepsTheIdsKindAndWarning() {
        fixture.given(registered(MISTYPED, "USCC", "CHECK_CHARACTER_MISMATCH", "ENTERPRISE"))
                .when(new ReviseInspectionObject(MISTYPED, "ENTERPRISE", "资阳市某某食品有限公司", "food", "雁江区",
                        "雁江区某路1号", "DEREGISTERED", RISK_C, "scjgj"))
                .expectEvents(new InspectionObjectRevised(MISTYPED, "USCC", "CHECK_CHARACTER_MISMATCH", "ENTERPRISE",
                        "资阳市某某食品有限公司", "food", "雁江区", "雁江区某路1号", "DEREGISTERED", RISK_C, "scjgj"));
    }

    @Test
    void revisingToTheSameStateWritesNothing() {
        fixture.given(registered(VALID, "USCC", null, "ENTERPRISE"))
                .when(new ReviseInspectionObject(VALID, "ENTERPRISE", " 资阳市某某食品有限公司", "food", "雁江区",
                        "雁江区某路1号", "ACTIVE", RISK_B, "scjgj"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cannotReviseToAnInvalidState() {
        fixture.given(registered(VALID, "USCC", null, "ENTERPRISE"))
                .when(new ReviseInspectionObject(VALID, "PRODUCT", "n", "food", "雁江区", null, "ACTIVE", null,
                        "scjgj"))
                .expectNoEvents()
                .expectException(refused("objectType", "type-id-mismatch"));
    }

    @Test
    void cannotReviseAnUnregisteredObject() {
        fixture.givenNoPriorActivity()
                .when(new ReviseInspectionObject(VALID, "ENTERPRISE", "n", "food", "雁江区", null, "ACTIVE", null,
                        "scjgj"))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }
}
