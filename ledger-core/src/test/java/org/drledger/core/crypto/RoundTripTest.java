package org.drledger.core.crypto;

import org.drledger.core.testing.DeterministicRandom;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.drledger.core.bytes.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Property-style round trips: both suites, fixed seeds. */
class RoundTripTest {

    static Stream<Arguments> suitesAndSeeds() {
        List<Arguments> out = new ArrayList<>();
        for (CryptoSuite suite : CryptoSuites.all()) {
            for (long seed : new long[] {1, 2, 3, 42, 20240601}) {
                out.add(Arguments.of(suite.id(), seed));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("suitesAndSeeds")
    void generatePemReadSignVerify(String suiteId, long seed) {
        CryptoSuite suite = CryptoSuites.byId(suiteId);
        Random random = new Random(seed);
        SigningKey key = suite.generateKey(new DeterministicRandom(suiteId + "/" + seed));
        VerifyingKey pub = key.verifyingKey();
        assertThat(key.suite()).isSameAs(suite);
        assertThat(pub.suite()).isSameAs(suite);
        assertThat(pub.keyId()).matches("[0-9a-f]{64}").isEqualTo(Hex.encode(suite.hash().digest(pub.spki())));

        SigningKey read = suite.readPrivateKeyPem(key.toPkcs8Pem());
        assertThat(read.verifyingKey().keyId()).isEqualTo(pub.keyId());
        assertThat(read.toPkcs8Pem()).isEqualTo(key.toPkcs8Pem());
        VerifyingKey readPub = suite.readPublicKeyPem(pub.toPem());
        assertThat(readPub).isEqualTo(pub).hasSameHashCodeAs(pub);
        assertThat(readPub.keyId()).isEqualTo(pub.keyId());
        assertThat(suite.publicKeyFromSpki(pub.spki())).isEqualTo(pub);
        assertThat(suite.publicKeyFromRaw(pub.rawPublicKey())).isEqualTo(pub);
        assertThat(pub.rawPublicKey()).hasSize(suite == CryptoSuites.SM2_SM3 ? 65 : 32);

        for (int len : new int[] {0, 1, 31, 32, 33, 64, 1000}) {
            byte[] message = new byte[len];
            random.nextBytes(message);
            byte[] sig = key.sign(message);
            assertThat(pub.verify(message, sig)).isTrue();
            assertThat(readPub.verify(message, sig)).isTrue();
            assertThat(pub.verify(message, read.sign(message))).isTrue();
            for (int i = 0; i < 4 && len > 0; i++) {
                int bit = random.nextInt(len * 8);
                byte[] flipped = message.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                assertThat(pub.verify(flipped, sig)).as("message bit %d of %d flipped", bit, len * 8).isFalse();
            }
            byte[] longer = java.util.Arrays.copyOf(message, len + 1);
            assertThat(pub.verify(longer, sig)).isFalse();
        }
    }

    static Stream<Arguments> suitesAndTwoSeeds() {
        return suitesAndSeeds().filter(a -> (long) a.get()[1] <= 2);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("suitesAndTwoSeeds")
    void everySingleBitFlipOfASignatureFails(String suiteId, long seed) {
        CryptoSuite suite = CryptoSuites.byId(suiteId);
        SigningKey key = suite.generateKey(new DeterministicRandom("flip/" + suiteId + "/" + seed));
        byte[] message = ("message " + seed).getBytes(StandardCharsets.UTF_8);
        byte[] sig = key.sign(message);
        for (int bit = 0; bit < sig.length * 8; bit++) {
            byte[] flipped = sig.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(key.verifyingKey().verify(message, flipped)).as("signature bit %d flipped", bit).isFalse();
        }
        assertThat(key.verifyingKey().verify(message, sig)).isTrue();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("suitesAndSeeds")
    void randomBytesAsSignatureNeverThrow(String suiteId, long seed) {
        CryptoSuite suite = CryptoSuites.byId(suiteId);
        SigningKey key = suite.generateKey(new DeterministicRandom("junk/" + suiteId + "/" + seed));
        Random random = new Random(seed);
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[random.nextInt(100)];
            random.nextBytes(junk);
            if (random.nextBoolean() && junk.length > 2) { // make it look like DER
                junk[0] = 0x30;
                junk[1] = (byte) (junk.length - 2);
            }
            assertThat(key.verifyingKey().verify(message, junk)).isFalse();
        }
        assertThat(key.verifyingKey().verify(message, null)).isFalse();
        assertThat(key.verifyingKey().verify(message, key.sign(message))).isTrue();
    }

    /**
     * BC's SM2Signer resets to the state right after init (and re-feeds Z) after each signature, so the reused
     * per-thread signer must keep producing signatures that a freshly initialised signer accepts.
     */
    @Test
    void reusedSm2SignerAgreesWithAFreshSigner() {
        SigningKey key = CryptoSuites.SM2_SM3.generateKey(new DeterministicRandom("reuse"));
        byte[] id = CryptoSuites.SM2_USER_ID.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 5; i++) {
            byte[] m = ("message " + i).getBytes(StandardCharsets.UTF_8);
            byte[] sig = key.sign(m);
            assertThat(Sm2Suite.verifyWithUserId(key.verifyingKey(), id, m, sig)).as("signature %d", i).isTrue();
            assertThat(key.verifyingKey().verify(m, new byte[] {0x30, 0x03, 0x02, 0x01})).isFalse();
            assertThat(key.verifyingKey().verify(m, sig)).isTrue();
        }
    }

    @Test
    void generationIsDeterministicForAGivenRandomAndDiffersAcrossSeeds() {
        for (CryptoSuite suite : CryptoSuites.all()) {
            String a = suite.generateKey(new DeterministicRandom("same")).verifyingKey().keyId();
            String b = suite.generateKey(new DeterministicRandom("same")).verifyingKey().keyId();
            String c = suite.generateKey(new DeterministicRandom("other")).verifyingKey().keyId();
            assertThat(a).isEqualTo(b).isNotEqualTo(c);
        }
    }

    @Test
    void keysOfDifferentSuitesOrBytesAreNotEqualAndToStringHidesSecrets() {
        SigningKey sm2 = CryptoSuites.SM2_SM3.generateKey(new DeterministicRandom("eq/sm2"));
        SigningKey ed = CryptoSuites.ED25519_SHA256.generateKey(new DeterministicRandom("eq/ed"));
        SigningKey ed2 = CryptoSuites.ED25519_SHA256.generateKey(new DeterministicRandom("eq/ed2"));
        assertThat(sm2.verifyingKey()).isNotEqualTo(ed.verifyingKey());
        assertThat(ed.verifyingKey()).isNotEqualTo(ed2.verifyingKey()).isNotEqualTo(null).isNotEqualTo("x");
        String pemBody = ed.toPkcs8Pem().split("\n")[1];
        assertThat(ed.toString()).contains(ed.verifyingKey().keyId()).doesNotContain(pemBody);
        assertThat(sm2.toString()).contains("sm2-sm3").doesNotContain(sm2.toPkcs8Pem().split("\n")[1]);
    }

    @Test
    void returnedArraysAreCopies() {
        VerifyingKey pub = CryptoSuites.SM2_SM3.generateKey(new DeterministicRandom("copies")).verifyingKey();
        String keyId = pub.keyId();
        pub.spki()[30] ^= 1;
        pub.rawPublicKey()[10] ^= 1;
        assertThat(Hex.encode(HashAlgorithm.SM3.digest(pub.spki()))).isEqualTo(keyId);
        assertThat(CryptoSuites.SM2_SM3.publicKeyFromRaw(pub.rawPublicKey())).isEqualTo(pub);
    }
}
