package org.drledger.core.crypto;

import org.drledger.core.testing.DeterministicRandom;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drledger.core.TestVectors;
import org.drledger.core.bytes.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SM2 against OpenSSL 3: the stored vector always, live round trips when {@code openssl} is on the PATH. */
class Sm2InteropTest {
    private static final CryptoSuite SM2 = CryptoSuites.SM2_SM3;
    private static final JsonNode V = TestVectors.read("crypto/sm2-interop.json").get("cases").get(0);
    private static final byte[] EMPTY_ID = new byte[0];
    private static final byte[] SUITE_ID = CryptoSuites.SM2_USER_ID.getBytes(StandardCharsets.US_ASCII);

    private static byte[] hex(String field) {
        return Hex.decode(V.get(field).asText());
    }

    private static byte[] message() {
        byte[] m = V.get("message").asText().getBytes(StandardCharsets.UTF_8);
        assertThat(Hex.encode(m)).isEqualTo(V.get("messageHex").asText());
        return m;
    }

    @Test
    void readsOpensslKeysAndWritesTheSamePem() {
        SigningKey key = SM2.readPrivateKeyPem(V.get("privateKeyPem").asText());
        VerifyingKey pub = SM2.readPublicKeyPem(V.get("publicKeyPem").asText());
        assertThat(key.verifyingKey()).isEqualTo(pub).hasSameHashCodeAs(pub);
        assertThat(key.toPkcs8Pem()).isEqualTo(V.get("privateKeyPem").asText());
        assertThat(pub.toPem()).isEqualTo(V.get("publicKeyPem").asText());
        assertThat(Hex.encode(pub.spki())).isEqualTo(V.get("spki").asText());
        assertThat(Hex.encode(pub.rawPublicKey())).isEqualTo(V.get("rawPublicKey").asText());
        assertThat(pub.keyId()).isEqualTo(V.get("keyId").asText())
                .isEqualTo(Hex.encode(HashAlgorithm.SM3.digest(pub.spki())));
        assertThat(SM2.publicKeyFromRaw(hex("rawPublicKey"))).isEqualTo(pub);
        assertThat(SM2.publicKeyFromSpki(hex("spki"))).isEqualTo(pub);
    }

    @Test
    void opensslSignatureAndOursVerify() {
        VerifyingKey pub = SM2.readPublicKeyPem(V.get("publicKeyPem").asText());
        byte[] m = message();
        assertThat(V.get("userId").asText()).isEqualTo(CryptoSuites.SM2_USER_ID);
        assertThat(pub.verify(m, hex("opensslSignature"))).isTrue();
        assertThat(pub.verify(m, hex("ourSignature"))).isTrue();
        byte[] other = m.clone();
        other[0] ^= 1;
        assertThat(pub.verify(other, hex("opensslSignature"))).isFalse();
    }

    @Test
    void intermediateValuesExplainOpensslSignature() {
        byte[] raw = hex("rawPublicKey");
        byte[] m = message();
        assertThat(Hex.encode(Sm2Reference.z(SUITE_ID, raw))).isEqualTo(V.get("z").asText());
        assertThat(Hex.encode(Sm2Reference.e(hex("z"), m))).isEqualTo(V.get("e").asText());
        assertThat(Hex.encode(Sm2Reference.z(EMPTY_ID, raw))).isEqualTo(V.get("zEmptyUserId").asText());
        assertThat(Hex.encode(Sm2Reference.e(hex("zEmptyUserId"), m))).isEqualTo(V.get("eEmptyUserId").asText());

        BigInteger[] rs = Sm2Reference.rs(hex("opensslSignature"));
        assertThat(Hex.encode(KeyDer.unsigned(rs[0], 32))).isEqualTo(V.get("opensslSignatureR").asText());
        assertThat(Hex.encode(KeyDer.unsigned(rs[1], 32))).isEqualTo(V.get("opensslSignatureS").asText());
        assertThat(Sm2Reference.verifyWithE(raw, hex("e"), rs[0], rs[1])).isTrue();
        assertThat(Sm2Reference.verifyWithE(raw, hex("eEmptyUserId"), rs[0], rs[1])).isFalse();
        BigInteger[] rsEmpty = Sm2Reference.rs(hex("opensslSignatureEmptyUserId"));
        assertThat(Sm2Reference.verifyWithE(raw, hex("eEmptyUserId"), rsEmpty[0], rsEmpty[1])).isTrue();
    }

    /** The pitfall: OpenSSL signs with an EMPTY user id unless given -pkeyopt distid:1234567812345678. */
    @Test
    void userIdMismatchFailsBothWays() {
        VerifyingKey pub = SM2.readPublicKeyPem(V.get("publicKeyPem").asText());
        byte[] m = message();
        assertThat(Sm2Suite.verifyWithUserId(pub, EMPTY_ID, m, hex("opensslSignature"))).isFalse();
        assertThat(Sm2Suite.verifyWithUserId(pub, EMPTY_ID, m, hex("ourSignature"))).isFalse();
        assertThat(Sm2Suite.verifyWithUserId(pub, EMPTY_ID, m, hex("opensslSignatureEmptyUserId"))).isTrue();
        assertThat(pub.verify(m, hex("opensslSignatureEmptyUserId"))).isFalse();
        assertThat(Sm2Suite.verifyWithUserId(pub, SUITE_ID, m, hex("opensslSignature"))).isTrue();
    }

    @Test
    void opensslVerifiesTheStoredOurSignature(@TempDir Path dir) throws IOException {
        assumeOpenssl("verifying our stored SM2 signature with openssl pkeyutl");
        Path pub = Files.writeString(dir.resolve("pub.pem"), V.get("publicKeyPem").asText());
        Path msg = Files.write(dir.resolve("msg"), message());
        assertThat(opensslVerify(dir, pub, msg, hex("ourSignature"), true)).isTrue();
        assertThat(opensslVerify(dir, pub, msg, hex("ourSignature"), false)).as("openssl with its default empty id")
                .isFalse();
    }

    @Test
    void liveRoundTripOurKeyThroughOpenssl(@TempDir Path dir) throws IOException {
        assumeOpenssl("reading our SM2 PEMs and verifying a fresh signature with openssl");
        SigningKey key = SM2.generateKey(new DeterministicRandom("sm2-interop/live-ours"));
        Path priv = Files.writeString(dir.resolve("key.pem"), key.toPkcs8Pem());
        Path pub = Files.writeString(dir.resolve("pub.pem"), key.verifyingKey().toPem());
        assertThat(OpenSsl.run(new byte[0], "pkey", "-in", priv.toString(), "-pubout").check("pkey").out())
                .isEqualTo(key.verifyingKey().toPem());
        assertThat(OpenSsl.run(new byte[0], "pkey", "-in", priv.toString()).check("pkey").out())
                .isEqualTo(key.toPkcs8Pem());
        assertThat(OpenSsl.run(new byte[0], "pkey", "-pubin", "-in", pub.toString()).check("pkey").out())
                .isEqualTo(key.verifyingKey().toPem());
        byte[] m = "a fresh message signed by us".getBytes(StandardCharsets.UTF_8);
        Path msg = Files.write(dir.resolve("msg"), m);
        assertThat(opensslVerify(dir, pub, msg, key.sign(m), true)).isTrue();
    }

    @Test
    void liveRoundTripOpensslKeyThroughUs(@TempDir Path dir) throws IOException {
        assumeOpenssl("verifying a fresh openssl SM2 signature with our implementation");
        Path priv = dir.resolve("key.pem");
        OpenSsl.run(new byte[0], "genpkey", "-algorithm", "SM2", "-out", priv.toString()).check("genpkey");
        String pubPem = OpenSsl.run(new byte[0], "pkey", "-in", priv.toString(), "-pubout").check("pkey").out();
        byte[] m = "a fresh message signed by openssl".getBytes(StandardCharsets.UTF_8);
        Path msg = Files.write(dir.resolve("msg"), m);
        byte[] sig = OpenSsl.run(new byte[0], "pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-pkeyopt",
                "distid:" + CryptoSuites.SM2_USER_ID, "-inkey", priv.toString(), "-in", msg.toString())
                .check("pkeyutl -sign").stdout();
        SigningKey key = SM2.readPrivateKeyPem(Files.readString(priv));
        VerifyingKey pub = SM2.readPublicKeyPem(pubPem);
        assertThat(key.verifyingKey()).isEqualTo(pub);
        assertThat(pub.verify(m, sig)).isTrue();
        assertThat(pub.verify(m, key.sign(m))).isTrue();
    }

    private static void assumeOpenssl(String what) {
        org.junit.jupiter.api.Assumptions.assumeTrue(OpenSsl.available(), "openssl 3 not on PATH: skipped " + what);
    }

    private static boolean opensslVerify(Path dir, Path pubPem, Path msg, byte[] sig, boolean withSuiteId)
            throws IOException {
        Path s = Files.write(Files.createTempFile(dir, "sig", ".der"), sig);
        List<String> args = new ArrayList<>(List.of("pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin",
                "-inkey", pubPem.toString(), "-in", msg.toString(), "-sigfile", s.toString()));
        if (withSuiteId) {
            args.addAll(List.of("-pkeyopt", "distid:" + CryptoSuites.SM2_USER_ID));
        }
        OpenSsl.Result r = OpenSsl.run(new byte[0], args.toArray(String[]::new));
        if (r.exitCode() != 0 && !r.out().contains("Verification Failure")) {
            throw new IllegalStateException("openssl pkeyutl -verify did not run: " + r.stderr());
        }
        return r.exitCode() == 0;
    }
}
