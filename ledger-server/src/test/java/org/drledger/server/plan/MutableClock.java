package org.drledger.server.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.drledger.command.support.BusinessDates;

/** A clock tests set by hand, so business dates (deadlines, windows) are driven, never read from the wall. */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Makes {@code date} today in Asia/Shanghai (10:00 local time). */
    public void setToday(LocalDate date) {
        now.set(date.atTime(LocalTime.of(10, 0)).atZone(BusinessDates.CHINA).toInstant());
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
}
