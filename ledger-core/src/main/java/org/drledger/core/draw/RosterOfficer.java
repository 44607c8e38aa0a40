package org.drledger.core.draw;

/**
 * One frozen roster record {@code (officer_id, department, district, cap, assist)}: {@code cap} is the number of
 * targets the officer may take in this task (1..2^32−1); {@code assist} marks a neighbouring-region officer usable
 * only through the {@link Relaxation#USE_ASSIST_POOL} step.
 */
public record RosterOfficer(String officerId, String department, String district, long cap, boolean assist) {
}
