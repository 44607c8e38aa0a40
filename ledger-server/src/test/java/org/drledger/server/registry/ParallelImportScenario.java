package org.drledger.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.drledger.command.actor.Role;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * An import with {@code ledger.registry.import.writers=2}: every row is written exactly once with its status; a batch
 * that fails rolls back whole and stops the import, and every other batch is either entirely written or not at all.
 * On PostgreSQL two batches are written at the same time, each in its own transaction; on H2 one after another.
 */
@Import(ImportGate.class)
@TestPropertySource(properties = {"ledger.registry.import.batch-size=100", "ledger.registry.import.writers=2"})
abstract class ParallelImportScenario extends RegistryTestSupport {
    @Autowired
    ImportGate gate;

    private String dept;
    private TestUsers.Credentials clerk;

    @BeforeEach
    void setUp() {
        dept = department();
        clerk = user(dept, Role.DEPT_CLERK);
    }

    @AfterEach
    void openTheGate() {
        gate.reset();
    }

    long registered(long first, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(RegistryFiles.uscc(first + i));
        }
        return jdbc.queryForObject("SELECT COUNT(*) FROM registry_object WHERE object_id IN ('"
                + String.join("','", ids) + "')", Long.class);
    }

    JsonNode importFile(long first, int rows) {
        String csv = RegistryFiles.csv(RegistryFiles.OBJECT_HEADER, RegistryFiles.objects(first, rows, dept));
        Http.Response r = postCsv("objects", clerk, csv, "async=true");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return awaitImport(r.json().get("importId").asText(), clerk);
    }

    @Test
    void everyRowIsWrittenExactlyOnce() {
        long events = events();
        JsonNode done = importFile(40_000, 750);

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.at("/rows/written").asLong()).isEqualTo(750);
        assertThat(done.at("/rows/processed").asLong()).isEqualTo(750);
        assertThat(done.get("percent").asLong()).isEqualTo(100);
        assertThat(events()).isEqualTo(events + 750);
        assertThat(registered(40_000, 750)).isEqualTo(750);
        JsonNode accepted = http.get("/api/imports/" + done.get("importId").asText() + "?status=ACCEPTED&size=1",
                clerk).json();
        assertThat(accepted.at("/report/matchingRows").asLong()).isEqualTo(750);
    }

    @Test
    void aFailedBatchStopsTheImportAndEveryOtherBatchIsWrittenWholeOrNotAtAll() {
        long events = events();
        // row 352 of the data (batch 4 of 100 rows) cannot be registered
        gate.refuse(RegistryFiles.uscc(50_000 + 351));
        JsonNode done = importFile(50_000, 1_000);

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("FAILED");
        long written = done.at("/rows/written").asLong();
        assertThat(written % 100).as("whole batches only").isZero();
        // the batches before the failing one have committed; later ones may have, while it was retried
        assertThat(written).isGreaterThanOrEqualTo(300L).isLessThan(1_000L);
        assertThat(events()).isEqualTo(events + written);
        assertThat(registered(50_000, 1_000)).isEqualTo(written);
        assertThat(registered(50_000 + 300, 100)).as("the failed batch rolled back whole").isZero();
        for (int batch = 0; batch < 10; batch++) {
            assertThat(registered(50_000 + batch * 100L, 100)).as("batch %d", batch).isIn(0L, 100L);
        }
        assertThat(done.get("message").asText()).contains("failed after " + written + " written rows");
    }
}
