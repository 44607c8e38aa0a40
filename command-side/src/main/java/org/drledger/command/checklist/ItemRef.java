package org.drledger.command.checklist;

/** A reference to an item of a published checklist version: {@code {listId, version, code}}. */
public record ItemRef(String listId, int version, String code) {
    @Override
    public String toString() {
        return listId + "@" + version + "/" + code;
    }
}
