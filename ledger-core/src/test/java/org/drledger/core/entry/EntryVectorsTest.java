package org.drledger.core.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.drledger.core.TestVectors;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.crypto.VerifyingKey;
import org.drledger.core.json.CanonicalJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The writer reproduces the shared entry vectors, and the verifier rejects each negative by the named check. */
class EntryVectorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"sm2-sm3", "ed25519-sha256"})
    void writerReproducesEveryValue(String suiteId) throws Exception {
        JsonNode doc = TestVectors.read("entry/entry-" + suiteId + ".json");
        CryptoSuite suite = CryptoSuites.byId(doc.get("suite").asText());
        VerifyingKey pub = suite.readPublicKeyPem(doc.get("key").get("publicKeyPem").asText());
        SigningKey priv = suite.readPrivateKeyPem(doc.get("key").get("testPrivateKeyPem").asText());
        assertThat(pub.keyId()).isEqualTo(doc.get("key").get("keyId").asText());
        assertThat(priv.verifyingKey()).isEqualTo(pub);
        for (JsonNode v : doc.get("entries")) {
            Entry e = Entry.fromJson(v.get("envelope"));
            byte[] canonical = e.canonicalBytes();
            assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo(v.get("canonical").asText());
            assertThat(Hex.encode(LedgerHashing.ENTRY_TAG) + Hex.encode(canonical)).isEqualTo(v.get("entryHashInputHex").asText());
            byte[] hash = LedgerHashing.entryHash(suite.hash(), canonical);
            assertThat(Hex.encode(hash)).isEqualTo(v.get("entryHash").asText());
            assertThat(Hex.encode(LedgerHashing.signingInput(hash))).isEqualTo(v.get("signingInputHex").asText());
            byte[] sig = Hex.decode(v.get("signature").asText());
            assertThat(pub.verify(LedgerHashing.signingInput(hash), sig)).isTrue();
            if (suite == CryptoSuites.ED25519_SHA256) {
                // Ed25519 is deterministic: the writer must produce the very same signature.
                assertThat(Hex.encode(EntrySigner.sign(e, priv).signature())).isEqualTo(v.get("signature").asText());
            }
            assertThat(Hex.encode(LedgerHashing.leafData(hash, sig))).isEqualTo(v.get("leafDataHex").asText());
            assertThat(Hex.encode(suite.hash().newHasher().update((byte) 0).update(LedgerHashing.leafData(hash, sig)).digest()))
                    .isEqualTo(v.get("leafHash").asText());
            SignedEntry parsed = SignedEntry.parse(v.get("signedEntry").asText().getBytes(StandardCharsets.UTF_8));
            assertThat(parsed.toCanonicalJson()).isEqualTo(v.get("signedEntry").asText().getBytes(StandardCharsets.UTF_8));
        }
        JsonNode c = doc.get("commitment");
        Commitments.Opening opening = Commitments.Opening.fromJson(c.get("opening"));
        assertThat(Commitments.field(suite.hash(), opening)).isEqualTo(c.get("field"));
        assertThat(Hex.encode(LedgerHashing.COMMIT_TAG) + Hex.encode(opening.salt())
                + Hex.encode(CanonicalJson.write(opening.value()))).isEqualTo(c.get("preimageHex").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sm2-sm3", "ed25519-sha256"})
    void verifierAcceptsTheStreamAndRejectsEachNegative(String suiteId) throws Exception {
        JsonNode doc = TestVectors.read("entry/entry-" + suiteId + ".json");
        CryptoSuite suite = CryptoSuites.byId(suiteId);
        List<SignedEntry> stream = new ArrayList<>();
        for (JsonNode v : doc.get("entries")) {
            stream.add(SignedEntry.parse(v.get("signedEntry").asText().getBytes(StandardCharsets.UTF_8)));
        }
        EntryVerifier clean = verifier(doc, suite);
        for (int i = 0; i < stream.size(); i++) {
            clean.verify(stream.get(i), i);
        }
        Commitments.verify(suite.hash(), doc.get("commitment").get("field"),
                Commitments.Opening.fromJson(doc.get("commitment").get("opening")));
        for (JsonNode n : doc.get("negatives")) {
            EntryVerifier v = verifier(doc, suite);
            for (int i = 0; i < n.get("afterEntries").asInt(); i++) {
                v.verify(stream.get(i), i);
            }
            SignedEntry bad = SignedEntry.fromJson(n.get("signedEntry"));
            assertThatThrownBy(() -> v.verify(bad, n.get("position").asLong()))
                    .as(n.get("name").asText())
                    .isInstanceOfSatisfying(EntryVerificationException.class,
                            e -> assertThat(e.check()).isEqualTo(n.get("check").asText()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sm2-sm3", "ed25519-sha256"})
    void aWrongOpeningIsRejected(String suiteId) {
        JsonNode doc = TestVectors.read("entry/entry-" + suiteId + ".json");
        CryptoSuite suite = CryptoSuites.byId(suiteId);
        Commitments.Opening good = Commitments.Opening.fromJson(doc.get("commitment").get("opening"));
        byte[] salt = good.salt();
        salt[0] ^= 1;
        for (Commitments.Opening wrong : List.of(new Commitments.Opening(salt, good.value()),
                new Commitments.Opening(good.salt(), com.fasterxml.jackson.databind.node.TextNode.valueOf("430902199001011235")))) {
            assertThatThrownBy(() -> Commitments.verify(suite.hash(), doc.get("commitment").get("field"), wrong))
                    .isInstanceOfSatisfying(EntryVerificationException.class,
                            e -> assertThat(e.check()).isEqualTo("commitment.opening"));
        }
    }

    private static EntryVerifier verifier(JsonNode doc, CryptoSuite suite) {
        KeyBook book = new KeyBook();
        book.registerAtGenesis(doc.get("key").get("department").asText(),
                suite.readPublicKeyPem(doc.get("key").get("publicKeyPem").asText()));
        return new EntryVerifier(suite, doc.get("ledger").asText(), book);
    }
}
