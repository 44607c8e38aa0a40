package org.drledger.command.actor;

/** Roles; the anonymous public has none and only reads public pages. */
public enum Role {
    /** The joint-conference office's administrator: departments, keys, users, witnesses, system actions. */
    OFFICE_ADMIN,
    /** Enters and revises records of the own department. */
    DEPT_CLERK,
    /** Approves, reviews and publishes for the own department. */
    DEPT_APPROVER,
    /** Reads everything, including the audit trail and vault openings; changes nothing. */
    AUDITOR
}
