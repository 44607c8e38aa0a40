package org.drledger.command.selfcheck;

import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drledger.command.selfcheck.Findings.Where;
import org.drledger.core.FormatException;
import org.drledger.core.checkpoint.Checkpoint;
import org.drledger.core.checkpoint.CheckpointVerificationException;
import org.drledger.core.checkpoint.NoteKey;
import org.drledger.core.checkpoint.NoteVerifier;
import org.drledger.core.checkpoint.SignedNote;

/**
 * Checks one stored checkpoint: the log's signature on its note (kernel {@link NoteVerifier}), that the note, the
 * row's columns and the recomputed root agree, and every stored witness cosignature against the witness's key.
 */
final class CheckpointChecks {
    private final LedgerRows rows;
    private final Findings findings;
    private final Optional<NoteKey> logKey;
    private final Map<String, Optional<NoteKey>> witnessKeys = new HashMap<>();
    private long checkpoints;
    private long cosignatures;

    CheckpointChecks(LedgerRows rows, Findings findings, Optional<NoteKey> logKey) {
        this.rows = rows;
        this.findings = findings;
        this.logKey = logKey;
        for (LedgerRows.WitnessRow w : rows.witnesses()) {
            witnessKeys.put(w.name(), witnessKey(w));
        }
    }

    private Optional<NoteKey> witnessKey(LedgerRows.WitnessRow w) {
        try {
            NoteKey k = NoteKey.parseVkey(w.vkey());
            if (!k.name().equals(w.name()) || !String.format("%08x", k.keyId()).equals(w.keyId())) {
                findings.error("row.metadata", new Where(null, null, null, null, null, null),
                        w.name() + " with key id " + w.keyId(), k.name() + " with key id " + String.format("%08x", k.keyId()),
                        "witness " + w.name() + ": name or key id column differs from its verifier key");
            }
            return Optional.of(k);
        } catch (FormatException e) {
            findings.error("row.metadata", new Where(null, null, null, null, null, null), "a witness verifier key",
                    w.vkey(), "witness " + w.name() + ": unreadable verifier key: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * @param recomputed the root recomputed from the leaves at this size, or null when it cannot be: then
     *                   {@code whyNot}, if given, is reported as a {@code checkpoint.root} finding (a checkpoint
     *                   beyond the log has its own finding and passes null)
     */
    void check(LedgerRows.CheckpointRow cp, byte[] recomputed, String whyNot, Long leafIndex) {
        checkpoints++;
        Where where = new Where(null, null, null, leafIndex, null, cp.treeSize());
        SignedNote note = null;
        Checkpoint body = null;
        try {
            note = SignedNote.parse(cp.note());
            body = Checkpoint.parse(note.text());
        } catch (FormatException e) {
            findings.error("checkpoint.signature", where, "a signed checkpoint note", "unreadable note (" + e.rule() + ")",
                    "the stored note cannot be read: " + e.getMessage());
        }
        if (note != null && body != null && logKey.isPresent()) {
            try {
                NoteVerifier.verifyCheckpoint(note, logKey.get(), List.of());
            } catch (CheckpointVerificationException e) {
                findings.error("checkpoint.signature", where, e.expected(), e.computed(),
                        "the log signature does not verify (" + e.check() + "): " + e.getMessage());
            } catch (FormatException e) {
                findings.error("checkpoint.signature", where, "a signed checkpoint note", e.rule(), e.getMessage());
            }
        }
        byte[] signedRoot = body != null ? body.root() : cp.root();
        if (body != null) {
            if (body.size() != cp.treeSize()) {
                findings.error("row.metadata", where, String.valueOf(body.size()), String.valueOf(cp.treeSize()),
                        "the tree_size column differs from the signed note");
            }
            if (!Arrays.equals(body.root(), cp.root())) {
                findings.error("checkpoint.root", where, b64(body.root()), b64(cp.root()),
                        "the root column differs from the signed note");
            }
            if (body.time().isPresent() && body.time().get() != cp.signedAt()) {
                findings.error("row.metadata", where, String.valueOf(body.time().get()), String.valueOf(cp.signedAt()),
                        "the signed_at column differs from the signed note");
            }
        }
        if (recomputed == null) {
            if (whyNot != null) {
                findings.error("checkpoint.root", where, b64(signedRoot), "none", whyNot);
            }
        } else if (!Arrays.equals(recomputed, signedRoot)) {
            findings.error("checkpoint.root", where, b64(signedRoot), b64(recomputed),
                    "the root recomputed from the leaves differs from the checkpoint");
        }
        cosignatures(cp, note, where);
    }

    private void cosignatures(LedgerRows.CheckpointRow cp, SignedNote note, Where where) {
        for (LedgerRows.CosignatureRow c : rows.cosignatures(cp.treeSize())) {
            cosignatures++;
            if (note == null) {
                findings.unchecked("cosignature of " + c.witness() + " on checkpoint " + cp.treeSize()
                        + ": the checkpoint note is unreadable");
                continue;
            }
            Optional<NoteKey> key = witnessKeys.getOrDefault(c.witness(), Optional.empty());
            if (key.isEmpty()) {
                findings.error("cosignature.signature", where, "a registered witness " + c.witness(), "none",
                        "the cosigning witness " + c.witness() + " has no readable key");
                continue;
            }
            try {
                SignedNote line = SignedNote.parse(note.text() + "\n" + c.signatureLine() + "\n");
                List<NoteVerifier.Verified> ok = NoteVerifier.verify(line, List.of(key.get()));
                if (ok.isEmpty()) {
                    findings.error("cosignature.signature", where, "a cosignature by " + key.get().vkey(),
                            c.signatureLine(), "the cosignature of " + c.witness() + " is not by its registered key");
                } else if (ok.get(0).time().orElse(-1) != c.cosignedAt()) {
                    findings.error("row.metadata", where, String.valueOf(ok.get(0).time().orElse(-1)),
                            String.valueOf(c.cosignedAt()), "the cosigned_at column of " + c.witness()
                                    + " differs from its cosignature");
                }
            } catch (CheckpointVerificationException e) {
                findings.error("cosignature.signature", where, e.expected(), e.computed(),
                        "the cosignature of " + c.witness() + " does not verify: " + e.getMessage());
            } catch (FormatException e) {
                findings.error("cosignature.signature", where, "a cosignature line", c.signatureLine(),
                        "the cosignature of " + c.witness() + " is unreadable: " + e.getMessage());
            }
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    long checkpoints() {
        return checkpoints;
    }

    long cosignatures() {
        return cosignatures;
    }
}
