package org.drledger.command.checklist;

/** 一般检查事项 (ratio capped) or 重点检查事项 (no cap). */
public enum ItemTier {
    GENERAL,
    KEY
}
