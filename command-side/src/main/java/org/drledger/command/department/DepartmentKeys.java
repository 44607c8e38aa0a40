package org.drledger.command.department;

import java.security.SecureRandom;
import java.util.List;
import org.drledger.command.ledger.KeyFiles;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.SigningKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Generates department keys into the key directory (the private half never leaves it) and lists keys as the
 * append path sees them.
 */
@Service
public class DepartmentKeys {
    /** A key as recorded: id, department and status. */
    public record KeyView(String keyId, String department, String status, String publicKey) {
    }

    private final KeyFiles keyFiles;
    private final CryptoSuite suite;
    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    DepartmentKeys(KeyFiles keyFiles, CryptoSuite suite, JdbcTemplate jdbc) {
        this.keyFiles = keyFiles;
        this.suite = suite;
        this.jdbc = jdbc;
    }

    /** A fresh key, already stored in the key directory. */
    public SigningKey generate() {
        SigningKey key = suite.generateKey(random);
        keyFiles.store(key.verifyingKey().keyId(), key);
        return key;
    }

    public List<KeyView> keysOf(String department) {
        return jdbc.query("SELECT key_id, department, status, public_key FROM ledger_key WHERE department = ? "
                + "ORDER BY key_id", (rs, i) -> new KeyView(rs.getString(1), rs.getString(2), rs.getString(3),
                suite.publicKeyFromSpki(rs.getBytes(4)).toPem()), department);
    }
}
