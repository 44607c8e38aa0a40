package org.drledger.command.grant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.drledger.command.grant.Commands.GrantDepartmentAccess;
import org.drledger.command.grant.Commands.RevokeDepartmentAccess;
import org.drledger.command.grant.Events.DepartmentAccessGranted;
import org.drledger.command.grant.Events.DepartmentAccessRevoked;
import org.drledger.command.support.CommandRefusedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessGrantTest {
    private FixtureConfiguration<AccessGrant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccessGrant.class);
    }

    @Test
    void aFirstGrantStartsTheStream() {
        fixture.givenNoPriorActivity()
                .when(new GrantDepartmentAccess("scjgj", "swj", " 联合抽查 "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DepartmentAccessGranted("scjgj", "swj", "联合抽查"));
    }

    @Test
    void aGrantInForceIsNotGrantedTwice() {
        fixture.given(new DepartmentAccessGranted("scjgj", "swj", "x"))
                .when(new GrantDepartmentAccess("scjgj", "swj", "again"))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("scjgj has already granted access to swj");
    }

    @Test
    void aDepartmentDoesNotGrantItself() {
        fixture.givenNoPriorActivity()
                .when(new GrantDepartmentAccess("scjgj", "scjgj", "x"))
                .expectNoEvents()
                .expectException(CommandRefusedException.class);
    }

    @Test
    void aGrantNeedsAReason() {
        fixture.givenNoPriorActivity()
                .when(new GrantDepartmentAccess("scjgj", "swj", "  "))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("reason is required");
    }

    @Test
    void aGrantInForceIsRevoked() {
        fixture.given(new DepartmentAccessGranted("scjgj", "swj", "x"))
                .when(new RevokeDepartmentAccess("scjgj", "swj", "task finished"))
                .expectEvents(new DepartmentAccessRevoked("scjgj", "swj", "task finished"));
    }

    @Test
    void nothingIsRevokedThatWasNeverGranted() {
        fixture.givenNoPriorActivity()
                .when(new RevokeDepartmentAccess("scjgj", "swj", "x"))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("scjgj has not granted access to swj");
    }

    @Test
    void aRevokedGrantIsNotRevokedTwiceButMayBeGrantedAgain() {
        fixture.given(new DepartmentAccessGranted("scjgj", "swj", "x"), new DepartmentAccessRevoked("scjgj", "swj", "y"))
                .when(new RevokeDepartmentAccess("scjgj", "swj", "z"))
                .expectException(CommandRefusedException.class);
        fixture.given(new DepartmentAccessGranted("scjgj", "swj", "x"), new DepartmentAccessRevoked("scjgj", "swj", "y"))
                .when(new GrantDepartmentAccess("scjgj", "swj", "next task"))
                .expectEvents(new DepartmentAccessGranted("scjgj", "swj", "next task"));
    }
}
