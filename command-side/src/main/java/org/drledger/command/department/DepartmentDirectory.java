package org.drledger.command.department;

import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drledger.command.department.Events.DepartmentRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The departments the command side authorizes against, kept in the appending transaction (a subscribing
 * processor), so a department can act right after it is registered.
 */
@Component
@ProcessingGroup(DepartmentDirectory.GROUP)
public class DepartmentDirectory {
    public static final String GROUP = "command-directory";

    public record DepartmentRow(String departmentId, String name, boolean office) {
    }

    private final JdbcTemplate jdbc;

    DepartmentDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DepartmentRegistered e) {
        jdbc.update("INSERT INTO department (department_id, name, is_office) VALUES (?, ?, ?)",
                e.departmentId(), e.name(), e.office());
    }

    public Optional<DepartmentRow> find(String departmentId) {
        return jdbc.query("SELECT department_id, name, is_office FROM department WHERE department_id = ?",
                (rs, i) -> new DepartmentRow(rs.getString(1), rs.getString(2), rs.getBoolean(3)), departmentId)
                .stream().findFirst();
    }

    public List<DepartmentRow> all() {
        return jdbc.query("SELECT department_id, name, is_office FROM department ORDER BY department_id",
                (rs, i) -> new DepartmentRow(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
    }
}
