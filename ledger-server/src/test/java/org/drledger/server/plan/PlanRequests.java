package org.drledger.server.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for plan endpoints, modelled on a real plan row (上高县2023: 对保健食品经营者的行政检查 …). */
final class PlanRequests {
    private PlanRequests() {
    }

    static Map<String, Object> item(String listId, int version, String code) {
        return Map.of("listId", listId, "version", version, "code", code);
    }

    /** A batch running March to November of {@code year}, 1/20 of the population, once, 2 objects. */
    static Map<String, Object> batch(int year, String batchId, String lead, List<String> assisting,
                                     List<Map<String, Object>> items) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("batchId", batchId);
        b.put("inspectingAuthority", "资阳区市场监督管理局");
        b.put("name", "对市场主体登记事项的行政检查");
        b.put("items", items);
        b.put("period", Map.of("from", year + "-03-01", "to", year + "-11-30"));
        b.put("unit", "登记注册股");
        b.put("ratio", Map.of("num", 1, "den", 20));
        b.put("frequency", 1);
        b.put("quantity", 2);
        b.put("leadDepartment", lead);
        b.put("assistingDepartments", assisting);
        return b;
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    static Map<String, Object> plan(Map<String, Object>... batches) {
        return Map.of("batches", List.of(batches));
    }
}
