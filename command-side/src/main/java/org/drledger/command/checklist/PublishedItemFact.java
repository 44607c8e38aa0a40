package org.drledger.command.checklist;

/**
 * What {@code published_item} says about a referenced item, looked up by the REST layer and carried in the command
 * so the aggregate decides without I/O. {@code retired} is true when the referenced version or the list's latest
 * published version lists the code as retired.
 */
public record PublishedItemFact(String listId, int version, String code, String ownerDepartment, ChecklistKind kind,
                                ItemTier tier, Ratio ratioCap, boolean retired) {
    public ItemRef ref() {
        return new ItemRef(listId, version, code);
    }
}
