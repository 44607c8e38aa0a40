package org.drledger.command.checklist;

import java.util.List;

/** Checklist events (past-tense facts). Entry types are these simple names. */
public final class Events {
    private Events() {
    }

    public record ChecklistDrafted(String listId, String ownerDepartment, ChecklistKind kind, String title) {
    }

    /** The draft's item with this code is now {@code item} (added or replaced). */
    public record ChecklistItemRevised(String listId, ChecklistItem item) {
    }

    public record ChecklistItemRetired(String listId, String code, String reason) {
    }

    /**
     * A published version: the signed snapshot of every active item (sorted by code) and of every item retired so
     * far. Owner, kind and title are repeated so the entry stands on its own.
     */
    public record ChecklistPublished(String listId, String ownerDepartment, ChecklistKind kind, String title,
                                     int version, List<ChecklistItem> items, List<RetiredItem> retired) {
    }
}
