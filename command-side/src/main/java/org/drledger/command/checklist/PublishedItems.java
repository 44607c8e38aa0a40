package org.drledger.command.checklist;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drledger.command.checklist.Events.ChecklistDrafted;
import org.drledger.command.checklist.Events.ChecklistPublished;
import org.drledger.command.department.DepartmentDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lists ({@code checklist}) and every item of every published version ({@code published_item}: one row per
 * item per version, {@code retired} for the items retired before that version), kept in the appending
 * transaction (a subscribing processor): an item can be referenced as soon as its version is stored.
 */
@Component
@ProcessingGroup(DepartmentDirectory.GROUP)
public class PublishedItems {
    /** A list as the command side knows it; {@code publishedVersion} is 0 while it is only a draft. */
    public record ChecklistRow(String listId, String ownerDepartment, ChecklistKind kind, String title,
                               int publishedVersion) {
    }

    private final JdbcTemplate jdbc;

    PublishedItems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ChecklistDrafted e) {
        jdbc.update("INSERT INTO checklist (list_id, owner_department, kind, title, published_version) "
                + "VALUES (?, ?, ?, ?, 0)", e.listId(), e.ownerDepartment(), e.kind().name(), e.title());
    }

    @EventHandler
    void on(ChecklistPublished e) {
        jdbc.update("UPDATE checklist SET published_version = ? WHERE list_id = ?", e.version(), e.listId());
        String sql = "INSERT INTO published_item (list_id, version, code, owner_department, kind, tier, name, "
                + "object_types, retired, ratio_cap_num, ratio_cap_den) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        List<Object[]> rows = new ArrayList<>();
        for (ChecklistItem i : e.items()) {
            rows.add(new Object[] {e.listId(), e.version(), i.code(), e.ownerDepartment(), e.kind().name(),
                    i.tier().name(), i.name(), join(i.objectTypes()), false,
                    i.ratioCap() == null ? null : i.ratioCap().num(), i.ratioCap() == null ? null : i.ratioCap().den()});
        }
        for (RetiredItem r : e.retired()) {
            rows.add(new Object[] {e.listId(), e.version(), r.code(), e.ownerDepartment(), e.kind().name(),
                    r.tier().name(), r.name(), join(r.objectTypes()), true, null, null});
        }
        jdbc.batchUpdate(sql, rows, new int[] {Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.INTEGER, Types.INTEGER});
    }

    public Optional<ChecklistRow> list(String listId) {
        return jdbc.query("SELECT list_id, owner_department, kind, title, published_version FROM checklist "
                + "WHERE list_id = ?", (rs, n) -> new ChecklistRow(rs.getString(1), rs.getString(2),
                ChecklistKind.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5)), listId).stream().findFirst();
    }

    public List<ChecklistRow> lists() {
        return jdbc.query("SELECT list_id, owner_department, kind, title, published_version FROM checklist "
                + "ORDER BY list_id", (rs, n) -> new ChecklistRow(rs.getString(1), rs.getString(2),
                ChecklistKind.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5)));
    }

    /**
     * What {@code published_item} holds for each reference that exists; references that are not published are
     * simply absent. An item counts as retired if its version or the list's latest version lists it retired.
     */
    public List<PublishedItemFact> facts(Collection<ItemRef> refs) {
        List<PublishedItemFact> out = new ArrayList<>();
        for (ItemRef ref : new LinkedHashSet<>(refs)) {
            if (ref == null || ref.listId() == null || ref.code() == null) {
                continue;
            }
            jdbc.query("SELECT p.owner_department, p.kind, p.tier, p.ratio_cap_num, p.ratio_cap_den, p.retired, "
                            + "(SELECT l.retired FROM published_item l WHERE l.list_id = p.list_id AND l.code = p.code "
                            + " AND l.version = (SELECT MAX(m.version) FROM published_item m WHERE m.list_id = p.list_id)) "
                            + "FROM published_item p WHERE p.list_id = ? AND p.version = ? AND p.code = ?",
                    rs -> {
                        int num = rs.getInt(4);
                        Ratio cap = rs.wasNull() ? null : new Ratio(num, rs.getInt(5));
                        boolean retiredLater = rs.getObject(7) != null && rs.getBoolean(7);
                        out.add(new PublishedItemFact(ref.listId(), ref.version(), ref.code(), rs.getString(1),
                                ChecklistKind.valueOf(rs.getString(2)), ItemTier.valueOf(rs.getString(3)), cap,
                                rs.getBoolean(6) || retiredLater));
                    }, ref.listId(), ref.version(), ref.code());
        }
        return out;
    }

    /** What {@code published_item} holds for {@code ref}; empty when that version does not publish that code. */
    public Optional<PublishedItemFact> fact(ItemRef ref) {
        return facts(List.of(ref)).stream().findFirst();
    }

    /**
     * Whether {@code ref} may be inspected or planned: its version publishes it and neither that version nor the
     * list's latest one lists it as retired. For other features' checks ("only published items").
     */
    public boolean isInspectable(ItemRef ref) {
        return fact(ref).filter(f -> !f.retired()).isPresent();
    }

    private static String join(List<ObjectType> types) {
        return types.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
