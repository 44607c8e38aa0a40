package org.drledger.command.department;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.drledger.command.department.Commands.MarkDepartmentKeyCompromised;
import org.drledger.command.department.Commands.RegisterDepartment;
import org.drledger.command.department.Commands.RegisterDepartmentKey;
import org.drledger.command.department.Commands.RevokeDepartmentKey;
import org.drledger.command.department.Commands.RotateDepartmentKey;
import org.drledger.command.department.Events.DepartmentKeyCompromised;
import org.drledger.command.department.Events.DepartmentKeyRegistered;
import org.drledger.command.department.Events.DepartmentKeyRevoked;
import org.drledger.command.department.Events.DepartmentKeyRotated;
import org.drledger.command.department.Events.DepartmentRegistered;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;

/**
 * A member department of the joint conference (or the office itself) and the lifecycle of its signing keys. At
 * most one key is active at a time; a new key replaces the old one by rotation.
 */
@Aggregate(type = "Department")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
public class Department {
    enum KeyState { ACTIVE, ROTATED, REVOKED, COMPROMISED }

    @AggregateIdentifier
    private String departmentId;
    private final Map<String, KeyState> keys = new HashMap<>();

    protected Department() {
    }

    @CommandHandler
    Department(RegisterDepartment c) {
        require(c.name(), "name");
        if (!c.office() && c.initialKeyId() != null) {
            throw new CommandRefusedException("initialKeyId", "office-only",
                    "only the office's root key comes from the genesis entry");
        }
        apply(new DepartmentRegistered(c.departmentId(), c.name().strip(), c.office(), c.initialKeyId()));
    }

    @CommandHandler
    void handle(RegisterDepartmentKey c) {
        requireNew(c.keyId(), "keyId");
        if (keys.containsValue(KeyState.ACTIVE)) {
            throw CommandRefusedException.conflict("keyId", "key-already-active",
                    "department " + departmentId + " already has an active key; rotate it instead");
        }
        require(c.publicKey(), "publicKey");
        apply(new DepartmentKeyRegistered(departmentId, c.keyId(), c.publicKey()));
    }

    @CommandHandler
    void handle(RotateDepartmentKey c) {
        if (keys.get(c.oldKeyId()) != KeyState.ACTIVE) {
            throw CommandRefusedException.conflict("oldKeyId", "not-the-active-key",
                    "key " + c.oldKeyId() + " is not the active key of " + departmentId);
        }
        requireNew(c.newKeyId(), "newKeyId");
        require(c.publicKey(), "publicKey");
        require(c.reason(), "reason");
        apply(new DepartmentKeyRotated(departmentId, c.oldKeyId(), c.newKeyId(), c.publicKey(), c.reason().strip()));
    }

    @CommandHandler
    void handle(RevokeDepartmentKey c) {
        KeyState state = keys.get(c.keyId());
        if (state == null) {
            throw new CommandRefusedException("keyId", "unknown-key", "key " + c.keyId() + " is not a key of " + departmentId);
        }
        if (state == KeyState.REVOKED || state == KeyState.COMPROMISED) {
            throw CommandRefusedException.conflict("keyId", "already-revoked", "key " + c.keyId() + " is already " + state);
        }
        require(c.reason(), "reason");
        apply(new DepartmentKeyRevoked(departmentId, c.keyId(), c.reason().strip()));
    }

    @CommandHandler
    void handle(MarkDepartmentKeyCompromised c) {
        KeyState state = keys.get(c.keyId());
        if (state == null) {
            throw new CommandRefusedException("keyId", "unknown-key", "key " + c.keyId() + " is not a key of " + departmentId);
        }
        if (state == KeyState.COMPROMISED) {
            throw CommandRefusedException.conflict("keyId", "already-compromised", "key " + c.keyId() + " is already marked");
        }
        if (c.fromLeafIndex() < 0) {
            throw new CommandRefusedException("fromLeafIndex", "not-negative", "a ledger position is 0 or more");
        }
        require(c.reason(), "reason");
        apply(new DepartmentKeyCompromised(departmentId, c.keyId(), c.fromLeafIndex(), c.reason().strip()));
    }

    @EventSourcingHandler
    void on(DepartmentRegistered e) {
        departmentId = e.departmentId();
        if (e.initialKeyId() != null) {
            keys.put(e.initialKeyId(), KeyState.ACTIVE);
        }
    }

    @EventSourcingHandler
    void on(DepartmentKeyRegistered e) {
        keys.put(e.keyId(), KeyState.ACTIVE);
    }

    @EventSourcingHandler
    void on(DepartmentKeyRotated e) {
        keys.put(e.oldKeyId(), KeyState.ROTATED);
        keys.put(e.newKeyId(), KeyState.ACTIVE);
    }

    @EventSourcingHandler
    void on(DepartmentKeyRevoked e) {
        keys.put(e.keyId(), KeyState.REVOKED);
    }

    @EventSourcingHandler
    void on(DepartmentKeyCompromised e) {
        keys.put(e.keyId(), KeyState.COMPROMISED);
    }

    private void requireNew(String keyId, String field) {
        if (keyId == null || !keyId.matches("[0-9a-f]{64}")) {
            throw new CommandRefusedException(field, "key-id-format", "a key id is 64 lowercase hex characters");
        }
        if (keys.containsKey(keyId)) {
            throw CommandRefusedException.conflict(field, "duplicate-key", "key " + keyId + " is already registered");
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new CommandRefusedException(field, "required", field + " is required");
        }
    }
}
