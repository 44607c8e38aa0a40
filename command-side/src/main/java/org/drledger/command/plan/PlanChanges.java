package org.drledger.command.plan;

import java.util.List;

/** What an adjustment changes: batches added, batch ids removed, batches changed (replaced, same id). */
public record PlanChanges(List<PlanBatch> added, List<String> removed, List<PlanBatch> changed) {
}
