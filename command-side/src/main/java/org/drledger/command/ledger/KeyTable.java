package org.drledger.command.ledger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.VerifyingKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append path's view of department keys ({@code ledger_key}), read and written inside the appending
 * transaction. On PostgreSQL, reading the signing key takes a share lock on its row, so a revocation (which
 * updates the row) waits for in-flight appends and no entry signed by a revoked key can commit after it. The lock
 * lasts until the transaction ends, so a transaction reads each department's key row once: a registry import
 * appends a thousand entries of one department per transaction and would otherwise re-read the same locked row
 * for every one. A key change inside the transaction forgets what it read.
 */
final class KeyTable {
    record ActiveKey(String keyId, VerifyingKey key) {
    }

    private final JdbcTemplate jdbc;
    private final CryptoSuite suite;
    private final String lockClause;

    /** Key id → public key never changes (the id is the key's hash), so decoded keys are kept: decoding is costly. */
    private final Map<String, VerifyingKey> decoded = new ConcurrentHashMap<>();

    KeyTable(JdbcTemplate jdbc, CryptoSuite suite, boolean postgres) {
        this.jdbc = jdbc;
        this.suite = suite;
        this.lockClause = postgres ? " FOR SHARE" : " FOR UPDATE";
    }

    Optional<ActiveKey> activeKey(String department) {
        Map<String, Optional<ActiveKey>> read = readInThisTransaction();
        if (read == null) {
            return lockAndRead(department);
        }
        Optional<ActiveKey> key = read.get(department);
        if (key == null) {
            key = lockAndRead(department);
            read.put(department, key);
        }
        return key;
    }

    /** The keys read (and locked) in the current transaction, or null outside one. */
    @SuppressWarnings("unchecked")
    private Map<String, Optional<ActiveKey>> readInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Map<String, Optional<ActiveKey>> read =
                (Map<String, Optional<ActiveKey>>) TransactionSynchronizationManager.getResource(this);
        if (read == null) {
            Map<String, Optional<ActiveKey>> fresh = new java.util.HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KeyTable.this);
                }
            });
            read = fresh;
        }
        return read;
    }

    private Optional<ActiveKey> lockAndRead(String department) {
        List<ActiveKey> keys = jdbc.query(
                "SELECT key_id, public_key FROM ledger_key WHERE department = ? AND status = 'ACTIVE'" + lockClause,
                (rs, i) -> {
                    String keyId = rs.getString(1);
                    byte[] spki = rs.getBytes(2);
                    VerifyingKey key = decoded.computeIfAbsent(keyId, k -> suite.publicKeyFromSpki(spki));
                    if (!key.keyId().equals(keyId)) {
                        throw new LedgerIntegrityException("stored key " + keyId + " does not match its public key");
                    }
                    return new ActiveKey(keyId, key);
                }, department);
        if (keys.size() > 1) {
            throw new LedgerIntegrityException("department " + department + " has " + keys.size() + " active keys");
        }
        return keys.stream().findFirst();
    }

    void apply(KeyChange change, String eventId) {
        Map<String, Optional<ActiveKey>> read = readInThisTransaction();
        if (read != null) {
            read.clear();
        }
        if (change.publicKeyPem() != null) {
            VerifyingKey key = suite.readPublicKeyPem(change.publicKeyPem());
            if (!key.keyId().equals(change.keyId())) {
                throw new LedgerIntegrityException("key id " + change.keyId() + " does not match its public key "
                        + key.keyId());
            }
            jdbc.update("INSERT INTO ledger_key (key_id, department, public_key, status, changed_by_event) "
                    + "VALUES (?, ?, ?, ?, ?)", change.keyId(), change.department(), key.spki(),
                    change.state().name(), eventId);
        } else {
            int n = jdbc.update("UPDATE ledger_key SET status = ?, changed_by_event = ? WHERE key_id = ? AND department = ?",
                    change.state().name(), eventId, change.keyId(), change.department());
            if (n != 1) {
                throw new LedgerIntegrityException("no key " + change.keyId() + " of " + change.department());
            }
        }
    }
}
