package org.drledger.query.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.core.json.CanonicalJson;
import org.drledger.query.projection.LedgerRecord;
import org.drledger.query.projection.Projection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every annual-plan entry, with its business date, deadline and lateness pulled out of the payload. */
@Component
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class PlanProjection implements Projection {
    /** Plan entry type → the payload member that holds its business date. */
    static final Map<String, String> DATES = Map.of("DepartmentPlanSubmitted", "submittedOn",
            "DistrictPlanConsolidated", "consolidatedOn", "DistrictPlanApproved", "approvedOn",
            "DistrictPlanPublished", "publishedOn", "DistrictPlanFiled", "filedOn", "DistrictPlanAdjusted",
            "adjustedOn");

    private final JdbcTemplate jdbc;

    PlanProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "plans";
    }

    @Override
    public List<String> tables() {
        return List.of("qv_plan_entry");
    }

    @Override
    public void apply(LedgerRecord r) {
        String dateField = DATES.get(r.eventType());
        if (dateField == null) {
            return;
        }
        JsonNode p = r.payload();
        JsonNode late = p.get("late");
        jdbc.update("INSERT INTO qv_plan_entry (plan_year, leaf_index, entry_type, stream_id, department, version, "
                + "adjustment, event_date, deadline, late, actor_department, actor_user, recorded_at, entry_hash, "
                + "payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.get("year").asLong(),
                r.leafIndex(), r.eventType(), r.streamId(), r.text("department"), number(p, "version"),
                number(p, "adjustment"), r.text(dateField), r.text("deadline"),
                late == null || late.isNull() ? null : late.asBoolean(), r.department(), r.user(),
                r.entry().timeText(), r.entryHash(), CanonicalJson.writeString(p));
    }

    private static Long number(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? null : n.asLong();
    }
}
