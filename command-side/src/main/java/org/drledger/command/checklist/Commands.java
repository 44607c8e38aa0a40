package org.drledger.command.checklist;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Checklist commands (imperative records); the stream id is {@code checklist:<listId>}. */
public final class Commands {
    private Commands() {
    }

    public record DraftChecklist(String listId, String ownerDepartment, ChecklistKind kind, String title) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionChecklist.streamId(listId);
        }
    }

    /**
     * Adds the item to the draft, or replaces the draft's item with the same code.
     *
     * @param publishedSources for a joint item: what {@code published_item} holds for its {@code sources} (the
     *                         caller looks them up; a reference without a fact is not published)
     */
    public record ReviseChecklistItem(String listId, ChecklistItem item, List<PublishedItemFact> publishedSources) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionChecklist.streamId(listId);
        }
    }

    public record RetireChecklistItem(String listId, String code, String reason) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionChecklist.streamId(listId);
        }
    }

    public record PublishChecklist(String listId) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionChecklist.streamId(listId);
        }
    }
}
