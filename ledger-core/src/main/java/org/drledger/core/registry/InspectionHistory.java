package org.drledger.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.drledger.core.draw.InspectionCount;

/**
 * Prior inspections per (inspecting agency, object, year), for the annual per-entity frequency cap (国办发〔2024〕54号:
 * a counter per agency, object and year with exempt categories). A task counts once per drawn target, unless the
 * draw was voided or the task's category is exempt. Folded from task entries in leaf order. Not thread-safe.
 */
public final class InspectionHistory {
    public static final String TASK_PLANNED = "TaskPlanned";
    public static final String DRAW_EXECUTED = "DrawExecuted";
    public static final String DRAW_VOIDED = "DrawVoided";

    private record Task(String leadDepartment, String category, int year) {
    }

    private final Map<String, Task> tasks = new HashMap<>();
    private final Map<String, List<String>> targets = new HashMap<>();

    public void accept(String entryType, JsonNode payload) {
        switch (entryType) {
            case TASK_PLANNED -> {
                String taskId = RegistryFold.text(payload, "taskId", entryType);
                String from = RegistryFold.text(payload.path("drawPlan").path("plannedDates"), "from",
                        entryType + " " + taskId + "/drawPlan/plannedDates");
                int year;
                try {
                    year = LocalDate.parse(from).getYear();
                } catch (java.time.format.DateTimeParseException e) {
                    throw new RegistryFormatException("bad-date", entryType + " " + taskId + "/drawPlan/plannedDates/from",
                            "not a yyyy-MM-dd date");
                }
                tasks.put(taskId, new Task(RegistryFold.text(payload, "leadDepartment", entryType + " " + taskId),
                        RegistryFold.text(payload, "category", entryType + " " + taskId), year));
            }
            case DRAW_EXECUTED -> {
                String taskId = RegistryFold.text(payload, "taskId", entryType);
                List<String> ids = new ArrayList<>();
                for (JsonNode t : payload.path("targets")) {
                    ids.add(RegistryFold.text(t, "entityId", entryType + " " + taskId + "/targets"));
                }
                targets.put(taskId, ids);
            }
            case DRAW_VOIDED -> targets.remove(RegistryFold.text(payload, "taskId", entryType));
            default -> {
            }
        }
    }

    /** Counts of non-exempt inspections by {@code agency} in {@code year}, per object, sorted by object id. */
    public List<InspectionCount> counts(String agency, long year, Set<String> exemptCategories) {
        Map<String, Long> n = new TreeMap<>();
        targets.forEach((taskId, ids) -> {
            Task t = tasks.get(taskId);
            if (t != null && t.leadDepartment().equals(agency) && t.year() == year
                    && !exemptCategories.contains(t.category())) {
                ids.forEach(id -> n.merge(id, 1L, Long::sum));
            }
        });
        List<InspectionCount> out = new ArrayList<>(n.size());
        n.forEach((id, c) -> out.add(new InspectionCount(id, c)));
        return out;
    }
}
