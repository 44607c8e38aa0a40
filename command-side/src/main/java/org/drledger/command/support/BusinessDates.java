package org.drledger.command.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.drledger.core.calendar.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The one place instants become business dates: deadlines, working days, quarter windows and plan years are local
 * dates in China (Asia/Shanghai), taken from the injected clock. Commands carry the date; aggregates never read a
 * clock.
 */
@Component
public class BusinessDates {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Clock clock;
    private final WorkingDayCalendar calendar = WorkingDayCalendar.prc();

    BusinessDates(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }
}
