package org.drledger.command.result;

/** 审核: approved, or returned to the clerk with reasons (审核退回). */
public enum ReviewDecision {
    APPROVED, RETURNED
}
