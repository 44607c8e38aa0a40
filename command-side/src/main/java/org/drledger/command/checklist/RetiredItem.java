package org.drledger.command.checklist;

import java.util.List;

/** A retired item as each later published version lists it: its code, what it was, and why it was retired. */
public record RetiredItem(String code, String name, ItemTier tier, List<ObjectType> objectTypes, String reason) {
}
