package org.drledger.command.grant;

/** Access-grant events (past-tense facts). */
public final class Events {
    private Events() {
    }

    public record DepartmentAccessGranted(String grantor, String grantee, String reason) {
    }

    public record DepartmentAccessRevoked(String grantor, String grantee, String reason) {
    }
}
