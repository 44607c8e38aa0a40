package org.drledger.query.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.registry.RecordedStratum;
import org.drledger.query.projection.LedgerRecord;
import org.drledger.query.projection.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tasks with their draw proofs (docs/workflow.md §4): the plan, the freeze, commitments, randomness, reveals, the draw
 * (seed, targets with tickets, teams), recusals with substitutes, manual adjustments and the void, each with its leaf
 * index; plus the public columns of both registries (names, certificate numbers), never their commitments.
 */
@Component
class TaskProjection implements Projection {
    private final JdbcTemplate jdbc;
    private final Map<String, Object[]> pendingEntities = new LinkedHashMap<>();

    TaskProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "tasks";
    }

    @Override
    public List<String> tables() {
        return List.of("qtask_change", "qtask_slot", "qtask_target", "qtask_party", "qtask_task", "qtask_officer",
                "qtask_entity");
    }

    @Override
    public void apply(LedgerRecord r) {
        switch (r.eventType()) {
            case "InspectionObjectRegistered", "InspectionObjectRevised" -> entity(r);
            case "InspectorRegistered", "InspectorRevised" -> officer(r);
            case "TaskPlanned" -> planned(r);
            case "PopulationFrozen" -> frozen(r);
            case "SeedCommitted" -> committed(r);
            case "RandomnessRecorded" -> randomness(r);
            case "SeedRevealed" -> revealed(r);
            case "RevealMissed" -> missed(r);
            case "DrawExecuted" -> drawn(r);
            case "InspectorRecused" -> recused(r);
            case "SubstituteAssigned" -> substituted(r);
            case "ManualAdjustmentRecorded" -> adjusted(r);
            case "DrawVoided" -> voided(r);
            default -> {
            }
        }
    }

    /**
     * Buffered until the end of the page (the last version of each entity in the page wins) and written in two
     * batches: a registry import brings thousands of entities per page, two round trips each otherwise. Nothing in
     * this projection reads {@code qtask_entity} while applying.
     */
    private void entity(LedgerRecord r) {
        pendingEntities.put(r.text("objectId"), new Object[]{r.text("name"), r.text("objectType"), r.text("district"),
                r.text("registryDepartment"), r.text("objectId")});
    }

    @Override
    public void endOfPage() {
        if (pendingEntities.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(pendingEntities.values());
        int[] updated = jdbc.batchUpdate("UPDATE qtask_entity SET name = ?, object_type = ?, district = ?, "
                + "registry_department = ? WHERE entity_id = ?", rows);
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        if (!missing.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO qtask_entity (name, object_type, district, registry_department, entity_id) "
                    + "VALUES (?, ?, ?, ?, ?)", missing);
        }
        pendingEntities.clear();
    }

    @Override
    public void discardPage() {
        pendingEntities.clear();
    }

    private void officer(LedgerRecord r) {
        Object[] v = {r.text("department"), r.text("name"), r.text("certificateNo"), r.text("officerId")};
        if (jdbc.update("UPDATE qtask_officer SET department = ?, name = ?, certificate_no = ? WHERE officer_id = ?",
                v) == 0) {
            jdbc.update("INSERT INTO qtask_officer (department, name, certificate_no, officer_id) VALUES (?, ?, ?, ?)",
                    v);
        }
    }

    private void planned(LedgerRecord r) {
        JsonNode p = r.payload();
        JsonNode plan = p.get("drawPlan");
        JsonNode ref = p.get("planRef");
        boolean hasRef = ref != null && !ref.isNull();
        JsonNode stratify = plan.get("stratifyBy");
        jdbc.update("INSERT INTO qtask_task (task_id, status, source, plan_year, plan_batch, ad_hoc_json, "
                        + "lead_department, assisting_json, category, items_json, draw_plan_json, plan_hash, stratify_by, "
                        + "planned_leaf, planned_at, planned_from, target_count) "
                        + "VALUES (?, 'PLANNED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                r.text("taskId"), r.text("source"), hasRef ? ref.get("year").asLong() : null,
                hasRef ? ref.get("batch").asText() : null, json(p.get("adHocApproval")), r.text("leadDepartment"),
                json(p.get("assistingDepartments")), r.text("category"), json(p.get("items")), json(plan),
                r.text("planHash"), stratify == null || stratify.isNull() ? "" : stratify.asText(), r.leafIndex(),
                r.time().toString(), plan.at("/plannedDates/from").isMissingNode() ? null
                        : plan.at("/plannedDates/from").asText());
        for (JsonNode party : plan.path("parties")) {
            jdbc.update("INSERT INTO qtask_party (task_id, party_id) VALUES (?, ?)", r.text("taskId"), party.asText());
        }
    }

    private void frozen(LedgerRecord r) {
        jdbc.update("UPDATE qtask_task SET status = 'FROZEN', freeze_json = ?, freeze_leaf = ? WHERE task_id = ?",
                json(r.payload()), r.leafIndex(), r.text("taskId"));
    }

    private void committed(LedgerRecord r) {
        jdbc.update("UPDATE qtask_party SET commitment = ?, commit_leaf = ?, committed_at = ?, commit_department = ? "
                        + "WHERE task_id = ? AND party_id = ?", r.text("commitment"), r.leafIndex(), r.time().toString(),
                r.department(), r.text("taskId"), r.text("partyId"));
        jdbc.update("UPDATE qtask_task SET status = 'COMMITTED' WHERE task_id = ?", r.text("taskId"));
    }

    private void randomness(LedgerRecord r) {
        jdbc.update("UPDATE qtask_task SET status = 'RANDOMNESS', randomness_json = ?, randomness_leaf = ? "
                + "WHERE task_id = ?", json(r.payload()), r.leafIndex(), r.text("taskId"));
    }

    private void revealed(LedgerRecord r) {
        jdbc.update("UPDATE qtask_party SET secret = ?, reveal_leaf = ?, revealed_at = ? WHERE task_id = ? "
                + "AND party_id = ?", r.text("secret"), r.leafIndex(), r.time().toString(), r.text("taskId"),
                r.text("partyId"));
    }

    private void missed(LedgerRecord r) {
        jdbc.update("UPDATE qtask_party SET missed_reason = ?, missed_leaf = ? WHERE task_id = ? AND party_id = ?",
                r.text("reason"), r.leafIndex(), r.text("taskId"), r.text("partyId"));
    }

    /**
     * A target's recorded stratum as stored: the clear stratum, or (DrawExecuted schema 2, a confidential attribute)
     * the canonical JSON of its commitment {@code {"drl:commit":hex}}, which {@link TaskViews} opens only for
     * supervisors and never shows on public pages.
     */
    static String stratum(JsonNode recorded) {
        return RecordedStratum.committed(recorded) ? new String(CanonicalJson.write(recorded),
                java.nio.charset.StandardCharsets.UTF_8) : recorded.asText();
    }

    private void drawn(LedgerRecord r) {
        JsonNode p = r.payload();
        String task = r.text("taskId");
        jdbc.update("UPDATE qtask_task SET status = 'DRAWN', seed = ?, rand = ?, strata_json = ?, draw_leaf = ?, "
                        + "drawn_at = ?, target_count = ? WHERE task_id = ?", r.text("seed"), r.text("rand"),
                json(p.get("strata")), r.leafIndex(), r.time().toString(), p.get("targets").size(), task);
        for (JsonNode c : p.path("commitments")) {
            jdbc.update("UPDATE qtask_party SET flag = ? WHERE task_id = ? AND party_id = ?",
                    c.get("revealed").asBoolean(), task, c.get("partyId").asText());
        }
        for (JsonNode t : p.get("targets")) {
            jdbc.update("INSERT INTO qtask_target (task_id, order_no, entity_id, stratum, district, ticket) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", task, t.get("order").asLong(), t.get("entityId").asText(),
                    stratum(t.get("stratum")), t.get("district").asText(), t.get("ticket").asText());
        }
        for (JsonNode team : p.get("teams")) {
            for (JsonNode s : team.get("slots")) {
                String officer = text(s, "officerId");
                String dept = text(s, "department");
                jdbc.update("INSERT INTO qtask_slot (task_id, entity_id, slot, leader, drawn_officer_id, "
                                + "drawn_department, relaxation_step, officer_id, department, changed_by) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)", task, team.get("entityId").asText(),
                        s.get("slot").asLong(), s.get("leader").asBoolean(), officer, dept,
                        s.get("relaxationStep").asLong(), officer, dept);
            }
        }
    }

    private void recused(LedgerRecord r) {
        jdbc.update("INSERT INTO qtask_change (task_id, leaf_index, kind, recusal_no, entity_id, slot, "
                        + "previous_officer_id, reason, decided_by, recorded_at, recorded_department) "
                        + "VALUES (?, ?, 'RECUSAL', ?, ?, ?, ?, ?, ?, ?, ?)", r.text("taskId"), r.leafIndex(),
                r.payload().get("recusal").asLong(), r.text("objectId"), r.payload().get("slot").asLong(),
                r.text("officerId"), r.text("reason"), r.text("decidedBy"), r.time().toString(), r.department());
    }

    private void substituted(LedgerRecord r) {
        String task = r.text("taskId");
        // the substitute completes the recusal row it answers (same task and recusal number)
        jdbc.update("UPDATE qtask_change SET officer_id = ?, department = ?, relaxation_step = ? WHERE task_id = ? "
                        + "AND kind = 'RECUSAL' AND recusal_no = ?", r.text("officerId"), r.text("department"),
                r.payload().get("relaxationStep").asLong(), task, r.payload().get("recusal").asLong());
        jdbc.update("UPDATE qtask_slot SET officer_id = ?, department = ?, changed_by = 'SUBSTITUTION' "
                        + "WHERE task_id = ? AND entity_id = ? AND slot = ?", r.text("officerId"), r.text("department"),
                task, r.text("objectId"), r.payload().get("slot").asLong());
    }

    private void adjusted(LedgerRecord r) {
        String task = r.text("taskId");
        jdbc.update("INSERT INTO qtask_change (task_id, leaf_index, kind, entity_id, slot, previous_officer_id, "
                        + "officer_id, department, reason, decided_by, recorded_at, recorded_department) "
                        + "VALUES (?, ?, 'ADJUSTMENT', ?, ?, ?, ?, ?, ?, ?, ?, ?)", task, r.leafIndex(),
                r.text("objectId"), r.payload().get("slot").asLong(), r.text("previousOfficerId"),
                r.text("officerId"), r.text("department"), r.text("reason"), r.text("approver"),
                r.time().toString(), r.department());
        jdbc.update("UPDATE qtask_slot SET officer_id = ?, department = ?, changed_by = 'ADJUSTMENT' "
                        + "WHERE task_id = ? AND entity_id = ? AND slot = ?", r.text("officerId"), r.text("department"),
                task, r.text("objectId"), r.payload().get("slot").asLong());
    }

    private void voided(LedgerRecord r) {
        jdbc.update("UPDATE qtask_task SET status = 'VOIDED', void_reason = ?, void_approver = ?, void_leaf = ? "
                + "WHERE task_id = ?", r.text("reason"), r.text("approver"), r.leafIndex(), r.text("taskId"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String json(JsonNode n) {
        return n == null || n.isNull() ? null : CanonicalJson.writeString(n);
    }
}
