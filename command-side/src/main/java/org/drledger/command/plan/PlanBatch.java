package org.drledger.command.plan;

import java.util.List;
import org.drledger.command.checklist.ItemRef;
import org.drledger.command.checklist.Ratio;

/**
 * One batch (批次) of an annual plan, a row of domain-reference §1 "annual plan row": 检查主体
 * ({@code inspectingAuthority}), 年度计划名称 ({@code name}), 检查内容 ({@code items}: published checklist items),
 * 计划开展时间 ({@code period}), 股室 ({@code unit}), 抽查比例 ({@code ratio}), 抽查频次 ({@code frequency}: rounds in
 * the year), 抽查数量 ({@code quantity}: objects to inspect), and the departments that lead and assist.
 */
public record PlanBatch(String batchId, String inspectingAuthority, String name, List<ItemRef> items, Period period,
                        String unit, Ratio ratio, int frequency, int quantity, String leadDepartment,
                        List<String> assistingDepartments) {
}
