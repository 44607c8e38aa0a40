package org.drledger.command.grant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Access-grant commands (imperative records); the stream id is {@code grant:grantor→grantee}. */
public final class Commands {
    private Commands() {
    }

    /** The grantor department lets the grantee department act on its records ("谁审批、谁监管"). */
    public record GrantDepartmentAccess(String grantor, String grantee, String reason) {
        @TargetAggregateIdentifier
        public String grantId() {
            return AccessGrant.id(grantor, grantee);
        }
    }

    public record RevokeDepartmentAccess(String grantor, String grantee, String reason) {
        @TargetAggregateIdentifier
        public String grantId() {
            return AccessGrant.id(grantor, grantee);
        }
    }
}
