package org.drledger.command.registry;

import java.util.List;

/**
 * Registry entries. Each carries the complete state after the change, so the registry as of any ledger position is
 * the last state of each stream before it (kernel {@code RegistryFold}); the payload field names are the kernel's.
 * Entry type = the simple record name.
 */
public final class RegistryEvents {
    private RegistryEvents() {
    }

    public record InspectionObjectRegistered(String objectId, String idKind, String idWarning, String objectType,
                                             String name, String industry, String district, String address,
                                             String status, Commitment creditRiskClass, String registryDepartment) {
        static InspectionObjectRegistered of(ObjectState s) {
            return new InspectionObjectRegistered(s.objectId(), s.idKind(), s.idWarning(), s.objectType(), s.name(),
                    s.industry(), s.district(), s.address(), s.status(), s.creditRiskClass(), s.registryDepartment());
        }

        public ObjectState state() {
            return new ObjectState(objectId, idKind, idWarning, objectType, name, industry, district, address, status,
                    creditRiskClass, registryDepartment);
        }
    }

    public record InspectionObjectRevised(String objectId, String idKind, String idWarning, String objectType,
                                          String name, String industry, String district, String address,
                                          String status, Commitment creditRiskClass, String registryDepartment) {
        static InspectionObjectRevised of(ObjectState s) {
            return new InspectionObjectRevised(s.objectId(), s.idKind(), s.idWarning(), s.objectType(), s.name(),
                    s.industry(), s.district(), s.address(), s.status(), s.creditRiskClass(), s.registryDepartment());
        }

        public ObjectState state() {
            return new ObjectState(objectId, idKind, idWarning, objectType, name, industry, district, address, status,
                    creditRiskClass, registryDepartment);
        }
    }

    public record InspectorRegistered(String officerId, String department, String name, String certificateNo,
                                      String certificateExpiry, List<String> specialties, List<String> competentItems,
                                      String district, String status, boolean assistEligible, List<String> conflicts,
                                      Commitment idCardNo, Commitment phone) {
        static InspectorRegistered of(InspectorState s) {
            return new InspectorRegistered(s.officerId(), s.department(), s.name(), s.certificateNo(),
                    s.certificateExpiry(), s.specialties(), s.competentItems(), s.district(), s.status(),
                    s.assistEligible(), s.conflicts(), s.idCardNo(), s.phone());
        }

        public InspectorState state() {
            return new InspectorState(officerId, department, name, certificateNo, certificateExpiry, specialties,
                    competentItems, district, status, assistEligible, conflicts, idCardNo, phone);
        }
    }

    public record InspectorRevised(String officerId, String department, String name, String certificateNo,
                                   String certificateExpiry, List<String> specialties, List<String> competentItems,
                                   String district, String status, boolean assistEligible, List<String> conflicts,
                                   Commitment idCardNo, Commitment phone) {
        static InspectorRevised of(InspectorState s) {
            return new InspectorRevised(s.officerId(), s.department(), s.name(), s.certificateNo(),
                    s.certificateExpiry(), s.specialties(), s.competentItems(), s.district(), s.status(),
                    s.assistEligible(), s.conflicts(), s.idCardNo(), s.phone());
        }

        public InspectorState state() {
            return new InspectorState(officerId, department, name, certificateNo, certificateExpiry, specialties,
                    competentItems, district, status, assistEligible, conflicts, idCardNo, phone);
        }
    }
}
