package org.drledger.verifier;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.drledger.core.FormatException;
import org.drledger.core.bytes.Hex;
import org.drledger.core.checkpoint.Checkpoint;
import org.drledger.core.checkpoint.CheckpointVerificationException;
import org.drledger.core.checkpoint.NoteKey;
import org.drledger.core.checkpoint.NoteSigner;
import org.drledger.core.checkpoint.NoteVerifier;
import org.drledger.core.checkpoint.SignedNote;
import org.drledger.core.merkle.ConsistencyProof;
import org.drledger.core.merkle.InvalidProofException;
import org.drledger.core.merkle.MerkleVerifier;

/**
 * A checkpoint witness (C2SP tlog-witness semantics, offline): cosigns a new checkpoint only if the log signed it
 * and it is consistent with the last checkpoint this witness cosigned. A fork or a rollback is refused and the
 * state is left untouched; otherwise the state moves forward before the cosignature is released, so a witness
 * never cosigns two inconsistent checkpoints even across crashes.
 */
public final class Witness {
    /** The verdict: the cosigned note, or why it was refused (with the evidence). */
    public record Outcome(boolean cosigned, String note, String reason) {
    }

    private final NoteSigner signer;
    private final Clock clock;

    public Witness(NoteSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    public Outcome cosign(Path stateFile, NoteKey logKey, byte[] checkpointNote, Optional<ConsistencyProof> proof)
            throws UnusableInputException, IOException {
        SignedNote note;
        Checkpoint cp;
        try {
            note = SignedNote.parse(checkpointNote);
            cp = NoteVerifier.verifyCheckpoint(note, logKey, List.of()).checkpoint();
        } catch (CheckpointVerificationException e) {
            return new Outcome(false, null, e.check() + ": " + e.getMessage() + " (expected " + e.expected()
                    + ", got " + e.computed() + ")");
        } catch (FormatException e) {
            throw new UnusableInputException(e.rule(), "checkpoint", "not a checkpoint note: " + e.getMessage(), e);
        }
        Optional<WitnessState> state = WitnessState.load(stateFile);
        if (state.isPresent()) {
            WitnessState s = state.get();
            if (!s.logKey().equals(logKey.vkey())) {
                throw new UnusableInputException("other-log", stateFile.toString(),
                        "the state belongs to log key " + s.logKey() + ", not " + logKey.vkey(), null);
            }
            String refused = consistent(s, cp, proof, logKey);
            if (refused != null) {
                return new Outcome(false, null, refused);
            }
        }
        new WitnessState(cp.origin(), logKey.vkey(), cp.size(), cp.root()).store(stateFile);
        long now = clock.instant().getEpochSecond();
        return new Outcome(true, note.withSignature(signer.cosign(cp, now)).format(), null);
    }

    private static String consistent(WitnessState s, Checkpoint cp, Optional<ConsistencyProof> proof, NoteKey logKey) {
        if (cp.size() < s.size()) {
            return "rollback: checkpoint size " + cp.size() + " is smaller than the cosigned size " + s.size();
        }
        if (cp.size() == s.size()) {
            return java.util.Arrays.equals(cp.root(), s.root()) ? null
                    : "fork: same size " + s.size() + " but root " + Hex.encode(cp.root()) + " instead of the cosigned "
                    + Hex.encode(s.root());
        }
        if (proof.isEmpty()) {
            return "no consistency proof from the cosigned size " + s.size() + " to " + cp.size();
        }
        ConsistencyProof p = proof.get();
        if (p.size1() != s.size() || p.size2() != cp.size()) {
            return "the proof is for sizes " + p.size1() + " to " + p.size2() + ", not " + s.size() + " to " + cp.size();
        }
        try {
            new MerkleVerifier(logKey.type().suite().hash()).verifyConsistency(s.size(), cp.size(), s.root(),
                    cp.root(), p.proof());
            return null;
        } catch (InvalidProofException e) {
            return "fork: checkpoint of size " + cp.size() + " is not consistent with the cosigned size " + s.size()
                    + " (" + e.getMessage() + "; expected " + e.expected() + ", computed " + e.computed() + ")";
        }
    }
}
