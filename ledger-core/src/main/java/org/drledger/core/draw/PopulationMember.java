package org.drledger.core.draw;

/** One frozen population record {@code (entity_id, stratum, district)}. */
public record PopulationMember(String entityId, String stratum, String district) {
}
