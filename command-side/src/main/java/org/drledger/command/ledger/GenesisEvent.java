package org.drledger.command.ledger;

/**
 * The first entry of a ledger. Its root key is valid from position 0, so the append path registers it before
 * signing the genesis entry with it.
 */
public interface GenesisEvent {
    String ledgerId();

    String suite();

    String origin();

    String logKey();

    String rootDepartmentId();

    String rootKeyId();

    String rootPublicKey();
}
