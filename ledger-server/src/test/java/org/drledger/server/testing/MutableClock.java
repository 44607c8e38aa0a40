package org.drledger.server.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.drledger.command.support.BusinessDates;

/** A clock tests move by hand: business dates (deadlines, windows) and entry times are driven, never the wall's. */
public class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Starts at 10:00 Asia/Shanghai of {@code day}. */
    public MutableClock(LocalDate day) {
        this(tenOClock(day));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    /** Makes {@code day} today in Asia/Shanghai (10:00 local time). */
    public void setToday(LocalDate day) {
        set(tenOClock(day));
    }

    private static Instant tenOClock(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(BusinessDates.CHINA).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view in another zone that keeps following this clock. */
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
