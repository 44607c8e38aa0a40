package org.drledger.core.crypto;

import org.drledger.core.testing.DeterministicRandom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.drledger.core.crypto.CryptoSuitesTest.assertRule;

import org.junit.jupiter.api.Test;

class PemTest {
    private static final SigningKey KEY = CryptoSuites.SM2_SM3.generateKey(new DeterministicRandom("pem"));

    @Test
    void writesOpensslStylePem() {
        String pem = KEY.toPkcs8Pem();
        String[] lines = pem.split("\n", -1);
        assertThat(lines[0]).isEqualTo("-----BEGIN PRIVATE KEY-----");
        assertThat(lines[lines.length - 2]).isEqualTo("-----END PRIVATE KEY-----");
        assertThat(lines[lines.length - 1]).isEmpty();
        for (int i = 1; i < lines.length - 3; i++) {
            assertThat(lines[i]).hasSize(64);
        }
        assertThat(pem).doesNotContain("\r");
    }

    @Test
    void acceptsCrlfSurroundingWhitespaceAndOtherLineLengths() {
        String pem = KEY.verifyingKey().toPem();
        VerifyingKey expected = KEY.verifyingKey();
        assertThat(CryptoSuites.SM2_SM3.readPublicKeyPem(pem.replace("\n", "\r\n"))).isEqualTo(expected);
        assertThat(CryptoSuites.SM2_SM3.readPublicKeyPem("\n  " + pem + "\n\n")).isEqualTo(expected);
        String body = pem.substring(pem.indexOf('\n') + 1, pem.indexOf("-----END")).replace("\n", "");
        StringBuilder b = new StringBuilder("-----BEGIN PUBLIC KEY-----\n");
        for (int i = 0; i < body.length(); i += 76) {
            b.append(body, i, Math.min(body.length(), i + 76)).append('\n');
        }
        b.append("-----END PUBLIC KEY-----");
        assertThat(CryptoSuites.SM2_SM3.readPublicKeyPem(b.toString())).isEqualTo(expected);
    }

    @Test
    void rejectsNullAndBlankInput() {
        assertRule(() -> CryptoSuites.SM2_SM3.readPublicKeyPem(null), "not-pem");
        assertRule(() -> CryptoSuites.SM2_SM3.readPublicKeyPem(""), "not-pem");
        assertRule(() -> CryptoSuites.ED25519_SHA256.readPrivateKeyPem("   \n"), "not-pem");
        assertRule(() -> CryptoSuites.SM2_SM3.publicKeyFromSpki(new byte[0]), "bad-der");
    }

    @Test
    void encryptedPrivateKeyHasAClearMessage() {
        String encrypted = KEY.toPkcs8Pem().replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY");
        assertRule(() -> CryptoSuites.SM2_SM3.readPrivateKeyPem(encrypted), "wrong-pem-type");
        try {
            CryptoSuites.SM2_SM3.readPrivateKeyPem(encrypted);
        } catch (PemFormatException e) {
            assertThat(e.getMessage()).contains("encrypted private keys are not supported");
        }
    }
}
