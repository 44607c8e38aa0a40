package org.drledger.core.crypto;

import org.drledger.core.testing.DeterministicRandom;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.drledger.core.bytes.Hex;

/**
 * Writes docs/test-vectors/crypto/*.json. Run once (needs {@code openssl} 3 on the PATH), review, commit:
 * {@code java -cp ledger-core/target/classes:ledger-core/target/test-classes:<deps>
 * org.drledger.core.crypto.CryptoVectorsGenerator docs/test-vectors/crypto}. SM2 signatures and the OpenSSL keys
 * are random, so a re-run produces different (equally valid) SM2 values; everything else is reproduced exactly.
 */
public final class CryptoVectorsGenerator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final byte[] SM2_ID = CryptoSuites.SM2_USER_ID.getBytes(StandardCharsets.US_ASCII);
    /** The Ed25519 group order L, little-endian in signatures. */
    static final BigInteger ED25519_L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    private final Path out;
    private final Path tmp;

    private CryptoVectorsGenerator(Path out) throws IOException {
        this.out = out;
        this.tmp = Files.createTempDirectory("drl-crypto-vectors");
    }

    public static void main(String[] args) throws Exception {
        if (!OpenSsl.available()) {
            throw new IllegalStateException("openssl 3 must be on the PATH to generate the crypto vectors");
        }
        CryptoVectorsGenerator g = new CryptoVectorsGenerator(Path.of(args.length > 0 ? args[0] : "docs/test-vectors/crypto"));
        Files.createDirectories(g.out);
        g.write("hash-kat.json", g.hashKat());
        g.write("ed25519-rfc8032.json", g.ed25519Rfc8032());
        g.write("sm2-interop.json", g.sm2Interop());
        g.write("negative-signatures.json", g.negativeSignatures());
        g.write("negative-keys.json", g.negativeKeys());
    }

    // ---------------------------------------------------------------- hashes

    private ObjectNode hashKat() {
        ArrayNode cases = F.arrayNode();
        hashCase(cases, "sm3-abc", "GB/T 32905-2016 Appendix A, example 1", HashAlgorithm.SM3, "abc",
                "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        hashCase(cases, "sm3-abcd-x16", "GB/T 32905-2016 Appendix A, example 2: 'abcd' repeated 16 times (64 bytes)",
                HashAlgorithm.SM3, "abcd".repeat(16), "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
        hashCase(cases, "sm3-empty", "empty message; not in the standard, value from openssl dgst -sm3",
                HashAlgorithm.SM3, "", "1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b");
        hashCase(cases, "sha-256-abc", "FIPS 180-2 Appendix B.1 (one-block message)", HashAlgorithm.SHA_256, "abc",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        hashCase(cases, "sha-256-two-blocks", "FIPS 180-2 Appendix B.2 (multi-block message)", HashAlgorithm.SHA_256,
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        return file("Known-answer tests for the suite hashes: SM3 (sm2-sm3) and SHA-256 (ed25519-sha256). message is UTF-8"
                + " text, messageHex its bytes, digest the lowercase hex hash. Every value was also checked with"
                + " 'openssl dgst -sm3' / 'openssl dgst -sha256' (" + OpenSsl.version() + ").", cases);
    }

    private void hashCase(ArrayNode cases, String name, String desc, HashAlgorithm alg, String msg, String digest) {
        byte[] m = msg.getBytes(StandardCharsets.UTF_8);
        require(Hex.encode(alg.digest(m)).equals(digest), name + ": implementation disagrees with the standard");
        String dgst = OpenSsl.run(m, "dgst", alg == HashAlgorithm.SM3 ? "-sm3" : "-sha256", "-r").check("dgst").out();
        require(dgst.startsWith(digest + " "), name + ": openssl disagrees: " + dgst);
        ObjectNode c = cases.addObject();
        c.put("name", name).put("desc", desc).put("alg", alg.id()).put("message", msg).put("messageHex", Hex.encode(m))
                .put("digest", digest);
    }

    // ---------------------------------------------------------------- Ed25519

    /** RFC 8032 §7.1 (secret key, public key, message, signature), copied from the RFC. */
    static final String[][] RFC8032 = {
        {"rfc8032-test-1", "RFC 8032 §7.1 TEST 1 (empty message)",
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
        {"rfc8032-test-2", "RFC 8032 §7.1 TEST 2 (1-byte message)",
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
        {"rfc8032-test-3", "RFC 8032 §7.1 TEST 3 (2-byte message)",
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"},
        {"rfc8032-test-1024", "RFC 8032 §7.1 TEST 1024 (1023-byte message)",
            "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
            "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
            "08b8b2b733424243760fe426a4b54908632110a66c2f6591eabd3345e3e4eb98fa6e264bf09efe12ee50f8f54e9f77b1"
                + "e355f6c50544e23fb1433ddf73be84d879de7c0046dc4996d9e773f4bc9efe5738829adb26c81b37c93a1b270b20329d"
                + "658675fc6ea534e0810a4432826bf58c941efb65d57a338bbd2e26640f89ffbc1a858efcb8550ee3a5e1998bd177e93a"
                + "7363c344fe6b199ee5d02e82d522c4feba15452f80288a821a579116ec6dad2b3b310da903401aa62100ab5d1a36553e"
                + "06203b33890cc9b832f79ef80560ccb9a39ce767967ed628c6ad573cb116dbefefd75499da96bd68a8a97b928a8bbc10"
                + "3b6621fcde2beca1231d206be6cd9ec7aff6f6c94fcd7204ed3455c68c83f4a41da4af2b74ef5c53f1d8ac70bdcb7ed1"
                + "85ce81bd84359d44254d95629e9855a94a7c1958d1f8ada5d0532ed8a5aa3fb2d17ba70eb6248e594e1a2297acbbb39d"
                + "502f1a8c6eb6f1ce22b3de1a1f40cc24554119a831a9aad6079cad88425de6bde1a9187ebb6092cf67bf2b13fd65f270"
                + "88d78b7e883c8759d2c4f5c65adb7553878ad575f9fad878e80a0c9ba63bcbcc2732e69485bbc9c90bfbd62481d9089b"
                + "eccf80cfe2df16a2cf65bd92dd597b0707e0917af48bbb75fed413d238f5555a7a569d80c3414a8d0859dc65a46128ba"
                + "b27af87a71314f318c782b23ebfe808b82b0ce26401d2e22f04d83d1255dc51addd3b75a2b1ae0784504df543af8969b"
                + "e3ea7082ff7fc9888c144da2af58429ec96031dbcad3dad9af0dcbaaaf268cb8fcffead94f3c7ca495e056a9b47acdb7"
                + "51fb73e666c6c655ade8297297d07ad1ba5e43f1bca32301651339e22904cc8c42f58c30c04aafdb038dda0847dd988d"
                + "cda6f3bfd15c4b4c4525004aa06eeff8ca61783aacec57fb3d1f92b0fe2fd1a85f6724517b65e614ad6808d6f6ee34df"
                + "f7310fdc82aebfd904b01e1dc54b2927094b2db68d6f903b68401adebf5a7e08d78ff4ef5d63653a65040cf9bfd4aca7"
                + "984a74d37145986780fc0b16ac451649de6188a7dbdf191f64b5fc5e2ab47b57f7f7276cd419c17a3ca8e1b939ae49e4"
                + "88acba6b965610b5480109c8b17b80e1b7b750dfc7598d5d5011fd2dcc5600a32ef5b52a1ecc820e308aa342721aac09"
                + "43bf6686b64b2579376504ccc493d97e6aed3fb0f9cd71a43dd497f01f17c0e2cb3797aa2a2f256656168e6c496afc5f"
                + "b93246f6b1116398a346f1a641f3b041e989f7914f90cc2c7fff357876e506b50d334ba77c225bc307ba537152f3f161"
                + "0e4eafe595f6d9d90d11faa933a15ef1369546868a7f3a45a96768d40fd9d03412c091c6315cf4fde7cb68606937380d"
                + "b2eaaa707b4c4185c32eddcdd306705e4dc1ffc872eeee475a64dfac86aba41c0618983f8741c5ef68d3a101e8a3b8ca"
                + "c60c905c15fc910840b94c00a0b9d0",
            "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03"},
        {"rfc8032-test-sha-abc", "RFC 8032 §7.1 TEST SHA(abc) (message = SHA-512(\"abc\"))",
            "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
            "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"},
    };

    private ObjectNode ed25519Rfc8032() throws IOException {
        ArrayNode cases = F.arrayNode();
        for (String[] v : RFC8032) {
            SigningKey k = Ed25519Suite.fromSeed(Hex.decode(v[2]));
            VerifyingKey pub = k.verifyingKey();
            byte[] msg = Hex.decode(v[4]);
            require(Hex.encode(pub.rawPublicKey()).equals(v[3]), v[0] + ": public key differs from RFC 8032");
            require(Hex.encode(k.sign(msg)).equals(v[5]), v[0] + ": signature differs from RFC 8032");
            // OpenSSL reads our PKCS#8, derives the same SPKI and (except for the empty message, which
            // 'pkeyutl -rawin' of 3.0 refuses) makes the same signature.
            Path key = tmpFile(v[0] + ".pem", k.toPkcs8Pem().getBytes(StandardCharsets.US_ASCII));
            require(OpenSsl.run(new byte[0], "pkey", "-in", key.toString(), "-pubout").check("pkey").out()
                    .equals(pub.toPem()), v[0] + ": openssl derives another public key PEM");
            if (msg.length > 0) {
                Path m = tmpFile(v[0] + ".msg", msg);
                byte[] sig = OpenSsl.run(new byte[0], "pkeyutl", "-sign", "-rawin", "-inkey", key.toString(), "-in",
                        m.toString()).check("pkeyutl -sign").stdout();
                require(Hex.encode(sig).equals(v[5]), v[0] + ": openssl signature differs");
            }
            ObjectNode c = cases.addObject();
            c.put("name", v[0]).put("desc", v[1]).put("secretKey", v[2]).put("publicKey", v[3]).put("message", v[4])
                    .put("signature", v[5]).put("spki", Hex.encode(pub.spki())).put("keyId", pub.keyId())
                    .put("publicKeyPem", pub.toPem()).put("privateKeyPem", k.toPkcs8Pem());
        }
        return file("Ed25519 (pure, RFC 8032 §5.1) known answers: the five test vectors of RFC 8032 §7.1"
                + " (https://www.rfc-editor.org/rfc/rfc8032#section-7.1). secretKey, publicKey, message and signature"
                + " are the RFC's values; spki (RFC 8410 SubjectPublicKeyInfo, OID 1.3.101.112), keyId ="
                + " hex(SHA-256(spki)), publicKeyPem and privateKeyPem (PKCS#8 v1) are derived, and OpenSSL ("
                + OpenSsl.version() + ") derived the same public key PEM from privateKeyPem and, for every non-empty"
                + " message, the same signature. A conforming implementation reproduces every value.", cases);
    }

    // ---------------------------------------------------------------- SM2 interop

    private ObjectNode sm2Interop() throws IOException {
        List<String> commands = new ArrayList<>();
        Path key = tmp.resolve("sm2.pem");
        Path pub = tmp.resolve("sm2.pub.pem");
        String message = "drl sm2 interop: 双随机、一公开\n";
        Path msg = tmpFile("sm2.msg", message.getBytes(StandardCharsets.UTF_8));
        commands.add(ossl(List.of("genpkey", "-algorithm", "SM2", "-out", key.toString())));
        commands.add(ossl(List.of("pkey", "-in", key.toString(), "-pubout", "-out", pub.toString())));
        List<String> sign = List.of("pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-pkeyopt",
                "distid:" + CryptoSuites.SM2_USER_ID, "-inkey", key.toString(), "-in", msg.toString());
        byte[] osslSig = OpenSsl.run(new byte[0], sign.toArray(String[]::new)).check("sign").stdout();
        commands.add("openssl " + String.join(" ", sign) + " > sig.der");
        List<String> signEmpty = List.of("pkeyutl", "-sign", "-rawin", "-digest", "sm3", "-inkey", key.toString(),
                "-in", msg.toString());
        byte[] osslSigEmpty = OpenSsl.run(new byte[0], signEmpty.toArray(String[]::new)).check("sign").stdout();
        commands.add("openssl " + String.join(" ", signEmpty) + " > sig-empty-id.der");

        String privatePem = Files.readString(key, StandardCharsets.US_ASCII);
        String publicPem = Files.readString(pub, StandardCharsets.US_ASCII);
        SigningKey k = CryptoSuites.SM2_SM3.readPrivateKeyPem(privatePem);
        VerifyingKey v = CryptoSuites.SM2_SM3.readPublicKeyPem(publicPem);
        byte[] m = message.getBytes(StandardCharsets.UTF_8);
        byte[] ours = k.sign(m);
        require(v.equals(k.verifyingKey()), "public key PEM does not match private key PEM");
        require(k.toPkcs8Pem().equals(privatePem) && v.toPem().equals(publicPem), "our PEM differs from OpenSSL's");
        require(v.verify(m, osslSig) && v.verify(m, ours), "a good signature does not verify");
        require(!v.verify(m, osslSigEmpty), "an empty-id signature verifies");
        require(opensslSm2Verify(pub, msg, ours, true), "openssl rejects our signature");
        String keyIdOpenssl = OpenSsl.run(v.spki(), "dgst", "-sm3", "-r").check("dgst").out().substring(0, 64);
        require(keyIdOpenssl.equals(v.keyId()), "key id differs from openssl dgst -sm3 over the DER SPKI");

        byte[] raw = v.rawPublicKey();
        byte[] z = Sm2Reference.z(SM2_ID, raw);
        byte[] e = Sm2Reference.e(z, m);
        byte[] zEmpty = Sm2Reference.z(new byte[0], raw);
        byte[] eEmpty = Sm2Reference.e(zEmpty, m);
        BigInteger[] rs = Sm2Reference.rs(osslSig);
        BigInteger[] rsEmpty = Sm2Reference.rs(osslSigEmpty);
        require(Sm2Reference.verifyWithE(raw, e, rs[0], rs[1]), "Z/e do not explain openssl's signature");
        require(Sm2Reference.verifyWithE(raw, eEmpty, rsEmpty[0], rsEmpty[1]), "empty-id Z/e do not explain it");

        ObjectNode c = F.objectNode();
        c.put("name", "openssl-3-keypair");
        c.put("desc", "A THROWAWAY TEST KEY generated by OpenSSL for this vector only; never use it for anything"
                + " else. The private key is here so that anyone can re-sign and compare the PEM encodings.");
        c.set("commands", F.arrayNode().addAll(commands.stream().map(F::textNode).toList()));
        c.put("privateKeyPem", privatePem).put("publicKeyPem", publicPem);
        c.put("spki", Hex.encode(v.spki())).put("rawPublicKey", Hex.encode(raw)).put("keyId", v.keyId());
        c.put("userId", CryptoSuites.SM2_USER_ID).put("userIdHex", Hex.encode(SM2_ID));
        c.put("message", message).put("messageHex", Hex.encode(m));
        c.put("z", Hex.encode(z)).put("e", Hex.encode(e));
        c.put("opensslSignature", Hex.encode(osslSig)).put("opensslSignatureR", Hex.encode(KeyDer.unsigned(rs[0], 32)))
                .put("opensslSignatureS", Hex.encode(KeyDer.unsigned(rs[1], 32)));
        c.put("ourSignature", Hex.encode(ours));
        c.put("zEmptyUserId", Hex.encode(zEmpty)).put("eEmptyUserId", Hex.encode(eEmpty));
        c.put("opensslSignatureEmptyUserId", Hex.encode(osslSigEmpty));
        return file("SM2 (GB/T 32918.2, SM3 digest) interoperability with OpenSSL (" + OpenSsl.version() + "). Keys:"
                + " PKCS#8 / SubjectPublicKeyInfo with id-ecPublicKey and the named curve sm2p256v1"
                + " (1.2.156.10197.1.301); our PEM output is byte-identical to OpenSSL's. Signatures are DER"
                + " SEQUENCE{r, s} over e = SM3(Z || message), Z = SM3(ENTL || userId || a || b || xG || yG || xA ||"
                + " yA), with userId = ASCII '1234567812345678' (GM/T 0009 default) given to OpenSSL as"
                + " '-pkeyopt distid:1234567812345678'. keyId = hex(SM3(spki)), also checked with 'openssl dgst -sm3'."
                + " SM2 signatures are randomised: verify them, do not expect to reproduce them. PITFALL:"
                + " opensslSignatureEmptyUserId was made by 'openssl pkeyutl' WITHOUT distid, i.e. with an empty user id"
                + " (zEmptyUserId, eEmptyUserId); it must NOT verify under the sm2-sm3 suite, and opensslSignature must"
                + " not verify with an empty id.", F.arrayNode().add(c));
    }

    private boolean opensslSm2Verify(Path pubPem, Path msg, byte[] sig, boolean withId) throws IOException {
        Path s = tmpFile("verify.sig", sig);
        List<String> cmd = new ArrayList<>(List.of("pkeyutl", "-verify", "-rawin", "-digest", "sm3", "-pubin",
                "-inkey", pubPem.toString(), "-in", msg.toString(), "-sigfile", s.toString()));
        if (withId) {
            cmd.addAll(List.of("-pkeyopt", "distid:" + CryptoSuites.SM2_USER_ID));
        }
        return OpenSsl.run(new byte[0], cmd.toArray(String[]::new)).exitCode() == 0;
    }

    // ---------------------------------------------------------------- negative signatures

    private ObjectNode negativeSignatures() {
        ArrayNode cases = F.arrayNode();
        byte[] msg = "drl negative signature vectors".getBytes(StandardCharsets.UTF_8);
        byte[] other = "drl negative signature vectors.".getBytes(StandardCharsets.UTF_8);

        SigningKey ed = Ed25519Suite.fromSeed(Hex.decode(RFC8032[0][2]));
        SigningKey ed2 = Ed25519Suite.fromSeed(Hex.decode(RFC8032[1][2]));
        byte[] edSig = ed.sign(msg);
        String edDesc = "Ed25519, key of RFC 8032 TEST 1";
        sigCase(cases, "ed25519-valid", edDesc + ": the unmodified signature", ed, msg, edSig, true);
        sigCase(cases, "ed25519-bit-flipped-r", edDesc + ": bit 0 of byte 5 (in R) flipped", ed, msg, flip(edSig, 5), false);
        sigCase(cases, "ed25519-bit-flipped-s", edDesc + ": bit 0 of byte 40 (in S) flipped", ed, msg, flip(edSig, 40), false);
        sigCase(cases, "ed25519-other-message", edDesc + ": a valid signature of another message", ed, msg,
                ed.sign(other), false);
        sigCase(cases, "ed25519-wrong-key", "Ed25519: a valid signature by the RFC 8032 TEST 2 key, checked with the"
                + " TEST 1 key", ed, msg, ed2.sign(msg), false);
        sigCase(cases, "ed25519-truncated", edDesc + ": last byte removed (63 bytes)", ed, msg,
                Arrays.copyOf(edSig, 63), false);
        sigCase(cases, "ed25519-trailing-byte", edDesc + ": a zero byte appended (65 bytes)", ed, msg,
                Arrays.copyOf(edSig, 65), false);
        sigCase(cases, "ed25519-s-plus-l", edDesc + ": S replaced by S + L (L = group order). [S+L]B = [S]B, so a"
                + " verifier without the S < L check of RFC 8032 §5.1.7 accepts it (signature malleability)", ed, msg,
                sPlusL(edSig), false);
        sigCase(cases, "ed25519-empty", edDesc + ": empty signature", ed, msg, new byte[0], false);
        sigCase(cases, "ed25519-zero", edDesc + ": 64 zero bytes", ed, msg, new byte[64], false);

        SigningKey sm = CryptoSuites.SM2_SM3.generateKey(new DeterministicRandom("drl/crypto-vectors/sm2-a"));
        SigningKey sm2 = CryptoSuites.SM2_SM3.generateKey(new DeterministicRandom("drl/crypto-vectors/sm2-b"));
        byte[] smSig = sm.sign(msg);
        BigInteger[] rs = Sm2Reference.rs(smSig);
        BigInteger n = Sm2Suite.DOMAIN.getN();
        String smDesc = "SM2, the key generated from DeterministicRandom(\"drl/crypto-vectors/sm2-a\")";
        sigCase(cases, "sm2-valid", smDesc + ": the unmodified signature", sm, msg, smSig, true);
        sigCase(cases, "sm2-bit-flipped", smDesc + ": bit 0 of the last byte (in s) flipped", sm, msg,
                flip(smSig, smSig.length - 1), false);
        sigCase(cases, "sm2-other-message", smDesc + ": a valid signature of another message", sm, msg,
                sm.sign(other), false);
        sigCase(cases, "sm2-wrong-key", "SM2: a valid signature by the key of DeterministicRandom(\"drl/crypto-vectors/"
                + "sm2-b\"), checked with the sm2-a key", sm, msg, sm2.sign(msg), false);
        sigCase(cases, "sm2-empty-user-id", smDesc + ": a valid signature made with the EMPTY user id (what 'openssl"
                + " pkeyutl' does without -pkeyopt distid:...); the suite's user id is 1234567812345678", sm, msg,
                signSm2WithId(sm, new byte[0], msg), false);
        sigCase(cases, "sm2-truncated", smDesc + ": last byte removed (DER length mismatch)", sm, msg,
                Arrays.copyOf(smSig, smSig.length - 1), false);
        sigCase(cases, "sm2-der-trailing-byte", smDesc + ": a zero byte appended after the DER SEQUENCE", sm, msg,
                Arrays.copyOf(smSig, smSig.length + 1), false);
        sigCase(cases, "sm2-der-non-minimal-integer", smDesc + ": r encoded with an extra leading zero byte (BER, not"
                + " DER)", sm, msg, seq(intPadded(rs[0]), der(new ASN1Integer(rs[1]))), false);
        sigCase(cases, "sm2-der-long-form-length", smDesc + ": SEQUENCE length in long form 0x81 (BER, not DER)", sm,
                msg, longFormLength(smSig), false);
        sigCase(cases, "sm2-raw-r-s", smDesc + ": r || s as two 32-byte big-endian numbers instead of DER (the"
                + " fixed-length format some SM2 libraries emit)", sm, msg,
                concat(KeyDer.unsigned(rs[0], 32), KeyDer.unsigned(rs[1], 32)), false);
        sigCase(cases, "sm2-r-zero", smDesc + ": r = 0 (outside [1, n-1])", sm, msg, rsDer(BigInteger.ZERO, rs[1]), false);
        sigCase(cases, "sm2-s-equals-n", smDesc + ": s = n (outside [1, n-1])", sm, msg, rsDer(rs[0], n), false);
        sigCase(cases, "sm2-r-plus-n", smDesc + ": r + n (congruent, but outside [1, n-1])", sm, msg,
                rsDer(rs[0].add(n), rs[1]), false);
        sigCase(cases, "sm2-negative-s", smDesc + ": s - n (negative)", sm, msg, rsDer(rs[0], rs[1].subtract(n)), false);
        sigCase(cases, "sm2-empty", smDesc + ": empty signature", sm, msg, new byte[0], false);
        return file("Signature verification, one valid signature per suite and systematic faults. Each case: suite,"
                + " spki (hex DER SubjectPublicKeyInfo of the verifying key), message (hex), signature (hex) and valid:"
                + " whether verify must accept. A verifier returns false (it does not fail) on every invalid case."
                + " SM2 cases use user id 1234567812345678; their signatures are randomised.", cases);
    }

    private static void sigCase(ArrayNode cases, String name, String desc, SigningKey key, byte[] msg, byte[] sig,
            boolean valid) {
        require(key.verifyingKey().verify(msg, sig) == valid, name + ": verify gives " + !valid);
        cases.addObject().put("name", name).put("desc", desc).put("suite", key.suite().id())
                .put("spki", Hex.encode(key.verifyingKey().spki())).put("message", Hex.encode(msg))
                .put("signature", Hex.encode(sig)).put("valid", valid);
    }

    private static byte[] signSm2WithId(SigningKey key, byte[] id, byte[] msg) {
        KeyDer.Pkcs8 p8 = KeyDer.parsePkcs8(Pem.decode(key.toPkcs8Pem(), Pem.PRIVATE_KEY));
        BigInteger d = new BigInteger(1, KeyDer.parseEcPrivateKey(p8.privateKey()).d());
        SM2Signer s = new SM2Signer();
        s.init(true, new ParametersWithID(new ECPrivateKeyParameters(d, Sm2Suite.DOMAIN), id));
        s.update(msg, 0, msg.length);
        try {
            return s.generateSignature();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sPlusL(byte[] sig) {
        byte[] le = Arrays.copyOfRange(sig, 32, 64);
        BigInteger s = new BigInteger(1, reverse(le)).add(ED25519_L);
        byte[] out = sig.clone();
        System.arraycopy(reverse(KeyDer.unsigned(s, 32)), 0, out, 32, 32);
        return out;
    }

    // ---------------------------------------------------------------- negative keys

    private ObjectNode negativeKeys() throws IOException {
        ArrayNode cases = F.arrayNode();
        SigningKey sm = CryptoSuites.SM2_SM3.generateKey(new DeterministicRandom("drl/crypto-vectors/sm2-a"));
        SigningKey smB = CryptoSuites.SM2_SM3.generateKey(new DeterministicRandom("drl/crypto-vectors/sm2-b"));
        SigningKey ed = CryptoSuites.ED25519_SHA256.generateKey(new DeterministicRandom("drl/crypto-vectors/ed25519-a"));
        String smPriv = sm.toPkcs8Pem();
        String smPub = sm.verifyingKey().toPem();
        byte[] smSpki = sm.verifyingKey().spki();
        byte[] smRaw = sm.verifyingKey().rawPublicKey();
        String edPriv = ed.toPkcs8Pem();
        String edPub = ed.verifyingKey().toPem();
        byte[] edSpki = ed.verifyingKey().spki();
        byte[] edRaw = ed.verifyingKey().rawPublicKey();
        String sm2 = "sm2-sm3";
        String ed25519 = "ed25519-sha256";
        String smKey = "the SM2 key of DeterministicRandom(\"drl/crypto-vectors/sm2-a\")";
        String edKey = "the Ed25519 key of DeterministicRandom(\"drl/crypto-vectors/ed25519-a\")";

        // valid baselines, one per suite and reader
        keyCase(cases, "sm2-valid-private-pem", smKey, sm2, "private-pem", smPriv, null);
        keyCase(cases, "sm2-valid-public-pem", smKey, sm2, "public-pem", smPub, null);
        keyCase(cases, "sm2-valid-spki", smKey, sm2, "spki", Hex.encode(smSpki), null);
        keyCase(cases, "sm2-valid-raw", smKey + ", 04 || x || y", sm2, "raw", Hex.encode(smRaw), null);
        keyCase(cases, "ed25519-valid-private-pem", edKey, ed25519, "private-pem", edPriv, null);
        keyCase(cases, "ed25519-valid-public-pem", edKey, ed25519, "public-pem", edPub, null);
        keyCase(cases, "ed25519-valid-spki", edKey, ed25519, "spki", Hex.encode(edSpki), null);
        keyCase(cases, "ed25519-valid-raw", edKey, ed25519, "raw", Hex.encode(edRaw), null);
        BigInteger d = new BigInteger(1, KeyDer.parseEcPrivateKey(KeyDer.parsePkcs8(
                Pem.decode(smPriv, Pem.PRIVATE_KEY)).privateKey()).d());
        keyCase(cases, "sm2-valid-ecprivatekey-with-curve", smKey + ", the ECPrivateKey also names the curve in [0]"
                + " (RFC 5915 allows it)", sm2, "private-pem",
                smPkcs8(ecPrivateKey(KeyDer.unsigned(d, 32), KeyDer.SM2P256V1, smRaw)), null);
        byte[] seed = KeyDer.parseOctetString(KeyDer.parsePkcs8(Pem.decode(edPriv, Pem.PRIVATE_KEY)).privateKey(), "");
        keyCase(cases, "ed25519-valid-pkcs8-v2-with-public-key", edKey + " as a v2 OneAsymmetricKey (RFC 5958) that"
                + " carries the matching public key", ed25519, "private-pem", edPkcs8V2(seed, edRaw), null);

        // not-pem
        keyCase(cases, "not-pem-plain-text", "no PEM at all", sm2, "public-pem", "hello\n", "not-pem");
        keyCase(cases, "not-pem-missing-end", smKey + " without its END line", sm2, "public-pem",
                smPub.substring(0, smPub.indexOf("-----END")), "not-pem");
        keyCase(cases, "not-pem-label-mismatch", smKey + ", END label differs from BEGIN", sm2, "public-pem",
                smPub.replace("-----END PUBLIC KEY-----", "-----END PRIVATE KEY-----"), "not-pem");
        keyCase(cases, "not-pem-bad-base64-character", smKey + " with a '*' in the base64 body", sm2, "public-pem",
                replaceBodyChar(smPub, 10, '*'), "not-pem");
        keyCase(cases, "not-pem-non-canonical-base64", smKey + ": the last base64 digit before the padding has"
                + " non-zero unused bits (decodes to the same bytes in lenient decoders)", sm2, "public-pem",
                nonCanonicalBase64(smPub), "not-pem");
        keyCase(cases, "not-pem-missing-padding", smKey + " with the '=' padding removed", sm2, "public-pem",
                smPub.replace("=", ""), "not-pem");
        keyCase(cases, "not-pem-trailing-garbage", smKey + " followed by a line of text", sm2, "public-pem",
                smPub + "garbage\n", "not-pem");
        keyCase(cases, "not-pem-leading-text", smKey + " preceded by a line of text (RFC 7468 explanatory text is"
                + " not accepted)", sm2, "public-pem", "My key:\n" + smPub, "not-pem");
        keyCase(cases, "not-pem-two-blocks", "two PUBLIC KEY blocks in one file", sm2, "public-pem", smPub + smPub,
                "not-pem");
        keyCase(cases, "not-pem-header", smKey + " with an RFC 1421 header line", sm2, "private-pem",
                smPriv.replaceFirst("-----\n", "-----\nProc-Type: 4,ENCRYPTED\n"),
                "not-pem");
        keyCase(cases, "not-pem-empty-body", "BEGIN and END lines only", sm2, "public-pem",
                "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n", "not-pem");

        // wrong-pem-type
        keyCase(cases, "wrong-pem-type-public-to-private-reader", smKey + ": a PUBLIC KEY given to the private-key"
                + " reader", sm2, "private-pem", smPub, "wrong-pem-type");
        keyCase(cases, "wrong-pem-type-private-to-public-reader", smKey + ": a PRIVATE KEY given to the public-key"
                + " reader", sm2, "public-pem", smPriv, "wrong-pem-type");
        Path smFile = tmpFile("sm2-a.pem", smPriv.getBytes(StandardCharsets.US_ASCII));
        keyCase(cases, "wrong-pem-type-encrypted", smKey + " as an ENCRYPTED PRIVATE KEY (openssl pkcs8 -topk8 -v2"
                + " aes-256-cbc, password 'test'); encrypted keys are not supported", sm2, "private-pem",
                OpenSsl.run(new byte[0], "pkcs8", "-topk8", "-in", smFile.toString(), "-v2", "aes-256-cbc",
                        "-passout", "pass:test").check("pkcs8").out(), "wrong-pem-type");
        keyCase(cases, "wrong-pem-type-legacy-sm2", smKey + " in OpenSSL's legacy 'SM2 PRIVATE KEY' format (openssl"
                + " ec)", sm2, "private-pem", OpenSsl.run(new byte[0], "ec", "-in", smFile.toString()).check("ec").out(),
                "wrong-pem-type");

        // bad-der
        keyCase(cases, "bad-der-spki-trailing-byte", smKey + ": a zero byte after the SubjectPublicKeyInfo", sm2,
                "spki", Hex.encode(Arrays.copyOf(smSpki, smSpki.length + 1)), "bad-der");
        keyCase(cases, "bad-der-spki-trailing-byte-pem", smKey + ": the same, inside a PUBLIC KEY PEM", sm2,
                "public-pem", Pem.encode(Pem.PUBLIC_KEY, Arrays.copyOf(smSpki, smSpki.length + 1)), "bad-der");
        keyCase(cases, "bad-der-spki-truncated", smKey + ": last byte removed", sm2, "spki",
                Hex.encode(Arrays.copyOf(smSpki, smSpki.length - 1)), "bad-der");
        keyCase(cases, "bad-der-spki-long-form-length", smKey + ": outer SEQUENCE length in long form (BER)", sm2,
                "spki", Hex.encode(longFormLength(smSpki)), "bad-der");
        byte[] smP8 = Pem.decode(smPriv, Pem.PRIVATE_KEY);
        keyCase(cases, "bad-der-pkcs8-trailing-byte", smKey + ": a zero byte after the PKCS#8", sm2, "private-pem",
                Pem.encode(Pem.PRIVATE_KEY, Arrays.copyOf(smP8, smP8.length + 1)), "bad-der");
        keyCase(cases, "bad-der-pkcs8-version-2", smKey + ": PKCS#8 version 2 (only 0 and 1 exist)", sm2,
                "private-pem", Pem.encode(Pem.PRIVATE_KEY, pkcs8(2, algId(KeyDer.ID_EC_PUBLIC_KEY, KeyDer.SM2P256V1),
                        ecPrivateKey(KeyDer.unsigned(d, 32), null, smRaw))), "bad-der");
        keyCase(cases, "bad-der-ecprivatekey-garbage", "PKCS#8 for id-ecPublicKey/sm2p256v1 whose privateKey octets"
                + " are not an ECPrivateKey", sm2, "private-pem", smPkcs8(new byte[] {1, 2, 3}), "bad-der");
        keyCase(cases, "bad-der-ed25519-spki-null-parameters", edKey + " with NULL algorithm parameters (RFC 8410:"
                + " absent)", ed25519, "spki", Hex.encode(der(new DERSequence(new ASN1Encodable[] {
                    new DERSequence(new ASN1Encodable[] {KeyDer.ID_ED25519, DERNull.INSTANCE}),
                    new DERBitString(edRaw)}))), "bad-der");
        keyCase(cases, "bad-der-ed25519-private-not-octet-string", "Ed25519 PKCS#8 whose privateKey octets are the"
                + " bare 32-byte seed instead of an OCTET STRING holding it", ed25519, "private-pem",
                Pem.encode(Pem.PRIVATE_KEY, pkcs8(0, algId(KeyDer.ID_ED25519, null), seed)), "bad-der");

        // wrong-algorithm
        Path rsa = tmp.resolve("rsa.pem");
        OpenSsl.run(new byte[0], "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out",
                rsa.toString()).check("genpkey RSA");
        String rsaPub = OpenSsl.run(new byte[0], "pkey", "-in", rsa.toString(), "-pubout").check("pkey").out();
        String rsaPriv = Files.readString(rsa, StandardCharsets.US_ASCII);
        keyCase(cases, "wrong-algorithm-rsa-public-to-sm2", "a throwaway RSA-1024 public key (openssl genpkey)", sm2,
                "public-pem", rsaPub, "wrong-algorithm");
        keyCase(cases, "wrong-algorithm-rsa-private-to-sm2", "a throwaway RSA-1024 private key (openssl genpkey)",
                sm2, "private-pem", rsaPriv, "wrong-algorithm");
        keyCase(cases, "wrong-algorithm-rsa-public-to-ed25519", "a throwaway RSA-1024 public key", ed25519,
                "public-pem", rsaPub, "wrong-algorithm");
        keyCase(cases, "wrong-algorithm-ed25519-public-to-sm2", edKey + " given to the sm2-sm3 reader", sm2,
                "public-pem", edPub, "wrong-algorithm");
        keyCase(cases, "wrong-algorithm-ed25519-private-to-sm2", edKey + " given to the sm2-sm3 reader", sm2,
                "private-pem", edPriv, "wrong-algorithm");
        keyCase(cases, "wrong-algorithm-sm2-public-to-ed25519", smKey + " given to the ed25519-sha256 reader",
                ed25519, "public-pem", smPub, "wrong-algorithm");
        keyCase(cases, "wrong-algorithm-sm2-private-to-ed25519", smKey + " given to the ed25519-sha256 reader",
                ed25519, "private-pem", smPriv, "wrong-algorithm");
        keyCase(cases, "wrong-algorithm-sm2-spki-to-ed25519", smKey + " given to the ed25519-sha256 SPKI decoder",
                ed25519, "spki", Hex.encode(smSpki), "wrong-algorithm");
        String x25519 = OpenSsl.run(OpenSsl.run(new byte[0], "genpkey", "-algorithm", "X25519").check("genpkey").stdout(),
                "pkey", "-pubout").check("pkey").out();
        keyCase(cases, "wrong-algorithm-x25519-to-ed25519", "a throwaway X25519 public key (same curve, key"
                + " agreement OID 1.3.101.110)", ed25519, "public-pem", x25519, "wrong-algorithm");
        keyCase(cases, "wrong-algorithm-curve-oid-as-algorithm", smKey + " with the curve OID sm2p256v1 as the"
                + " algorithm OID (instead of id-ecPublicKey)", sm2, "spki",
                Hex.encode(KeyDer.encodeSpki(KeyDer.SM2P256V1, null, smRaw)), "wrong-algorithm");

        // wrong-curve
        Path p256 = tmp.resolve("p256.pem");
        OpenSsl.run(new byte[0], "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out",
                p256.toString()).check("genpkey P-256");
        keyCase(cases, "wrong-curve-p256-public", "a throwaway NIST P-256 public key (openssl genpkey)", sm2,
                "public-pem", OpenSsl.run(new byte[0], "pkey", "-in", p256.toString(), "-pubout").check("pkey").out(),
                "wrong-curve");
        keyCase(cases, "wrong-curve-p256-private", "a throwaway NIST P-256 private key (openssl genpkey)", sm2,
                "private-pem", Files.readString(p256, StandardCharsets.US_ASCII), "wrong-curve");
        keyCase(cases, "wrong-curve-explicit-parameters", smKey + " with explicit curve parameters (openssl ec"
                + " -param_enc explicit -pubout): the same curve, but only the named curve is accepted", sm2,
                "public-pem", OpenSsl.run(new byte[0], "ec", "-in", smFile.toString(), "-param_enc", "explicit",
                        "-pubout").check("ec").out(), "wrong-curve");
        keyCase(cases, "wrong-curve-no-parameters", smKey + ": id-ecPublicKey without curve parameters", sm2, "spki",
                Hex.encode(KeyDer.encodeSpki(KeyDer.ID_EC_PUBLIC_KEY, null, smRaw)), "wrong-curve");
        keyCase(cases, "wrong-curve-ecprivatekey-p256", smKey + ": the ECPrivateKey names P-256 in [0] while the"
                + " PKCS#8 says sm2p256v1", sm2, "private-pem",
                smPkcs8(ecPrivateKey(KeyDer.unsigned(d, 32), SECObjectIdentifiers.secp256r1, smRaw)), "wrong-curve");

        // bad-key
        byte[] offCurve = smRaw.clone();
        offCurve[64] ^= 1;
        keyCase(cases, "bad-key-sm2-point-not-on-curve", smKey + " with the last bit of y flipped", sm2, "spki",
                Hex.encode(KeyDer.encodeSpki(KeyDer.ID_EC_PUBLIC_KEY, KeyDer.SM2P256V1, offCurve)), "bad-key");
        keyCase(cases, "bad-key-sm2-raw-not-on-curve", smKey + " with the last bit of y flipped", sm2, "raw",
                Hex.encode(offCurve), "bad-key");
        keyCase(cases, "bad-key-sm2-compressed-point", smKey + " as a compressed point (openssl ec -conv_form"
                + " compressed -pubout): valid, but the key id is defined over the uncompressed form", sm2,
                "public-pem", OpenSsl.run(new byte[0], "ec", "-in", smFile.toString(), "-conv_form", "compressed",
                        "-pubout").check("ec").out(), "bad-key");
        byte[] xIsP = smRaw.clone();
        System.arraycopy(KeyDer.unsigned(Sm2Suite.DOMAIN.getCurve().getField().getCharacteristic(), 32), 0, xIsP, 1, 32);
        keyCase(cases, "bad-key-sm2-x-equals-p", "04 || p || y: x coordinate equal to the field prime", sm2, "raw",
                Hex.encode(xIsP), "bad-key");
        byte[] prefix05 = smRaw.clone();
        prefix05[0] = 5;
        keyCase(cases, "bad-key-sm2-raw-wrong-prefix", smKey + " with prefix 05 instead of 04", sm2, "raw",
                Hex.encode(prefix05), "bad-key");
        keyCase(cases, "bad-key-sm2-raw-no-prefix", smKey + " as x || y (64 bytes) without the 04 prefix", sm2, "raw",
                Hex.encode(Arrays.copyOfRange(smRaw, 1, 65)), "bad-key");
        keyCase(cases, "bad-key-sm2-infinity", "the point at infinity (single byte 00)", sm2, "raw", "00", "bad-key");
        BigInteger n = Sm2Suite.DOMAIN.getN();
        keyCase(cases, "bad-key-sm2-d-zero", "PKCS#8 with private key d = 0", sm2, "private-pem",
                smPkcs8(ecPrivateKey(new byte[32], null, null)), "bad-key");
        keyCase(cases, "bad-key-sm2-d-n-minus-1", "PKCS#8 with d = n - 1 (GB/T 32918 requires d <= n - 2)", sm2,
                "private-pem", smPkcs8(ecPrivateKey(KeyDer.unsigned(n.subtract(BigInteger.ONE), 32), null, null)),
                "bad-key");
        keyCase(cases, "bad-key-sm2-d-n", "PKCS#8 with d = n", sm2, "private-pem",
                smPkcs8(ecPrivateKey(KeyDer.unsigned(n, 32), null, null)), "bad-key");
        keyCase(cases, "bad-key-sm2-d-31-bytes", smKey + "'s d with its first byte removed (RFC 5915: exactly 32"
                + " bytes)", sm2, "private-pem",
                smPkcs8(ecPrivateKey(Arrays.copyOfRange(KeyDer.unsigned(d, 32), 1, 32), null, null)), "bad-key");
        keyCase(cases, "bad-key-sm2-mismatched-public-key", smKey + "'s d with the public key of"
                + " DeterministicRandom(\"drl/crypto-vectors/sm2-b\") in the ECPrivateKey", sm2, "private-pem",
                smPkcs8(ecPrivateKey(KeyDer.unsigned(d, 32), null, smB.verifyingKey().rawPublicKey())), "bad-key");
        keyCase(cases, "bad-key-ed25519-small-order", "the neutral element (y = 1), a point of order 1: any"
                + " signature of the form (R, 0) with R = identity verifies under it", ed25519, "raw",
                "01" + "00".repeat(31), "bad-key");
        keyCase(cases, "bad-key-ed25519-small-order-spki", "the same point of order 1 in an SPKI", ed25519, "spki",
                Hex.encode(KeyDer.encodeSpki(KeyDer.ID_ED25519, null, Hex.decode("01" + "00".repeat(31)))), "bad-key");
        keyCase(cases, "bad-key-ed25519-order-8", "a point of order 8 (not in the prime-order subgroup)", ed25519,
                "raw", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", "bad-key");
        keyCase(cases, "bad-key-ed25519-non-canonical-y", "y = p = 2^255 - 19 (non-canonical encoding of y = 0)",
                ed25519, "raw", "ed" + "ff".repeat(30) + "7f", "bad-key");
        keyCase(cases, "bad-key-ed25519-not-on-curve", "y = " + notOnCurveY() + ": no x satisfies the curve equation",
                ed25519, "raw", Hex.encode(reverse(KeyDer.unsigned(BigInteger.valueOf(notOnCurveY()), 32))), "bad-key");
        keyCase(cases, "bad-key-ed25519-raw-31-bytes", edKey + " without its last byte", ed25519, "raw",
                Hex.encode(Arrays.copyOf(edRaw, 31)), "bad-key");
        keyCase(cases, "bad-key-ed25519-pkcs8-v2-mismatched-public-key", edKey + "'s seed in a v2 OneAsymmetricKey"
                + " with the RFC 8032 TEST 1 public key", ed25519, "private-pem",
                edPkcs8V2(seed, Hex.decode(RFC8032[0][3])), "bad-key");
        keyCase(cases, "bad-key-ed25519-seed-31-bytes", edKey + "'s seed without its last byte", ed25519,
                "private-pem", Pem.encode(Pem.PRIVATE_KEY, pkcs8(0, algId(KeyDer.ID_ED25519, null),
                        der(new DEROctetString(Arrays.copyOf(seed, 31))))), "bad-key");

        return file("Key decoding, strict: valid baselines and systematic faults. Each case: suite, reader (private-pem:"
                + " readPrivateKeyPem; public-pem: readPublicKeyPem; spki: publicKeyFromSpki on hex DER; raw:"
                + " publicKeyFromRaw on hex), input (PEM text, or hex for spki/raw) and either keyId (the key decodes;"
                + " hex of the suite hash over its DER SPKI) or rule: the PemFormatException rule a conforming reader"
                + " reports (not-pem, wrong-pem-type, bad-der, wrong-algorithm, wrong-curve, bad-key). Foreign keys"
                + " (RSA, P-256, X25519) are throwaway keys made by " + OpenSsl.version() + ".", cases);
    }

    private static void keyCase(ArrayNode cases, String name, String desc, String suiteId, String reader, String input,
            String rule) {
        CryptoSuite suite = CryptoSuites.byId(suiteId);
        ObjectNode c = cases.addObject().put("name", name).put("desc", desc).put("suite", suiteId).put("reader", reader)
                .put("input", input);
        try {
            VerifyingKey k = read(suite, reader, input);
            require(rule == null, name + ": decoded, expected " + rule);
            c.put("keyId", k.keyId());
        } catch (PemFormatException e) {
            require(e.rule().equals(rule), name + ": got " + e.rule() + " (" + e.getMessage() + "), expected " + rule);
            c.put("rule", rule);
        }
    }

    /** Applies the reader a negative-keys case names; returns the (verifying) key. */
    static VerifyingKey read(CryptoSuite suite, String reader, String input) {
        return switch (reader) {
            case "private-pem" -> suite.readPrivateKeyPem(input).verifyingKey();
            case "public-pem" -> suite.readPublicKeyPem(input);
            case "spki" -> suite.publicKeyFromSpki(Hex.decode(input));
            case "raw" -> suite.publicKeyFromRaw(Hex.decode(input));
            default -> throw new IllegalArgumentException(reader);
        };
    }

    /** The smallest y whose x^2 = (y^2 - 1) / (d y^2 + 1) has no square root mod p. */
    private static int notOnCurveY() {
        for (int y = 2; ; y++) {
            byte[] enc = reverse(KeyDer.unsigned(BigInteger.valueOf(y), 32));
            if (!org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartial(enc, 0)) {
                return y;
            }
        }
    }

    // ---------------------------------------------------------------- DER / PEM mutation helpers

    private static String smPkcs8(byte[] ecPrivateKey) {
        return Pem.encode(Pem.PRIVATE_KEY, pkcs8(0, algId(KeyDer.ID_EC_PUBLIC_KEY, KeyDer.SM2P256V1), ecPrivateKey));
    }

    private static String edPkcs8V2(byte[] seed, byte[] pub) {
        return Pem.encode(Pem.PRIVATE_KEY, der(new DERSequence(new ASN1Encodable[] {new ASN1Integer(1),
            algId(KeyDer.ID_ED25519, null), new DEROctetString(der(new DEROctetString(seed))),
            new DERTaggedObject(false, 1, new DERBitString(pub))})));
    }

    private static byte[] pkcs8(int version, DERSequence alg, byte[] privateKey) {
        return der(new DERSequence(new ASN1Encodable[] {new ASN1Integer(version), alg, new DEROctetString(privateKey)}));
    }

    private static DERSequence algId(ASN1ObjectIdentifier alg, ASN1ObjectIdentifier params) {
        return params == null ? new DERSequence(alg) : new DERSequence(new ASN1Encodable[] {alg, params});
    }

    private static byte[] ecPrivateKey(byte[] d, ASN1ObjectIdentifier curve, byte[] pub) {
        List<ASN1Encodable> v = new ArrayList<>(List.of(new ASN1Integer(1), new DEROctetString(d)));
        if (curve != null) {
            v.add(new DERTaggedObject(true, 0, curve));
        }
        if (pub != null) {
            v.add(new DERTaggedObject(true, 1, new DERBitString(pub)));
        }
        return der(new DERSequence(v.toArray(ASN1Encodable[]::new)));
    }

    private static byte[] rsDer(BigInteger r, BigInteger s) {
        return der(new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(s)}));
    }

    /** INTEGER with one more leading zero byte than DER allows. */
    private static byte[] intPadded(BigInteger v) {
        byte[] content = concat(new byte[] {0}, v.toByteArray());
        return concat(new byte[] {0x02, (byte) content.length}, content);
    }

    private static byte[] seq(byte[]... parts) {
        byte[] content = concat(parts);
        return concat(new byte[] {0x30, (byte) content.length}, content);
    }

    /** Re-encodes a short-form outer length (< 128) in long form 0x81 len. */
    static byte[] longFormLength(byte[] der) {
        require((der[1] & 0x80) == 0, "already long form");
        return concat(new byte[] {der[0], (byte) 0x81, der[1]}, Arrays.copyOfRange(der, 2, der.length));
    }

    static byte[] flip(byte[] b, int index) {
        byte[] out = b.clone();
        out[index] ^= 1;
        return out;
    }

    private static String replaceBodyChar(String pem, int index, char c) {
        int start = pem.indexOf('\n') + 1 + index;
        return pem.substring(0, start) + c + pem.substring(start + 1);
    }

    private static String nonCanonicalBase64(String pem) {
        int pad = pem.indexOf('=');
        require(pad > 0, "no padding to play with");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        char last = pem.charAt(pad - 1);
        String mutated = pem.substring(0, pad - 1) + alphabet.charAt(alphabet.indexOf(last) + 1) + pem.substring(pad);
        require(Arrays.equals(Base64.getMimeDecoder().decode(body(mutated)), Base64.getMimeDecoder().decode(body(pem))),
                "the lenient decoding should not change");
        return mutated;
    }

    private static String body(String pem) {
        return pem.substring(pem.indexOf('\n') + 1, pem.indexOf("-----END"));
    }

    static byte[] reverse(byte[] b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[b.length - 1 - i];
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int len = 0;
        for (byte[] p : parts) {
            len += p.length;
        }
        byte[] out = new byte[len];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }

    private static byte[] der(ASN1Encodable e) {
        try {
            return e.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    // ---------------------------------------------------------------- output

    private static String ossl(List<String> args) {
        OpenSsl.run(new byte[0], args.toArray(String[]::new)).check(args.get(0));
        return "openssl " + String.join(" ", args);
    }

    private Path tmpFile(String name, byte[] content) throws IOException {
        return Files.write(tmp.resolve(name), content);
    }

    private static ObjectNode file(String desc, ArrayNode cases) {
        ObjectNode root = F.objectNode();
        root.put("desc", desc).put("version", 1);
        root.set("cases", cases);
        return root;
    }

    private void write(String name, ObjectNode root) throws IOException {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        pp.indentArraysWith(new DefaultIndenter("  ", "\n"));
        pp.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        String json = new ObjectMapper().writer(pp).writeValueAsString(root)
                .replace(tmp.toString() + "/", "");
        Files.writeString(out.resolve(name), json + "\n", StandardCharsets.UTF_8);
        System.out.println("wrote " + out.resolve(name));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
