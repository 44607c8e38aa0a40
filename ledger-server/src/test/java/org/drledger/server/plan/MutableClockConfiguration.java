package org.drledger.server.plan;

import org.drledger.server.testing.MutableClock;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the server's clock (which is {@code @ConditionalOnMissingBean}) by a {@link MutableClock}. */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfiguration {
    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    }
}
