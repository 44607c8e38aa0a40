package org.drledger.core.entry;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.drledger.core.crypto.VerifyingKey;

/**
 * Which department key may sign at which ledger position, built from the key lifecycle entries in ledger order.
 * Positions are Merkle leaf indexes. A lifecycle entry at position {@code p} takes effect for entries after
 * {@code p}; only keys named in the genesis entry are valid from position 0 itself. Not thread-safe.
 */
public final class KeyBook {
    private final Map<String, Record> byId = new HashMap<>();

    /** A key's lifecycle. End positions are exclusive bounds on the positions the key may sign at. */
    public static final class Record {
        private final String department;
        private final VerifyingKey key;
        private final long validFrom;
        private long rotatedAt = Long.MAX_VALUE;
        private long revokedAt = Long.MAX_VALUE;
        private long compromisedFrom = Long.MAX_VALUE;

        Record(String department, VerifyingKey key, long validFrom) {
            this.department = department;
            this.key = key;
            this.validFrom = validFrom;
        }

        public String department() {
            return department;
        }

        public VerifyingKey key() {
            return key;
        }

        public long validFrom() {
            return validFrom;
        }

        public Optional<Long> rotatedAt() {
            return rotatedAt == Long.MAX_VALUE ? Optional.empty() : Optional.of(rotatedAt);
        }

        public Optional<Long> revokedAt() {
            return revokedAt == Long.MAX_VALUE ? Optional.empty() : Optional.of(revokedAt);
        }

        public Optional<Long> compromisedFrom() {
            return compromisedFrom == Long.MAX_VALUE ? Optional.empty() : Optional.of(compromisedFrom);
        }

        KeyStatus statusAt(long position) {
            if (position >= compromisedFrom) {
                return KeyStatus.COMPROMISED;
            }
            if (position < validFrom) {
                return KeyStatus.NOT_YET_VALID;
            }
            if (position > revokedAt) {
                return KeyStatus.REVOKED;
            }
            if (position > rotatedAt) {
                return KeyStatus.ROTATED_OUT;
            }
            return KeyStatus.VALID;
        }
    }

    /** A key named in the genesis entry: valid from position 0, including the genesis entry itself. */
    public void registerAtGenesis(String department, VerifyingKey key) {
        add(department, key, 0);
    }

    /** A key registered by the entry at {@code position}; it may sign from {@code position + 1}. */
    public void register(String department, VerifyingKey key, long position) {
        add(department, key, position + 1);
    }

    /** The entry at {@code position} replaces {@code oldKeyId} with {@code newKey}: old signs up to {@code position}. */
    public void rotate(String oldKeyId, VerifyingKey newKey, long position) {
        Record old = require(oldKeyId);
        old.rotatedAt = Math.min(old.rotatedAt, position);
        add(old.department, newKey, position + 1);
    }

    public void revoke(String keyId, long position) {
        Record r = require(keyId);
        r.revokedAt = Math.min(r.revokedAt, position);
    }

    /** Marks every signature by the key at positions {@code >= fromPosition} invalid, retroactively. */
    public void markCompromised(String keyId, long fromPosition) {
        Record r = require(keyId);
        r.compromisedFrom = Math.min(r.compromisedFrom, fromPosition);
    }

    public KeyStatus statusAt(String keyId, String department, long position) {
        Record r = byId.get(keyId);
        if (r == null) {
            return KeyStatus.UNKNOWN;
        }
        if (!r.department.equals(department)) {
            return KeyStatus.WRONG_DEPARTMENT;
        }
        return r.statusAt(position);
    }

    public Optional<Record> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    public Collection<Record> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    private void add(String department, VerifyingKey key, long validFrom) {
        Identifiers.require(department, "department");
        if (byId.containsKey(key.keyId())) {
            throw new IllegalArgumentException("key " + key.keyId() + " is already registered");
        }
        byId.put(key.keyId(), new Record(department, key, validFrom));
    }

    private Record require(String keyId) {
        Record r = byId.get(keyId);
        if (r == null) {
            throw new IllegalArgumentException("unknown key " + keyId);
        }
        return r;
    }
}
