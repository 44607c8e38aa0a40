package org.drledger.query.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.core.json.CanonicalJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An annual plan folded from its entries in leaf order: department submissions (with late facts), consolidations,
 * approval, publication, filing and every adjustment (window, reason, approver, actor), and the batches in force
 * after the consolidation and after each adjustment.
 */
@Component
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
public class PlanViews {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    PlanViews(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** Where an entry is in the log and who recorded it when. */
    public record Recorded(long leafIndex, String entryHash, String actorDepartment, String actorUser,
                           String recordedAt) {
    }

    /** One plan entry: its type, business date, deadline and lateness, the payload, and where it was recorded. */
    public record Step(String type, String date, String deadline, Boolean late, Map<String, Object> payload,
                       Recorded recorded) {
    }

    /** A batch in force, with where it came from ({@code plan:<year>:<dept>#<version>}, joint, adjustment:n). */
    public record Batch(String batchId, String origin, Map<String, Object> batch) {
    }

    /** The whole year. Fields are null (or empty) where that step has not happened. */
    public record PlanYear(long year, List<Step> departmentPlans, List<Step> consolidations, Step approval,
                           Step publication, Step filing, List<Step> adjustments, List<Batch> batchesAsPublished,
                           List<Batch> batchesInForce, List<Step> timeline) {
        public boolean published() {
            return publication != null;
        }
    }

    /** Years with any plan entry, newest first; {@code publishedOnly}: only those with a published district plan. */
    public List<Long> years(boolean publishedOnly) {
        return jdbc.queryForList("SELECT DISTINCT plan_year FROM qv_plan_entry"
                + (publishedOnly ? " WHERE entry_type = 'DistrictPlanPublished'" : "") + " ORDER BY plan_year DESC",
                Long.class);
    }

    public PlanYear year(long year) {
        List<Step> all = jdbc.query("SELECT entry_type, event_date, deadline, late, payload, leaf_index, entry_hash, "
                + "actor_department, actor_user, recorded_at FROM qv_plan_entry WHERE plan_year = ? ORDER BY "
                + "leaf_index", (rs, i) -> new Step(rs.getString(1), rs.getString(2), rs.getString(3),
                (Boolean) rs.getObject(4, Boolean.class), map(CanonicalJson.parse(rs.getString(5))),
                new Recorded(rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10))),
                year);
        List<Step> submissions = new ArrayList<>();
        List<Step> consolidations = new ArrayList<>();
        List<Step> adjustments = new ArrayList<>();
        Step approval = null;
        Step publication = null;
        Step filing = null;
        List<Batch> inForce = new ArrayList<>();
        List<Batch> asPublished = List.of();
        for (Step s : all) {
            switch (s.type()) {
                case "DepartmentPlanSubmitted" -> submissions.add(s);
                case "DistrictPlanConsolidated" -> {
                    consolidations.add(s);
                    inForce = consolidated(s, submissions);
                }
                case "DistrictPlanApproved" -> approval = s;
                case "DistrictPlanPublished" -> {
                    publication = s;
                    asPublished = List.copyOf(inForce);
                }
                case "DistrictPlanFiled" -> filing = s;
                case "DistrictPlanAdjusted" -> {
                    adjustments.add(s);
                    inForce = adjusted(inForce, s);
                }
                default -> {
                }
            }
        }
        return new PlanYear(year, submissions, consolidations, approval, publication, filing, adjustments,
                asPublished, inForce, all);
    }

    /** The batches of the selected department-plan versions (those listed by id) and the joint batches. */
    @SuppressWarnings("unchecked")
    private List<Batch> consolidated(Step c, List<Step> submissions) {
        List<Batch> out = new ArrayList<>();
        for (Object o : (List<Object>) c.payload().getOrDefault("departmentPlans", List.of())) {
            Map<String, Object> ref = (Map<String, Object>) o;
            String dept = String.valueOf(ref.get("department"));
            long version = ((Number) ref.get("version")).longValue();
            Set<Object> ids = ref.get("batchIds") == null ? null : new HashSet<>((List<Object>) ref.get("batchIds"));
            for (Step s : submissions) {
                if (dept.equals(s.payload().get("department"))
                        && version == ((Number) s.payload().get("version")).longValue()) {
                    for (Object b : (List<Object>) s.payload().get("batches")) {
                        Map<String, Object> batch = (Map<String, Object>) b;
                        if (ids == null || ids.contains(batch.get("batchId"))) {
                            out.add(new Batch(String.valueOf(batch.get("batchId")),
                                    "plan:" + s.payload().get("year") + ":" + dept + "#" + version, batch));
                        }
                    }
                }
            }
        }
        for (Object b : (List<Object>) c.payload().getOrDefault("jointBatches", List.of())) {
            Map<String, Object> batch = (Map<String, Object>) b;
            out.add(new Batch(String.valueOf(batch.get("batchId")), "joint", batch));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Batch> adjusted(List<Batch> before, Step a) {
        Map<String, Object> changes = (Map<String, Object>) a.payload().getOrDefault("changes", Map.of());
        String origin = "adjustment:" + a.payload().get("adjustment");
        Set<Object> removed = new HashSet<>((List<Object>) changes.getOrDefault("removed", List.of()));
        Map<Object, Map<String, Object>> changed = new LinkedHashMap<>();
        for (Object b : (List<Object>) changes.getOrDefault("changed", List.of())) {
            changed.put(((Map<String, Object>) b).get("batchId"), (Map<String, Object>) b);
        }
        List<Batch> out = new ArrayList<>();
        for (Batch b : before) {
            if (removed.contains(b.batchId())) {
                continue;
            }
            Map<String, Object> replacement = changed.get(b.batchId());
            out.add(replacement == null ? b : new Batch(b.batchId(), origin, replacement));
        }
        for (Object b : (List<Object>) changes.getOrDefault("added", List.of())) {
            Map<String, Object> batch = (Map<String, Object>) b;
            out.add(new Batch(String.valueOf(batch.get("batchId")), origin, batch));
        }
        return out;
    }

    private Map<String, Object> map(JsonNode n) {
        return new LinkedHashMap<>(mapper.convertValue(n, MAP));
    }
}
