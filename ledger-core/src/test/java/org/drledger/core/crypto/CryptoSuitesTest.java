package org.drledger.core.crypto;

import org.drledger.core.testing.DeterministicRandom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.drledger.core.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CryptoSuitesTest {

    @Test
    void suitesHaveTheirIdsAndHashes() {
        assertThat(CryptoSuites.SM2_SM3.id()).isEqualTo("sm2-sm3");
        assertThat(CryptoSuites.SM2_SM3.hash()).isEqualTo(HashAlgorithm.SM3);
        assertThat(CryptoSuites.ED25519_SHA256.id()).isEqualTo("ed25519-sha256");
        assertThat(CryptoSuites.ED25519_SHA256.hash()).isEqualTo(HashAlgorithm.SHA_256);
        assertThat(CryptoSuites.all()).containsExactly(CryptoSuites.SM2_SM3, CryptoSuites.ED25519_SHA256);
        assertThat(CryptoSuites.DEFAULT).isSameAs(CryptoSuites.SM2_SM3);
        assertThat(CryptoSuites.SM2_USER_ID).isEqualTo("1234567812345678");
    }

    @Test
    void byIdFindsBothSuites() {
        assertThat(CryptoSuites.byId("sm2-sm3")).isSameAs(CryptoSuites.SM2_SM3);
        assertThat(CryptoSuites.byId("ed25519-sha256")).isSameAs(CryptoSuites.ED25519_SHA256);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "SM2-SM3", "sm2", "ed25519", "ed25519-sha512", " sm2-sm3", "sm2-sm3 "})
    void byIdRejectsAnythingElse(String id) {
        assertThatThrownBy(() -> CryptoSuites.byId(id))
                .isInstanceOf(UnknownSuiteException.class)
                .isInstanceOf(FormatException.class)
                .satisfies(e -> assertThat(((FormatException) e).rule()).isEqualTo("unknown-suite"))
                .hasMessageContaining("sm2-sm3").hasMessageContaining("ed25519-sha256");
    }

    @Test
    void aKeyOfOneSuiteIsRejectedByTheOtherWithWrongAlgorithm() {
        SigningKey sm2 = CryptoSuites.SM2_SM3.generateKey(new DeterministicRandom("cross-suite/sm2"));
        SigningKey ed = CryptoSuites.ED25519_SHA256.generateKey(new DeterministicRandom("cross-suite/ed25519"));
        for (SigningKey key : new SigningKey[] {sm2, ed}) {
            CryptoSuite other = key.suite() == CryptoSuites.SM2_SM3 ? CryptoSuites.ED25519_SHA256 : CryptoSuites.SM2_SM3;
            assertRule(() -> other.readPrivateKeyPem(key.toPkcs8Pem()), "wrong-algorithm");
            assertRule(() -> other.readPublicKeyPem(key.verifyingKey().toPem()), "wrong-algorithm");
            assertRule(() -> other.publicKeyFromSpki(key.verifyingKey().spki()), "wrong-algorithm");
        }
        // raw keys carry no algorithm: the length or encoding gives them away
        assertRule(() -> CryptoSuites.SM2_SM3.publicKeyFromRaw(ed.verifyingKey().rawPublicKey()), "bad-key");
        assertRule(() -> CryptoSuites.ED25519_SHA256.publicKeyFromRaw(sm2.verifyingKey().rawPublicKey()), "bad-key");
    }

    static void assertRule(Runnable r, String rule) {
        assertThatThrownBy(r::run).isInstanceOf(PemFormatException.class)
                .satisfies(e -> assertThat(((PemFormatException) e).rule()).as(e.getMessage()).isEqualTo(rule));
    }
}
