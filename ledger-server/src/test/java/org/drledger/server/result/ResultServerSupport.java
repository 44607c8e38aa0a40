package org.drledger.server.result;

import org.drledger.server.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Server tests of inspection results: a mutable clock for business dates, and tasks inserted directly into the
 * task feature's lookups ({@code task_state}, {@code task_assignment}, {@code task_item}) so these tests do not
 * depend on its classes.
 */
@Import(ResultServerSupport.ClockConfiguration.class)
abstract class ResultServerSupport extends ServerTestSupport {
    /** Friday 2025-01-24 + 20 working days = Thursday 2025-02-27 (春节 2025; hand-checked calendar vector). */
    static final LocalDate TRIGGER = LocalDate.of(2025, 1, 24);
    static final LocalDate DEADLINE = LocalDate.of(2025, 2, 27);
    static final String EVIDENCE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfiguration {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(LocalDate.of(2025, 2, 5));
        }
    }

    @Autowired
    protected MutableClock clock;

    protected void today(LocalDate day) {
        clock.setToday(day);
    }

    /** A planned and drawn task as the task feature would record it. */
    protected void task(String taskId, String lead, List<String> assisting, List<String> targets, List<String> items,
                        String status) {
        jdbc.update("INSERT INTO task_state (task_id, lead_department, assisting_departments, category, status, "
                + "plan_year) VALUES (?, ?, ?, ?, ?, ?)", taskId, lead, String.join(",", assisting), "ROUTINE", status,
                2025);
        for (int i = 0; i < targets.size(); i++) {
            for (int slot = 0; slot < 2; slot++) {
                jdbc.update("INSERT INTO task_assignment (task_id, object_id, slot, officer_id, department, leader) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", taskId, targets.get(i), slot, "officer-" + i + "-" + slot, lead,
                        slot == 0);
            }
        }
        for (String item : items) {
            jdbc.update("INSERT INTO task_item (task_id, item_code) VALUES (?, ?)", taskId, item);
        }
    }

    static String path(String taskId, String objectId, String itemCode) {
        return "/api/results/" + taskId + "/" + objectId + "/" + itemCode;
    }

    static Map<String, Object> entry(List<String> codes, String findings, List<Map<String, Object>> followUps) {
        Map<String, Object> body = new HashMap<>();
        body.put("method", "ON_SITE");
        body.put("resultCodes", new ArrayList<>(codes));
        body.put("findings", findings);
        body.put("evidence", List.of(EVIDENCE));
        body.put("followUps", followUps);
        body.put("triggerKind", "INSPECTION_ENDED");
        body.put("triggerDate", TRIGGER.toString());
        return body;
    }

    static Map<String, Object> followUp(String measure, String counterpartKey, String counterpart) {
        Map<String, Object> f = new HashMap<>();
        f.put("measure", measure);
        f.put("state", "OPEN");
        if (counterpartKey != null) {
            f.put(counterpartKey, counterpart);
        }
        return f;
    }

    static void problem(Http.Response r, int status, String field, String rule) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
        assertThat(r.json().get("rule").asText()).as(r.toString()).isEqualTo(rule);
        assertThat(r.body()).as("no stack trace").doesNotContain("at org.", "Exception");
    }

    protected long vaultRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM vault_opening", Long.class);
    }
}
