package org.drledger.command.registry;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registry commands. Confidential values arrive already sealed (the caller used the vault); text arrives as given
 * and the aggregates normalize it with {@link RegistryText}.
 */
public final class RegistryCommands {
    private RegistryCommands() {
    }

    /**
     * @param acceptLegacy the caller vouches that an id whose check character (or 注册号 check digit) does not
     *                     compute is nevertheless real: it is accepted with {@code idWarning}
     */
    public record RegisterInspectionObject(String objectId, boolean acceptLegacy, String objectType, String name,
                                           String industry, String district, String address, String status,
                                           Commitment creditRiskClass, String registryDepartment) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionObject.STREAM_PREFIX + objectId;
        }
    }

    /** The complete new state; the id, its kind and its warning stay as registered. */
    public record ReviseInspectionObject(String objectId, String objectType, String name, String industry,
                                         String district, String address, String status, Commitment creditRiskClass,
                                         String registryDepartment) {
        @TargetAggregateIdentifier
        public String streamId() {
            return InspectionObject.STREAM_PREFIX + objectId;
        }
    }

    public record RegisterInspector(String officerId, String department, String name, String certificateNo,
                                    String certificateExpiry, List<String> specialties, List<String> competentItems,
                                    String district, String status, boolean assistEligible, List<String> conflicts,
                                    Commitment idCardNo, Commitment phone) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Inspector.STREAM_PREFIX + officerId;
        }
    }

    /** The complete new state of the officer. */
    public record ReviseInspector(String officerId, String department, String name, String certificateNo,
                                  String certificateExpiry, List<String> specialties, List<String> competentItems,
                                  String district, String status, boolean assistEligible, List<String> conflicts,
                                  Commitment idCardNo, Commitment phone) {
        @TargetAggregateIdentifier
        public String streamId() {
            return Inspector.STREAM_PREFIX + officerId;
        }
    }
}
