package org.drledger.command.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdSetTest {
    @Test
    void reportsTheFirstRowOfARepeatedIdExactly() {
        IdSet ids = new IdSet();
        assertThat(ids.add("91350100M000100Y43", 2)).isZero();
        assertThat(ids.add("obj-资阳-1", 3)).isZero();
        assertThat(ids.add("91350100M000100Y43", 9)).isEqualTo(2);
        assertThat(ids.add("obj-资阳-1", 10)).isEqualTo(3);
        assertThat(ids.add("obj-资阳-2", 11)).isZero();
        assertThat(ids.size()).isEqualTo(3);
    }

    @Test
    void agreesWithAHashMapAcrossGrowthAndChunks() {
        IdSet ids = new IdSet();
        Map<String, Long> reference = new HashMap<>();
        Random random = new Random(20260101L);
        for (long row = 2; row < 300_000; row++) {
            String id = "id-" + random.nextInt(150_000) + "-" + "x".repeat(random.nextInt(20));
            Long first = reference.putIfAbsent(id, row);
            assertThat(ids.add(id, row)).isEqualTo(first == null ? 0 : first);
        }
        assertThat(ids.size()).isEqualTo(reference.size());
    }
}
