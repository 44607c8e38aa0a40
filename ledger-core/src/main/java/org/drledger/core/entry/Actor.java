package org.drledger.core.entry;

/** Who acted: the department whose key signs, and the authenticated user within it. */
public record Actor(String department, String user) {
    public Actor {
        Identifiers.require(department, "actor.department");
        Identifiers.require(user, "actor.user");
    }
}
