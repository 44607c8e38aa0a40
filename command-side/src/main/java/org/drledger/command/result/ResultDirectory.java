package org.drledger.command.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drledger.command.department.DepartmentDirectory;
import org.drledger.command.result.Events.FollowUpUpdated;
import org.drledger.command.result.Events.PublicationExemptionRecorded;
import org.drledger.command.result.Events.ResultEntered;
import org.drledger.command.result.Events.ResultPublished;
import org.drledger.command.result.Events.ResultReviewed;
import org.drledger.core.calendar.CalendarRef;
import org.drledger.core.entry.Commitments;
import org.drledger.core.result.ResultCodeTableRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Results as the command side authorizes and supervises them ({@code inspection_result},
 * {@code inspection_follow_up}), kept in the appending transaction: who owns a result, its state, and the
 * publication facts (trigger, deadline, published-on, late, exemption) the overdue listing reads.
 */
@Component
@ProcessingGroup(DepartmentDirectory.GROUP)
public class ResultDirectory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "task_id, object_id, item_code, department, status, revision, method, "
            + "result_codes, code_table_id, code_table_version, code_table_sha256, findings_commitment, evidence, "
            + "entered_by, entered_on, trigger_kind, trigger_date, deadline, calendar_id, calendar_version, "
            + "calendar_sha256, review_decision, review_reasons, reviewer, reviewed_on, published_on, published_by, "
            + "late, working_days_late, exempted, exemption_legal_basis, exemption_authority, exemption_document, "
            + "exemption_approved_on, exemption_recorded_on";
    private static final String KEY = " WHERE task_id = ? AND object_id = ? AND item_code = ?";

    /** A result's current state (the latest revision). */
    public record ResultRow(String taskId, String objectId, String itemCode, String department, String status,
                            int revision, InspectionMethod method, List<String> resultCodes,
                            ResultCodeTableRef codeTable, String findingsCommitment, List<String> evidence,
                            String enteredBy, LocalDate enteredOn, TriggerKind triggerKind, LocalDate triggerDate,
                            LocalDate deadline, CalendarRef calendar, ReviewDecision reviewDecision,
                            List<String> reviewReasons, String reviewer, LocalDate reviewedOn, LocalDate publishedOn,
                            String publishedBy, Boolean late, Integer workingDaysLate, boolean exempted,
                            String exemptionLegalBasis, HigherApproval exemptionApproval,
                            LocalDate exemptionRecordedOn) {
    }

    public record FollowUpRow(int followUpNo, FollowUpMeasure measure, String notifiedDepartment, String referredTo,
                              FollowUpState state, LocalDate completedOn) {
    }

    private final JdbcTemplate jdbc;

    ResultDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ResultEntered e) {
        Object[] values = {e.department(), "ENTERED", e.revision(), e.method().name(),
                String.join(",", e.resultCodes()), e.codeTable().tableId(), e.codeTable().version(),
                e.codeTable().sha256(), commitment(e), String.join(",", e.evidence()), e.enteredBy(), e.enteredOn(),
                e.triggerKind().name(), e.triggerDate(), e.deadline(), e.calendar().calendarId(),
                e.calendar().version(), e.calendar().sha256(), e.taskId(), e.objectId(), e.itemCode()};
        int n = jdbc.update("UPDATE inspection_result SET department = ?, status = ?, revision = ?, method = ?, "
                + "result_codes = ?, code_table_id = ?, code_table_version = ?, code_table_sha256 = ?, "
                + "findings_commitment = ?, evidence = ?, entered_by = ?, entered_on = ?, trigger_kind = ?, "
                + "trigger_date = ?, deadline = ?, calendar_id = ?, calendar_version = ?, calendar_sha256 = ?, "
                + "review_decision = NULL, review_reasons = NULL, reviewer = NULL, reviewed_on = NULL" + KEY, values);
        if (n == 0) {
            jdbc.update("INSERT INTO inspection_result (department, status, revision, method, result_codes, "
                    + "code_table_id, code_table_version, code_table_sha256, findings_commitment, evidence, entered_by, "
                    + "entered_on, trigger_kind, trigger_date, deadline, calendar_id, calendar_version, calendar_sha256, "
                    + "task_id, object_id, item_code, exempted) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)", values);
        }
        jdbc.update("DELETE FROM inspection_follow_up" + KEY, e.taskId(), e.objectId(), e.itemCode());
        for (int i = 0; i < e.followUps().size(); i++) {
            FollowUp f = e.followUps().get(i);
            jdbc.update("INSERT INTO inspection_follow_up (task_id, object_id, item_code, follow_up_no, measure, "
                    + "notified_department, referred_to, state, completed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    e.taskId(), e.objectId(), e.itemCode(), i + 1, f.measure().name(), f.notifiedDepartment(),
                    f.referredTo(), f.state().name(), f.completedOn());
        }
    }

    @EventHandler
    void on(ResultReviewed e) {
        jdbc.update("UPDATE inspection_result SET status = ?, review_decision = ?, review_reasons = ?, reviewer = ?, "
                + "reviewed_on = ?" + KEY, e.decision() == ReviewDecision.APPROVED ? "APPROVED" : "RETURNED",
                e.decision().name(), json(e.reasons()), e.reviewer(), e.reviewedOn(), e.taskId(), e.objectId(),
                e.itemCode());
    }

    @EventHandler
    void on(ResultPublished e) {
        jdbc.update("UPDATE inspection_result SET status = 'PUBLISHED', published_on = ?, published_by = ?, late = ?, "
                + "working_days_late = ?" + KEY, e.publishedOn(), e.publishedBy(), e.late(), e.workingDaysLate(),
                e.taskId(), e.objectId(), e.itemCode());
    }

    @EventHandler
    void on(PublicationExemptionRecorded e) {
        jdbc.update("UPDATE inspection_result SET status = 'EXEMPTED', exempted = TRUE, exemption_legal_basis = ?, "
                + "exemption_authority = ?, exemption_document = ?, exemption_approved_on = ?, "
                + "exemption_recorded_on = ?" + KEY, e.legalBasis(), e.approval().authority(),
                e.approval().document(), e.approval().approvedOn(), e.recordedOn(), e.taskId(), e.objectId(),
                e.itemCode());
    }

    @EventHandler
    void on(FollowUpUpdated e) {
        jdbc.update("UPDATE inspection_follow_up SET state = ?, completed_on = ?" + KEY + " AND follow_up_no = ?",
                e.state().name(), e.completedOn(), e.taskId(), e.objectId(), e.itemCode(), e.followUpNo());
    }

    public Optional<ResultRow> find(String taskId, String objectId, String itemCode) {
        return jdbc.query("SELECT " + COLUMNS + " FROM inspection_result" + KEY, ResultDirectory::row, taskId,
                objectId, itemCode).stream().findFirst();
    }

    public List<FollowUpRow> followUps(String taskId, String objectId, String itemCode) {
        return jdbc.query("SELECT follow_up_no, measure, notified_department, referred_to, state, completed_on "
                + "FROM inspection_follow_up" + KEY + " ORDER BY follow_up_no", (rs, i) -> new FollowUpRow(
                rs.getInt(1), FollowUpMeasure.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                FollowUpState.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class)), taskId, objectId, itemCode);
    }

    /**
     * Results past their deadline and neither published nor exempted as of {@code asOf} (publication on the
     * deadline day is still on time), ordered by deadline; {@code department} null for all departments.
     */
    public List<ResultRow> overdue(LocalDate asOf, String department) {
        String sql = "SELECT " + COLUMNS + " FROM inspection_result WHERE published_on IS NULL AND exempted = FALSE "
                + "AND deadline < ?" + (department == null ? "" : " AND department = ?")
                + " ORDER BY deadline, task_id, object_id, item_code";
        return department == null ? jdbc.query(sql, ResultDirectory::row, asOf)
                : jdbc.query(sql, ResultDirectory::row, asOf, department);
    }

    private static ResultRow row(ResultSet rs, int i) throws SQLException {
        String decision = rs.getString("review_decision");
        String authority = rs.getString("exemption_authority");
        return new ResultRow(rs.getString("task_id"), rs.getString("object_id"), rs.getString("item_code"),
                rs.getString("department"), rs.getString("status"), rs.getInt("revision"),
                InspectionMethod.valueOf(rs.getString("method")), split(rs.getString("result_codes")),
                new ResultCodeTableRef(rs.getString("code_table_id"), rs.getInt("code_table_version"),
                        rs.getString("code_table_sha256")), rs.getString("findings_commitment"),
                split(rs.getString("evidence")), rs.getString("entered_by"),
                rs.getObject("entered_on", LocalDate.class), TriggerKind.valueOf(rs.getString("trigger_kind")),
                rs.getObject("trigger_date", LocalDate.class), rs.getObject("deadline", LocalDate.class),
                new CalendarRef(rs.getString("calendar_id"), rs.getInt("calendar_version"),
                        rs.getString("calendar_sha256")),
                decision == null ? null : ReviewDecision.valueOf(decision), strings(rs.getString("review_reasons")),
                rs.getString("reviewer"), rs.getObject("reviewed_on", LocalDate.class),
                rs.getObject("published_on", LocalDate.class), rs.getString("published_by"),
                rs.getObject("late", Boolean.class), rs.getObject("working_days_late", Integer.class),
                rs.getBoolean("exempted"), rs.getString("exemption_legal_basis"),
                authority == null ? null : new HigherApproval(authority, rs.getString("exemption_document"),
                        rs.getObject("exemption_approved_on", LocalDate.class)),
                rs.getObject("exemption_recorded_on", LocalDate.class));
    }

    private static String commitment(ResultEntered e) {
        return e.findings() == null ? null : e.findings().get(Commitments.FIELD).asText();
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inspection_result.review_reasons is not a JSON array", e);
        }
    }
}
