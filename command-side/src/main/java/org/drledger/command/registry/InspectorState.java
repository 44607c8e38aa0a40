package org.drledger.command.registry;

import java.util.List;

/**
 * The complete state of one entry of the 执法检查人员名录库, exactly as every {@code InspectorRegistered} /
 * {@code InspectorRevised} entry carries it (the kernel's {@code RegistryFold} reads these names). Sets are sorted
 * by code point without duplicates.
 *
 * @param certificateExpiry the last day the 执法证 is valid, {@code yyyy-MM-dd}
 * @param conflicts         declared conflicts of interest: object ids the officer must never be matched with
 * @param idCardNo          the ID-card number as a commitment (never plaintext)
 * @param phone             the phone number as a commitment; null when none is known
 */
public record InspectorState(String officerId, String department, String name, String certificateNo,
                             String certificateExpiry, List<String> specialties, List<String> competentItems,
                             String district, String status, boolean assistEligible, List<String> conflicts,
                             Commitment idCardNo, Commitment phone) {
    public InspectorState {
        specialties = specialties == null ? null : List.copyOf(specialties);
        competentItems = competentItems == null ? null : List.copyOf(competentItems);
        conflicts = conflicts == null ? null : List.copyOf(conflicts);
    }
}
