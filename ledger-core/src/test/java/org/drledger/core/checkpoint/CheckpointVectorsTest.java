package org.drledger.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.drledger.core.TestVectors;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.crypto.HashAlgorithm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Writer and verifier against the shared checkpoint vectors. */
class CheckpointVectorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"sm2-sm3", "ed25519-sha256"})
    void keyIdsTextAndSignaturesMatchTheVectors(String suiteId) throws Exception {
        JsonNode doc = TestVectors.read("checkpoint/checkpoint-" + suiteId + ".json");
        CryptoSuite suite = CryptoSuites.byId(suiteId);
        for (String role : List.of("log", "witness")) {
            JsonNode k = doc.get("keys").get(role);
            NoteKey key = NoteKey.parseVkey(k.get("vkey").asText());
            byte[] idInput = concat(k.get("name").asText().getBytes(StandardCharsets.UTF_8), new byte[]{0x0a},
                    Hex.decode(k.get("typeIdHex").asText()), Hex.decode(k.get("rawPublicKeyHex").asText()));
            String keyId = Hex.encode(HashAlgorithm.SHA_256.digest(idInput)).substring(0, 8);
            assertThat(keyId).isEqualTo(k.get("keyIdHex").asText());
            assertThat(String.format("%08x", key.keyId())).isEqualTo(keyId);
            assertThat(Hex.encode(key.type().id())).isEqualTo(k.get("typeIdHex").asText());
        }
        Checkpoint cp = Checkpoint.of(CheckpointVectors.ORIGIN, 8, Hex.decode(CheckpointVectors.ROOT8),
                CheckpointVectors.CHECKPOINT_TIME);
        assertThat(cp.text()).isEqualTo(doc.get("checkpointText").asText());
        assertThat(new String(Cosignatures.message(cp.text(), CheckpointVectors.COSIGNATURE_TIME), StandardCharsets.UTF_8))
                .isEqualTo(doc.get("signatures").get("cosignedMessage").asText());
        if (suite == CryptoSuites.ED25519_SHA256) {
            NoteSigner log = NoteSigner.log(CheckpointVectors.ORIGIN, CheckpointVectors.key(suite, "log"));
            NoteSigner witness = NoteSigner.witness(CheckpointVectors.WITNESS, CheckpointVectors.key(suite, "witness"));
            SignedNote note = log.signCheckpoint(cp).withSignature(witness.cosign(cp, CheckpointVectors.COSIGNATURE_TIME));
            assertThat(note.format()).isEqualTo(doc.get("signedNote").asText());
        }
        byte[] cosig = Hex.decode(doc.get("signatures").get("cosignatureHex").asText());
        assertThat(ByteBuffer.wrap(cosig, 0, 8).getLong()).isEqualTo(CheckpointVectors.COSIGNATURE_TIME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sm2-sm3", "ed25519-sha256"})
    void verifierAcceptsTheNoteAndRejectsEveryNegative(String suiteId) throws Exception {
        JsonNode doc = TestVectors.read("checkpoint/checkpoint-" + suiteId + ".json");
        NoteKey log = NoteKey.parseVkey(doc.get("keys").get("log").get("vkey").asText());
        NoteKey witness = NoteKey.parseVkey(doc.get("keys").get("witness").get("vkey").asText());
        NoteVerifier.VerifiedCheckpoint ok = NoteVerifier.verifyCheckpoint(
                SignedNote.parse(doc.get("signedNote").asText()), log, List.of(witness));
        assertThat(ok.checkpoint().size()).isEqualTo(8);
        assertThat(Hex.encode(ok.checkpoint().root())).isEqualTo(CheckpointVectors.ROOT8);
        assertThat(ok.checkpoint().time()).contains(CheckpointVectors.CHECKPOINT_TIME);
        assertThat(ok.cosignatures()).singleElement()
                .satisfies(c -> assertThat(c.time().getAsLong()).isEqualTo(CheckpointVectors.COSIGNATURE_TIME));
        for (JsonNode n : doc.get("negatives")) {
            SignedNote note = SignedNote.parse(n.get("signedNote").asText());
            assertThatThrownBy(() -> NoteVerifier.verifyCheckpoint(note, log, List.of(witness)))
                    .as(n.get("name").asText())
                    .isInstanceOfSatisfying(CheckpointVerificationException.class,
                            e -> assertThat(e.check()).isEqualTo(n.get("check").asText()));
        }
        for (JsonNode n : doc.get("malformed")) {
            assertThatThrownBy(() -> SignedNote.parse(n.get("signedNote").asText().getBytes(StandardCharsets.UTF_8)))
                    .as(n.get("name").asText())
                    .isInstanceOfSatisfying(NoteFormatException.class,
                            e -> assertThat(e.rule()).isEqualTo(n.get("rule").asText()));
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
