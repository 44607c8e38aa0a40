package org.drledger.command.grant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.drledger.command.grant.Commands.GrantDepartmentAccess;
import org.drledger.command.grant.Commands.RevokeDepartmentAccess;
import org.drledger.command.grant.Events.DepartmentAccessGranted;
import org.drledger.command.grant.Events.DepartmentAccessRevoked;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;

/**
 * "谁审批、谁监管": one department's standing permission for another to act on its records, as a ledger stream
 * {@code AccessGrant/grant:grantor→grantee}. Granted, revoked and granted again over time; each act is a signed entry,
 * so an auditor can tell who could act for whom at any ledger position. Who may grant is checked by the caller.
 */
@Aggregate(type = "AccessGrant")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
public class AccessGrant {
    /** Separates the two department ids; department ids cannot contain it, so the stream id is unambiguous. */
    public static final String SEPARATOR = "→";

    @AggregateIdentifier
    private String grantId;
    private boolean active;

    protected AccessGrant() {
    }

    /** Stream ids are prefixed by kind so no user-chosen id of another kind can collide. */
    public static final String STREAM_PREFIX = "grant:";

    public static String id(String grantor, String grantee) {
        return STREAM_PREFIX + grantor + SEPARATOR + grantee;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(GrantDepartmentAccess c) {
        require(c.grantor(), "grantor");
        require(c.grantee(), "grantee");
        if (c.grantor().equals(c.grantee())) {
            throw new CommandRefusedException("grantee", "self-grant", "a department always acts on its own records");
        }
        require(c.reason(), "reason");
        if (active) {
            throw CommandRefusedException.conflict("grantee", "already-granted",
                    c.grantor() + " has already granted access to " + c.grantee());
        }
        apply(new DepartmentAccessGranted(c.grantor(), c.grantee(), c.reason().strip()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RevokeDepartmentAccess c) {
        if (!active) {
            throw CommandRefusedException.conflict("grantee", "not-granted",
                    c.grantor() + " has not granted access to " + c.grantee());
        }
        require(c.reason(), "reason");
        apply(new DepartmentAccessRevoked(c.grantor(), c.grantee(), c.reason().strip()));
    }

    @EventSourcingHandler
    void on(DepartmentAccessGranted e) {
        grantId = id(e.grantor(), e.grantee());
        active = true;
    }

    @EventSourcingHandler
    void on(DepartmentAccessRevoked e) {
        active = false;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new CommandRefusedException(field, "required", field + " is required");
        }
    }
}
