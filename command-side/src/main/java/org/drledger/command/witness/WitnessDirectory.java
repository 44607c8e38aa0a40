package org.drledger.command.witness;

import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drledger.command.department.DepartmentDirectory;
import org.drledger.core.checkpoint.NoteKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Registered witnesses, kept in the appending transaction. */
@Component
@ProcessingGroup(DepartmentDirectory.GROUP)
public class WitnessDirectory {
    public record WitnessRow(String name, String vkey, boolean active) {
    }

    private final JdbcTemplate jdbc;

    WitnessDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Witness.WitnessRegistered e) {
        jdbc.update("INSERT INTO witness (name, vkey, key_id, active) VALUES (?, ?, ?, TRUE)", e.name(), e.vkey(),
                String.format("%08x", NoteKey.parseVkey(e.vkey()).keyId()));
    }

    @EventHandler
    void on(Witness.WitnessRetired e) {
        jdbc.update("UPDATE witness SET active = FALSE WHERE name = ?", e.name());
    }

    public Optional<WitnessRow> find(String name) {
        return jdbc.query("SELECT name, vkey, active FROM witness WHERE name = ?",
                (rs, i) -> new WitnessRow(rs.getString(1), rs.getString(2), rs.getBoolean(3)), name).stream().findFirst();
    }

    public List<WitnessRow> all() {
        return jdbc.query("SELECT name, vkey, active FROM witness ORDER BY name",
                (rs, i) -> new WitnessRow(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
    }
}
