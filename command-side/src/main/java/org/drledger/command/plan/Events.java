package org.drledger.command.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * Annual-plan events (past-tense facts). Missed deadlines are recorded ({@code deadline}, {@code late}), never
 * refused.
 */
public final class Events {
    private Events() {
    }

    /** Version n of a department's plan for {@code year}; due 31 December of the previous year. */
    public record DepartmentPlanSubmitted(int year, String department, int version, List<PlanBatch> batches,
                                          LocalDate submittedOn, LocalDate deadline, boolean late) {
    }

    /** Version n of the district plan: the department plans it takes in, and its joint batches; due 31 January. */
    public record DistrictPlanConsolidated(int year, int version, List<DepartmentPlanRef> departmentPlans,
                                           List<PlanBatch> jointBatches, LocalDate consolidatedOn, LocalDate deadline,
                                           boolean late) {
    }

    /** The district government approved consolidated version {@code version}. */
    public record DistrictPlanApproved(int year, int version, String document, LocalDate approvedOn) {
    }

    /** Published (通过相关网站和监管平台向社会公布); due in early February (by the 10th). */
    public record DistrictPlanPublished(int year, int version, LocalDate publishedOn, LocalDate deadline,
                                        boolean late) {
    }

    /** Filed with the city bureau (报市市场监管局备案). */
    public record DistrictPlanFiled(int year, int version, String filedWith, LocalDate filedOn) {
    }

    /** Adjustment number {@code adjustment}, made inside {@code window}. */
    public record DistrictPlanAdjusted(int year, int adjustment, PlanChanges changes, String reason, String approver,
                                       LocalDate adjustedOn, Period window) {
    }
}
