package org.drledger.command.sealer;

import java.util.ArrayList;
import java.util.List;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.witness.WitnessDirectory;
import org.drledger.core.checkpoint.CheckpointVerificationException;
import org.drledger.core.checkpoint.NoteKey;
import org.drledger.core.checkpoint.NoteSignature;
import org.drledger.core.checkpoint.NoteVerifier;
import org.drledger.core.checkpoint.SignedNote;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts witness cosignatures for a stored checkpoint: each line must come from a registered, active witness and
 * verify over that checkpoint (c2sp.org/tlog-cosignature message); nothing else is stored.
 */
@Service
public class CosignatureService {
    private final CheckpointStore checkpoints;
    private final WitnessDirectory witnesses;

    CosignatureService(CheckpointStore checkpoints, WitnessDirectory witnesses) {
        this.checkpoints = checkpoints;
        this.witnesses = witnesses;
    }

    /** What was accepted: witness name and cosignature time. */
    public record Accepted(String witness, long time, boolean alreadyStored) {
    }

    @Transactional
    public List<Accepted> submit(long size, String signatureLines) {
        CheckpointStore.StoredCheckpoint cp = checkpoints.at(size).orElseThrow(() ->
                new CommandRefusedException("size", "unknown-checkpoint", "no checkpoint of size " + size));
        SignedNote stored = SignedNote.parse(cp.note());
        SignedNote submitted = SignedNote.parse(stored.text() + "\n" + (signatureLines.endsWith("\n")
                ? signatureLines : signatureLines + "\n"));
        List<Accepted> out = new ArrayList<>();
        for (NoteSignature sig : submitted.signatures()) {
            WitnessDirectory.WitnessRow w = witnesses.find(sig.keyName()).filter(WitnessDirectory.WitnessRow::active)
                    .orElseThrow(() -> new CommandRefusedException("signature", "unknown-witness",
                            "no active witness named " + sig.keyName()));
            NoteKey key = NoteKey.parseVkey(w.vkey());
            List<NoteVerifier.Verified> verified;
            try {
                verified = NoteVerifier.verify(new SignedNote(stored.text(), List.of(sig)), List.of(key));
            } catch (CheckpointVerificationException e) {
                throw new CommandRefusedException("signature", "bad-cosignature",
                        "the cosignature of " + sig.keyName() + " does not verify over checkpoint " + size);
            }
            if (verified.isEmpty()) {
                throw new CommandRefusedException("signature", "unknown-key-id",
                        "the signature's key id is not the registered key of " + sig.keyName());
            }
            long time = verified.get(0).time().orElseThrow();
            boolean fresh = checkpoints.insertCosignature(new CheckpointStore.StoredCosignature(size, w.name(), time,
                    sig.line().stripTrailing()));
            out.add(new Accepted(w.name(), time, !fresh));
        }
        return out;
    }
}
