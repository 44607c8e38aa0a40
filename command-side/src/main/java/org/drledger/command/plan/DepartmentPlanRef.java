package org.drledger.command.plan;

import java.util.List;

/**
 * A submitted department plan the district plan consolidates: its stream, the submission's version, and the ids of
 * its batches (so adjustments can name them).
 */
public record DepartmentPlanRef(String stream, String department, int version, List<String> batchIds) {
}
