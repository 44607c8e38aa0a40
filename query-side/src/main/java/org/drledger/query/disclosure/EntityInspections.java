package org.drledger.query.disclosure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drledger.query.result.ResultViews;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * An entity's inspections by its USCC (or other registry id): the public registry columns, the tasks whose draw
 * selected it (primary-key and index lookups only, for a registry of a million entities) and its published results.
 */
@Service
class EntityInspections {
    private final JdbcTemplate jdbc;
    private final ResultViews results;

    EntityInspections(JdbcTemplate jdbc, ResultViews results) {
        this.jdbc = jdbc;
        this.results = results;
    }

    Optional<Map<String, Object>> of(String uscc) {
        List<Map<String, Object>> entity = jdbc.query("SELECT entity_id, name, object_type, district, "
                + "registry_department FROM qtask_entity WHERE entity_id = ?", (rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("entityId", rs.getString(1));
                    m.put("name", rs.getString(2));
                    m.put("objectType", rs.getString(3));
                    m.put("district", rs.getString(4));
                    m.put("registryDepartment", rs.getString(5));
                    return m;
                }, uscc);
        if (entity.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> m = entity.get(0);
        m.put("draws", jdbc.query("SELECT t.task_id, t.order_no, t.ticket, k.lead_department, k.status, k.drawn_at "
                + "FROM qtask_target t JOIN qtask_task k ON k.task_id = t.task_id WHERE t.entity_id = ? "
                + "ORDER BY t.task_id", (rs, i) -> {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("taskId", rs.getString(1));
                    d.put("order", rs.getLong(2));
                    d.put("ticket", rs.getString(3));
                    d.put("leadDepartment", rs.getString(4));
                    d.put("status", rs.getString(5));
                    d.put("drawnAt", rs.getString(6));
                    return d;
                }, uscc));
        m.put("results", results.published(null, uscc));
        return Optional.of(m);
    }
}
