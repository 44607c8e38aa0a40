package org.drledger.core.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.drledger.core.crypto.SigningKey;

/** Signs note texts as one named key: log checkpoints, or witness cosignatures of checkpoints. */
public final class NoteSigner {
    private final NoteKey noteKey;
    private final SigningKey key;

    private NoteSigner(NoteKey noteKey, SigningKey key) {
        this.noteKey = noteKey;
        this.key = key;
    }

    /** A log's signer: Ed25519 (0x01) or SM2 (private type) over the checkpoint text. */
    public static NoteSigner log(String name, SigningKey key) {
        return new NoteSigner(NoteKey.of(name, SignatureType.logSignature(key.suite()), key.verifyingKey()), key);
    }

    /** A witness's signer: timestamped cosignatures (c2sp.org/tlog-cosignature message). */
    public static NoteSigner witness(String name, SigningKey key) {
        return new NoteSigner(NoteKey.of(name, SignatureType.cosignature(key.suite()), key.verifyingKey()), key);
    }

    public NoteKey noteKey() {
        return noteKey;
    }

    /** Signs a whole note text (log signature types only). */
    public NoteSignature sign(String text) {
        if (noteKey.type().isCosignature()) {
            throw new IllegalStateException("a witness key cosigns; use cosign(checkpoint, time)");
        }
        return new NoteSignature(noteKey.name(), noteKey.keyId(), key.sign(text.getBytes(StandardCharsets.UTF_8)));
    }

    public SignedNote signCheckpoint(Checkpoint checkpoint) {
        return new SignedNote(checkpoint.text(), java.util.List.of(sign(checkpoint.text())));
    }

    /** A cosignature: signs {@code "cosignature/v1\ntime <t>\n" || checkpoint text}; carries {@code u64(t) || sig}. */
    public NoteSignature cosign(Checkpoint checkpoint, long unixSeconds) {
        if (!noteKey.type().isCosignature()) {
            throw new IllegalStateException("a log key signs; use sign(text)");
        }
        byte[] sig = key.sign(Cosignatures.message(checkpoint.text(), unixSeconds));
        byte[] body = ByteBuffer.allocate(8 + sig.length).putLong(unixSeconds).put(sig).array();
        return new NoteSignature(noteKey.name(), noteKey.keyId(), body);
    }
}
