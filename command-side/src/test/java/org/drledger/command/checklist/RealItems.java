package org.drledger.command.checklist;

import static org.drledger.command.checklist.InspectionMethod.ON_SITE;
import static org.drledger.command.checklist.InspectionMethod.ONLINE;
import static org.drledger.command.checklist.ObjectType.ENTERPRISE;
import static org.drledger.command.checklist.ObjectType.FARMER_COOPERATIVE;
import static org.drledger.command.checklist.ObjectType.FOREIGN_REP_OFFICE;
import static org.drledger.command.checklist.ObjectType.INDIVIDUAL_BUSINESS;

import java.util.List;

/**
 * Real 登记事项检查 rows of a county list (梁庆, domain-reference §1): all 一般检查事项, 检查主体 县级以上市场监管部门.
 * The codes are ours; the ratio cap is illustrative (the source lists none).
 */
final class RealItems {
    static final String AUTHORITY = "县级以上市场监管部门";
    static final Ratio CAP = new Ratio(1, 10);

    private RealItems() {
    }

    static ChecklistItem businessLicence() {
        return ChecklistItem.department("A01-01", "A01", "登记事项检查", "营业执照(登记证)规范使用情况的检查",
                List.of(ENTERPRISE, INDIVIDUAL_BUSINESS, FARMER_COOPERATIVE, FOREIGN_REP_OFFICE), ItemTier.GENERAL,
                List.of(ON_SITE, ONLINE), AUTHORITY, "《市场主体登记管理条例》第36、37、48条；《电子商务法》第15条", CAP, null);
    }

    static ChecklistItem enterpriseName() {
        return ChecklistItem.department("A01-02", "A01", "登记事项检查", "名称规范使用情况的检查",
                List.of(ENTERPRISE, INDIVIDUAL_BUSINESS, FARMER_COOPERATIVE, FOREIGN_REP_OFFICE), ItemTier.GENERAL,
                List.of(ON_SITE, ONLINE), AUTHORITY, "《企业名称登记管理规定》第22–24条", CAP, null);
    }

    static ChecklistItem operatingTerm() {
        return ChecklistItem.department("A01-03", "A01", "登记事项检查", "经营(驻在)期限的检查",
                List.of(ENTERPRISE, FARMER_COOPERATIVE, FOREIGN_REP_OFFICE), ItemTier.GENERAL, List.of(ON_SITE),
                AUTHORITY, "《市场主体登记管理条例》第9、29、47条", CAP, null);
    }

    /** A copy of {@code item} with another tier and cap. */
    static ChecklistItem withTier(ChecklistItem i, ItemTier tier, Ratio cap) {
        return ChecklistItem.department(i.code(), i.categoryCode(), i.categoryName(), i.name(), i.objectTypes(), tier,
                i.methods(), i.inspectingAuthority(), i.legalBasis(), cap, i.remarks());
    }

    static ChecklistItem withLegalBasis(ChecklistItem i, String legalBasis) {
        return ChecklistItem.department(i.code(), i.categoryCode(), i.categoryName(), i.name(), i.objectTypes(),
                i.tier(), i.methods(), i.inspectingAuthority(), legalBasis, i.ratioCap(), i.remarks());
    }
}
