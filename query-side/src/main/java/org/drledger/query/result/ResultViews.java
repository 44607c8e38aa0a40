package org.drledger.query.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drledger.command.support.BusinessDates;
import org.drledger.core.calendar.WorkingDayCalendar;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.result.ResultCodeTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads results with their timeliness: {@code ON_TIME} / {@code LATE} (published, as recorded), {@code EXEMPTED},
 * {@code OVERDUE} (neither published nor exempted and past the deadline as of today, publication on the deadline day
 * being on time) or {@code PENDING}. Public reads return published results only, with the 公示 fields: codes with
 * labels, the inspecting department, dates and lateness; never the findings or the reviewers' reasons.
 */
@Service
public class ResultViews {
    private static final String SELECT = "SELECT r.*, e.name AS entity_name FROM qresult_result r "
            + "LEFT JOIN qtask_entity e ON e.entity_id = r.object_id";

    private final JdbcTemplate jdbc;
    private final BusinessDates dates;

    ResultViews(JdbcTemplate jdbc, BusinessDates dates) {
        this.jdbc = jdbc;
        this.dates = dates;
    }

    public LocalDate today() {
        return dates.today();
    }

    /** Published results, optionally of one task and/or one entity, newest publication first. */
    public List<Map<String, Object>> published(String taskId, String objectId) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE r.state = 'PUBLISHED'");
        List<Object> args = new ArrayList<>();
        if (taskId != null) {
            sql.append(" AND r.task_id = ?");
            args.add(taskId);
        }
        if (objectId != null) {
            sql.append(" AND r.object_id = ?");
            args.add(objectId);
        }
        sql.append(" ORDER BY r.published_on DESC, r.task_id, r.object_id, r.item_code");
        return jdbc.query(sql.toString(), (rs, i) -> publicRow(rs), args.toArray());
    }

    /** One published result (all its items) of a task at an entity. */
    public List<Map<String, Object>> published(String taskId, String objectId, boolean withFollowUps) {
        List<Map<String, Object>> rows = published(taskId, objectId);
        if (withFollowUps) {
            for (Map<String, Object> r : rows) {
                r.put("followUps", followUps(taskId, objectId, (String) r.get("itemCode")));
            }
        }
        return rows;
    }

    /**
     * Every result (of {@code department}, or all when null) with its timeliness as of today; {@code overdueOnly}
     * keeps the unpublished ones past their deadline.
     */
    public List<Map<String, Object>> supervised(String department, boolean overdueOnly) {
        LocalDate today = today();
        StringBuilder sql = new StringBuilder(SELECT + " WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (department != null) {
            sql.append(" AND r.department = ?");
            args.add(department);
        }
        if (overdueOnly) {
            sql.append(" AND r.state NOT IN ('PUBLISHED', 'EXEMPTED') AND r.deadline < ?");
            args.add(today.toString());
        }
        sql.append(" ORDER BY r.department, r.deadline, r.task_id, r.object_id, r.item_code");
        return jdbc.query(sql.toString(), (rs, i) -> {
            Map<String, Object> m = publicRow(rs);
            m.put("state", rs.getString("state"));
            m.put("revision", rs.getLong("revision"));
            m.put("enteredBy", rs.getString("entered_by"));
            m.put("enteredOn", rs.getString("entered_on"));
            m.put("reviewDecision", rs.getString("review_decision"));
            m.put("reviewer", rs.getString("reviewer"));
            m.put("reviewedOn", rs.getString("reviewed_on"));
            m.put("evidenceCount", rs.getLong("evidence_count"));
            String deadline = rs.getString("deadline");
            String state = rs.getString("state");
            String timeliness = timeliness(state, rs.getObject("late"), deadline, today);
            m.put("timeliness", timeliness);
            if (timeliness.equals("OVERDUE")) {
                LocalDate d = LocalDate.parse(deadline);
                m.put("daysOverdue", ChronoUnit.DAYS.between(d, today));
                WorkingDayCalendar cal = calendar(rs.getString("calendar_json"));
                m.put("workingDaysOverdue", cal.covers(d) && cal.covers(today) ? cal.workingDaysBetween(d, today)
                        : null);
            }
            if (state.equals("EXEMPTED")) {
                m.put("exemption", Map.of("legalBasis", rs.getString("exemption_basis"), "authority",
                        rs.getString("exemption_authority"), "document", rs.getString("exemption_document"),
                        "approvedOn", rs.getString("exemption_approved_on")));
            }
            m.put("followUps", followUps(rs.getString("task_id"), rs.getString("object_id"),
                    rs.getString("item_code")));
            return m;
        }, args.toArray());
    }

    static String timeliness(String state, Object late, String deadline, LocalDate today) {
        return switch (state) {
            case "PUBLISHED" -> Boolean.TRUE.equals(late) ? "LATE" : "ON_TIME";
            case "EXEMPTED" -> "EXEMPTED";
            default -> deadline != null && deadline.compareTo(today.toString()) < 0 ? "OVERDUE" : "PENDING";
        };
    }

    /** The department that entered a result, if any. */
    public Optional<String> departmentOf(String taskId, String objectId) {
        return jdbc.queryForList("SELECT department FROM qresult_result WHERE task_id = ? AND object_id = ?",
                String.class, taskId, objectId).stream().findFirst();
    }

    private List<Map<String, Object>> followUps(String taskId, String objectId, String itemCode) {
        return jdbc.query("SELECT follow_up_no, measure, notified_department, referred_to, state, completed_on "
                + "FROM qresult_follow_up WHERE task_id = ? AND object_id = ? AND item_code = ? ORDER BY follow_up_no",
                (rs, i) -> {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("followUpNo", rs.getLong(1));
                    f.put("measure", rs.getString(2));
                    f.put("notifiedDepartment", rs.getString(3));
                    f.put("referredTo", rs.getString(4));
                    f.put("state", rs.getString(5));
                    f.put("completedOn", rs.getString(6));
                    return f;
                }, taskId, objectId, itemCode);
    }

    private static Map<String, Object> publicRow(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", rs.getString("task_id"));
        m.put("objectId", rs.getString("object_id"));
        m.put("entityName", rs.getString("entity_name"));
        m.put("itemCode", rs.getString("item_code"));
        m.put("department", rs.getString("department"));
        m.put("method", rs.getString("method"));
        long version = rs.getLong("code_table_version");
        ResultCodeTable table = ResultCodeTable.builtIn(version == 0 ? ResultCodeTable.LATEST_VERSION : (int) version);
        List<Map<String, Object>> codes = new ArrayList<>();
        for (String c : rs.getString("result_codes").split(",")) {
            if (!c.isEmpty()) {
                codes.add(Map.of("code", c, "label", table.label(c)));
            }
        }
        m.put("resultCodes", codes);
        m.put("triggerKind", rs.getString("trigger_kind"));
        m.put("triggerDate", rs.getString("trigger_date"));
        m.put("deadline", rs.getString("deadline"));
        m.put("publishedOn", rs.getString("published_on"));
        Object late = rs.getObject("late");
        m.put("late", late);
        m.put("workingDaysLate", late == null ? null : rs.getLong("working_days_late"));
        m.put("publishedLeaf", rs.getObject("published_leaf"));
        return m;
    }

    private static WorkingDayCalendar calendar(String json) {
        if (json == null) {
            return WorkingDayCalendar.prc();
        }
        JsonNode ref = CanonicalJson.parse(json);
        return ref.has("version") ? WorkingDayCalendar.prc(ref.get("version").asInt()) : WorkingDayCalendar.prc();
    }
}
