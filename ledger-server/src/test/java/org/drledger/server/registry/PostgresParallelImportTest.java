package org.drledger.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.drledger.server.testing.RequiresPostgres;
import org.drledger.server.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The parallel import scenario on PostgreSQL, where two batches are in flight at once. */
@RequiresPostgres
class PostgresParallelImportTest extends ParallelImportScenario {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    @Test
    void twoBatchesAreWrittenAtTheSameTime() {
        long events = events();
        gate.holdFirstTransaction();
        JsonNode done = importFile(60_000, 300);

        assertThat(gate.overlapped()).as("a second batch registered while the first was still open").isTrue();
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.at("/rows/written").asLong()).isEqualTo(300);
        assertThat(events()).isEqualTo(events + 300);
        assertThat(registered(60_000, 300)).isEqualTo(300);
    }
}
