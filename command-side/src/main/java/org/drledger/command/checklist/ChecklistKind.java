package org.drledger.command.checklist;

/** A department's own list, or the office's district-wide joint list (部门联合抽查事项清单). */
public enum ChecklistKind {
    DEPARTMENT,
    JOINT
}
