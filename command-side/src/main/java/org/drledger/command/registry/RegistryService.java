package org.drledger.command.registry;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.department.DepartmentDirectory;
import org.drledger.command.support.CommandRefusedException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registering and revising one record over REST: validate (422), authorize (403), then in one transaction read the
 * current state, seal what is new and send the command, so a refused command leaves no vault row behind.
 */
@Service
class RegistryService {
    private final CommandGateway commands;
    private final AccessPolicy access;
    private final DepartmentDirectory departments;
    private final TransactionTemplate transactions;

    RegistryService(CommandGateway commands, AccessPolicy access, DepartmentDirectory departments,
                    PlatformTransactionManager transactions) {
        this.commands = commands;
        this.access = access;
        this.departments = departments;
        this.transactions = new TransactionTemplate(transactions);
    }

    <D extends RegistryKind.Draft, S> void register(RegistryKind<D, S> kind, D draft) {
        refuseIfAny(draft.violations());
        Authorizer authorizer = new Authorizer(access, departments);
        kind.authorize(draft, null, authorizer).ifPresent(RegistryService::raise);
        transactions.executeWithoutResult(tx -> {
            if (kind.current(List.of(draft.id())).containsKey(draft.id())) {
                throw CommandRefusedException.conflict(kind.columns().get(0), "already-registered", draft.id()
                        + " is already registered; revise it instead");
            }
            commands.sendAndWait(kind.compare(draft, null).command().get());
        });
    }

    /** Returns whether anything changed (a revision equal to the current state writes nothing). */
    <D extends RegistryKind.Draft, S> boolean revise(RegistryKind<D, S> kind, String id, D draft) {
        Authorizer authorizer = new Authorizer(access, departments);
        Boolean changed = transactions.execute(tx -> {
            S current = kind.current(List.of(id)).get(id);
            if (current == null) {
                throw new AggregateNotFoundException(id, "no record " + id);
            }
            authorizer.check(kind.departmentField(), kind.department(current)).ifPresent(RegistryService::raise);
            refuseIfAny(draft.violations());
            kind.authorize(draft, current, authorizer).ifPresent(RegistryService::raise);
            RegistryKind.Change change = kind.compare(draft, current);
            if (change.unchanged()) {
                return false;
            }
            commands.sendAndWait(change.command().get());
            return true;
        });
        return Boolean.TRUE.equals(changed);
    }

    private static void refuseIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw violations.get(0).refusal();
        }
    }

    /** A department the caller may not act for is a 403 (and a refused attempt); an unknown one a 422. */
    private static void raise(Violation v) {
        if (v.rule().equals("not-authorized")) {
            throw new AccessDeniedException(v.message());
        }
        throw v.refusal();
    }
}
