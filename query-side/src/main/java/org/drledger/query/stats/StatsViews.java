package org.drledger.query.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drledger.query.result.ResultViews;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The numbers behind the charts, from the task and result views. Rates and expectations are for looking at, not
 * ledger data, so they are decimals here.
 */
@Service
public class StatsViews {
    private final JdbcTemplate jdbc;
    private final ResultViews results;

    StatsViews(JdbcTemplate jdbc, ResultViews results) {
        this.jdbc = jdbc;
        this.results = results;
    }

    /**
     * Times drawn per registry entity (drawn, not voided tasks) against uniform sampling: task t draws n_t of its
     * population P_t, so under uniform sampling an entity in every population is drawn k times with the
     * Poisson-binomial probability of k successes with p_t = n_t / P_t; expected[k] = entities × that probability.
     * Entities outside some population (filtered, deregistered, capped) make the observed zero bar taller.
     */
    public Map<String, Object> selection(Integer year) {
        String yearFilter = year == null ? "" : " AND k.planned_from LIKE ?";
        Object[] args = year == null ? new Object[0] : new Object[]{year + "-%"};
        long entities = jdbc.queryForObject("SELECT COUNT(*) FROM qtask_entity", Long.class);
        List<Map<String, Object>> tasks = new ArrayList<>();
        List<double[]> ps = new ArrayList<>();
        jdbc.query("SELECT k.task_id, k.target_count, k.freeze_json FROM qtask_task k WHERE k.status = 'DRAWN'"
                + yearFilter + " ORDER BY k.task_id", rs -> {
                    long n = rs.getLong(2);
                    long pop = org.drledger.core.json.CanonicalJson.parse(rs.getString(3)).get("populationSize")
                            .asLong();
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("taskId", rs.getString(1));
                    t.put("targets", n);
                    t.put("population", pop);
                    tasks.add(t);
                    ps.add(new double[]{pop == 0 ? 0 : (double) n / pop});
                }, args);
        List<Long> counts = jdbc.query("SELECT COUNT(*) FROM qtask_target x JOIN qtask_task k ON k.task_id = x.task_id "
                + "WHERE k.status = 'DRAWN'" + yearFilter + " GROUP BY x.entity_id", (rs, i) -> rs.getLong(1), args);
        int max = Math.max(ps.size(), counts.stream().mapToInt(Long::intValue).max().orElse(0));
        long[] observed = new long[max + 1];
        for (long c : counts) {
            observed[(int) c]++;
        }
        observed[0] = Math.max(0, entities - counts.size());
        // Poisson-binomial by dynamic programming over the tasks
        double[] dist = new double[max + 1];
        dist[0] = 1;
        for (double[] p : ps) {
            for (int k = max; k >= 0; k--) {
                dist[k] = dist[k] * (1 - p[0]) + (k > 0 ? dist[k - 1] * p[0] : 0);
            }
        }
        List<Map<String, Object>> bins = new ArrayList<>();
        for (int k = 0; k <= max; k++) {
            bins.add(Map.of("timesDrawn", k, "observed", observed[k], "expected", entities * dist[k]));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entities", entities);
        m.put("tasks", tasks);
        m.put("bins", bins);
        return m;
    }

    /** Published on time / late, exempted, overdue and pending per inspecting department (as of today). */
    public List<Map<String, Object>> timeliness() {
        Map<String, Map<String, Object>> byDept = new LinkedHashMap<>();
        for (Map<String, Object> r : results.supervised(null, false)) {
            Map<String, Object> d = byDept.computeIfAbsent((String) r.get("department"), k -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("department", k);
                for (String s : List.of("ON_TIME", "LATE", "OVERDUE", "PENDING", "EXEMPTED")) {
                    x.put(s, 0L);
                }
                return x;
            });
            d.merge((String) r.get("timeliness"), 1L, (a, b) -> (Long) a + (Long) b);
        }
        return new ArrayList<>(byDept.values());
    }

    /**
     * Per officer: team slots held (drawn, substituted in or adjusted in), recusals and manual adjustments that took
     * them off a slot, and the rates; per organizer (lead) department: slots drawn, recusals, adjustments, rates.
     */
    public Map<String, Object> changes() {
        Map<String, Map<String, Object>> officers = new LinkedHashMap<>();
        jdbc.query("SELECT o, SUM(a), SUM(r), SUM(m) FROM ("
                + "SELECT drawn_officer_id AS o, 1 AS a, 0 AS r, 0 AS m FROM qtask_slot s JOIN qtask_task k "
                + "ON k.task_id = s.task_id WHERE k.status <> 'VOIDED' AND drawn_officer_id IS NOT NULL "
                + "UNION ALL SELECT c.officer_id, 1, 0, 0 FROM qtask_change c JOIN qtask_task k ON k.task_id = c.task_id "
                + "WHERE k.status <> 'VOIDED' AND c.officer_id IS NOT NULL "
                + "UNION ALL SELECT c.previous_officer_id, 0, CASE WHEN c.kind = 'RECUSAL' THEN 1 ELSE 0 END, "
                + "CASE WHEN c.kind = 'ADJUSTMENT' THEN 1 ELSE 0 END FROM qtask_change c JOIN qtask_task k "
                + "ON k.task_id = c.task_id WHERE k.status <> 'VOIDED' AND c.previous_officer_id IS NOT NULL"
                + ") x GROUP BY o ORDER BY o", rs -> {
                    officers.put(rs.getString(1), rates(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                });
        List<Map<String, Object>> officerList = new ArrayList<>();
        for (Map<String, Object> o : officers.values()) {
            List<Map<String, Object>> named = jdbc.queryForList("SELECT name, department FROM qtask_officer "
                    + "WHERE officer_id = ?", (String) o.get("id"));
            o.put("name", named.isEmpty() ? null : named.get(0).get("name"));
            o.put("department", named.isEmpty() ? null : named.get(0).get("department"));
            officerList.add(o);
        }
        List<Map<String, Object>> organizers = jdbc.query("SELECT k.lead_department, "
                + "(SELECT COUNT(*) FROM qtask_slot s JOIN qtask_task t ON t.task_id = s.task_id WHERE "
                + "t.lead_department = k.lead_department AND t.status <> 'VOIDED'), "
                + "(SELECT COUNT(*) FROM qtask_change c JOIN qtask_task t ON t.task_id = c.task_id WHERE "
                + "t.lead_department = k.lead_department AND t.status <> 'VOIDED' AND c.kind = 'RECUSAL'), "
                + "(SELECT COUNT(*) FROM qtask_change c JOIN qtask_task t ON t.task_id = c.task_id WHERE "
                + "t.lead_department = k.lead_department AND t.status <> 'VOIDED' AND c.kind = 'ADJUSTMENT') "
                + "FROM qtask_task k GROUP BY k.lead_department ORDER BY k.lead_department",
                (rs, i) -> rates(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        return Map.of("officers", officerList, "organizers", organizers);
    }

    private static Map<String, Object> rates(String id, long slots, long recusals, long adjustments) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("slots", slots);
        m.put("recusals", recusals);
        m.put("adjustments", adjustments);
        m.put("recusalRate", slots == 0 ? 0.0 : (double) recusals / slots);
        m.put("adjustmentRate", slots == 0 ? 0.0 : (double) adjustments / slots);
        return m;
    }
}
