package org.drledger.query.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.drledger.core.json.CanonicalJson;
import org.drledger.query.projection.LedgerRecord;
import org.drledger.query.projection.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Results per inspected item (docs/workflow.md §5): entry (revisions), review, publication with its deadline and
 * lateness as recorded, exemption, follow-ups. The findings stay out: they are a vault commitment.
 */
@Component
class ResultProjection implements Projection {
    private final JdbcTemplate jdbc;

    ResultProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "results";
    }

    @Override
    public List<String> tables() {
        return List.of("qresult_follow_up", "qresult_result");
    }

    @Override
    public void apply(LedgerRecord r) {
        switch (r.eventType()) {
            case "ResultEntered" -> entered(r);
            case "ResultReviewed" -> reviewed(r);
            case "ResultPublished" -> published(r);
            case "PublicationExemptionRecorded" -> exempted(r);
            case "FollowUpUpdated" -> followUp(r);
            default -> {
            }
        }
    }

    private Object[] key(LedgerRecord r) {
        return new Object[]{r.text("taskId"), r.text("objectId"), r.text("itemCode")};
    }

    private void entered(LedgerRecord r) {
        JsonNode p = r.payload();
        List<String> codes = new ArrayList<>();
        p.path("resultCodes").forEach(c -> codes.add(c.asText()));
        Object[] k = key(r);
        Object[] v = {r.text("department"), p.get("revision").asLong(), r.text("method"), String.join(",", codes),
                p.at("/codeTable/version").isMissingNode() ? null : p.at("/codeTable/version").asLong(),
                p.path("evidence").size(), r.text("triggerKind"), r.text("triggerDate"), r.text("deadline"),
                json(p.get("calendar")), r.text("enteredBy"), r.text("enteredOn"), r.leafIndex(), k[0], k[1], k[2]};
        if (jdbc.update("UPDATE qresult_result SET department = ?, state = 'ENTERED', revision = ?, method = ?, "
                + "result_codes = ?, code_table_version = ?, evidence_count = ?, trigger_kind = ?, trigger_date = ?, "
                + "deadline = ?, calendar_json = ?, entered_by = ?, entered_on = ?, entered_leaf = ?, "
                + "review_decision = NULL, reviewer = NULL, reviewed_on = NULL, review_reasons_json = NULL "
                + "WHERE task_id = ? AND object_id = ? AND item_code = ?", v) == 0) {
            jdbc.update("INSERT INTO qresult_result (department, state, revision, method, result_codes, "
                    + "code_table_version, evidence_count, trigger_kind, trigger_date, deadline, calendar_json, "
                    + "entered_by, entered_on, entered_leaf, task_id, object_id, item_code) "
                    + "VALUES (?, 'ENTERED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", v);
        }
        jdbc.update("DELETE FROM qresult_follow_up WHERE task_id = ? AND object_id = ? AND item_code = ?", k);
        int n = 0;
        for (JsonNode f : p.path("followUps")) {
            n++;
            jdbc.update("INSERT INTO qresult_follow_up (task_id, object_id, item_code, follow_up_no, measure, "
                            + "notified_department, referred_to, state, completed_on, updated_on) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", k[0], k[1], k[2], n, f.get("measure").asText(),
                    text(f, "notifiedDepartment"), text(f, "referredTo"), f.get("state").asText(),
                    text(f, "completedOn"), r.text("enteredOn"));
        }
    }

    private void reviewed(LedgerRecord r) {
        Object[] k = key(r);
        String decision = r.text("decision");
        jdbc.update("UPDATE qresult_result SET state = ?, review_decision = ?, reviewer = ?, reviewed_on = ?, "
                        + "review_reasons_json = ? WHERE task_id = ? AND object_id = ? AND item_code = ?",
                "APPROVED".equals(decision) ? "APPROVED" : "RETURNED", decision, r.text("reviewer"),
                r.text("reviewedOn"), json(r.payload().get("reasons")), k[0], k[1], k[2]);
    }

    private void published(LedgerRecord r) {
        Object[] k = key(r);
        jdbc.update("UPDATE qresult_result SET state = 'PUBLISHED', published_on = ?, published_by = ?, late = ?, "
                        + "working_days_late = ?, published_leaf = ?, deadline = ? WHERE task_id = ? AND object_id = ? "
                        + "AND item_code = ?", r.text("publishedOn"), r.text("publishedBy"),
                r.payload().get("late").asBoolean(), r.payload().get("workingDaysLate").asLong(), r.leafIndex(),
                r.text("deadline"), k[0], k[1], k[2]);
    }

    private void exempted(LedgerRecord r) {
        Object[] k = key(r);
        JsonNode a = r.payload().path("approval");
        jdbc.update("UPDATE qresult_result SET state = 'EXEMPTED', exemption_basis = ?, exemption_authority = ?, "
                        + "exemption_document = ?, exemption_approved_on = ?, exemption_recorded_on = ?, "
                        + "exemption_leaf = ? WHERE task_id = ? AND object_id = ? AND item_code = ?",
                r.text("legalBasis"), text(a, "authority"), text(a, "document"), text(a, "approvedOn"),
                r.text("recordedOn"), r.leafIndex(), k[0], k[1], k[2]);
    }

    private void followUp(LedgerRecord r) {
        Object[] k = key(r);
        jdbc.update("UPDATE qresult_follow_up SET state = ?, completed_on = ?, updated_on = ? WHERE task_id = ? "
                        + "AND object_id = ? AND item_code = ? AND follow_up_no = ?", r.text("state"),
                r.text("completedOn"), r.text("updatedOn"), k[0], k[1], k[2], r.payload().get("followUpNo").asLong());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String json(JsonNode n) {
        return n == null || n.isNull() ? null : CanonicalJson.writeString(n);
    }
}
