package org.drledger.command.checklist;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One 抽查事项 as a list carries it (domain-reference §1 "entry columns"). The joint-only members ({@code field}
 * 抽查领域, {@code leadDepartment} 发起部门, {@code assistingDepartments} 配合部门, {@code level} 抽查层级,
 * {@code sources}) are absent on department lists; {@code ratioCap} is absent on KEY items.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChecklistItem(String code, String categoryCode, String categoryName, String name,
                            List<ObjectType> objectTypes, ItemTier tier, List<InspectionMethod> methods,
                            String inspectingAuthority, String legalBasis, Ratio ratioCap, String remarks,
                            String field, String leadDepartment, List<String> assistingDepartments, String level,
                            List<ItemRef> sources) {

    /** A department-list item. */
    public static ChecklistItem department(String code, String categoryCode, String categoryName, String name,
                                           List<ObjectType> objectTypes, ItemTier tier, List<InspectionMethod> methods,
                                           String inspectingAuthority, String legalBasis, Ratio ratioCap,
                                           String remarks) {
        return new ChecklistItem(code, categoryCode, categoryName, name, objectTypes, tier, methods,
                inspectingAuthority, legalBasis, ratioCap, remarks, null, null, null, null, null);
    }

    /** This item with the joint-list members. */
    public ChecklistItem joint(String field, String leadDepartment, List<String> assistingDepartments, String level,
                               List<ItemRef> sources) {
        return new ChecklistItem(code, categoryCode, categoryName, name, objectTypes, tier, methods,
                inspectingAuthority, legalBasis, ratioCap, remarks, field, leadDepartment, assistingDepartments, level,
                sources);
    }
}
