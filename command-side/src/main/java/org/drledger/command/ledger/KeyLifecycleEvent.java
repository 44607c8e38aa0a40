package org.drledger.command.ledger;

import java.util.List;

/**
 * An event that changes which department keys may sign. The append path applies its changes right after storing
 * the entry, so the entry itself is still signed under the keys valid before it (ledger-format.md §5).
 */
public interface KeyLifecycleEvent {
    List<KeyChange> keyChanges();
}
