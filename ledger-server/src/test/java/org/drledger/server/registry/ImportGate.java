package org.drledger.server.registry;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drledger.command.department.DepartmentDirectory;
import org.drledger.command.registry.RegistryEvents.InspectionObjectRegistered;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs inside the transactions that register objects (a subscribing handler): holds the first such transaction
 * open until a second one registers too — which proves two import batches were being written at the same time
 * without relying on timing — and refuses one chosen object, so that its batch rolls back.
 */
@TestComponent
@ProcessingGroup(DepartmentDirectory.GROUP)
public class ImportGate {
    private static final Object KEY = new Object();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean holding = new AtomicBoolean();
    private volatile CountDownLatch second = new CountDownLatch(0);
    private volatile boolean hold;
    private volatile boolean overlapped;
    private volatile String refuse;

    @EventHandler
    void on(InspectionObjectRegistered e) throws InterruptedException {
        if (e.state().objectId().equals(refuse)) {
            throw new IllegalStateException("test: this registration is refused");
        }
        if (TransactionSynchronizationManager.hasResource(KEY)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(KEY, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                open.decrementAndGet();
            }
        });
        if (open.incrementAndGet() > 1) {
            overlapped = true;
            second.countDown();
        }
        if (hold && holding.compareAndSet(false, true)) {
            // the bound only keeps a broken build from hanging: the assertion is on overlapped()
            second.await(60, TimeUnit.SECONDS);
        }
    }

    /** The next import: hold its first transaction until another one registers an object. */
    void holdFirstTransaction() {
        second = new CountDownLatch(1);
        holding.set(false);
        overlapped = false;
        hold = true;
    }

    void refuse(String objectId) {
        refuse = objectId;
    }

    void reset() {
        hold = false;
        refuse = null;
        second.countDown();
    }

    boolean overlapped() {
        return overlapped;
    }
}
