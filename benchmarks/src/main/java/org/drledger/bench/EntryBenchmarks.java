package org.drledger.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.entry.Actor;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.EntrySigner;
import org.drledger.core.entry.EntryVerifier;
import org.drledger.core.entry.KeyBook;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.entry.StreamId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Entry hash+sign and verify through the kernel, beside the bare primitives doing the same cryptographic work: the
 * suite's hash (BC SM3 / JDK SHA-256) over the same canonical envelope bytes, then a BC sign or verify of a message
 * as long as the kernel's signing input (48 bytes). The ratio shows the kernel's own overhead (canonical form,
 * framing, key lookup, chain bookkeeping).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EntryBenchmarks {
    @Param({"sm2-sm3", "ed25519-sha256"})
    public String suite;

    private SigningKey key;
    private Entry entry;
    private SignedEntry signed;
    private KeyBook keys;
    private CryptoSuite cryptoSuite;

    private final byte[] message = new byte[48];
    private byte[] canonical;
    private org.drledger.core.crypto.HashAlgorithm.Hasher bareHasher;
    private SM2Signer bareSm2Signer;
    private SM2Signer bareSm2Verifier;
    private byte[] bareSm2Signature;
    private byte[] edSecret;
    private byte[] edPublic;
    private Ed25519.PublicPoint edPoint;
    private byte[] edSignature;

    @Setup
    public void setUp() throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(42);
        cryptoSuite = CryptoSuites.byId(suite);
        key = cryptoSuite.generateKey(random);
        ObjectNode payload = JsonNodeFactory.instance.objectNode()
                .put("category", "A07").put("code", "A07-01").put("name", "营业执照(登记证)规范使用情况的检查")
                .put("tier", "GENERAL").put("inspectingAuthority", "县级以上市场监管部门")
                .put("legalBasis", "《市场主体登记管理条例》第36、37、48条；《电子商务法》第15条");
        payload.putArray("methods").add("ON_SITE").add("ONLINE");
        payload.putObject("ratioCap").put("num", 5).put("den", 100);
        entry = new Entry("ziyang-2026", new StreamId("InspectionChecklist", "资阳区市场监督管理局/2026"), 0,
                "ChecklistItemRevised", 1, Instant.parse("2026-01-05T02:00:01.500Z"),
                new Actor("资阳区市场监督管理局", "张三"), payload, Entry.GENESIS_PREV, key.verifyingKey().keyId());
        signed = EntrySigner.sign(entry, key);
        keys = new KeyBook();
        keys.registerAtGenesis("资阳区市场监督管理局", key.verifyingKey());
        random.nextBytes(message);
        canonical = entry.canonicalBytes();
        bareHasher = cryptoSuite.hash().newHasher();

        X9ECParameters x9 = CustomNamedCurves.getByName("sm2p256v1");
        ECDomainParameters domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
        ECKeyPairGenerator gen = new ECKeyPairGenerator();
        gen.init(new ECKeyGenerationParameters(domain, random));
        AsymmetricCipherKeyPair pair = gen.generateKeyPair();
        byte[] id = CryptoSuites.SM2_USER_ID.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        bareSm2Signer = new SM2Signer();
        bareSm2Signer.init(true, new ParametersWithID(new ParametersWithRandom(pair.getPrivate(), new SecureRandom()), id));
        bareSm2Verifier = new SM2Signer();
        bareSm2Verifier.init(false, new ParametersWithID(pair.getPublic(), id));
        bareSm2Signer.update(message, 0, message.length);
        bareSm2Signature = bareSm2Signer.generateSignature();

        edSecret = new byte[Ed25519.SECRET_KEY_SIZE];
        random.nextBytes(edSecret);
        edPublic = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(edSecret, 0, edPublic, 0);
        edPoint = Ed25519.validatePublicKeyFullExport(edPublic, 0);
        edSignature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(edSecret, 0, edPublic, 0, message, 0, message.length, edSignature, 0);
    }

    @Benchmark
    public SignedEntry kernelHashAndSign() {
        return EntrySigner.sign(entry, key);
    }

    @Benchmark
    public byte[] bareSign() throws Exception {
        bareHasher.update(canonical).digest();
        if (suite.equals("sm2-sm3")) {
            bareSm2Signer.update(message, 0, message.length);
            return bareSm2Signer.generateSignature();
        }
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(edSecret, 0, edPublic, 0, message, 0, message.length, sig, 0);
        return sig;
    }

    @Benchmark
    public EntryVerifier kernelVerify() throws Exception {
        EntryVerifier v = new EntryVerifier(cryptoSuite, "ziyang-2026", keys);
        v.verify(signed, 0);
        return v;
    }

    @Benchmark
    public boolean bareVerify() {
        bareHasher.update(canonical).digest();
        if (suite.equals("sm2-sm3")) {
            bareSm2Verifier.update(message, 0, message.length);
            return bareSm2Verifier.verifySignature(bareSm2Signature);
        }
        return Ed25519.verify(edSignature, 0, edPoint, message, 0, message.length);
    }
}
