package org.drledger.command.sealer;

import java.util.List;
import java.util.Optional;
import org.drledger.core.merkle.SubtreeHashes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The stored Merkle log: leaf order ({@code merkle_leaf}) and completed perfect-subtree nodes
 * ({@code merkle_node}), read through {@link SubtreeHashes} for roots and proofs at any size.
 */
@Repository
public class MerkleStore implements SubtreeHashes {
    /** One leaf: which event it is and its position. */
    public record Leaf(long leafIndex, long globalIndex, String aggregateId, long sequence, String entryHash,
                       byte[] leafHash) {
    }

    private final JdbcTemplate jdbc;

    MerkleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long size() {
        Long max = jdbc.queryForObject("SELECT MAX(leaf_index) FROM merkle_leaf", Long.class);
        return max == null ? 0 : max + 1;
    }

    /** A leaf to store; its global index is read from the stored event in the same statement. */
    record PendingLeaf(long leafIndex, String aggregateId, long sequence, String entryHash, byte[] leafHash) {
    }

    /** A completed inner node to store. */
    record PendingNode(int level, long index, byte[] hash) {
    }

    /**
     * Stores a batch of leaves and nodes with two JDBC batches: the sealer's rows of one processor batch in two round
     * trips instead of three per entry. A leaf whose event is not stored inserts nothing and fails the batch.
     */
    void insertAll(List<PendingLeaf> leaves, List<PendingNode> nodes) {
        if (!leaves.isEmpty()) {
            int[] counts = jdbc.batchUpdate("INSERT INTO merkle_leaf (leaf_index, global_index, aggregate_identifier, "
                    + "sequence_number, entry_hash, leaf_hash) SELECT ?, global_index, aggregate_identifier, "
                    + "sequence_number, ?, ? FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number "
                    + "= ?", leaves, leaves.size(), (ps, l) -> {
                        ps.setLong(1, l.leafIndex());
                        ps.setString(2, l.entryHash());
                        ps.setBytes(3, l.leafHash());
                        ps.setString(4, l.aggregateId());
                        ps.setLong(5, l.sequence());
                    })[0];
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 1 && counts[i] != java.sql.Statement.SUCCESS_NO_INFO) {
                    PendingLeaf l = leaves.get(i);
                    throw new IllegalStateException("no stored event " + l.aggregateId() + "#" + l.sequence()
                            + " for leaf " + l.leafIndex());
                }
            }
        }
        if (!nodes.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO merkle_node (level, node_index, hash) VALUES (?, ?, ?)", nodes, nodes.size(),
                    (ps, n) -> {
                        ps.setInt(1, n.level());
                        ps.setLong(2, n.index());
                        ps.setBytes(3, n.hash());
                    });
        }
    }

    @Override
    public byte[] get(int level, long index) {
        List<byte[]> hashes = level == 0
                ? jdbc.query("SELECT leaf_hash FROM merkle_leaf WHERE leaf_index = ?", (rs, i) -> rs.getBytes(1), index)
                : jdbc.query("SELECT hash FROM merkle_node WHERE level = ? AND node_index = ?",
                (rs, i) -> rs.getBytes(1), level, index);
        if (hashes.isEmpty()) {
            throw new IllegalStateException("the Merkle store has no node at level " + level + ", index " + index);
        }
        return hashes.get(0);
    }

    public Optional<Leaf> leaf(long leafIndex) {
        return jdbc.query("SELECT leaf_index, global_index, aggregate_identifier, sequence_number, entry_hash, leaf_hash "
                + "FROM merkle_leaf WHERE leaf_index = ?", (rs, i) -> new Leaf(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getLong(4), rs.getString(5), rs.getBytes(6)), leafIndex).stream().findFirst();
    }

    public Optional<Leaf> leafByEntryHash(String entryHash) {
        return jdbc.query("SELECT leaf_index, global_index, aggregate_identifier, sequence_number, entry_hash, leaf_hash "
                + "FROM merkle_leaf WHERE entry_hash = ?", (rs, i) -> new Leaf(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getLong(4), rs.getString(5), rs.getBytes(6)), entryHash).stream().findFirst();
    }

    public List<Leaf> leaves(long from, long toExclusive) {
        return jdbc.query("SELECT leaf_index, global_index, aggregate_identifier, sequence_number, entry_hash, leaf_hash "
                        + "FROM merkle_leaf WHERE leaf_index >= ? AND leaf_index < ? ORDER BY leaf_index",
                (rs, i) -> new Leaf(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getBytes(6)), from, toExclusive);
    }
}
