package org.drledger.command.vault;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.drledger.command.support.CommandRefusedException;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonalDataTest {
    private static final String C = "3f".repeat(32);
    private FixtureConfiguration<PersonalData> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(PersonalData.class);
    }

    @Test
    void aRecordedOpeningIsShreddedOnceWithReasonAndLegalBasis() {
        fixture.givenNoPriorActivity()
                .when(new ShredPersonalData(C, "  the inspector left the roster  ", "个人信息保护法 第四十七条"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonalDataShredded(C, "the inspector left the roster", "个人信息保护法 第四十七条"));
    }

    @Test
    void aSecondShredIsAConflict() {
        fixture.given(new PersonalDataShredded(C, "request of the data subject", "PIPL art. 47"))
                .when(new ShredPersonalData(C, "again", "PIPL art. 47"))
                .expectNoEvents()
                .expectException(refusal("commitment", "already-shredded", true))
                .expectExceptionMessage("the opening of " + C + " is already shredded");
    }

    @Test
    void aShredWithoutReasonIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ShredPersonalData(C, "  ", "PIPL art. 47"))
                .expectNoEvents()
                .expectException(refusal("reason", "required", false));
    }

    @Test
    void aShredWithoutLegalBasisIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ShredPersonalData(C, "retention period over", null))
                .expectNoEvents()
                .expectException(refusal("legalBasis", "required", false));
    }

    @Test
    void aMalformedCommitmentIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ShredPersonalData("3F".repeat(32), "r", "b"))
                .expectNoEvents()
                .expectException(refusal("commitment", "commitment-format", false));
    }

    private static Matcher<CommandRefusedException> refusal(String field, String rule, boolean conflict) {
        return new CustomTypeSafeMatcher<>("a refusal of " + field + " by rule " + rule + (conflict ? " (conflict)" : "")) {
            @Override
            protected boolean matchesSafely(CommandRefusedException e) {
                return e.field().equals(field) && e.rule().equals(rule) && e.isConflict() == conflict;
            }
        };
    }
}
