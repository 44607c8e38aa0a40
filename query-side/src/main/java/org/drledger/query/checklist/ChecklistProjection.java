package org.drledger.query.checklist;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.core.json.CanonicalJson;
import org.drledger.query.projection.LedgerRecord;
import org.drledger.query.projection.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Inspection-item lists (一单) from the {@code checklist:<listId>} entries: the draft as revised and retired, and every
 * published version as its signed snapshot ({@code ChecklistPublished} carries every active item and every item
 * retired so far, so a version is shown exactly as it was signed, never reconstructed).
 */
@Component
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class ChecklistProjection implements Projection {
    private final JdbcTemplate jdbc;

    ChecklistProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "checklists";
    }

    @Override
    public List<String> tables() {
        return List.of("qv_checklist_version", "qv_checklist_draft_item", "qv_checklist");
    }

    @Override
    public void apply(LedgerRecord r) {
        switch (r.eventType()) {
            case "ChecklistDrafted" -> jdbc.update("INSERT INTO qv_checklist (list_id, owner_department, kind, title, "
                    + "drafted_leaf, latest_version, unpublished_changes, last_change_leaf) VALUES (?, ?, ?, ?, ?, 0, "
                    + "FALSE, ?)", r.text("listId"), r.text("ownerDepartment"), r.text("kind"), r.text("title"),
                    r.leafIndex(), r.leafIndex());
            case "ChecklistItemRevised" -> revised(r);
            case "ChecklistItemRetired" -> {
                jdbc.update("UPDATE qv_checklist_draft_item SET retired = TRUE, retired_leaf = ?, retire_reason = ? "
                        + "WHERE list_id = ? AND code = ?", r.leafIndex(), r.text("reason"), r.text("listId"),
                        r.text("code"));
                changed(r);
            }
            case "ChecklistPublished" -> published(r);
            default -> {
            }
        }
    }

    private void revised(LedgerRecord r) {
        String listId = r.text("listId");
        JsonNode item = r.payload().get("item");
        String code = item.get("code").asText();
        String json = CanonicalJson.writeString(item);
        int n = jdbc.update("UPDATE qv_checklist_draft_item SET item_json = ?, revised_leaf = ? WHERE list_id = ? "
                + "AND code = ?", json, r.leafIndex(), listId, code);
        if (n == 0) {
            jdbc.update("INSERT INTO qv_checklist_draft_item (list_id, code, item_json, revised_leaf, retired) "
                    + "VALUES (?, ?, ?, ?, FALSE)", listId, code, json, r.leafIndex());
        }
        changed(r);
    }

    private void changed(LedgerRecord r) {
        jdbc.update("UPDATE qv_checklist SET unpublished_changes = TRUE, last_change_leaf = ? WHERE list_id = ?",
                r.leafIndex(), r.text("listId"));
    }

    private void published(LedgerRecord r) {
        String listId = r.text("listId");
        long version = r.payload().get("version").asLong();
        jdbc.update("INSERT INTO qv_checklist_version (list_id, version, leaf_index, entry_hash, actor_department, "
                + "actor_user, published_at, item_count, retired_count, snapshot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                listId, version, r.leafIndex(), r.entryHash(), r.department(), r.user(), r.entry().timeText(),
                r.payload().path("items").size(), r.payload().path("retired").size(),
                CanonicalJson.writeString(r.payload()));
        jdbc.update("UPDATE qv_checklist SET latest_version = ?, unpublished_changes = FALSE, title = ?, "
                + "last_change_leaf = ? WHERE list_id = ?", version, r.text("title"), r.leafIndex(), listId);
    }
}
