package org.drledger.server.e2e;

import java.time.Instant;
import org.drledger.server.testing.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The clock the district's year runs on, moved forward by the scenario. */
final class YearClock extends MutableClock {
    YearClock(Instant start) {
        super(start);
    }

    /** Replaces the server's clock (which is {@code @ConditionalOnMissingBean}). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {
        @Bean
        @Primary
        YearClock yearClock() {
            return new YearClock(Instant.parse("2022-12-01T02:00:00Z"));
        }
    }
}
