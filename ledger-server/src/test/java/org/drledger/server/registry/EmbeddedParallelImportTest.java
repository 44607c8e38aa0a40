package org.drledger.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.drledger.server.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The parallel import scenario on H2, where batches run one after another (the key row is locked for update). */
class EmbeddedParallelImportTest extends ParallelImportScenario {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Test
    void batchesAreWrittenOneAfterAnother() {
        JsonNode done = importFile(60_000, 300);

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(gate.overlapped()).as("no two registering transactions were open at once").isFalse();
        assertThat(registered(60_000, 300)).isEqualTo(300);
    }
}
