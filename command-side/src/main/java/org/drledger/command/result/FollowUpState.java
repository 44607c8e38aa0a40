package org.drledger.command.result;

/** 未完结 / 已完结. */
public enum FollowUpState {
    OPEN, DONE
}
