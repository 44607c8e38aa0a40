package org.drledger.command.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class PlannerStatisticsTest {
    private final List<String> executed = new ArrayList<>();
    private final JdbcTemplate jdbc = new JdbcTemplate() {
        @Override
        public void execute(String sql) {
            executed.add(sql);
        }
    };

    @Test
    void analyzesAfterTheFirstThousandRowsAndThenEachTimeTheInsertedRowsDouble() {
        PlannerStatistics stats = new PlannerStatistics(jdbc, "registry_object", true);
        insert(stats, 999);
        assertThat(stats.refreshIfGrown()).isFalse();
        insert(stats, 1);
        assertThat(stats.refreshIfGrown()).isTrue();
        assertThat(stats.refreshIfGrown()).as("nothing inserted since").isFalse();
        insert(stats, 999);
        assertThat(stats.refreshIfGrown()).isFalse();
        insert(stats, 1);
        assertThat(stats.refreshIfGrown()).isTrue();
        insert(stats, 2_000);
        assertThat(stats.refreshIfGrown()).isTrue();
        assertThat(executed).containsExactly("ANALYZE registry_object", "ANALYZE registry_object",
                "ANALYZE registry_object");
        assertThat(stats.analyzes()).isEqualTo(3);
    }

    @Test
    void aMillionRowsCostAboutTenAnalyzes() {
        PlannerStatistics stats = new PlannerStatistics(jdbc, "registry_object", true);
        for (int batch = 0; batch < 1_000; batch++) {
            insert(stats, 1_000);
            stats.refreshIfGrown();
        }
        assertThat(stats.analyzes()).isEqualTo(10);
    }

    @Test
    void neverAnalyzesOutsidePostgresql() {
        PlannerStatistics stats = new PlannerStatistics(jdbc, "registry_object", false);
        insert(stats, 50_000);
        assertThat(stats.refreshIfGrown()).isFalse();
        assertThat(executed).isEmpty();
    }

    private static void insert(PlannerStatistics stats, int rows) {
        for (int i = 0; i < rows; i++) {
            stats.inserted();
        }
    }
}
