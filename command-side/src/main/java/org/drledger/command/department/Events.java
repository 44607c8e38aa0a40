package org.drledger.command.department;

import java.util.List;
import org.drledger.command.ledger.KeyChange;
import org.drledger.command.ledger.KeyChange.KeyState;
import org.drledger.command.ledger.KeyLifecycleEvent;

/** Department and department-key events (past-tense facts). Key events change who may sign after them. */
public final class Events {
    private Events() {
    }

    public record DepartmentRegistered(String departmentId, String name, boolean office, String initialKeyId) {
    }

    public record DepartmentKeyRegistered(String departmentId, String keyId, String publicKey)
            implements KeyLifecycleEvent {
        @Override
        public List<KeyChange> keyChanges() {
            return List.of(new KeyChange(keyId, departmentId, publicKey, KeyState.ACTIVE));
        }
    }

    public record DepartmentKeyRotated(String departmentId, String oldKeyId, String newKeyId, String publicKey,
                                       String reason) implements KeyLifecycleEvent {
        @Override
        public List<KeyChange> keyChanges() {
            return List.of(new KeyChange(oldKeyId, departmentId, null, KeyState.ROTATED),
                    new KeyChange(newKeyId, departmentId, publicKey, KeyState.ACTIVE));
        }
    }

    public record DepartmentKeyRevoked(String departmentId, String keyId, String reason) implements KeyLifecycleEvent {
        @Override
        public List<KeyChange> keyChanges() {
            return List.of(new KeyChange(keyId, departmentId, null, KeyState.REVOKED));
        }
    }

    /** Every signature by the key at leaf positions from {@code fromLeafIndex} on is invalid. */
    public record DepartmentKeyCompromised(String departmentId, String keyId, long fromLeafIndex, String reason)
            implements KeyLifecycleEvent {
        @Override
        public List<KeyChange> keyChanges() {
            return List.of(new KeyChange(keyId, departmentId, null, KeyState.COMPROMISED));
        }
    }
}
