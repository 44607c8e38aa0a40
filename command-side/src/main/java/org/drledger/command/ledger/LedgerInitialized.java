package org.drledger.command.ledger;

/**
 * Genesis: the ledger's id, crypto suite and log key, and the joint-conference office as root department with
 * its first key (valid from position 0).
 */
public record LedgerInitialized(String ledgerId, String suite, String origin, String logKey, String rootDepartmentId,
                                String rootDepartmentName, String rootKeyId, String rootPublicKey)
        implements GenesisEvent {
}
