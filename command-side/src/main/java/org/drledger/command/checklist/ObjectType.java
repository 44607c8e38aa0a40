package org.drledger.command.checklist;

/** 检查对象 types, the same codes the object registry uses (docs/workflow.md §2). */
public enum ObjectType {
    ENTERPRISE,
    INDIVIDUAL_BUSINESS,
    FARMER_COOPERATIVE,
    FOREIGN_REP_OFFICE,
    PRODUCT,
    PROJECT,
    CONDUCT
}
