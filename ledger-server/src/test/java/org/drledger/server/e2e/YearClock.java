package org.drledger.server.e2e;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.drledger.command.support.BusinessDates;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The clock the district's year runs on: moved by the scenario, only forward, never read from the wall. */
final class YearClock extends Clock {
    private final AtomicReference<Instant> now;

    YearClock(Instant start) {
        now = new AtomicReference<>(start);
    }

    /** Makes {@code date} today in Asia/Shanghai (10:00 local time). */
    void setToday(LocalDate date) {
        set(date.atTime(LocalTime.of(10, 0)).atZone(BusinessDates.CHINA).toInstant());
    }

    void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
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
