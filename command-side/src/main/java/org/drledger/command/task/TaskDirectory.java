package org.drledger.command.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drledger.command.department.DepartmentDirectory;
import org.drledger.command.task.TaskEvents.DrawExecuted;
import org.drledger.command.task.TaskEvents.DrawVoided;
import org.drledger.command.task.TaskEvents.ManualAdjustmentRecorded;
import org.drledger.command.task.TaskEvents.PopulationFrozen;
import org.drledger.command.task.TaskEvents.RandomnessRecorded;
import org.drledger.command.task.TaskEvents.SubstituteAssigned;
import org.drledger.command.task.TaskEvents.TaskPlanned;
import org.drledger.command.task.TaskEvents.Team;
import org.drledger.command.task.TaskEvents.TeamSlot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code task_state}, {@code task_assignment} (migration V4) and {@code task_item} (V8), kept in the appending
 * transaction: who leads and assists each task, its items, its status, and the current effective assignment of every target's slots — the draw, then
 * substitutions and manual adjustments in ledger order (the draw entry itself is never changed). A voided task has
 * no assignments. Everything here is rebuilt by replaying the task entries.
 */
@Component
@ProcessingGroup(DepartmentDirectory.GROUP)
public class TaskDirectory {
    public static final String PLANNED = "PLANNED";
    public static final String FROZEN = "FROZEN";
    public static final String RANDOMNESS_RECORDED = "RANDOMNESS_RECORDED";
    public static final String DRAWN = "DRAWN";
    public static final String VOIDED = "VOIDED";

    /** A row of {@code task_state}. */
    public record TaskRow(String taskId, String leadDepartment, List<String> assistingDepartments, String category,
                          String status, int planYear) {
        public boolean involves(String department) {
            return leadDepartment.equals(department) || assistingDepartments.contains(department);
        }
    }

    /** A row of {@code task_assignment}. */
    public record Assignment(String taskId, String objectId, int slot, String officerId, String department,
                             boolean leader) {
    }

    private final JdbcTemplate jdbc;

    TaskDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TaskPlanned e) {
        int year = LocalDate.parse(e.drawPlan().path("plannedDates").path("from").asText()).getYear();
        jdbc.update("INSERT INTO task_state (task_id, lead_department, assisting_departments, category, status, "
                        + "plan_year) VALUES (?, ?, ?, ?, ?, ?)", e.taskId(), e.leadDepartment(),
                String.join(",", e.assistingDepartments()), e.category(), PLANNED, year);
        // task_item (V8): the item codes results may be entered for, each once per task
        e.items().stream().map(TaskEvents.TaskItem::code).distinct().forEach(code ->
                jdbc.update("INSERT INTO task_item (task_id, item_code) VALUES (?, ?)", e.taskId(), code));
    }

    @EventHandler
    void on(PopulationFrozen e) {
        status(e.taskId(), FROZEN);
    }

    @EventHandler
    void on(RandomnessRecorded e) {
        status(e.taskId(), RANDOMNESS_RECORDED);
    }

    @EventHandler
    void on(DrawExecuted e) {
        status(e.taskId(), DRAWN);
        List<Object[]> rows = new ArrayList<>();
        for (Team t : e.teams()) {
            for (TeamSlot s : t.slots()) {
                rows.add(new Object[]{e.taskId(), t.entityId(), s.slot(), s.officerId(), s.department(), s.leader()});
            }
        }
        jdbc.batchUpdate("INSERT INTO task_assignment (task_id, object_id, slot, officer_id, department, leader) "
                + "VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    @EventHandler
    void on(SubstituteAssigned e) {
        assign(e.taskId(), e.objectId(), e.slot(), e.officerId(), e.department());
    }

    @EventHandler
    void on(ManualAdjustmentRecorded e) {
        assign(e.taskId(), e.objectId(), e.slot(), e.officerId(), e.department());
    }

    @EventHandler
    void on(DrawVoided e) {
        status(e.taskId(), VOIDED);
        jdbc.update("DELETE FROM task_assignment WHERE task_id = ?", e.taskId());
    }

    private void status(String taskId, String status) {
        jdbc.update("UPDATE task_state SET status = ? WHERE task_id = ?", status, taskId);
    }

    private void assign(String taskId, String objectId, int slot, String officerId, String department) {
        int n = jdbc.update("UPDATE task_assignment SET officer_id = ?, department = ? WHERE task_id = ? "
                + "AND object_id = ? AND slot = ?", officerId, department, taskId, objectId, slot);
        if (n != 1) {
            throw new IllegalStateException("no assignment row for " + taskId + "/" + objectId + "/" + slot);
        }
    }

    public Optional<TaskRow> find(String taskId) {
        return jdbc.query("SELECT task_id, lead_department, assisting_departments, category, status, plan_year "
                + "FROM task_state WHERE task_id = ?", (rs, i) -> new TaskRow(rs.getString(1), rs.getString(2),
                rs.getString(3).isEmpty() ? List.of() : Arrays.asList(rs.getString(3).split(",")), rs.getString(4),
                rs.getString(5), rs.getInt(6)), taskId).stream().findFirst();
    }

    /** The effective assignment of a task, by object and slot. */
    public List<Assignment> assignments(String taskId) {
        return jdbc.query("SELECT task_id, object_id, slot, officer_id, department, leader FROM task_assignment "
                        + "WHERE task_id = ? ORDER BY object_id, slot",
                (rs, i) -> new Assignment(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)), taskId);
    }
}
