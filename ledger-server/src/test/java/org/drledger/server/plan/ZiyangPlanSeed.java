package org.drledger.server.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * The district's own rules for the annual plan, from {@code seeds/ziyang-plan-2020.json} (益资政发〔2020〕6号): the plan
 * calendar, who approves and who receives the filing, and the departments the document names as priority leads.
 */
final class ZiyangPlanSeed {
    record Department(String id, String name) {
    }

    private static final JsonNode SEED = read();

    private ZiyangPlanSeed() {
    }

    private static JsonNode read() {
        try (InputStream in = ZiyangPlanSeed.class.getResourceAsStream("/seeds/ziyang-plan-2020.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deadline of the calendar ({@code departmentPlansDue}, {@code districtPlanDue}, {@code publicationDue}). */
    static LocalDate due(String which, int planYear) {
        JsonNode d = SEED.get("calendar").get(which);
        return MonthDay.parse("--" + d.get("monthDay").asText()).atYear(planYear + d.get("ofYear").asInt());
    }

    static int adjustmentWindowDays() {
        return SEED.get("calendar").get("adjustmentWindowDays").get("days").asInt();
    }

    static String government() {
        return SEED.get("government").asText();
    }

    static String filedWith() {
        return SEED.get("filedWith").asText();
    }

    /** 市场监管、生态环境、交通运输、农业农村、文化旅游: the departments to lead joint inspections first. */
    static List<Department> priorityLeadDepartments() {
        List<Department> out = new ArrayList<>();
        SEED.get("priorityLeadDepartments").forEach(d -> out.add(new Department(d.get("id").asText(),
                d.get("name").asText())));
        return out;
    }
}
