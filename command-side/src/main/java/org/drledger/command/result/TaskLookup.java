package org.drledger.command.result;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a result needs to know about its task, read from the task feature's lookups (V4 {@code task_state},
 * {@code task_assignment}; V8 {@code task_item}) rather than from its classes: the inspecting departments (lead
 * and assisting), whether the draw was voided, the drawn targets and the task's items.
 */
@Component
class TaskLookup {
    /** The status the task feature records when the draw was voided (DrawVoided): no results for its targets. */
    static final String VOIDED = "VOIDED";

    record Task(String taskId, String leadDepartment, Set<String> assistingDepartments, String status) {
        boolean inspectedBy(String department) {
            return leadDepartment.equals(department) || assistingDepartments.contains(department);
        }

        boolean voided() {
            return VOIDED.equals(status);
        }
    }

    private final JdbcTemplate jdbc;

    TaskLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Task> find(String taskId) {
        return jdbc.query("SELECT task_id, lead_department, assisting_departments, status FROM task_state "
                + "WHERE task_id = ?", (rs, i) -> new Task(rs.getString(1), rs.getString(2),
                departments(rs.getString(3)), rs.getString(4)), taskId).stream().findFirst();
    }

    /** Whether the draw made {@code objectId} a target of the task (it has a slot in task_assignment). */
    boolean isDrawnTarget(String taskId, String objectId) {
        return exists("SELECT COUNT(*) FROM task_assignment WHERE task_id = ? AND object_id = ?", taskId, objectId);
    }

    /** The drawn targets of the task (object ids), for the result forms' task page. */
    List<String> targets(String taskId) {
        return jdbc.queryForList("SELECT DISTINCT object_id FROM task_assignment WHERE task_id = ? ORDER BY object_id",
                String.class, taskId);
    }

    /** The task's item codes, for the result forms' task page. */
    List<String> items(String taskId) {
        return jdbc.queryForList("SELECT item_code FROM task_item WHERE task_id = ? ORDER BY item_code", String.class,
                taskId);
    }

    boolean hasItem(String taskId, String itemCode) {
        return exists("SELECT COUNT(*) FROM task_item WHERE task_id = ? AND item_code = ?", taskId, itemCode);
    }

    /**
     * {@code task_state.assisting_departments}: department ids separated by commas (white space ignored); a JSON
     * array of strings is read too, as the column's format is the task feature's to choose.
     */
    static Set<String> departments(String column) {
        Set<String> out = new LinkedHashSet<>();
        if (column == null) {
            return out;
        }
        String s = column.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        for (String part : s.split(",")) {
            String d = part.strip();
            if (d.length() >= 2 && d.startsWith("\"") && d.endsWith("\"")) {
                d = d.substring(1, d.length() - 1);
            }
            if (!d.isEmpty()) {
                out.add(d);
            }
        }
        return out;
    }

    private boolean exists(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n != null && n > 0;
    }
}
