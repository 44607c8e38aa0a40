package org.drledger.command.result;

/**
 * Which day starts the 20-working-day publication period; recorded with the result because sources differ
 * (domain-reference §5).
 */
public enum TriggerKind {
    /** 检查结束之日: the day the check ended (Fujian practice; the default). */
    INSPECTION_ENDED,
    /** 检查完成之日: the day the check was completed (e.g. after a reinspection). */
    INSPECTION_COMPLETED,
    /** 信息形成之日: the day the result information was formed (企业信息公示暂行条例 第六条, 政府信息公开条例 第二十六条). */
    RESULT_FORMED
}
