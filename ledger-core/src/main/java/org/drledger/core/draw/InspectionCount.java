package org.drledger.core.draw;

/**
 * Prior inspections of one entity counted against the plan's frequency cap: by the capping agency, in the cap's year,
 * excluding the cap's exempt categories. The caller computes it; entities without a record count 0.
 */
public record InspectionCount(String entityId, long count) {
}
