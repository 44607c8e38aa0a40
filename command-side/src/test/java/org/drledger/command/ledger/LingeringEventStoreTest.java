package org.drledger.command.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LingeringEventStoreTest {
    /** Records what is scheduled and runs it only when told. */
    static final class ManualWaker extends ScheduledThreadPoolExecutor {
        final List<Runnable> tasks = new ArrayList<>();
        final List<Long> delays = new ArrayList<>();

        ManualWaker() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            tasks.add(command);
            delays.add(unit.toMillis(delay));
            return null;
        }

        void runAll() {
            List<Runnable> due = new ArrayList<>(tasks);
            tasks.clear();
            due.forEach(Runnable::run);
        }
    }

    private final ManualWaker waker = new ManualWaker();
    private final LingeringEventStore store = new LingeringEventStore(
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()), Duration.ofMillis(50), waker);

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    private void commit(String aggregate, long seq) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(
                new GenericDomainEventMessage<>("Test", aggregate, seq, "payload " + seq)));
    }

    @Test
    void commitsWithinTheLingerShareOneWakeOfTheReaders() {
        for (int i = 0; i < 5; i++) {
            commit("a", i);
        }
        assertThat(waker.tasks).as("one wake for five commits").hasSize(1);
        assertThat(waker.delays).containsExactly(50L);

        waker.runAll();
        commit("a", 5);
        assertThat(waker.tasks).as("a commit after the wake schedules the next").hasSize(1);
    }

    @Test
    void aTailingReaderReceivesEveryCommittedEvent() {
        BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null);
        for (int i = 0; i < 3; i++) {
            commit("b", i);
        }
        waker.runAll();
        List<Object> payloads = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            while (stream.hasNextAvailable()) {
                payloads.add(stream.nextAvailable().getPayload());
            }
            return payloads.size() == 3;
        });
        assertThat(payloads).containsExactly("payload 0", "payload 1", "payload 2");
        stream.close();
    }

    @Test
    void withZeroLingerTheStoreNeedsNoWakerAndStoresAsUsual() {
        LingeringEventStore immediate = new LingeringEventStore(
                EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()), Duration.ZERO);
        try {
            DefaultUnitOfWork.startAndGet(null).execute(() -> immediate.publish(
                    new GenericDomainEventMessage<>("Test", "c", 0, "now")));
            assertThat(immediate.readEvents("c").asStream().map(m -> (Object) m.getPayload()).toList()).containsExactly("now");
        } finally {
            immediate.shutDown();
        }
    }
}
