package org.drledger.command.plan;

import java.util.List;

/** A department plan submission as {@code department_plan} records it; looked up by the caller. */
public record SubmittedPlanFact(String department, int version, List<String> batchIds) {
}
