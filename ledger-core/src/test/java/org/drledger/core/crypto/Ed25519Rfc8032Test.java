package org.drledger.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.drledger.core.TestVectors;
import org.drledger.core.bytes.Hex;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Ed25519Rfc8032Test {
    private static final CryptoSuite ED = CryptoSuites.ED25519_SHA256;

    /** RFC 8032 §7.1 TEST 1 and TEST 2, literally. */
    @Test
    void rfc8032Tests1And2Literally() {
        SigningKey k1 = Ed25519Suite.fromSeed(Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(Hex.encode(k1.verifyingKey().rawPublicKey()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(Hex.encode(k1.sign(new byte[0]))).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065"
                + "224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        SigningKey k2 = Ed25519Suite.fromSeed(Hex.decode("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
        assertThat(Hex.encode(k2.verifyingKey().rawPublicKey()))
                .isEqualTo("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
        assertThat(Hex.encode(k2.sign(new byte[] {0x72}))).isEqualTo("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb37"
                + "62223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    }

    static Stream<Arguments> vectors() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : TestVectors.read("crypto/ed25519-rfc8032.json").get("cases")) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reproducesVector(String name, JsonNode c) {
        SigningKey key = Ed25519Suite.fromSeed(Hex.decode(c.get("secretKey").asText(), 32));
        VerifyingKey pub = key.verifyingKey();
        byte[] message = Hex.decode(c.get("message").asText());
        byte[] signature = Hex.decode(c.get("signature").asText(), 64);

        assertThat(Hex.encode(pub.rawPublicKey())).isEqualTo(c.get("publicKey").asText());
        assertThat(Hex.encode(key.sign(message))).isEqualTo(c.get("signature").asText());
        assertThat(pub.verify(message, signature)).isTrue();
        assertThat(Hex.encode(pub.spki())).isEqualTo(c.get("spki").asText());
        assertThat(pub.keyId()).isEqualTo(c.get("keyId").asText())
                .isEqualTo(Hex.encode(HashAlgorithm.SHA_256.digest(pub.spki())));
        assertThat(pub.toPem()).isEqualTo(c.get("publicKeyPem").asText());
        assertThat(key.toPkcs8Pem()).isEqualTo(c.get("privateKeyPem").asText());

        SigningKey read = ED.readPrivateKeyPem(c.get("privateKeyPem").asText());
        assertThat(read.verifyingKey()).isEqualTo(pub);
        assertThat(Hex.encode(read.sign(message))).isEqualTo(c.get("signature").asText());
        assertThat(ED.readPublicKeyPem(c.get("publicKeyPem").asText())).isEqualTo(pub);
        assertThat(ED.publicKeyFromRaw(Hex.decode(c.get("publicKey").asText()))).isEqualTo(pub);
        assertThat(ED.publicKeyFromSpki(Hex.decode(c.get("spki").asText()))).isEqualTo(pub);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void opensslReadsOurPemAndMakesTheSameSignature(String name, JsonNode c, @TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(OpenSsl.available(),
                "openssl 3 not on PATH: skipped the OpenSSL cross-check of Ed25519 PEM encodings and signatures");
        Path key = Files.writeString(dir.resolve("key.pem"), c.get("privateKeyPem").asText(), StandardCharsets.US_ASCII);
        assertThat(OpenSsl.run(new byte[0], "pkey", "-in", key.toString(), "-pubout").check("pkey").out())
                .isEqualTo(c.get("publicKeyPem").asText());
        byte[] message = Hex.decode(c.get("message").asText());
        Assumptions.assumeTrue(message.length > 0, "openssl 3.0 pkeyutl -rawin cannot sign an empty file");
        Path msg = Files.write(dir.resolve("msg"), message);
        byte[] sig = OpenSsl.run(new byte[0], "pkeyutl", "-sign", "-rawin", "-inkey", key.toString(), "-in",
                msg.toString()).check("pkeyutl -sign").stdout();
        assertThat(Hex.encode(sig)).isEqualTo(c.get("signature").asText());
    }
}
