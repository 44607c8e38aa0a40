package org.drledger.query.registry;

import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.query.projection.ProjectionRunner;
import org.springframework.stereotype.Component;

/** Checks a registry query's parameters against what the views hold (problem+json naming the parameter). */
@Component
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class RegistryQueries {
    private final ProjectionRunner runner;

    RegistryQueries(ProjectionRunner runner) {
        this.runner = runner;
    }

    /** {@code asOf} L is a log size: the registry after the entries at leaves 0 … L−1. */
    Long asOf(Long asOf) {
        if (asOf == null) {
            return null;
        }
        if (asOf < 0) {
            throw new CommandRefusedException("asOf", "negative", "asOf must be a leaf index, 0 or more");
        }
        if (asOf > runner.logSize()) {
            throw new CommandRefusedException("asOf", "beyond-log", "the log has " + runner.logSize() + " leaves");
        }
        if (asOf > runner.position() + 1) {
            throw CommandRefusedException.conflict("asOf", "not-yet-projected", "the views reflect leaves up to "
                    + runner.position() + "; try again shortly");
        }
        return asOf;
    }

    static int page(Integer page) {
        if (page != null && page < 0) {
            throw new CommandRefusedException("page", "negative", "page counts from 0");
        }
        return page == null ? 0 : page;
    }

    static int size(Integer size) {
        if (size != null && (size < 1 || size > RegistryViews.MAX_PAGE_SIZE)) {
            throw new CommandRefusedException("size", "size-range", "size is 1 to " + RegistryViews.MAX_PAGE_SIZE);
        }
        return size == null ? 50 : size;
    }
}
