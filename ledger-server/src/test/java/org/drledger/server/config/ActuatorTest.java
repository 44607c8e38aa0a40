package org.drledger.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.drledger.server.testing.EmbeddedServerTest;
import org.drledger.server.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only health and info are exposed, and both are public; nothing else of the actuator is reachable. */
class ActuatorTest extends EmbeddedServerTest {

    @Test
    void healthIsPublicAndTellsOnlyTheStatus() {
        Http.Response r = http.get("/actuator/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("UP");
        assertThat(r.json().has("components")).isFalse();
    }

    @Test
    void infoIsPublicAndNamesProductVersionRolesAndLedger() {
        Http.Response r = http.get("/actuator/info", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode info = r.json();
        assertThat(info.at("/product/name").asText()).isEqualTo("Double-Random Ledger");
        assertThat(info.at("/product/version").asText()).isNotBlank().isNotEqualTo("unknown");
        assertThat(info.at("/ledger/id").asText())
                .isEqualTo(jdbc.queryForObject("SELECT ledger_id FROM ledger_info", String.class));
        assertThat(info.at("/ledger/suite").asText()).isEqualTo("sm2-sm3");
        assertThat(info.get("roles").toString()).isEqualTo("[\"command\",\"query\"]");
        assertThat(info.at("/workingDayCalendar/coverageLast").asText()).isEqualTo("2026-12-31");
        assertThat(info.at("/workingDayCalendar/lastTriggerWithDeadline").asText()).isEqualTo("2026-12-03");
        assertThat(info.at("/workingDayCalendar/status").asText()).isIn("ok", "renew-soon", "expired");
    }

    @ParameterizedTest
    @ValueSource(strings = {"env", "beans", "configprops", "mappings", "loggers", "metrics", "heapdump", "threaddump",
            "shutdown", "conditions", "scheduledtasks", "caches", "flyway", "startup", "sbom"})
    void nothingElseIsExposedEvenToTheAdministrator(String endpoint) {
        assertThat(http.get("/actuator/" + endpoint, admin).status()).isEqualTo(404);
        assertThat(http.get("/actuator/" + endpoint, null).status()).as("and strangers must log in first").isEqualTo(401);
    }

    @Test
    void theActuatorIndexListsOnlyHealthAndInfo() {
        JsonNode links = http.get("/actuator", admin).json().get("_links");
        assertThat(links.fieldNames()).toIterable().containsExactlyInAnyOrder("self", "health", "health-path", "info");
    }
}
