package org.drledger.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.drledger.core.TestVectors;
import org.junit.jupiter.api.Test;

/** The stored task-strata vector is what {@link TaskStrataVectors} produces: writer and vector change together. */
class TaskStrataVectorsTest {
    @Test
    void theStoredVectorIsWhatTheScenarioWrites() throws Exception {
        byte[] generated = TaskStrataVectors.generate();
        assertThat(TaskStrataVectors.generate()).as("deterministic").isEqualTo(generated);
        assertThat(new String(Files.readAllBytes(TestVectors.path(TaskStrataVectors.FILE)),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(new String(generated,
                java.nio.charset.StandardCharsets.UTF_8));
    }
}
