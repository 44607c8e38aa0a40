package org.drledger.query.keys;

import java.util.List;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.query.projection.LedgerRecord;
import org.drledger.query.projection.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Department keys and their validity positions (ledger-format.md §5) from the genesis entry and the key lifecycle
 * entries ({@code DepartmentKeyRegistered}, {@code …Rotated}, {@code …Revoked}, {@code …Compromised}). Writes go
 * straight to the table (a handful per year), so later entries of the same page see earlier ones.
 */
@Component
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class KeyProjection implements Projection {
    private final JdbcTemplate jdbc;

    KeyProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "keys";
    }

    @Override
    public List<String> tables() {
        return List.of("key_view");
    }

    @Override
    public void apply(LedgerRecord r) {
        long p = r.leafIndex();
        String at = r.entry().timeText();
        switch (r.eventType()) {
            case "LedgerInitialized" -> insert(r.text("rootKeyId"), r.text("rootDepartmentId"), r.text("suite"),
                    r.text("rootPublicKey"), p, at, 0, null);
            case "DepartmentKeyRegistered" -> insert(r.text("keyId"), r.text("departmentId"), suite(),
                    r.text("publicKey"), p, at, p + 1, null);
            case "DepartmentKeyRotated" -> {
                jdbc.update("UPDATE key_view SET rotated_leaf = ?, rotated_at = ?, reason = ? WHERE key_id = ?",
                        p, at, r.text("reason"), r.text("oldKeyId"));
                insert(r.text("newKeyId"), r.text("departmentId"), suite(), r.text("publicKey"), p, at, p + 1,
                        r.text("oldKeyId"));
            }
            case "DepartmentKeyRevoked" -> jdbc.update("UPDATE key_view SET revoked_leaf = ?, revoked_at = ?, "
                    + "reason = ? WHERE key_id = ?", p, at, r.text("reason"), r.text("keyId"));
            case "DepartmentKeyCompromised" -> jdbc.update("UPDATE key_view SET compromised_from = ?, "
                    + "compromised_leaf = ?, compromised_at = ?, reason = ? WHERE key_id = ?",
                    r.payload().get("fromLeafIndex").asLong(), p, at, r.text("reason"), r.text("keyId"));
            default -> {
            }
        }
    }

    private void insert(String keyId, String department, String suite, String publicKey, long leaf, String at,
                        long validFrom, String replaces) {
        jdbc.update("INSERT INTO key_view (key_id, department, suite, public_key, registered_leaf, registered_at, "
                + "valid_from, replaces_key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", keyId, department, suite, publicKey,
                leaf, at, validFrom, replaces);
    }

    /** The ledger's suite, named by the genesis key (every department key is of the ledger's suite). */
    private String suite() {
        return jdbc.queryForObject("SELECT suite FROM key_view WHERE registered_leaf = 0 AND replaces_key_id IS NULL "
                + "ORDER BY key_id LIMIT 1", String.class);
    }
}
