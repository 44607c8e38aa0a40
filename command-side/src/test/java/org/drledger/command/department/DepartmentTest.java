package org.drledger.command.department;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.drledger.command.department.Commands.MarkDepartmentKeyCompromised;
import org.drledger.command.department.Commands.RegisterDepartment;
import org.drledger.command.department.Commands.RegisterDepartmentKey;
import org.drledger.command.department.Commands.RevokeDepartmentKey;
import org.drledger.command.department.Commands.RotateDepartmentKey;
import org.drledger.command.department.Events.DepartmentKeyCompromised;
import org.drledger.command.department.Events.DepartmentKeyRegistered;
import org.drledger.command.department.Events.DepartmentKeyRevoked;
import org.drledger.command.department.Events.DepartmentKeyRotated;
import org.drledger.command.department.Events.DepartmentRegistered;
import org.drledger.command.support.CommandRefusedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DepartmentTest {
    private static final String K1 = "1".repeat(64);
    private static final String K2 = "2".repeat(64);
    private static final String PEM = "-----BEGIN PUBLIC KEY-----\n...\n-----END PUBLIC KEY-----\n";

    private AggregateTestFixture<Department> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Department.class);
    }

    private static DepartmentRegistered registered() {
        return new DepartmentRegistered("scjgj", "资阳区市场监督管理局", false, null);
    }

    @Test
    void registersADepartment() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDepartment("scjgj", " 资阳区市场监督管理局 ", false, null))
                .expectEvents(registered());
    }

    @Test
    void cannotRegisterADepartmentWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDepartment("scjgj", " ", false, null))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("name is required");
    }

    @Test
    void onlyTheOfficeTakesItsKeyFromGenesis() {
        fixture.givenNoPriorActivity()
                .when(new RegisterDepartment("scjgj", "x", false, K1))
                .expectNoEvents()
                .expectException(CommandRefusedException.class);
    }

    @Test
    void theOfficeStartsWithItsGenesisKeyActive() {
        fixture.given(new DepartmentRegistered("lianxiban", "office", true, K1))
                .when(new RotateDepartmentKey("lianxiban", K1, K2, PEM, "scheduled rotation"))
                .expectEvents(new DepartmentKeyRotated("lianxiban", K1, K2, PEM, "scheduled rotation"));
    }

    @Test
    void registersAFirstKey() {
        fixture.given(registered())
                .when(new RegisterDepartmentKey("scjgj", K1, PEM))
                .expectEvents(new DepartmentKeyRegistered("scjgj", K1, PEM));
    }

    @Test
    void cannotRegisterASecondActiveKey() {
        fixture.given(registered(), new DepartmentKeyRegistered("scjgj", K1, PEM))
                .when(new RegisterDepartmentKey("scjgj", K2, PEM))
                .expectNoEvents()
                .expectExceptionMessage("department scjgj already has an active key; rotate it instead");
    }

    @Test
    void cannotRegisterAMalformedKeyId() {
        fixture.given(registered())
                .when(new RegisterDepartmentKey("scjgj", "ABC", PEM))
                .expectNoEvents()
                .expectException(CommandRefusedException.class);
    }

    @Test
    void cannotRotateAKeyThatIsNotActive() {
        fixture.given(registered(), new DepartmentKeyRegistered("scjgj", K1, PEM), new DepartmentKeyRevoked("scjgj", K1, "lost"))
                .when(new RotateDepartmentKey("scjgj", K1, K2, PEM, "rotate"))
                .expectNoEvents()
                .expectExceptionMessage("key " + K1 + " is not the active key of scjgj");
    }

    @Test
    void cannotRotateWithoutAReason() {
        fixture.given(registered(), new DepartmentKeyRegistered("scjgj", K1, PEM))
                .when(new RotateDepartmentKey("scjgj", K1, K2, PEM, ""))
                .expectNoEvents()
                .expectExceptionMessage("reason is required");
    }

    @Test
    void cannotReuseAKeyId() {
        fixture.given(registered(), new DepartmentKeyRegistered("scjgj", K1, PEM))
                .when(new RotateDepartmentKey("scjgj", K1, K1, PEM, "rotate"))
                .expectNoEvents()
                .expectExceptionMessage("key " + K1 + " is already registered");
    }

    @Test
    void revokesAKey() {
        fixture.given(registered(), new DepartmentKeyRegistered("scjgj", K1, PEM))
                .when(new RevokeDepartmentKey("scjgj", K1, " left the department "))
                .expectEvents(new DepartmentKeyRevoked("scjgj", K1, "left the department"));
    }

    @Test
    void cannotRevokeAnUnknownOrRevokedKey() {
        fixture.given(registered())
                .when(new RevokeDepartmentKey("scjgj", K1, "x"))
                .expectNoEvents()
                .expectExceptionMessage("key " + K1 + " is not a key of scjgj");
        fixture.given(registered(), new DepartmentKeyRegistered("scjgj", K1, PEM), new DepartmentKeyRevoked("scjgj", K1, "x"))
                .when(new RevokeDepartmentKey("scjgj", K1, "again"))
                .expectNoEvents()
                .expectExceptionMessage("key " + K1 + " is already REVOKED");
    }

    @Test
    void aRevokedDepartmentMayRegisterANewKey() {
        fixture.given(registered(), new DepartmentKeyRegistered("scjgj", K1, PEM), new DepartmentKeyRevoked("scjgj", K1, "x"))
                .when(new RegisterDepartmentKey("scjgj", K2, PEM))
                .expectEvents(new DepartmentKeyRegistered("scjgj", K2, PEM));
    }

    @Test
    void marksAKeyCompromisedFromALedgerPosition() {
        fixture.given(registered(), new DepartmentKeyRegistered("scjgj", K1, PEM))
                .when(new MarkDepartmentKeyCompromised("scjgj", K1, 42, "key file leaked"))
                .expectEvents(new DepartmentKeyCompromised("scjgj", K1, 42, "key file leaked"));
    }

    @Test
    void cannotMarkCompromisedTwiceOrFromANegativePosition() {
        fixture.given(registered(), new DepartmentKeyRegistered("scjgj", K1, PEM), new DepartmentKeyCompromised("scjgj", K1, 3, "x"))
                .when(new MarkDepartmentKeyCompromised("scjgj", K1, 2, "again"))
                .expectNoEvents()
                .expectExceptionMessage("key " + K1 + " is already marked");
        fixture.given(registered(), new DepartmentKeyRegistered("scjgj", K1, PEM))
                .when(new MarkDepartmentKeyCompromised("scjgj", K1, -1, "x"))
                .expectNoEvents()
                .expectExceptionMessage("a ledger position is 0 or more");
    }
}
