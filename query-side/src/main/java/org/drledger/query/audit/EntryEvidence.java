package org.drledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.drledger.command.ledger.StoredEntry;
import org.drledger.command.sealer.CheckpointStore;
import org.drledger.command.sealer.MerkleStore;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.core.VerificationException;
import org.drledger.core.bytes.Hex;
import org.drledger.core.checkpoint.NoteKey;
import org.drledger.core.checkpoint.NoteVerifier;
import org.drledger.core.checkpoint.SignedNote;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.merkle.InclusionProof;
import org.drledger.core.merkle.MerkleHasher;
import org.drledger.core.merkle.MerkleProofJson;
import org.drledger.core.merkle.MerkleVerifier;
import org.drledger.core.merkle.ProofGenerator;
import org.drledger.query.keys.KeyDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The evidence behind one audit entry: the signed entry as stored, its key's status at its position, the first
 * checkpoint that includes it and the inclusion proof to that checkpoint, checked here with the kernel (leaf hash
 * recomputed from the entry, proof to the checkpoint's root, checkpoint signed by the log key). A reader can redo
 * every check offline with ledger-verifier.
 */
@Component
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
public class EntryEvidence {
    private final JdbcTemplate jdbc;
    private final MerkleStore merkle;
    private final CheckpointStore checkpoints;
    private final KeyDirectory keys;

    EntryEvidence(JdbcTemplate jdbc, MerkleStore merkle, CheckpointStore checkpoints, KeyDirectory keys) {
        this.jdbc = jdbc;
        this.merkle = merkle;
        this.checkpoints = checkpoints;
        this.keys = keys;
    }

    /** The checkpoint that first includes the entry, the proof to it and what the kernel said about both. */
    public record Inclusion(long treeSize, String root, Instant signedAt, String note, JsonNode proof,
                            boolean verified, String failure) {
    }

    /** Everything the entry page and {@code GET /api/audit/entries/{leaf}} show beside the trail row. */
    public record Evidence(JsonNode signedEntry, String signature, KeyDirectory.StatusAt keyStatus,
                           Optional<Inclusion> inclusion) {
    }

    public Optional<Evidence> of(AuditTrail.Row row) {
        Optional<MerkleStore.Leaf> leaf = merkle.leaf(row.leafIndex());
        if (leaf.isEmpty()) {
            return Optional.empty();
        }
        Info info = info();
        StoredEntry.Row stored = jdbc.queryForObject(StoredEntry.SELECT_ROWS + "WHERE global_index = ?",
                StoredEntry.ROW_MAPPER, leaf.get().globalIndex());
        SignedEntry signed = StoredEntry.rebuild(stored, info.ledgerId());
        KeyDirectory.StatusAt status = keys.statusAt(signed.entry().keyId(), signed.entry().actor().department(),
                row.leafIndex());
        return Optional.of(new Evidence(CanonicalJson.parse(signed.toCanonicalJson()),
                Hex.encode(signed.signature()), status, inclusion(leaf.get(), signed, info)));
    }

    private Optional<Inclusion> inclusion(MerkleStore.Leaf leaf, SignedEntry signed, Info info) {
        Optional<CheckpointStore.StoredCheckpoint> cp = checkpoints.firstCovering(leaf.leafIndex() + 1);
        if (cp.isEmpty() || cp.get().treeSize() > merkle.size()) {
            return Optional.empty();
        }
        CheckpointStore.StoredCheckpoint c = cp.get();
        MerkleHasher hasher = new MerkleHasher(CryptoSuites.byId(info.suite()).hash());
        ProofGenerator gen = new ProofGenerator(hasher, merkle);
        InclusionProof proof = new InclusionProof(leaf.leafIndex(), c.treeSize(), leaf.leafHash(),
                gen.inclusionProof(leaf.leafIndex(), c.treeSize()), c.root());
        String failure = null;
        try {
            if (!Arrays.equals(hasher.leafHash(signed.leafData()), leaf.leafHash())) {
                failure = "the leaf hash differs from the entry's";
            } else {
                new MerkleVerifier(hasher).verify(proof);
                NoteVerifier.verifyCheckpoint(SignedNote.parse(c.note()), NoteKey.parseVkey(info.logKey()),
                        List.of());
            }
        } catch (VerificationException | RuntimeException e) {
            failure = e.getMessage();
        }
        return Optional.of(new Inclusion(c.treeSize(), Hex.encode(c.root()), Instant.ofEpochSecond(c.signedAt()),
                c.note(), MerkleProofJson.toJson(proof), failure == null, failure));
    }

    private record Info(String ledgerId, String suite, String logKey) {
    }

    private Info info() {
        return jdbc.queryForObject("SELECT ledger_id, suite, log_key_vkey FROM ledger_info",
                (rs, i) -> new Info(rs.getString(1), rs.getString(2), rs.getString(3)));
    }
}
