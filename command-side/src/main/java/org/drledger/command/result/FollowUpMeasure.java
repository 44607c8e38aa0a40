package org.drledger.command.result;

/** 后续处置 (the Zhejiang platform's follow-up measures, domain-reference §4). */
public enum FollowUpMeasure {
    /** 违反本部门相关规定，责令改正；后续跟踪由日常监管部门负责. */
    ORDER_CORRECTION,
    /** 违反其他部门相关规定，抄告相关部门: names the department notified. */
    NOTIFY_OTHER_DEPT,
    /** 发现案件线索，初步固定相关证据后移送办案机构依法依规处理: names the case-handling body. */
    CASE_REFERRAL,
    /** 停止检查，反馈至日常监管部门依法依规处理. */
    STOP_AND_HAND_BACK
}
