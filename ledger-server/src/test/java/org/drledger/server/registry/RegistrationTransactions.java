package org.drledger.server.registry;

import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drledger.command.department.DepartmentDirectory;
import org.drledger.command.registry.RegistryEvents.InspectionObjectRegistered;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the database transactions that registered objects, from inside them (a subscribing handler runs in the
 * appending transaction): the import's batches are visible as commits.
 */
@TestComponent
@ProcessingGroup(DepartmentDirectory.GROUP)
public class RegistrationTransactions {
    private static final Object KEY = new Object();
    private final AtomicInteger transactions = new AtomicInteger();
    private final AtomicInteger committed = new AtomicInteger();

    @EventHandler
    void on(InspectionObjectRegistered e) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("a registration outside a transaction");
        }
        if (!TransactionSynchronizationManager.hasResource(KEY)) {
            TransactionSynchronizationManager.bindResource(KEY, Boolean.TRUE);
            transactions.incrementAndGet();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                    if (status == STATUS_COMMITTED) {
                        committed.incrementAndGet();
                    }
                }
            });
        }
    }

    public void reset() {
        transactions.set(0);
        committed.set(0);
    }

    public int committed() {
        return committed.get();
    }

    public int started() {
        return transactions.get();
    }
}
