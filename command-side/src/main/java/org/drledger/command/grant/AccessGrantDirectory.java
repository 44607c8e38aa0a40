package org.drledger.command.grant;

import java.time.Clock;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drledger.command.department.DepartmentDirectory;
import org.drledger.command.grant.Events.DepartmentAccessGranted;
import org.drledger.command.grant.Events.DepartmentAccessRevoked;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The grants in force ({@code access_grant}), kept in the appending transaction (a subscribing processor), so
 * {@code AccessPolicy} sees a grant as soon as its entry is stored and never after its revocation is.
 */
@Component
@ProcessingGroup(DepartmentDirectory.GROUP)
public class AccessGrantDirectory {
    /** A grant in force: the grantee department acts for the grantor. */
    public record GrantRow(String grantor, String grantee, String grantedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AccessGrantDirectory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventHandler
    void on(DepartmentAccessGranted e) {
        jdbc.update("INSERT INTO access_grant (grantor_department, grantee_department, granted_at) VALUES (?, ?, ?)",
                e.grantor(), e.grantee(), clock.instant().toString());
    }

    @EventHandler
    void on(DepartmentAccessRevoked e) {
        jdbc.update("DELETE FROM access_grant WHERE grantor_department = ? AND grantee_department = ?",
                e.grantor(), e.grantee());
    }

    public List<GrantRow> grantedBy(String grantor) {
        return jdbc.query("SELECT grantor_department, grantee_department, granted_at FROM access_grant "
                        + "WHERE grantor_department = ? ORDER BY grantee_department",
                (rs, i) -> new GrantRow(rs.getString(1), rs.getString(2), rs.getString(3)), grantor);
    }

    public List<GrantRow> grantedTo(String grantee) {
        return jdbc.query("SELECT grantor_department, grantee_department, granted_at FROM access_grant "
                        + "WHERE grantee_department = ? ORDER BY grantor_department",
                (rs, i) -> new GrantRow(rs.getString(1), rs.getString(2), rs.getString(3)), grantee);
    }
}
