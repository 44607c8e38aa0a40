package org.drledger.core.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.testing.DeterministicRandom;

/**
 * Generates {@code docs/test-vectors/entry/entry-<suite>.json}. Run once after a deliberate format change:
 * {@code java -cp ... org.drledger.core.entry.EntryVectors <repo>/docs/test-vectors}. The tests then check that the
 * writer reproduces every value and the verifier rejects every negative with the named check.
 */
public final class EntryVectors {
    static final String LEDGER = "ziyang-2026";
    static final String DEPT = "资阳区市场监督管理局";
    static final StreamId STREAM = new StreamId("InspectionChecklist", "资阳区市场监督管理局/2026");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private EntryVectors() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).resolve("entry");
        Files.createDirectories(dir);
        ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (CryptoSuite suite : List.of(CryptoSuites.SM2_SM3, CryptoSuites.ED25519_SHA256)) {
            Files.writeString(dir.resolve("entry-" + suite.id() + ".json"), pretty.writeValueAsString(generate(suite)) + "\n");
        }
    }

    static SigningKey testKey(CryptoSuite suite, String who) {
        return suite.generateKey(new DeterministicRandom("drl test vectors " + suite.id() + " " + who));
    }

    static List<Entry> envelopes(SigningKey key) {
        List<Entry> out = new ArrayList<>();
        Instant t = Instant.parse("2026-01-05T02:00:00.000Z");
        out.add(new Entry(LEDGER, STREAM, 0, "ChecklistDrafted", 1, t, new Actor(DEPT, "张三"),
                F.objectNode().put("listId", "资阳区市场监督管理局/2026").put("title", "2026年度随机抽查事项清单"),
                Entry.GENESIS_PREV, key.verifyingKey().keyId()));
        ObjectNode item = F.objectNode();
        item.put("category", "A07").put("code", "A07-01").put("name", "营业执照(登记证)规范使用情况的检查")
                .put("tier", "GENERAL");
        item.set("methods", F.arrayNode().add("ON_SITE").add("ONLINE"));
        item.set("ratioCap", F.objectNode().put("num", 5).put("den", 100));
        out.add(new Entry(LEDGER, STREAM, 1, "ChecklistItemRevised", 1, t.plusMillis(1500), new Actor(DEPT, "张三"),
                item, Entry.GENESIS_PREV, key.verifyingKey().keyId()));
        out.add(new Entry(LEDGER, STREAM, 2, "ChecklistPublished", 1, t.plusSeconds(3600), new Actor(DEPT, "李四"),
                F.objectNode().put("version", 1).put("note", "line1\nline2 \"quoted\" \\ /"),
                Entry.GENESIS_PREV, key.verifyingKey().keyId()));
        return out;
    }

    /** Signs the envelopes in order, replacing each placeholder {@code prev} by the real link. */
    static List<SignedEntry> sign(List<Entry> envelopes, SigningKey key) {
        List<SignedEntry> out = new ArrayList<>();
        String prev = Entry.GENESIS_PREV;
        for (Entry e : envelopes) {
            Entry linked = new Entry(e.ledgerId(), e.stream(), e.seq(), e.type(), e.schema(), e.time(), e.actor(),
                    e.payload(), prev, e.keyId());
            SignedEntry s = EntrySigner.sign(linked, key);
            out.add(s);
            prev = s.hashHex();
        }
        return out;
    }

    static ObjectNode generate(CryptoSuite suite) {
        SigningKey key = testKey(suite, "department");
        SigningKey stranger = testKey(suite, "stranger");
        List<SignedEntry> stream = sign(envelopes(key), key);
        ObjectNode doc = F.objectNode();
        doc.put("desc", "drl-entry/1 vectors for suite " + suite.id() + ": a three-entry stream with every intermediate "
                + "value, a commitment, and mutated entries each naming the check that must reject it. The private key "
                + "is a published TEST key: never use it for anything else.");
        doc.put("format", Entry.FORMAT);
        doc.put("version", 1);
        doc.put("suite", suite.id());
        doc.put("ledger", LEDGER);
        ObjectNode k = doc.putObject("key");
        k.put("department", DEPT);
        k.put("validFrom", 0);
        k.put("publicKeyPem", key.verifyingKey().toPem());
        k.put("keyId", key.verifyingKey().keyId());
        k.put("testPrivateKeyPem", key.toPkcs8Pem());
        ArrayNode entries = doc.putArray("entries");
        for (int i = 0; i < stream.size(); i++) {
            SignedEntry s = stream.get(i);
            ObjectNode e = entries.addObject();
            e.put("position", i);
            e.set("envelope", s.entry().toJson());
            e.put("canonical", new String(s.canonicalEnvelope(), StandardCharsets.UTF_8));
            e.put("entryHashInputHex", Hex.encode(LedgerHashing.ENTRY_TAG) + Hex.encode(s.canonicalEnvelope()));
            e.put("entryHash", s.hashHex());
            e.put("signingInputHex", Hex.encode(LedgerHashing.signingInput(s.hash())));
            e.put("signature", Hex.encode(s.signature()));
            e.put("leafDataHex", Hex.encode(s.leafData()));
            e.put("leafHash", Hex.encode(suite.hash().newHasher().update((byte) 0).update(s.leafData()).digest()));
            e.put("signedEntry", new String(s.toCanonicalJson(), StandardCharsets.UTF_8));
        }
        Commitments.Opening opening = new Commitments.Opening(
                Hex.decode("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"), F.textNode("430902199001011234"));
        ObjectNode c = doc.putObject("commitment");
        c.put("desc", "commitment to an ID-card number (fictitious) as it would replace the field in a payload");
        c.set("opening", opening.toJson());
        c.put("preimageHex", Hex.encode(LedgerHashing.COMMIT_TAG) + Hex.encode(opening.salt())
                + Hex.encode(CanonicalJson.write(opening.value())));
        c.set("field", Commitments.field(suite.hash(), opening));
        ArrayNode neg = doc.putArray("negatives");
        SignedEntry s1 = stream.get(1);
        negative(neg, "payload-changed", "one payload value changed after signing", 1, "entry.hash",
                mutate(s1, o -> ((ObjectNode) o.get("entry").get("payload")).put("tier", "KEY")));
        negative(neg, "actor-changed", "the acting user replaced", 1, "entry.hash",
                mutate(s1, o -> ((ObjectNode) o.get("entry").get("actor")).put("user", "王五")));
        negative(neg, "time-changed", "the time moved by one millisecond", 1, "entry.hash",
                mutate(s1, o -> ((ObjectNode) o.get("entry")).put("time", "2026-01-05T02:00:01.501Z")));
        negative(neg, "hash-recomputed-not-resigned", "payload changed and hash recomputed, signature kept", 1,
                "entry.signature", rehash(suite, s1, o -> o.put("tier", "KEY")));
        negative(neg, "signature-bit-flipped", "last byte of the signature flipped", 1, "entry.signature",
                mutate(s1, o -> o.put("sig", flipLast(o.get("sig").textValue()))));
        negative(neg, "signed-by-unregistered-key", "well-formed and signed, but by a key never registered", 1, "entry.key",
                sign(List.of(envelopes(stranger).get(0)), stranger).get(0).toJson());
        negative(neg, "entry-dropped", "the entry at seq 1 missing: seq 2 follows seq 0", 1, "chain.sequence",
                stream.get(2).toJson());
        negative(neg, "wrong-prev", "seq 1 signed correctly but linking to a wrong predecessor", 1, "chain.prev",
                EntrySigner.sign(new Entry(LEDGER, STREAM, 1, "ChecklistItemRevised", 1, s1.entry().time(),
                        s1.entry().actor(), s1.entry().payload(), "11".repeat(32), key.verifyingKey().keyId()), key).toJson());
        negative(neg, "other-ledger", "a valid entry of another ledger replayed here", 0, "entry.ledger",
                EntrySigner.sign(new Entry("another-ledger", STREAM, 0, "ChecklistDrafted", 1, stream.get(0).entry().time(),
                        stream.get(0).entry().actor(), stream.get(0).entry().payload(), Entry.GENESIS_PREV,
                        key.verifyingKey().keyId()), key).toJson());
        return doc;
    }

    private static void negative(ArrayNode out, String name, String desc, int verifiedBefore, String check, JsonNode entry) {
        ObjectNode n = out.addObject();
        n.put("name", name);
        n.put("desc", desc);
        n.put("afterEntries", verifiedBefore);
        n.put("position", verifiedBefore);
        n.put("check", check);
        n.set("signedEntry", entry);
    }

    private static JsonNode mutate(SignedEntry s, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode o = s.toJson();
        change.accept(o);
        return o;
    }

    private static JsonNode rehash(CryptoSuite suite, SignedEntry s, java.util.function.Consumer<ObjectNode> payloadChange) {
        ObjectNode o = s.toJson();
        payloadChange.accept((ObjectNode) o.get("entry").get("payload"));
        byte[] canonical = CanonicalJson.write(o.get("entry"));
        o.put("hash", Hex.encode(LedgerHashing.entryHash(suite.hash(), canonical)));
        return o;
    }

    private static String flipLast(String hex) {
        byte[] b = Hex.decode(hex);
        b[b.length - 1] ^= 1;
        return Hex.encode(b);
    }
}
