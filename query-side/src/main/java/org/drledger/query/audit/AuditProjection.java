package org.drledger.query.audit;

import java.util.ArrayList;
import java.util.List;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.query.projection.LedgerRecord;
import org.drledger.query.projection.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit trail: one row per sealed entry (every event type) with the references of {@link AuditReferences}.
 * Rows are buffered per page and written with JDBC batches at the end of the page (rebuilds replay millions).
 */
@Component
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class AuditProjection implements Projection {
    private final JdbcTemplate jdbc;
    private final List<Object[]> entries = new ArrayList<>();
    private final List<Object[]> references = new ArrayList<>();

    AuditProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public List<String> tables() {
        return List.of("audit_reference", "audit_entry");
    }

    @Override
    public void apply(LedgerRecord r) {
        AuditReferences.References refs = AuditReferences.of(r.streamId(), r.payload());
        entries.add(new Object[]{r.leafIndex(), r.globalIndex(), r.streamType(), r.streamId(), r.sequence(),
                r.eventType(), r.department(), r.user(), r.entry().timeText(), r.time().toEpochMilli(),
                r.entryHash(), r.entry().prev(), r.entry().keyId(), refs.taskId(), refs.entityId(),
                refs.officerId()});
        for (AuditReferences.Reference ref : refs.all()) {
            references.add(new Object[]{ref.kind(), ref.id(), r.leafIndex()});
        }
    }

    @Override
    public void endOfPage() {
        if (!entries.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO audit_entry (leaf_index, global_index, stream_type, stream_id, seq, "
                    + "event_type, actor_department, actor_user, entry_time, entry_millis, entry_hash, prev, key_id, "
                    + "task_id, entity_id, officer_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    entries);
        }
        if (!references.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO audit_reference (kind, ref_id, leaf_index) VALUES (?, ?, ?)", references);
        }
        discardPage();
    }

    @Override
    public void discardPage() {
        entries.clear();
        references.clear();
    }
}
