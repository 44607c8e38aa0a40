package org.drledger.command.registry;

/**
 * The complete state of one entry of the 检查对象名录库, exactly as every {@code InspectionObjectRegistered} /
 * {@code InspectionObjectRevised} entry carries it (the kernel's {@code RegistryFold} reads these names).
 *
 * @param objectId           USCC, a 15-digit 注册号, or {@code obj-…} for products, projects and conduct
 * @param idKind             {@code USCC}, {@code LEGACY_REG_NO} or {@code OTHER}
 * @param idWarning          null, or the kernel status of an id accepted with a warning
 *                           ({@code ORGANIZATION_CODE_MISMATCH}, {@code LEGACY_ALLOWLISTED},
 *                           {@code CHECK_CHARACTER_MISMATCH}, {@code CHECK_DIGIT_MISMATCH})
 * @param address            null when not given
 * @param creditRiskClass    the confidential class as a commitment; null when the object is not classified
 */
public record ObjectState(String objectId, String idKind, String idWarning, String objectType, String name,
                          String industry, String district, String address, String status,
                          Commitment creditRiskClass, String registryDepartment) {
}
