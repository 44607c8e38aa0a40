package org.drledger.command.vault;

/** The opening of {@code commitment} was erased; every entry that carries the commitment stays valid. */
public record PersonalDataShredded(String commitment, String reason, String legalBasis) {
}
