package org.drledger.command.sealer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.drledger.command.ledger.KeyFiles;
import org.drledger.core.checkpoint.Checkpoint;
import org.drledger.core.checkpoint.NoteKey;
import org.drledger.core.checkpoint.NoteSigner;
import org.drledger.core.checkpoint.SignedNote;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.merkle.MerkleHasher;
import org.drledger.core.merkle.ProofGenerator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs checkpoints with the log key and serves them with their cosignatures. */
@Service
public class CheckpointService {
    private final CheckpointStore checkpoints;
    private final MerkleStore merkle;
    private final KeyFiles keyFiles;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CryptoSuite suite;
    private volatile NoteSigner signer;

    CheckpointService(CheckpointStore checkpoints, MerkleStore merkle, KeyFiles keyFiles, JdbcTemplate jdbc, Clock clock,
                      CryptoSuite suite) {
        this.checkpoints = checkpoints;
        this.merkle = merkle;
        this.keyFiles = keyFiles;
        this.jdbc = jdbc;
        this.clock = clock;
        this.suite = suite;
    }

    /** The Merkle log's hash (the suite's). */
    public org.drledger.core.crypto.HashAlgorithm suiteHash() {
        return suite.hash();
    }

    /** The log's verifier key (C2SP vkey), from the genesis entry. */
    public NoteKey logKey() {
        return NoteKey.parseVkey(jdbc.queryForObject("SELECT log_key_vkey FROM ledger_info", String.class));
    }

    private NoteSigner signer() {
        NoteSigner s = signer;
        if (s == null) {
            NoteKey key = logKey();
            SigningKey logKey = keyFiles.load(key.key().keyId()).orElseThrow(() -> new IllegalStateException(
                    "the log key " + key.key().keyId() + " is missing from " + keyFiles.directory()));
            s = NoteSigner.log(key.name(), logKey);
            signer = s;
        }
        return s;
    }

    /** Signs a checkpoint of the given size and root, in the caller's transaction. False if it existed. */
    boolean sign(long size, byte[] root) {
        NoteSigner s = signer();
        Checkpoint cp = Checkpoint.of(s.noteKey().name(), size, root, clock.instant().getEpochSecond());
        SignedNote note = s.signCheckpoint(cp);
        return checkpoints.insert(new CheckpointStore.StoredCheckpoint(size, root, cp.time().orElseThrow(), note.format()));
    }

    /** Signs a checkpoint of everything sealed so far, if it is larger than the latest one. */
    @Transactional
    public Optional<Long> signIfBehind() {
        long size = merkle.size();
        long latest = checkpoints.latest().map(CheckpointStore.StoredCheckpoint::treeSize).orElse(0L);
        if (size == 0 || size <= latest) {
            return Optional.empty();
        }
        byte[] root = new ProofGenerator(new MerkleHasher(suite.hash()), merkle).rootAt(size);
        return sign(size, root) ? Optional.of(size) : Optional.empty();
    }

    /** The note of a checkpoint with every stored cosignature line appended. */
    public Optional<String> noteWithCosignatures(long size) {
        return checkpoints.at(size).map(this::withCosignatures);
    }

    public Optional<String> latestNoteWithCosignatures() {
        return checkpoints.latest().map(this::withCosignatures);
    }

    private String withCosignatures(CheckpointStore.StoredCheckpoint c) {
        StringBuilder sb = new StringBuilder(c.note());
        List<CheckpointStore.StoredCosignature> cosigs = checkpoints.cosignatures(c.treeSize());
        cosigs.forEach(x -> sb.append(x.signatureLine()).append('\n'));
        return sb.toString();
    }
}
