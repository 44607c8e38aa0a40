package org.drledger.server.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drledger.server.checklist.SeedItems;

/** Request bodies of the 2023 district year: plan items, joint checklist items and plan batches. */
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
}
