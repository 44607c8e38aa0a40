package org.drledger.command.witness;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.core.checkpoint.NoteSigner;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.testing.DeterministicRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WitnessTest {
    private AggregateTestFixture<Witness> fixture;
    private final String cosignKey = NoteSigner.witness("jiwei.example/w",
            CryptoSuites.ED25519_SHA256.generateKey(new DeterministicRandom("w"))).noteKey().vkey();
    private final String logKey = NoteSigner.log("jiwei.example/w",
            CryptoSuites.ED25519_SHA256.generateKey(new DeterministicRandom("w"))).noteKey().vkey();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Witness.class);
    }

    @Test
    void registersAWitnessByItsCosignatureKey() {
        fixture.givenNoPriorActivity()
                .when(new Witness.RegisterWitness("jiwei.example/w", cosignKey))
                .expectEvents(new Witness.WitnessRegistered("jiwei.example/w", cosignKey));
    }

    @Test
    void cannotRegisterALogSignatureKeyAsAWitness() {
        fixture.givenNoPriorActivity()
                .when(new Witness.RegisterWitness("jiwei.example/w", logKey))
                .expectNoEvents()
                .expectException(CommandRefusedException.class);
    }

    @Test
    void cannotRegisterAMalformedKeyOrAMismatchedName() {
        fixture.givenNoPriorActivity()
                .when(new Witness.RegisterWitness("jiwei.example/w", "not-a-vkey"))
                .expectNoEvents()
                .expectException(CommandRefusedException.class);
        fixture.givenNoPriorActivity()
                .when(new Witness.RegisterWitness("other.example/w", cosignKey))
                .expectNoEvents()
                .expectExceptionMessage("the witness name must equal the key name jiwei.example/w");
    }

    @Test
    void retiresAWitnessOnce() {
        fixture.given(new Witness.WitnessRegistered("jiwei.example/w", cosignKey))
                .when(new Witness.RetireWitness("jiwei.example/w", "mandate ended"))
                .expectEvents(new Witness.WitnessRetired("jiwei.example/w", "mandate ended"));
        fixture.given(new Witness.WitnessRegistered("jiwei.example/w", cosignKey),
                        new Witness.WitnessRetired("jiwei.example/w", "x"))
                .when(new Witness.RetireWitness("jiwei.example/w", "again"))
                .expectNoEvents()
                .expectException(CommandRefusedException.class);
    }
}
