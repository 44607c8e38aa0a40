package org.drledger.server.result;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test sets explicitly (business dates are taken at 10:00 in Asia/Shanghai). */
final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    MutableClock(LocalDate day) {
        now = new AtomicReference<>(tenOClock(day));
    }

    /** Moves to 10:00 Asia/Shanghai of {@code day}. */
    void setBusinessDate(LocalDate day) {
        now.set(tenOClock(day));
    }

    private static Instant tenOClock(LocalDate day) {
        return day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return self.withZone(z);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
