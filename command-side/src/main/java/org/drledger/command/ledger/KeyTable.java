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
 * transaction. Reading a department's signing key takes that department's key lock in share mode and every key
 * change takes it exclusively, both until the transaction ends: a revocation waits for in-flight appends and no
 * entry signed by a revoked key can commit after it. On PostgreSQL the lock is a transaction-level advisory lock
 * (memory only: a row lock {@code FOR SHARE} wrote the key row, as a MultiXact under concurrency, on every append);
 * on H2, which has neither, the key row is locked {@code FOR UPDATE}. A transaction reads each department's key
 * once: a registry import appends a thousand entries of one department per transaction. A key change inside the
 * transaction forgets what it read.
 */
final class KeyTable {
    record ActiveKey(String keyId, VerifyingKey key) {
    }

    private final JdbcTemplate jdbc;
    private final CryptoSuite suite;
    private final boolean postgres;

    /** Key id → public key never changes (the id is the key's hash), so decoded keys are kept: decoding is costly. */
    private final Map<String, VerifyingKey> decoded = new ConcurrentHashMap<>();

    KeyTable(JdbcTemplate jdbc, CryptoSuite suite, boolean postgres) {
        this.jdbc = jdbc;
        this.suite = suite;
        this.postgres = postgres;
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
                // a transaction started inside this one (REQUIRES_NEW) holds no lock of ours: it must read afresh
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KeyTable.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(KeyTable.this, fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KeyTable.this);
                }
            });
            read = fresh;
        }
        return read;
    }

    /** The advisory lock space of department keys ("DRLK"); the department id is hashed into the second key. */
    static final int LOCK_SPACE = 0x44524c4b;

    private Optional<ActiveKey> lockAndRead(String department) {
        String select = "SELECT key_id, public_key FROM ledger_key WHERE department = ? AND status = 'ACTIVE'";
        if (postgres) {
            // its own statement, so that the read's snapshot is taken after the lock is granted
            jdbc.query("SELECT pg_advisory_xact_lock_shared(?, hashtext(?))", rs -> { }, LOCK_SPACE, department);
        } else {
            select += " FOR UPDATE";
        }
        List<ActiveKey> keys = jdbc.query(select,
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
        if (postgres) {
            // waits for the appends that read this department's key; later ones wait for this transaction
            jdbc.query("SELECT pg_advisory_xact_lock(?, hashtext(?))", rs -> { }, LOCK_SPACE, change.department());
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
