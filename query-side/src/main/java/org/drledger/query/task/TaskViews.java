package org.drledger.query.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drledger.command.vault.Vault;
import org.drledger.core.entry.Commitments;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.registry.RecordedStratum;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads the task views as plain maps and lists (JSON for the API, the same objects for the pages). The public form
 * ({@code publicView}) leaves out what §8 of the domain reference keeps private: a target's stratum when the plan
 * stratifies by a confidential attribute (the credit risk class). Names, certificate numbers and units of officers
 * may appear; ID numbers and phones are never in these tables.
 */
@Service
public class TaskViews {
    /** drand quicknet's chain hash: the public URL of a round is {@code https://api.drand.sh/<chain>/public/<round>}. */
    static final String QUICKNET = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final ObjectProvider<Vault> vault;

    TaskViews(JdbcTemplate jdbc, ObjectProvider<Vault> vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /** Task summaries, newest first; {@code department} (null: all) matches the lead or an assisting department. */
    public List<Map<String, Object>> list(String department) {
        String where = department == null ? "" : " WHERE lead_department = ? OR assisting_json LIKE ?";
        Object[] args = department == null ? new Object[0] : new Object[]{department, "%\"" + department + "\"%"};
        return jdbc.query("SELECT task_id, status, source, plan_year, plan_batch, lead_department, assisting_json, "
                + "category, items_json, planned_at, planned_from, target_count, drawn_at FROM qtask_task" + where
                + " ORDER BY planned_leaf DESC", (rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("taskId", rs.getString("task_id"));
                    m.put("status", rs.getString("status"));
                    m.put("source", rs.getString("source"));
                    m.put("planRef", rs.getString("plan_batch") == null ? null
                            : Map.of("year", rs.getLong("plan_year"), "batch", rs.getString("plan_batch")));
                    m.put("leadDepartment", rs.getString("lead_department"));
                    m.put("assistingDepartments", value(rs.getString("assisting_json")));
                    m.put("category", rs.getString("category"));
                    m.put("items", value(rs.getString("items_json")));
                    m.put("plannedAt", rs.getString("planned_at"));
                    m.put("plannedFrom", rs.getString("planned_from"));
                    m.put("targets", rs.getLong("target_count"));
                    m.put("drawnAt", rs.getString("drawn_at"));
                    return m;
                }, args);
    }

    /** Whether {@code department} leads or assists the task. */
    public boolean involves(String taskId, String department) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM qtask_task WHERE task_id = ? AND (lead_department = ? "
                + "OR assisting_json LIKE ?)", Integer.class, taskId, department, "%\"" + department + "\"%");
        return n != null && n > 0;
    }

    /** The task with its draw proof, step by step. */
    public Optional<Map<String, Object>> proof(String taskId, boolean publicView) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM qtask_task WHERE task_id = ?", taskId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> t = lower(rows.get(0));
        boolean confidentialStrata = RecordedStratum.confidential((String) t.get("stratify_by"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", taskId);
        m.put("status", t.get("status"));
        m.put("source", t.get("source"));
        m.put("planRef", t.get("plan_batch") == null ? null
                : Map.of("year", t.get("plan_year"), "batch", t.get("plan_batch")));
        m.put("adHocApproval", value((String) t.get("ad_hoc_json")));
        m.put("leadDepartment", t.get("lead_department"));
        m.put("assistingDepartments", value((String) t.get("assisting_json")));
        m.put("category", t.get("category"));
        m.put("items", value((String) t.get("items_json")));
        JsonNode plan = CanonicalJson.parse((String) t.get("draw_plan_json"));
        Map<String, Object> planned = new LinkedHashMap<>();
        planned.put("leaf", t.get("planned_leaf"));
        planned.put("at", t.get("planned_at"));
        planned.put("planHash", t.get("plan_hash"));
        planned.put("stratifyBy", t.get("stratify_by"));
        planned.put("strataConfidential", confidentialStrata);
        planned.put("drawPlan", JSON.convertValue(plan, Object.class));
        m.put("plan", planned);

        if (t.get("freeze_json") != null) {
            Map<String, Object> freeze = new LinkedHashMap<>(asMap((String) t.get("freeze_json")));
            freeze.remove("taskId");
            freeze.put("leaf", t.get("freeze_leaf"));
            m.put("freeze", freeze);
        }
        List<Map<String, Object>> commitments = new ArrayList<>();
        List<Map<String, Object>> reveals = new ArrayList<>();
        List<Map<String, Object>> missed = new ArrayList<>();
        jdbc.query("SELECT * FROM qtask_party WHERE task_id = ? ORDER BY party_id", rs -> {
            if (rs.getString("commitment") != null) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("partyId", rs.getString("party_id"));
                c.put("commitment", rs.getString("commitment"));
                c.put("department", rs.getString("commit_department"));
                c.put("leaf", rs.getLong("commit_leaf"));
                c.put("at", rs.getString("committed_at"));
                commitments.add(c);
            }
            Boolean flag = (Boolean) rs.getObject("flag");
            if (rs.getString("secret") != null) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("partyId", rs.getString("party_id"));
                r.put("secret", rs.getString("secret"));
                r.put("leaf", rs.getLong("reveal_leaf"));
                r.put("at", rs.getString("revealed_at"));
                r.put("counted", flag);
                reveals.add(r);
            }
            if (rs.getString("missed_reason") != null) {
                missed.add(Map.of("partyId", rs.getString("party_id"), "reason", rs.getString("missed_reason"),
                        "leaf", rs.getLong("missed_leaf")));
            }
        }, taskId);
        m.put("commitments", commitments);
        if (t.get("randomness_json") != null) {
            Map<String, Object> r = new LinkedHashMap<>(asMap((String) t.get("randomness_json")));
            r.remove("taskId");
            r.put("leaf", t.get("randomness_leaf"));
            r.put("checkUrl", "cwl-ssq".equals(r.get("source")) ? "https://www.cwl.gov.cn/ygkj/wqkjgg/ssq/"
                    : "https://api.drand.sh/" + QUICKNET + "/public/" + r.get("round"));
            m.put("randomness", r);
        }
        m.put("reveals", reveals);
        m.put("missedReveals", missed);

        if (t.get("draw_leaf") != null) {
            Map<String, Object> draw = new LinkedHashMap<>();
            draw.put("leaf", t.get("draw_leaf"));
            draw.put("at", t.get("drawn_at"));
            draw.put("seed", t.get("seed"));
            draw.put("rand", t.get("rand"));
            draw.put("strata", value((String) t.get("strata_json")));
            draw.put("targets", jdbc.query("SELECT t.order_no, t.entity_id, t.stratum, t.district, t.ticket, e.name "
                    + "FROM qtask_target t LEFT JOIN qtask_entity e ON e.entity_id = t.entity_id WHERE t.task_id = ? "
                    + "ORDER BY t.order_no", (rs, i) -> {
                        Map<String, Object> x = new LinkedHashMap<>();
                        x.put("order", rs.getLong(1));
                        x.put("entityId", rs.getString(2));
                        x.put("entityName", rs.getString(6));
                        Stratum st = stratum(rs.getString(3), publicView && confidentialStrata);
                        x.put("stratum", st.value());
                        if (st.commitment() != null) {
                            x.put("stratumCommitment", st.commitment());
                        }
                        x.put("district", rs.getString(4));
                        x.put("ticket", rs.getString(5));
                        return x;
                    }, taskId));
            List<String> ladder = new ArrayList<>();
            plan.path("relaxationLadder").forEach(n -> ladder.add(n.asText()));
            Map<String, Map<String, Object>> teams = new LinkedHashMap<>();
            List<Map<String, Object>> unfilled = new ArrayList<>();
            jdbc.query("SELECT s.entity_id, s.slot, s.leader, s.drawn_officer_id, s.drawn_department, "
                    + "s.relaxation_step, s.officer_id, s.department, s.changed_by, e.name, o.name, o.certificate_no, "
                    + "d.name, d.certificate_no FROM qtask_slot s JOIN qtask_target t ON t.task_id = s.task_id AND "
                    + "t.entity_id = s.entity_id LEFT JOIN qtask_entity e ON e.entity_id = s.entity_id "
                    + "LEFT JOIN qtask_officer o ON o.officer_id = s.officer_id "
                    + "LEFT JOIN qtask_officer d ON d.officer_id = s.drawn_officer_id "
                    + "WHERE s.task_id = ? ORDER BY t.order_no, s.slot", rs -> {
                        Map<String, Object> team = teams.computeIfAbsent(rs.getString(1), k -> {
                            Map<String, Object> x = new LinkedHashMap<>();
                            x.put("entityId", k);
                            x.put("entityName", null);
                            x.put("slots", new ArrayList<Map<String, Object>>());
                            return x;
                        });
                        team.put("entityName", rs.getString(10));
                        Map<String, Object> s = new LinkedHashMap<>();
                        s.put("slot", rs.getLong(2));
                        s.put("leader", rs.getBoolean(3));
                        s.put("officerId", rs.getString(7));
                        s.put("officerName", rs.getString(11));
                        s.put("certificateNo", rs.getString(12));
                        s.put("department", rs.getString(8));
                        int step = rs.getInt(6);
                        s.put("relaxationStep", step);
                        s.put("relaxations", ladder.subList(0, Math.min(step, ladder.size())));
                        s.put("changedBy", rs.getString(9));
                        s.put("drawnOfficerId", rs.getString(4));
                        s.put("drawnOfficerName", rs.getString(13));
                        s.put("drawnCertificateNo", rs.getString(14));
                        s.put("drawnDepartment", rs.getString(5));
                        @SuppressWarnings("unchecked")
                        List<Map<String, Object>> slots = (List<Map<String, Object>>) team.get("slots");
                        slots.add(s);
                        if (rs.getString(4) == null) {
                            unfilled.add(Map.of("entityId", rs.getString(1), "slot", rs.getLong(2)));
                        }
                    }, taskId);
            draw.put("teams", new ArrayList<>(teams.values()));
            draw.put("unfilled", unfilled);
            m.put("draw", draw);
        }
        List<Map<String, Object>> recusals = new ArrayList<>();
        List<Map<String, Object>> adjustments = new ArrayList<>();
        jdbc.query("SELECT c.*, p.name AS previous_name, p.certificate_no AS previous_cert, o.name AS officer_name, "
                + "o.certificate_no AS officer_cert FROM qtask_change c "
                + "LEFT JOIN qtask_officer p ON p.officer_id = c.previous_officer_id "
                + "LEFT JOIN qtask_officer o ON o.officer_id = c.officer_id WHERE c.task_id = ? ORDER BY c.leaf_index",
                rs -> {
                    Map<String, Object> c = new LinkedHashMap<>();
                    boolean recusal = rs.getString("kind").equals("RECUSAL");
                    if (recusal) {
                        c.put("recusal", rs.getLong("recusal_no"));
                    }
                    c.put("entityId", rs.getString("entity_id"));
                    c.put("slot", rs.getLong("slot"));
                    c.put(recusal ? "recusedOfficerId" : "previousOfficerId", rs.getString("previous_officer_id"));
                    c.put(recusal ? "recusedOfficerName" : "previousOfficerName", rs.getString("previous_name"));
                    c.put(recusal ? "recusedCertificateNo" : "previousCertificateNo", rs.getString("previous_cert"));
                    c.put(recusal ? "substituteOfficerId" : "officerId", rs.getString("officer_id"));
                    c.put(recusal ? "substituteOfficerName" : "officerName", rs.getString("officer_name"));
                    c.put(recusal ? "substituteCertificateNo" : "certificateNo", rs.getString("officer_cert"));
                    c.put("department", rs.getString("department"));
                    if (recusal) {
                        c.put("relaxationStep", rs.getObject("relaxation_step"));
                    } else {
                        c.put("nonRandom", true);
                    }
                    c.put("reason", rs.getString("reason"));
                    c.put(recusal ? "decidedBy" : "approver", rs.getString("decided_by"));
                    c.put("recordedBy", rs.getString("recorded_department"));
                    c.put("leaf", rs.getLong("leaf_index"));
                    c.put("at", rs.getString("recorded_at"));
                    (recusal ? recusals : adjustments).add(c);
                }, taskId);
        m.put("recusals", recusals);
        m.put("adjustments", adjustments);
        if (t.get("void_leaf") != null) {
            m.put("voided", Map.of("reason", t.get("void_reason"), "approver", t.get("void_approver"),
                    "leaf", t.get("void_leaf")));
        }
        return Optional.of(m);
    }

    /** A target's stratum as shown: the value (null when hidden or unopenable) and its commitment, if committed. */
    private record Stratum(String value, String commitment) {
    }

    /**
     * The public never sees a confidential stratum, only its commitment (which the public ledger carries anyway);
     * supervisors see it opened from the vault (a draw recorded under schema 1 stored the clear value).
     */
    private Stratum stratum(String stored, boolean hidden) {
        String commitment = null;
        if (stored.startsWith("{\"" + Commitments.FIELD + "\":")) { // TaskProjection.stratum
            commitment = RecordedStratum.commitment(CanonicalJson.parse(stored.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (hidden) {
            return new Stratum(null, commitment);
        }
        if (commitment == null) {
            return new Stratum(stored, null);
        }
        Vault v = vault.getIfAvailable();
        return new Stratum(v == null ? null : v.open(commitment).map(JsonNode::asText).orElse(null), commitment);
    }

    private static Map<String, Object> lower(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return out;
    }

    static Object value(String json) {
        return json == null ? null : JSON.convertValue(CanonicalJson.parse(json), Object.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(String json) {
        return (Map<String, Object>) value(json);
    }
}
