package org.drledger.server.config;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drledger.command.support.BusinessDates;
import org.drledger.core.calendar.CalendarCoverageException;
import org.drledger.core.calendar.PublicationDeadline;
import org.drledger.core.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How long the built-in working-day calendar still serves: a result's publication deadline (20 working days after
 * its trigger date) must lie inside the calendar's coverage, so results triggered after {@link Coverage#lastTrigger}
 * are refused ({@code outside-coverage}) until a calendar version with the next year's 国务院办公厅 holiday notice is
 * added (docs/calendar-and-codes.md §1.4). Shown in {@code /actuator/info} and warned about at start-up from
 * {@link #WARN_DAYS} days ahead, so the office sees the cliff before users hit it.
 */
@Component
class CalendarCoverage implements InfoContributor {
    static final int WARN_DAYS = 60;
    private static final Logger log = LoggerFactory.getLogger(CalendarCoverage.class);

    /** Where a calendar stands on a day: {@code ok}, {@code renew-soon} (within WARN_DAYS) or {@code expired}. */
    record Coverage(String calendar, LocalDate coverageLast, LocalDate lastTrigger, long daysLeft, String status) {
        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("calendar", calendar);
            m.put("coverageLast", coverageLast.toString());
            m.put("lastTriggerWithDeadline", lastTrigger.toString());
            m.put("daysLeft", daysLeft);
            m.put("status", status);
            if (!status.equals("ok")) {
                m.put("action", "add the next year's holiday notice as a new calendar version "
                        + "(docs/calendar-and-codes.md, 1.4 Coverage policy)");
            }
            return m;
        }
    }

    private final BusinessDates dates;

    CalendarCoverage(BusinessDates dates) {
        this.dates = dates;
    }

    static Coverage of(WorkingDayCalendar calendar, LocalDate today) {
        LocalDate last = calendar.coverageLast();
        // a period of 20 working days spans at most ~9 weeks even around the Spring Festival: search back from there
        LocalDate trigger = last.minusDays(71);
        for (LocalDate d = last.minusDays(70); !d.isAfter(last); d = d.plusDays(1)) {
            try {
                PublicationDeadline.compute(d, calendar);
                trigger = d;
            } catch (CalendarCoverageException e) {
                break;
            }
        }
        long left = ChronoUnit.DAYS.between(today, trigger);
        String status = left < 0 ? "expired" : left <= WARN_DAYS ? "renew-soon" : "ok";
        return new Coverage(calendar.ref().calendarId() + " v" + calendar.ref().version(), last, trigger, left, status);
    }

    Coverage now() {
        return of(dates.calendar(), dates.today());
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("workingDayCalendar", now().asMap());
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenRunningOut() {
        Coverage c = now();
        if (!c.status().equals("ok")) {
            log.warn("The working-day calendar {} covers dates up to {}: results triggered after {} cannot get a "
                            + "publication deadline and are refused ({} days {}). Add the next year's holiday notice "
                            + "as a new calendar version (docs/calendar-and-codes.md, 1.4).", c.calendar(),
                    c.coverageLast(), c.lastTrigger(), Math.abs(c.daysLeft()),
                    c.daysLeft() < 0 ? "ago" : "from today");
        }
    }
}
