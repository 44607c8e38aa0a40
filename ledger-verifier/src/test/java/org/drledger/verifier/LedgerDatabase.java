package org.drledger.verifier;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.drledger.core.bundle.BundleLines;
import org.drledger.core.bytes.Hex;
import org.drledger.core.checkpoint.Checkpoint;
import org.drledger.core.checkpoint.NoteSignature;
import org.drledger.core.checkpoint.SignedNote;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.merkle.CompactRange;
import org.drledger.core.merkle.MerkleHasher;

/**
 * A private in-memory H2 database (PostgreSQL mode) with the command side's own V1 and V2 migrations, read as files,
 * holding a kernel-built ledger in the rows the server writes: {@code domain_event_entry} with the {@code drl.*}
 * metadata, {@code merkle_leaf}, {@code merkle_node}, {@code checkpoint} (log signature only),
 * {@code checkpoint_cosignature}, {@code witness} and {@code ledger_info}.
 */
final class LedgerDatabase {
    private static final Path MIGRATIONS = Path.of("../command-side/src/main/resources/db/migration");

    final String url = "jdbc:h2:mem:verifier-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
    final Connection keepAlive;

    LedgerDatabase() throws SQLException, IOException {
        keepAlive = DriverManager.getConnection(url);
        for (String v : List.of("V1__event_store.sql", "V2__ledger.sql")) {
            run(Files.readString(MIGRATIONS.resolve(v), StandardCharsets.UTF_8));
        }
    }

    private void run(String script) throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        try (Statement st = keepAlive.createStatement()) {
            for (String s : sql.toString().split(";")) {
                if (!s.isBlank()) {
                    st.execute(s);
                }
            }
        }
    }

    void write(CryptoSuite suite, String ledgerId, String origin, String logVkey, String rootDept,
               List<SignedEntry> entries, List<BundleLines.CheckpointLine> checkpoints) throws SQLException {
        MerkleHasher hasher = new MerkleHasher(suite.hash());
        try (PreparedStatement info = keepAlive.prepareStatement("INSERT INTO ledger_info VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement ev = keepAlive.prepareStatement("INSERT INTO domain_event_entry (global_index, "
                     + "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                     + "payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement leaf = keepAlive.prepareStatement("INSERT INTO merkle_leaf VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement node = keepAlive.prepareStatement("INSERT INTO merkle_node VALUES (?, ?, ?)");
             PreparedStatement cp = keepAlive.prepareStatement("INSERT INTO checkpoint VALUES (?, ?, ?, ?)");
             PreparedStatement cos = keepAlive.prepareStatement("INSERT INTO checkpoint_cosignature VALUES (?, ?, ?, ?)");
             PreparedStatement wit = keepAlive.prepareStatement("INSERT INTO witness VALUES (?, ?, ?, ?)")) {
            info.setString(1, ledgerId);
            info.setString(2, suite.id());
            info.setString(3, origin);
            info.setString(4, logVkey);
            info.setString(5, rootDept);
            info.setString(6, "genesis");
            info.executeUpdate();
            CompactRange range = new CompactRange(hasher, (level, index, hash) -> {
                if (level > 0) {
                    try {
                        node.setInt(1, level);
                        node.setLong(2, index);
                        node.setBytes(3, hash);
                        node.executeUpdate();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            for (int i = 0; i < entries.size(); i++) {
                SignedEntry s = entries.get(i);
                Entry e = s.entry();
                ObjectNode meta = JsonNodeFactory.instance.objectNode()
                        .put("drl.actor.department", e.actor().department()).put("drl.actor.user", e.actor().user())
                        .put("drl.time", e.timeText()).put("drl.schema", Integer.toString(e.schema()))
                        .put("drl.prev", e.prev()).put("drl.key", e.keyId()).put("drl.hash", s.hashHex())
                        .put("drl.sig", Hex.encode(s.signature()));
                long global = 100 + 2L * i; // global indexes have gaps in a real store too
                ev.setLong(1, global);
                ev.setString(2, UUID.nameUUIDFromBytes(s.hash()).toString());
                ev.setString(3, e.stream().id());
                ev.setLong(4, e.seq());
                ev.setString(5, e.stream().type());
                ev.setString(6, e.timeText());
                ev.setString(7, "org.drledger.command.test.Events$" + e.type());
                ev.setString(8, null);
                ev.setBytes(9, CanonicalJson.write(e.payload()));
                ev.setBytes(10, CanonicalJson.write(meta));
                ev.executeUpdate();
                leaf.setLong(1, i);
                leaf.setLong(2, global);
                leaf.setString(3, e.stream().id());
                leaf.setLong(4, e.seq());
                leaf.setString(5, s.hashHex());
                leaf.setBytes(6, hasher.leafHash(s.leafData()));
                leaf.executeUpdate();
                range.append(s.leafData());
            }
            boolean witnesses = false;
            for (BundleLines.CheckpointLine line : checkpoints) {
                SignedNote n = line.note();
                Checkpoint c = Checkpoint.parse(n.text());
                cp.setLong(1, c.size());
                cp.setBytes(2, c.root());
                cp.setLong(3, c.time().orElseThrow());
                cp.setString(4, new SignedNote(n.text(), List.of(n.signatures().get(0))).format());
                cp.executeUpdate();
                for (NoteSignature w : n.signatures().subList(1, n.signatures().size())) {
                    if (!witnesses) {
                        witnesses = true;
                        wit.setString(1, w.keyName());
                        wit.setString(2, "registered in the ledger");
                        wit.setString(3, Integer.toHexString(w.keyId()));
                        wit.setBoolean(4, true);
                        wit.executeUpdate();
                    }
                    cos.setLong(1, c.size());
                    cos.setString(2, w.keyName());
                    cos.setLong(3, c.time().orElseThrow() + 2);
                    cos.setString(4, w.line());
                    cos.executeUpdate();
                }
            }
        }
    }

    void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement st = keepAlive.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            st.executeUpdate();
        }
    }
}
