package org.drledger.command.vault;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase the opening of a commitment from the vault. The caller (the REST layer) has checked that the vault holds
 * the commitment; the reason and legal basis become part of the public ledger, so they must not repeat the data.
 */
public record ShredPersonalData(@TargetAggregateIdentifier String commitment, String reason, String legalBasis) {
}
