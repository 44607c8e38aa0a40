package org.drledger.command.vault;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase the opening of a commitment from the vault. The caller (the REST layer) has checked that the vault holds
 * the commitment; the reason and legal basis become part of the public ledger, so they must not repeat the data.
 */
public record ShredPersonalData(String commitment, String reason, String legalBasis) {
    /** Aggregate ids are prefixed by kind so no user-chosen id of another kind can collide. */
    @TargetAggregateIdentifier
    public String streamId() {
        return PersonalData.STREAM_PREFIX + commitment;
    }
}
