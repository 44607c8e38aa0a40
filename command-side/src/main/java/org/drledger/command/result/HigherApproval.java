package org.drledger.command.result;

import java.time.LocalDate;

/** The higher authority's approval of an exemption from publication: who, by which document, on which day. */
public record HigherApproval(String authority, String document, LocalDate approvedOn) {
}
