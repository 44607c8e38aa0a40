package org.drledger.command.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drledger.command.department.DepartmentDirectory;
import org.drledger.command.plan.Events.DepartmentPlanSubmitted;
import org.drledger.command.plan.Events.DistrictPlanAdjusted;
import org.drledger.command.plan.Events.DistrictPlanApproved;
import org.drledger.command.plan.Events.DistrictPlanConsolidated;
import org.drledger.command.plan.Events.DistrictPlanFiled;
import org.drledger.command.plan.Events.DistrictPlanPublished;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Plan lookups kept in the appending transaction (a subscribing processor): department plan submissions and their
 * batches ({@code department_plan}, {@code department_plan_batch}), the district plan's state
 * ({@code district_plan}) and its batches as consolidated and adjusted ({@code plan_batch}), which is what tasks
 * planned from the plan refer to.
 */
@Component
@ProcessingGroup(DepartmentDirectory.GROUP)
public class PlanDirectory {
    /** A batch of the district plan with where it came from and whether an adjustment removed it. */
    public record BatchRow(String batchId, String origin, String status, PlanBatch batch) {
    }

    /** A department plan submission. */
    public record SubmissionRow(String department, int version, LocalDate submittedOn, LocalDate deadline,
                                boolean late) {
    }

    /** The district plan's state; dates are null until the act is recorded. */
    public record DistrictRow(int year, int version, LocalDate consolidatedOn, LocalDate approvedOn,
                              LocalDate publishedOn, LocalDate filedOn, int adjustments) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    PlanDirectory(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.json = mapper.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @EventHandler
    void on(DepartmentPlanSubmitted e) {
        jdbc.update("INSERT INTO department_plan (plan_year, department_id, version, submitted_on, deadline, late) "
                + "VALUES (?, ?, ?, ?, ?, ?)", e.year(), e.department(), e.version(), e.submittedOn(), e.deadline(),
                e.late());
        for (PlanBatch b : e.batches()) {
            jdbc.update("INSERT INTO department_plan_batch (plan_year, department_id, version, batch_id, batch_json) "
                    + "VALUES (?, ?, ?, ?, ?)", e.year(), e.department(), e.version(), b.batchId(), write(b));
        }
    }

    @EventHandler
    void on(DistrictPlanConsolidated e) {
        jdbc.update("DELETE FROM district_plan WHERE plan_year = ?", e.year());
        jdbc.update("INSERT INTO district_plan (plan_year, version, consolidated_on, adjustments) VALUES (?, ?, ?, 0)",
                e.year(), e.version(), e.consolidatedOn());
        jdbc.update("DELETE FROM plan_batch WHERE plan_year = ?", e.year());
        for (DepartmentPlanRef r : e.departmentPlans()) {
            List<String> batches = jdbc.queryForList("SELECT batch_json FROM department_plan_batch WHERE plan_year = ? "
                    + "AND department_id = ? AND version = ? ORDER BY batch_id", String.class, e.year(), r.department(),
                    r.version());
            for (String b : batches) {
                insertBatch(e.year(), r.stream() + "#" + r.version(), read(b));
            }
        }
        e.jointBatches().forEach(b -> insertBatch(e.year(), "joint", b));
    }

    @EventHandler
    void on(DistrictPlanApproved e) {
        jdbc.update("UPDATE district_plan SET approved_on = ? WHERE plan_year = ?", e.approvedOn(), e.year());
    }

    @EventHandler
    void on(DistrictPlanPublished e) {
        jdbc.update("UPDATE district_plan SET published_on = ? WHERE plan_year = ?", e.publishedOn(), e.year());
    }

    @EventHandler
    void on(DistrictPlanFiled e) {
        jdbc.update("UPDATE district_plan SET filed_on = ? WHERE plan_year = ?", e.filedOn(), e.year());
    }

    @EventHandler
    void on(DistrictPlanAdjusted e) {
        jdbc.update("UPDATE district_plan SET adjustments = ? WHERE plan_year = ?", e.adjustment(), e.year());
        for (String id : e.changes().removed()) {
            jdbc.update("UPDATE plan_batch SET status = 'REMOVED' WHERE plan_year = ? AND batch_id = ?", e.year(), id);
        }
        for (PlanBatch b : e.changes().changed()) {
            jdbc.update("UPDATE plan_batch SET lead_department = ?, assisting_departments = ?, items = ?, "
                            + "period_from = ?, period_to = ?, ratio_num = ?, ratio_den = ?, batch_json = ? "
                            + "WHERE plan_year = ? AND batch_id = ?", b.leadDepartment(),
                    String.join(",", b.assistingDepartments()), items(b), b.period().from(), b.period().to(),
                    b.ratio().num(), b.ratio().den(), write(b), e.year(), b.batchId());
        }
        e.changes().added().forEach(b -> insertBatch(e.year(), "adjustment:" + e.adjustment(), b));
    }

    private void insertBatch(int year, String origin, PlanBatch b) {
        jdbc.update("INSERT INTO plan_batch (plan_year, batch_id, origin, lead_department, assisting_departments, "
                        + "items, period_from, period_to, ratio_num, ratio_den, status, batch_json) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)", year, b.batchId(), origin,
                b.leadDepartment(), String.join(",", b.assistingDepartments()), items(b), b.period().from(),
                b.period().to(), b.ratio().num(), b.ratio().den(), write(b));
    }

    /** The submitted versions among {@code selections}' departments, with their batch ids. */
    public List<SubmittedPlanFact> submitted(int year, Set<String> departments) {
        List<SubmittedPlanFact> out = new ArrayList<>();
        for (String d : departments) {
            List<Integer> versions = jdbc.queryForList("SELECT version FROM department_plan WHERE plan_year = ? "
                    + "AND department_id = ? ORDER BY version", Integer.class, year, d);
            for (int v : versions) {
                out.add(new SubmittedPlanFact(d, v, jdbc.queryForList("SELECT batch_id FROM department_plan_batch "
                        + "WHERE plan_year = ? AND department_id = ? AND version = ? ORDER BY batch_id", String.class,
                        year, d, v)));
            }
        }
        return out;
    }

    public List<SubmissionRow> submissions(int year) {
        return jdbc.query("SELECT department_id, version, submitted_on, deadline, late FROM department_plan "
                        + "WHERE plan_year = ? ORDER BY department_id, version",
                (rs, n) -> new SubmissionRow(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getBoolean(5)), year);
    }

    public java.util.Optional<DistrictRow> district(int year) {
        return jdbc.query("SELECT plan_year, version, consolidated_on, approved_on, published_on, filed_on, adjustments "
                        + "FROM district_plan WHERE plan_year = ?",
                (rs, n) -> new DistrictRow(rs.getInt(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class), rs.getInt(7)), year).stream().findFirst();
    }

    public List<BatchRow> batches(int year) {
        return jdbc.query("SELECT batch_id, origin, status, batch_json FROM plan_batch WHERE plan_year = ? "
                + "ORDER BY batch_id", (rs, n) -> new BatchRow(rs.getString(1), rs.getString(2), rs.getString(3),
                read(rs.getString(4))), year);
    }

    private static String items(PlanBatch b) {
        return b.items().stream().map(i -> i.listId() + ":" + i.version() + ":" + i.code())
                .collect(Collectors.joining(","));
    }

    private String write(PlanBatch b) {
        try {
            return json.writeValueAsString(b);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write batch " + b.batchId(), e);
        }
    }

    private PlanBatch read(String s) {
        try {
            return json.readValue(s, PlanBatch.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable batch row: " + e.getMessage(), e);
        }
    }
}
