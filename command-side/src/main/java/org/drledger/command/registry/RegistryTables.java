package org.drledger.command.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.serialization.Serializer;
import javax.sql.DataSource;
import org.drledger.command.department.DepartmentDirectory;
import org.drledger.command.ledger.LedgerConfiguration;
import org.drledger.command.support.DeferredInserts;
import org.drledger.command.registry.RegistryEvents.InspectionObjectRegistered;
import org.drledger.command.registry.RegistryEvents.InspectionObjectRevised;
import org.drledger.command.registry.RegistryEvents.InspectorRegistered;
import org.drledger.command.registry.RegistryEvents.InspectorRevised;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The current state of both registries ({@code registry_object}, {@code registry_inspector}), kept in the appending
 * transaction (subscribing group {@code command-directory}): the {@code state} column is the canonical payload of the
 * stream's last entry, serialized by the event serializer, so it is byte for byte what the entry carries. A handler
 * that cannot apply its entry throws, and the entry is not stored either.
 */
@Component
@ProcessingGroup(DepartmentDirectory.GROUP)
public class RegistryTables {
    /** Largest IN-list per query. */
    static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final DeferredInserts inserts;
    private final Serializer events;
    private final ObjectMapper json;
    private final PlannerStatistics objectStatistics;
    private final PlannerStatistics inspectorStatistics;

    RegistryTables(JdbcTemplate jdbc, DeferredInserts inserts, @Qualifier("eventSerializer") Serializer events,
                   ObjectMapper mapper, DataSource dataSource) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.events = events;
        this.json = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        boolean postgres = LedgerConfiguration.isPostgres(dataSource);
        this.objectStatistics = new PlannerStatistics(jdbc, "registry_object", postgres);
        this.inspectorStatistics = new PlannerStatistics(jdbc, "registry_inspector", postgres);
    }

    /**
     * Called after a bulk write committed: PostgreSQL plans the imports' IN-list lookups from the tables'
     * statistics, and autovacuum lags a fast import by up to a minute, so a young table is planned as tiny and
     * every batch's lookup scans it whole (measured: 194 ms per batch at 30,000 rows instead of 1 ms).
     */
    void keepPlannerStatisticsCurrent() {
        objectStatistics.refreshIfGrown();
        inspectorStatistics.refreshIfGrown();
    }

    @EventHandler
    void on(InspectionObjectRegistered e, EventMessage<?> m, @SequenceNumber long seq) {
        ObjectState s = e.state();
        objectStatistics.inserted();
        inserts.insert("INSERT INTO registry_object (object_id, registry_department, object_type, status, state, "
                        + "stream_seq, event_id) VALUES (?, ?, ?, ?, ?, ?, ?)", s.objectId(), s.registryDepartment(),
                s.objectType(), s.status(), canonical(e), seq, m.getIdentifier());
    }

    @EventHandler
    void on(InspectionObjectRevised e, EventMessage<?> m, @SequenceNumber long seq) {
        ObjectState s = e.state();
        inserts.flush();
        expectOne(jdbc.update("UPDATE registry_object SET registry_department = ?, object_type = ?, status = ?, "
                        + "state = ?, stream_seq = ?, event_id = ? WHERE object_id = ?", s.registryDepartment(),
                s.objectType(), s.status(), canonical(e), seq, m.getIdentifier(), s.objectId()), s.objectId());
    }

    @EventHandler
    void on(InspectorRegistered e, EventMessage<?> m, @SequenceNumber long seq) {
        InspectorState s = e.state();
        inspectorStatistics.inserted();
        inserts.insert("INSERT INTO registry_inspector (officer_id, department, status, state, stream_seq, event_id) "
                + "VALUES (?, ?, ?, ?, ?, ?)", s.officerId(), s.department(), s.status(), canonical(e), seq,
                m.getIdentifier());
    }

    @EventHandler
    void on(InspectorRevised e, EventMessage<?> m, @SequenceNumber long seq) {
        InspectorState s = e.state();
        inserts.flush();
        expectOne(jdbc.update("UPDATE registry_inspector SET department = ?, status = ?, state = ?, stream_seq = ?, "
                        + "event_id = ? WHERE officer_id = ?", s.department(), s.status(), canonical(e), seq,
                m.getIdentifier(), s.officerId()), s.officerId());
    }

    public Optional<ObjectState> object(String objectId) {
        return objects(List.of(objectId)).values().stream().findFirst();
    }

    public Optional<InspectorState> inspector(String officerId) {
        return inspectors(List.of(officerId)).values().stream().findFirst();
    }

    /** The current states of those of {@code ids} that are registered. */
    public Map<String, ObjectState> objects(Collection<String> ids) {
        return states("SELECT object_id, state FROM registry_object WHERE object_id IN ", ids, ObjectState.class);
    }

    public Map<String, InspectorState> inspectors(Collection<String> ids) {
        return states("SELECT officer_id, state FROM registry_inspector WHERE officer_id IN ", ids,
                InspectorState.class);
    }

    /** A page of a department's objects (all departments when null), by id. */
    public List<ObjectState> objectsOf(String department, int offset, int limit) {
        return page("registry_object", "object_id", "registry_department", department, offset, limit, ObjectState.class);
    }

    public List<InspectorState> inspectorsOf(String department, int offset, int limit) {
        return page("registry_inspector", "officer_id", "department", department, offset, limit, InspectorState.class);
    }

    /** The canonical state JSON as stored (for tests and the registry-as-of checks). */
    public Map<String, String> objectStateJson() {
        Map<String, String> out = new HashMap<>();
        inserts.flush();
        jdbc.query("SELECT object_id, state FROM registry_object", rs -> {
            out.put(rs.getString(1), rs.getString(2));
        });
        return out;
    }

    private <T> List<T> page(String table, String key, String deptColumn, String department, int offset, int limit,
                             Class<T> type) {
        inserts.flush();
        String where = department == null ? "" : " WHERE " + deptColumn + " = ?";
        Object[] args = department == null ? new Object[]{limit, offset} : new Object[]{department, limit, offset};
        return jdbc.query("SELECT state FROM " + table + where + " ORDER BY " + key + " LIMIT ? OFFSET ?",
                (rs, i) -> read(rs.getString(1), type), args);
    }

    private <T> Map<String, T> states(String sql, Collection<String> ids, Class<T> type) {
        inserts.flush();
        Map<String, T> out = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query(sql + "(" + marks + ")", rs -> {
                out.put(rs.getString(1), read(rs.getString(2), type));
            }, chunk.toArray());
        }
        return out;
    }

    private <T> T read(String state, Class<T> type) {
        try {
            return json.readValue(state, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable registry state", e);
        }
    }

    private String canonical(Object event) {
        return new String(events.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);
    }

    private static void expectOne(int updated, String id) {
        if (updated != 1) {
            throw new IllegalStateException("registry table has no row for " + id + " to revise");
        }
    }
}
