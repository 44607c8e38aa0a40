package org.drledger.server.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drledger.server.checklist.SeedItems;

/** Request bodies of the 2023 district year: plan items, joint checklist items, plan batches and planned tasks. */
public final class PlanRequests {
    public static final int YEAR = 2023;

    private PlanRequests() {
    }

    public static Map<String, Object> item(String listId, int version, String code) {
        return Map.of("listId", listId, "version", version, "code", code);
    }

    public static Map<String, Object> jointItem(String code, String seed, String lead, List<String> assisting,
                                                List<Map<String, Object>> sources) {
        Map<String, Object> i = new LinkedHashMap<>(SeedItems.item(seed));
        i.put("code", code);
        i.put("field", "市场监管");
        i.put("leadDepartment", lead);
        i.put("assistingDepartments", assisting);
        i.put("level", "区级");
        i.put("sources", sources);
        return i;
    }

    public static Map<String, Object> batch(String batchId, String lead, List<String> assisting,
                                            Map<String, Object> item) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("batchId", batchId);
        b.put("inspectingAuthority", "资阳区市场监督管理局");
        b.put("name", "对市场主体登记事项的行政检查");
        b.put("items", List.of(item));
        b.put("period", Map.of("from", YEAR + "-03-01", "to", YEAR + "-11-30"));
        b.put("unit", "登记注册股");
        b.put("ratio", Map.of("num", 1, "den", 20));
        b.put("frequency", 1);
        b.put("quantity", 10);
        b.put("leadDepartment", lead);
        b.put("assistingDepartments", assisting);
        return b;
    }

    /** A joint task of batch {@code batch}: one item, drawn by credit class over drand quicknet round 123. */
    public static Map<String, Object> newTask(String taskId, String batch, String lead, List<String> assisting,
                                              String listId, String item) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("taskId", taskId);
        body.put("source", "PLAN");
        body.put("planRef", Map.of("year", YEAR, "batch", batch));
        body.put("leadDepartment", lead);
        body.put("assistingDepartments", assisting);
        body.put("category", "ROUTINE");
        body.put("items", List.of(Map.of("listId", listId, "code", item)));
        body.put("drawPlan", drawPlan(taskId, item, lead, assisting));
        return body;
    }

    private static Map<String, Object> drawPlan(String taskId, String item, String lead, List<String> assisting) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("algorithm", "drl-draw/1");
        p.put("taskId", taskId);
        p.put("stratifyBy", "creditRiskClass");
        p.put("strata", List.of(
                Map.of("stratum", "A", "ratio", Map.of("num", 1, "den", 50), "min", 1),
                Map.of("stratum", "B", "ratio", Map.of("num", 1, "den", 25)),
                Map.of("stratum", "C", "ratio", Map.of("num", 1, "den", 10)),
                Map.of("stratum", "D", "ratio", Map.of("num", 1, "den", 5), "max", 6)));
        p.put("populationFilter", Map.of("items", List.of(item), "frequencyCap", Map.of("maxPerYear", 2, "year", YEAR,
                "exemptCategories", List.of("COMPLAINT"))));
        p.put("officerCap", 4);
        p.put("teamTemplate", List.of(Map.of("allowedDepartments", List.of(lead)),
                Map.of("allowedDepartments", assisting)));
        p.put("matchingRules", Map.of("distinctDepartments", true, "avoidSameDistrict", true));
        p.put("relaxationLadder", List.of("DROP_AVOID_SAME_DISTRICT"));
        p.put("randomness", Map.of("source", "drand-quicknet", "round", 123));
        p.put("parties", List.of("organizer", "discipline-office"));
        p.put("revealDeadline", "2023-08-23T16:00:00Z");
        p.put("plannedDates", Map.of("from", "2023-09-01", "to", "2023-09-30"));
        return p;
    }
}
