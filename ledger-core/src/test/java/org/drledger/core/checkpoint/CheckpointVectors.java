package org.drledger.core.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.testing.DeterministicRandom;

/**
 * Generates {@code docs/test-vectors/checkpoint/checkpoint-<suite>.json}: a checkpoint of the 8-leaf RFC 6962
 * tree, signed by a log key and cosigned by a witness, with every intermediate value, plus mutated notes naming
 * the check or parse rule that rejects them. Run: {@code java -cp ... CheckpointVectors <repo>/docs/test-vectors}.
 */
public final class CheckpointVectors {
    static final String ORIGIN = "ledger.ziyang.example/2026";
    static final String WITNESS = "jiwei.ziyang.example/witness";
    static final long CHECKPOINT_TIME = 1_772_400_000L;
    static final long COSIGNATURE_TIME = 1_772_400_007L;
    static final String ROOT8 = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CheckpointVectors() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).resolve("checkpoint");
        Files.createDirectories(dir);
        ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (CryptoSuite suite : List.of(CryptoSuites.SM2_SM3, CryptoSuites.ED25519_SHA256)) {
            Files.writeString(dir.resolve("checkpoint-" + suite.id() + ".json"),
                    pretty.writeValueAsString(generate(suite)) + "\n");
        }
    }

    static SigningKey key(CryptoSuite suite, String who) {
        return suite.generateKey(new DeterministicRandom("drl checkpoint vectors " + suite.id() + " " + who));
    }

    static ObjectNode generate(CryptoSuite suite) {
        NoteSigner log = NoteSigner.log(ORIGIN, key(suite, "log"));
        NoteSigner witness = NoteSigner.witness(WITNESS, key(suite, "witness"));
        Checkpoint cp = Checkpoint.of(ORIGIN, 8, Hex.decode(ROOT8), CHECKPOINT_TIME);
        NoteSignature logSig = log.sign(cp.text());
        NoteSignature cosig = witness.cosign(cp, COSIGNATURE_TIME);
        SignedNote note = new SignedNote(cp.text(), List.of(logSig, cosig));

        ObjectNode doc = F.objectNode();
        doc.put("desc", "Checkpoint (C2SP tlog-checkpoint with the ledger's 'time' extension line) of the 8-leaf "
                + "RFC 6962 tree, signed by the log key and cosigned (c2sp.org/tlog-cosignature message) by a witness, "
                + "suite " + suite.id() + ". Keys are published TEST keys. SM2 signatures are randomised: a writer "
                + "cannot reproduce them, only verify them; Ed25519 signatures are reproducible.");
        doc.put("version", 1);
        doc.put("suite", suite.id());
        ObjectNode keys = doc.putObject("keys");
        keys.set("log", keyJson(log));
        keys.set("witness", keyJson(witness));
        doc.put("checkpointText", cp.text());
        ObjectNode sigs = doc.putObject("signatures");
        sigs.put("logSignedMessageHex", Hex.encode(cp.text().getBytes(StandardCharsets.UTF_8)));
        sigs.put("logSignatureHex", Hex.encode(logSig.signature()));
        sigs.put("cosignatureTime", COSIGNATURE_TIME);
        sigs.put("cosignedMessage", new String(Cosignatures.message(cp.text(), COSIGNATURE_TIME), StandardCharsets.UTF_8));
        sigs.put("cosignatureHex", Hex.encode(cosig.signature()));
        doc.put("signedNote", note.format());

        ArrayNode neg = doc.putArray("negatives");
        negative(neg, "root-changed", "one root bit flipped after signing", "note.signature",
                note.format().replace(cp.text(), Checkpoint.of(ORIGIN, 8, flip(Hex.decode(ROOT8)), CHECKPOINT_TIME).text()));
        negative(neg, "size-changed", "tree size 8 changed to 9 after signing", "note.signature",
                note.format().replace(ORIGIN + "\n8\n", ORIGIN + "\n9\n"));
        negative(neg, "time-changed", "checkpoint time moved back one second", "note.signature",
                note.format().replace("time " + CHECKPOINT_TIME, "time " + (CHECKPOINT_TIME - 1)));
        negative(neg, "log-signature-missing", "only the witness cosignature is present", "note.unsigned",
                new SignedNote(cp.text(), List.of(cosig)).format());
        NoteSigner impostor = NoteSigner.log(ORIGIN, key(suite, "impostor"));
        negative(neg, "signed-by-another-key-same-name", "signed by a key with the log's name but another key id: "
                + "ignored as unknown, so the log signature is missing", "note.unsigned",
                new SignedNote(cp.text(), List.of(impostor.sign(cp.text()))).format());
        byte[] badTime = cosig.signature();
        badTime[7] ^= 1;
        negative(neg, "cosignature-time-changed", "the cosignature claims another time than the one signed",
                "note.signature", new SignedNote(cp.text(), List.of(logSig,
                        new NoteSignature(cosig.keyName(), cosig.keyId(), badTime))).format());
        Checkpoint otherOrigin = Checkpoint.of("elsewhere.example/log", 8, Hex.decode(ROOT8), CHECKPOINT_TIME);
        negative(neg, "origin-differs", "validly signed by the log key, but for another origin", "checkpoint.origin",
                new SignedNote(otherOrigin.text(), List.of(log.sign(otherOrigin.text()))).format());
        ArrayNode parse = doc.putArray("malformed");
        String good = note.format();
        malformed(parse, "no-blank-line", "signature block not separated by a blank line", "no-signatures",
                good.replace("\n\n\u2014", "\n\u2014"));
        malformed(parse, "no-final-newline", "last signature line without newline", "no-final-newline",
                good.substring(0, good.length() - 1));
        malformed(parse, "hyphen-instead-of-em-dash", "signature line starts with '-'", "bad-signature-line",
                good.replace("\u2014 ", "- "));
        malformed(parse, "signature-not-base64", "signature replaced by non-base64 text", "bad-base64",
                cp.text() + "\n\u2014 " + ORIGIN + " !!!!\n");
        malformed(parse, "tab-in-text", "a tab (control character) in the note", "control-character",
                good.replaceFirst("\n8\n", "\n8\t\n"));
        return doc;
    }

    private static ObjectNode keyJson(NoteSigner s) {
        ObjectNode k = F.objectNode();
        k.put("name", s.noteKey().name());
        k.put("type", s.noteKey().type().name());
        k.put("typeIdHex", Hex.encode(s.noteKey().type().id()));
        k.put("rawPublicKeyHex", Hex.encode(s.noteKey().key().rawPublicKey()));
        k.put("keyIdHex", String.format("%08x", s.noteKey().keyId()));
        k.put("vkey", s.noteKey().vkey());
        return k;
    }

    private static byte[] flip(byte[] b) {
        b[0] ^= 1;
        return b;
    }

    private static void negative(ArrayNode out, String name, String desc, String check, String note) {
        out.addObject().put("name", name).put("desc", desc).put("check", check).put("signedNote", note);
    }

    private static void malformed(ArrayNode out, String name, String desc, String rule, String note) {
        out.addObject().put("name", name).put("desc", desc).put("rule", rule).put("signedNote", note);
    }
}
