package org.drledger.core.draw;

/** A declared conflict of interest: the officer must never be matched to the entity. */
public record Conflict(String officerId, String entityId) {
}
