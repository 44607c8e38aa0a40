package org.drledger.core.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Verifies signed notes and checkpoints against known keys, following C2SP: signatures by unknown keys (name and
 * key id not both matching) are ignored; a known key's signature that fails rejects the whole note; the required
 * key must have signed.
 */
public final class NoteVerifier {
    private NoteVerifier() {
    }

    /** A verified signature by a known key; {@code time} is the cosignature timestamp or empty for a plain one. */
    public record Verified(NoteKey key, java.util.OptionalLong time) {
    }

    /** A checkpoint whose log signature verified, with every verified witness cosignature. */
    public record VerifiedCheckpoint(Checkpoint checkpoint, SignedNote note, List<Verified> cosignatures) {
    }

    /** Verifies every signature of a known key and returns them; unknown keys are skipped. */
    public static List<Verified> verify(SignedNote note, Collection<NoteKey> known)
            throws CheckpointVerificationException {
        byte[] text = note.text().getBytes(StandardCharsets.UTF_8);
        List<Verified> out = new ArrayList<>();
        for (NoteSignature s : note.signatures()) {
            for (NoteKey k : known) {
                if (!k.name().equals(s.keyName()) || k.keyId() != s.keyId()) {
                    continue;
                }
                byte[] sig = s.signature();
                if (k.type().isCosignature()) {
                    if (sig.length <= 8) {
                        throw fail(k, "cosignature too short");
                    }
                    long time = ByteBuffer.wrap(sig, 0, 8).getLong();
                    byte[] raw = Arrays.copyOfRange(sig, 8, sig.length);
                    if (time < 0 || !k.verifyRaw(Cosignatures.message(note.text(), time), raw)) {
                        throw fail(k, "cosignature does not verify");
                    }
                    out.add(new Verified(k, java.util.OptionalLong.of(time)));
                } else {
                    if (!k.verifyRaw(text, sig)) {
                        throw fail(k, "signature does not verify");
                    }
                    out.add(new Verified(k, java.util.OptionalLong.empty()));
                }
            }
        }
        return out;
    }

    /** Verifies a checkpoint note signed by {@code logKey}, with any of {@code witnesses}' cosignatures. */
    public static VerifiedCheckpoint verifyCheckpoint(SignedNote note, NoteKey logKey, Collection<NoteKey> witnesses)
            throws CheckpointVerificationException {
        List<NoteKey> known = new ArrayList<>(witnesses);
        known.add(logKey);
        List<Verified> verified = verify(note, known);
        if (verified.stream().noneMatch(v -> v.key() == logKey)) {
            throw new CheckpointVerificationException("note.unsigned", "signature lines",
                    "a signature by " + logKey.name() + " (" + String.format("%08x", logKey.keyId()) + ")",
                    "none", "checkpoint is not signed by the log key");
        }
        Checkpoint cp = Checkpoint.parse(note.text());
        if (!cp.origin().equals(logKey.name())) {
            throw new CheckpointVerificationException("checkpoint.origin", "line 1", logKey.name(), cp.origin(),
                    "checkpoint origin differs from the log key name");
        }
        return new VerifiedCheckpoint(cp, note, verified.stream().filter(v -> v.key() != logKey).toList());
    }

    private static CheckpointVerificationException fail(NoteKey k, String what) {
        return new CheckpointVerificationException("note.signature", "signature by " + k.name(),
                "valid signature by " + String.format("%08x", k.keyId()), "invalid", what);
    }
}
