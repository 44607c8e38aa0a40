package org.drledger.command.sealer;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Signed checkpoints and the witness cosignatures collected for them. */
@Repository
public class CheckpointStore {
    /** A stored checkpoint: its size, root, signing time and the signed note (log signature only). */
    public record StoredCheckpoint(long treeSize, byte[] root, long signedAt, String note) {
    }

    /** A cosignature line stored for a checkpoint. */
    public record StoredCosignature(long treeSize, String witness, long cosignedAt, String signatureLine) {
    }

    private final JdbcTemplate jdbc;

    CheckpointStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a checkpoint; false when one of that size exists already (another node or an earlier run signed it). */
    boolean insert(StoredCheckpoint c) {
        try {
            jdbc.update("INSERT INTO checkpoint (tree_size, root, signed_at, note) VALUES (?, ?, ?, ?)",
                    c.treeSize(), c.root(), c.signedAt(), c.note());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public Optional<StoredCheckpoint> latest() {
        return jdbc.query("SELECT tree_size, root, signed_at, note FROM checkpoint ORDER BY tree_size DESC LIMIT 1",
                (rs, i) -> new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getString(4)))
                .stream().findFirst();
    }

    public Optional<StoredCheckpoint> at(long size) {
        return jdbc.query("SELECT tree_size, root, signed_at, note FROM checkpoint WHERE tree_size = ?",
                (rs, i) -> new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getString(4)), size)
                .stream().findFirst();
    }

    /** The first checkpoint at or above a size: the one that first includes a leaf. */
    public Optional<StoredCheckpoint> firstCovering(long size) {
        return jdbc.query("SELECT tree_size, root, signed_at, note FROM checkpoint WHERE tree_size >= ? "
                        + "ORDER BY tree_size LIMIT 1",
                (rs, i) -> new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getString(4)), size)
                .stream().findFirst();
    }

    public List<StoredCheckpoint> all() {
        return jdbc.query("SELECT tree_size, root, signed_at, note FROM checkpoint ORDER BY tree_size",
                (rs, i) -> new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getString(4)));
    }

    public List<StoredCosignature> cosignatures(long size) {
        return jdbc.query("SELECT tree_size, witness_name, cosigned_at, signature_line FROM checkpoint_cosignature "
                        + "WHERE tree_size = ? ORDER BY witness_name",
                (rs, i) -> new StoredCosignature(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)), size);
    }

    /** Stores a cosignature; false when that witness already cosigned this checkpoint. */
    boolean insertCosignature(StoredCosignature c) {
        try {
            jdbc.update("INSERT INTO checkpoint_cosignature (tree_size, witness_name, cosigned_at, signature_line) "
                    + "VALUES (?, ?, ?, ?)", c.treeSize(), c.witness(), c.cosignedAt(), c.signatureLine());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
