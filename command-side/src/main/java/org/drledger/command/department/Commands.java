package org.drledger.command.department;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Department and department-key commands (imperative records). */
public final class Commands {
    private Commands() {
    }

    /** @param initialKeyId only for the office: the root key named in the genesis entry */
    public record RegisterDepartment(@TargetAggregateIdentifier @NotBlank String departmentId, @NotBlank String name,
                                     boolean office, String initialKeyId) {
    }

    public record RegisterDepartmentKey(@TargetAggregateIdentifier String departmentId, String keyId,
                                        String publicKey) {
    }

    public record RotateDepartmentKey(@TargetAggregateIdentifier String departmentId, String oldKeyId, String newKeyId,
                                      String publicKey, String reason) {
    }

    public record RevokeDepartmentKey(@TargetAggregateIdentifier String departmentId, String keyId, String reason) {
    }

    public record MarkDepartmentKeyCompromised(@TargetAggregateIdentifier String departmentId, String keyId,
                                               @PositiveOrZero long fromLeafIndex, String reason) {
    }
}
