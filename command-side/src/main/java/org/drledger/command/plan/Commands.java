package org.drledger.command.plan;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.drledger.command.checklist.PublishedItemFact;

/**
 * Annual-plan commands (imperative records). Department plans live in {@code plan:<year>:<departmentId>}, the
 * district plan in {@code plan:<year>:district}. Dates are business dates supplied by the caller; facts from
 * lookup tables ({@code publishedItems}, {@code submittedPlans}) are looked up by the caller too.
 */
public final class Commands {
    private Commands() {
    }

    public record SubmitDepartmentPlan(int year, String department, List<PlanBatch> batches, LocalDate submittedOn,
                                       List<PublishedItemFact> publishedItems) {
        @TargetAggregateIdentifier
        public String streamId() {
            return AnnualPlan.departmentStream(year, department);
        }
    }

    /** A department plan the district plan takes in: the department and the submission's version. */
    public record PlanSelection(String department, int version) {
    }

    public record ConsolidateDistrictPlan(int year, List<PlanSelection> departmentPlans, List<PlanBatch> jointBatches,
                                          LocalDate consolidatedOn, List<SubmittedPlanFact> submittedPlans,
                                          List<PublishedItemFact> publishedItems) {
        @TargetAggregateIdentifier
        public String streamId() {
            return AnnualPlan.districtStream(year);
        }
    }

    /** @param document the government's document number (e.g. 资政函〔2027〕3号) */
    public record RecordGovernmentApproval(int year, String document, LocalDate approvedOn) {
        @TargetAggregateIdentifier
        public String streamId() {
            return AnnualPlan.districtStream(year);
        }
    }

    public record PublishPlan(int year, LocalDate publishedOn) {
        @TargetAggregateIdentifier
        public String streamId() {
            return AnnualPlan.districtStream(year);
        }
    }

    public record RecordPlanFiling(int year, String filedWith, LocalDate filedOn) {
        @TargetAggregateIdentifier
        public String streamId() {
            return AnnualPlan.districtStream(year);
        }
    }

    /** @param windowDays the adjustment window's length ({@code ledger.plan.adjustment-window-days}) */
    public record AdjustPlan(int year, PlanChanges changes, String reason, String approver, LocalDate adjustedOn,
                             int windowDays, List<PublishedItemFact> publishedItems) {
        @TargetAggregateIdentifier
        public String streamId() {
            return AnnualPlan.districtStream(year);
        }
    }
}
