package org.drledger.command.plan;

import java.time.LocalDate;

/**
 * The plan calendar of the district plan (seeds/ziyang-double-random-plan-2020, 二(三)): departments submit by the
 * end of December of the previous year, the office consolidates by the end of January, and the approved plan is
 * published in early February (上旬: by the 10th).
 */
public final class PlanDeadlines {
    private PlanDeadlines() {
    }

    public static LocalDate departmentPlanDue(int year) {
        return LocalDate.of(year - 1, 12, 31);
    }

    public static LocalDate districtPlanDue(int year) {
        return LocalDate.of(year, 1, 31);
    }

    public static LocalDate publicationDue(int year) {
        return LocalDate.of(year, 2, 10);
    }
}
