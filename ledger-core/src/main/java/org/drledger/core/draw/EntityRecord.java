package org.drledger.core.draw;

/**
 * A neutral 检查对象名录库 record as it stood at the freeze position. {@code stratum} is the entity's value of the
 * attribute the plan stratifies by (e.g. its credit-risk class); it is ignored by an unstratified plan and may then be
 * null or empty. {@code status} counts as active only when it is exactly {@code "ACTIVE"}.
 */
public record EntityRecord(String entityId, String objectType, String district, String industry, String stratum,
                           String status) {
}
