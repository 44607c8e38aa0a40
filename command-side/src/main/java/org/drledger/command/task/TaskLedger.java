package org.drledger.command.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.drledger.command.ledger.LedgerMetaData;
import org.drledger.command.ledger.StoredEntry;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.task.TaskEvents.SealingCheckpoint;
import org.drledger.command.task.TaskFreeze.LedgerRecord;
import org.drledger.core.json.CanonicalJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the task service reads from the ledger: the sealer's progress, the entries before a leaf (registries and task
 * entries, in leaf order, payloads as stored), the task's own stream with entry times, the checkpoint that first
 * covers a leaf, and an officer's department.
 */
@Repository
class TaskLedger {
    private final JdbcTemplate jdbc;
    private final EventStore events;
    private final Duration sealerWait;

    TaskLedger(JdbcTemplate jdbc, EventStore events, @Value("${ledger.task.sealer-wait:PT15S}") Duration sealerWait) {
        this.jdbc = jdbc;
        this.events = events;
        this.sealerWait = sealerWait;
    }

    /**
     * Waits (bounded by {@code ledger.task.sealer-wait}, default 15 s) until the sealer has logged every entry
     * committed when this was called and returns the log size then; refuses with {@code sealer-behind} (409) when
     * the sealer does not catch up in time, so the caller may retry.
     */
    long awaitSealedLogSize() {
        Long tip = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        long deadline = System.nanoTime() + sealerWait.toNanos();
        while (tip != null && !sealed(tip)) {
            if (System.nanoTime() > deadline) {
                throw CommandRefusedException.conflict("", "sealer-behind",
                        "the sealer has not yet logged every entry; retry in a moment");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the sealer", e);
            }
        }
        Long max = jdbc.queryForObject("SELECT MAX(leaf_index) FROM merkle_leaf", Long.class);
        return max == null ? 0 : max + 1;
    }

    private boolean sealed(long globalIndex) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM merkle_leaf WHERE global_index >= ?", Integer.class,
                globalIndex);
        return n != null && n > 0;
    }

    /** Feeds every entry with leaf index below {@code size} whose type is in {@link TaskFreeze#TYPES}, in leaf order. */
    void entriesBefore(long size, Consumer<LedgerRecord> sink) {
        List<Object> args = new ArrayList<>();
        args.add(size);
        StringBuilder like = new StringBuilder();
        for (String t : TaskFreeze.TYPES) {
            like.append(like.isEmpty() ? "" : " OR ").append("e.payload_type LIKE ?");
            args.add("%" + t);
        }
        jdbc.query("SELECT l.leaf_index, e.payload_type, e.payload FROM merkle_leaf l JOIN domain_event_entry e "
                + "ON e.global_index = l.global_index WHERE l.leaf_index < ? AND (" + like + ") ORDER BY l.leaf_index",
                rs -> {
                    String type = StoredEntry.eventType(rs.getString(2));
                    if (TaskFreeze.TYPES.contains(type)) {
                        JsonNode payload = CanonicalJson.parse(rs.getBytes(3));
                        sink.accept(new LedgerRecord(rs.getLong(1), type, payload));
                    }
                }, args.toArray());
    }

    /** The last leaf of a stream, once sealed. */
    Optional<Long> lastLeafOf(String streamId) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(leaf_index) FROM merkle_leaf "
                + "WHERE aggregate_identifier = ?", Long.class, streamId));
    }

    /** The earliest-signed checkpoint that includes leaf {@code leafIndex}. */
    Optional<SealingCheckpoint> earliestCovering(long leafIndex) {
        return jdbc.query("SELECT tree_size, signed_at FROM checkpoint WHERE tree_size > ? "
                        + "ORDER BY signed_at, tree_size LIMIT 1",
                (rs, i) -> new SealingCheckpoint(rs.getLong(1), Instant.ofEpochSecond(rs.getLong(2)).toString()),
                leafIndex).stream().findFirst();
    }

    /** The department of an officer in the inspector registry's latest state (stream {@code inspector:<id>}). */
    Optional<String> officerDepartment(String officerId) {
        return jdbc.query("SELECT payload_type, payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number DESC", (rs, i) -> CanonicalJson.parse(rs.getBytes(2)),
                "inspector:" + officerId).stream().findFirst()
                .map(p -> p.path("department")).filter(JsonNode::isTextual).map(JsonNode::textValue);
    }

    /** The task's stream with entry times; empty when there is no such task. */
    Optional<TaskFacts> facts(String taskId) {
        List<TaskFacts.Recorded> recorded = new ArrayList<>();
        events.readEvents(InspectionTask.streamId(taskId)).asStream().forEach(m -> recorded.add(recorded(m)));
        return recorded.isEmpty() ? Optional.empty() : Optional.of(TaskFacts.of(recorded));
    }

    private static TaskFacts.Recorded recorded(DomainEventMessage<?> m) {
        Object time = m.getMetaData().get(LedgerMetaData.TIME);
        return new TaskFacts.Recorded(m.getSequenceNumber(), m.getPayload(),
                time == null ? null : Instant.parse(time.toString()));
    }
}
