package org.drledger.server.plan;

import org.drledger.server.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.drledger.server.checklist.ProblemChecks.problem;
import static org.drledger.server.plan.PlanRequests.batch;
import static org.drledger.server.plan.PlanRequests.item;
import static org.drledger.server.plan.PlanRequests.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.server.checklist.SeedItems;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.ServerTestSupport;
import org.drledger.server.testing.TestDatabases;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The adjustment window's length is {@code ledger.plan.adjustment-window-days}: here 10 days, 22–31 March. */
@Import(MutableClockConfiguration.class)
@TestPropertySource(properties = "ledger.plan.adjustment-window-days=10")
class ConfiguredAdjustmentWindowTest extends ServerTestSupport {
    private static final int YEAR = 2035;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Autowired
    MutableClock clock;

    @Test
    void theConfiguredWindowDecidesWhenThePlanIsAdjusted() {
        clock.setToday(LocalDate.of(YEAR - 1, 12, 10));
        String dept = department();
        TestUsers.Credentials clerk = user(dept, Role.DEPT_CLERK);
        TestUsers.Credentials approver = user(dept, Role.DEPT_APPROVER);
        String list = unique("list");
        ok(http.post("/api/checklists", clerk, Map.of("listId", list, "ownerDepartment", dept, "kind", "DEPARTMENT",
                "title", "清单")), 201);
        ok(http.post("/api/checklists/" + list + "/items", clerk, SeedItems.item("A01-01")), 200);
        ok(http.post("/api/checklists/" + list + "/publish", approver, null), 200);
        ok(http.post("/api/plans/" + YEAR + "/departments/" + dept, approver, plan(batch(YEAR, "d-01", dept,
                List.of(), List.of(item(list, 1, "A01-01"))))), 201);

        String district = "/api/plans/" + YEAR + "/district";
        clock.setToday(LocalDate.of(YEAR, 1, 20));
        ok(http.post(district + "/consolidation", admin, Map.of("departmentPlans",
                List.of(Map.of("department", dept, "version", 1)))), 200);
        ok(http.post(district + "/approval", admin, Map.of("document", "资政函〔2035〕1号", "approvedOn",
                YEAR + "-01-20")), 200);
        ok(http.post(district + "/publication", admin, null), 200);

        Map<String, Object> adjustment = Map.of("changes", Map.of("removed", List.of("d-01")), "reason", "事项取消",
                "approver", "区人民政府");
        clock.setToday(LocalDate.of(YEAR, 3, 21));
        Http.Response outside = http.post(district + "/adjustments", admin, adjustment);
        problem(outside, 422, "adjustedOn", "outside-adjustment-window");
        assertThat(outside.json().get("detail").asText()).contains(YEAR + "-03-22 to " + YEAR + "-03-31");

        clock.setToday(LocalDate.of(YEAR, 3, 22)); // outside the default 7 days, inside the configured 10
        Http.Response inside = http.post(district + "/adjustments", admin, adjustment);
        assertThat(inside.status()).as(inside.toString()).isEqualTo(201);
        assertThat(inside.json().get("window").get("from").asText()).isEqualTo(YEAR + "-03-22");
    }

    private static void ok(Http.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
    }
}
