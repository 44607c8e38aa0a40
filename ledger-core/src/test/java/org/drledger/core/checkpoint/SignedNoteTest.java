package org.drledger.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.testing.DeterministicRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignedNoteTest {
    /** The example of c2sp.org/signed-note. */
    static final String C2SP_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
    static final String C2SP_NOTE = "This is an example message.\n\n"
            + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

    static List<CryptoSuite> suites() {
        return List.of(CryptoSuites.SM2_SM3, CryptoSuites.ED25519_SHA256);
    }

    @Test
    void theC2spExampleVerifies() throws Exception {
        NoteKey key = NoteKey.parseVkey(C2SP_VKEY);
        assertThat(key.type()).isEqualTo(SignatureType.ED25519);
        assertThat(String.format("%08x", key.keyId())).isEqualTo("530d903a");
        assertThat(key.vkey()).isEqualTo(C2SP_VKEY);
        SignedNote note = SignedNote.parse(C2SP_NOTE.getBytes(StandardCharsets.UTF_8));
        assertThat(note.text()).isEqualTo("This is an example message.\n");
        assertThat(NoteVerifier.verify(note, List.of(key))).hasSize(1);
        assertThat(note.format()).isEqualTo(C2SP_NOTE);
    }

    @Test
    void aTamperedC2spExampleIsRejected() {
        NoteKey key = NoteKey.parseVkey(C2SP_VKEY);
        SignedNote note = SignedNote.parse(C2SP_NOTE.replace("example message", "exemplary message"));
        assertThatThrownBy(() -> NoteVerifier.verify(note, List.of(key)))
                .isInstanceOfSatisfying(CheckpointVerificationException.class,
                        e -> assertThat(e.check()).isEqualTo("note.signature"));
    }

    @Test
    void signaturesByUnknownKeysAreIgnored() throws Exception {
        SignedNote note = SignedNote.parse(C2SP_NOTE);
        SigningKey other = CryptoSuites.ED25519_SHA256.generateKey(new DeterministicRandom("other"));
        NoteKey sameNameOtherKey = NoteKey.of("example.com/foo", SignatureType.ED25519, other.verifyingKey());
        assertThat(NoteVerifier.verify(note, List.of(sameNameOtherKey))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("suites")
    void checkpointsSignAndVerifyWithCosignatures(CryptoSuite suite) throws Exception {
        SigningKey logKey = suite.generateKey(new DeterministicRandom(suite.id() + "log"));
        SigningKey witnessKey = suite.generateKey(new DeterministicRandom(suite.id() + "witness"));
        NoteSigner log = NoteSigner.log("ledger.ziyang.example/2026", logKey);
        NoteSigner witness = NoteSigner.witness("jiwei.ziyang.example/witness", witnessKey);
        Checkpoint cp = Checkpoint.of("ledger.ziyang.example/2026", 8,
                org.drledger.core.bytes.Hex.decode("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"), 1_772_400_000L);
        SignedNote signed = log.signCheckpoint(cp).withSignature(witness.cosign(cp, 1_772_400_005L));
        SignedNote reparsed = SignedNote.parse(signed.format());
        NoteVerifier.VerifiedCheckpoint v = NoteVerifier.verifyCheckpoint(reparsed,
                NoteKey.parseVkey(log.noteKey().vkey()), List.of(NoteKey.parseVkey(witness.noteKey().vkey())));
        assertThat(v.checkpoint()).isEqualTo(cp);
        assertThat(v.checkpoint().time()).contains(1_772_400_000L);
        assertThat(v.cosignatures()).singleElement().satisfies(c -> assertThat(c.time().getAsLong()).isEqualTo(1_772_400_005L));
    }

    @ParameterizedTest
    @MethodSource("suites")
    void aCheckpointWithoutTheLogSignatureOrWithAnotherOriginIsRejected(CryptoSuite suite) {
        SigningKey logKey = suite.generateKey(new DeterministicRandom(suite.id() + "log"));
        NoteSigner log = NoteSigner.log("ledger.ziyang.example/2026", logKey);
        NoteSigner impostor = NoteSigner.log("ledger.ziyang.example/2026",
                suite.generateKey(new DeterministicRandom(suite.id() + "impostor")));
        Checkpoint cp = Checkpoint.of("ledger.ziyang.example/2026", 1, new byte[32], 5);
        assertThatThrownBy(() -> NoteVerifier.verifyCheckpoint(impostor.signCheckpoint(cp), log.noteKey(), List.of()))
                .isInstanceOfSatisfying(CheckpointVerificationException.class, e -> assertThat(e.check()).isEqualTo("note.unsigned"));
        Checkpoint other = Checkpoint.of("elsewhere.example/log", 1, new byte[32], 5);
        NoteSigner misnamed = NoteSigner.log("ledger.ziyang.example/2026", logKey);
        SignedNote note = new SignedNote(other.text(), List.of(misnamed.sign(other.text())));
        assertThatThrownBy(() -> NoteVerifier.verifyCheckpoint(note, log.noteKey(), List.of()))
                .isInstanceOfSatisfying(CheckpointVerificationException.class, e -> assertThat(e.check()).isEqualTo("checkpoint.origin"));
    }

    @ParameterizedTest
    @MethodSource("suites")
    void aForgedCosignatureRejectsTheWholeNote(CryptoSuite suite) {
        SigningKey logKey = suite.generateKey(new DeterministicRandom(suite.id() + "log"));
        SigningKey witnessKey = suite.generateKey(new DeterministicRandom(suite.id() + "witness"));
        NoteSigner log = NoteSigner.log("log.example", logKey);
        NoteSigner witness = NoteSigner.witness("witness.example", witnessKey);
        Checkpoint cp = Checkpoint.of("log.example", 3, new byte[32], 100);
        NoteSignature cosig = witness.cosign(cp, 101);
        byte[] body = cosig.signature();
        body[7] ^= 1; // claims another time than the one signed
        SignedNote note = log.signCheckpoint(cp).withSignature(new NoteSignature(cosig.keyName(), cosig.keyId(), body));
        assertThatThrownBy(() -> NoteVerifier.verifyCheckpoint(note, log.noteKey(), List.of(witness.noteKey())))
                .isInstanceOfSatisfying(CheckpointVerificationException.class, e -> assertThat(e.check()).isEqualTo("note.signature"));
    }

    @ParameterizedTest
    @MethodSource("suites")
    void vkeysRoundTripForEveryType(CryptoSuite suite) {
        SigningKey k = suite.generateKey(new DeterministicRandom(suite.id()));
        for (NoteKey key : List.of(NoteSigner.log("a.example", k).noteKey(), NoteSigner.witness("b.example", k).noteKey())) {
            NoteKey back = NoteKey.parseVkey(key.vkey());
            assertThat(back.keyId()).isEqualTo(key.keyId());
            assertThat(back.type()).isEqualTo(key.type());
            assertThat(back.key()).isEqualTo(key.key());
        }
    }

    static Stream<Arguments> malformedNotes() {
        return Stream.of(
            Arguments.of("no-final-newline", "a\n\n\u2014 k AAAAAAE="),
            Arguments.of("no-signatures", "a\n"),
            Arguments.of("no-signatures", "a\n\n"),
            Arguments.of("bad-signature-line", "a\n\n- k AAAAAAE=\n"),
            Arguments.of("bad-signature-line", "a\n\n\u2014 k AAAAAAE= extra\n"),
            Arguments.of("bad-signature-line", "a\n\n\u2014 k AAAA\n"),
            Arguments.of("bad-base64", "a\n\n\u2014 k !!!!\n"),
            Arguments.of("bad-key-name", "a\n\n\u2014 k+x AAAAAAE=\n"),
            Arguments.of("control-character", "a\tb\n\n\u2014 k AAAAAAE=\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedNotes")
    void malformedNotesAreRejectedWithTheirRule(String rule, String note) {
        assertThatThrownBy(() -> SignedNote.parse(note))
                .isInstanceOfSatisfying(NoteFormatException.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }

    @Test
    void invalidUtf8IsRejected() {
        assertThatThrownBy(() -> SignedNote.parse(new byte[]{'a', (byte) 0xff, '\n', '\n'}))
                .isInstanceOfSatisfying(NoteFormatException.class, e -> assertThat(e.rule()).isEqualTo("not-utf8"));
    }

    @Test
    void tooManySignaturesAreRejected() {
        String note = "a\n\n" + "\u2014 k AAAAAAE=\n".repeat(SignedNote.MAX_SIGNATURES + 1);
        assertThatThrownBy(() -> SignedNote.parse(note))
                .isInstanceOfSatisfying(NoteFormatException.class, e -> assertThat(e.rule()).isEqualTo("too-many-signatures"));
    }

    static Stream<Arguments> malformedCheckpoints() {
        return Stream.of(
            Arguments.of("bad-size", "o\n01\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"),
            Arguments.of("bad-size", "o\n-1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"),
            Arguments.of("bad-size", "o\n99999999999999999999\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"),
            Arguments.of("too-few-lines", "o\n1\n"),
            Arguments.of("bad-root", "o\n1\nAAAA\n"),
            Arguments.of("bad-base64", "o\n1\n####\n"),
            Arguments.of("bad-origin", "\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"),
            Arguments.of("bad-time", "o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\ntime x\n"),
            Arguments.of("bad-time", "o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\ntime 1\ntime 2\n"),
            Arguments.of("bad-extension", "o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n"),
            Arguments.of("no-final-newline", "o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCheckpoints")
    void malformedCheckpointsAreRejectedWithTheirRule(String rule, String text) {
        assertThatThrownBy(() -> Checkpoint.parse(text))
                .isInstanceOfSatisfying(NoteFormatException.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }

    @Test
    void aCheckpointTextRoundTrips() {
        Checkpoint cp = Checkpoint.of("ledger.ziyang.example/2026", 42, new byte[32], 1_772_400_000L);
        assertThat(cp.text()).isEqualTo("ledger.ziyang.example/2026\n42\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\ntime 1772400000\n");
        assertThat(Checkpoint.parse(cp.text())).isEqualTo(cp);
    }
}
