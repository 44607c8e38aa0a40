package org.drledger.core.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The "一公开" deadline: results are published within 20 working days of the trigger date (企业信息公示暂行条例
 * 第六条; 政府信息公开条例 第二十六条), the trigger day not counted (民法典 201). The deadline is the last day on
 * which publication is on time (until 24:00, 民法典 203 第二款). It records the calendar that computed it.
 *
 * @param trigger     the recorded trigger date (e.g. the day the check ended)
 * @param workingDays the period in working days (20 for the publication rule)
 * @param deadline    {@code calendar.addWorkingDays(trigger, workingDays)}
 * @param calendar    id, version and digest of the calendar used
 */
public record PublicationDeadline(LocalDate trigger, int workingDays, LocalDate deadline, CalendarRef calendar) {
    /** 20 个工作日. */
    public static final int WORKING_DAYS = 20;

    public PublicationDeadline {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(calendar, "calendar");
        if (workingDays < 1) {
            throw new IllegalArgumentException("workingDays must be >= 1");
        }
        if (!deadline.isAfter(trigger)) {
            throw new IllegalArgumentException("deadline must be after the trigger date");
        }
    }

    /** trigger + 20 working days under {@code calendar}. */
    public static PublicationDeadline compute(LocalDate trigger, WorkingDayCalendar calendar) {
        return compute(trigger, WORKING_DAYS, calendar);
    }

    public static PublicationDeadline compute(LocalDate trigger, int workingDays, WorkingDayCalendar calendar) {
        return new PublicationDeadline(trigger, workingDays, calendar.addWorkingDays(trigger, workingDays),
                calendar.ref());
    }

    /** Whether a publication on {@code publishedOn} is late: any calendar day after the deadline. */
    public boolean isOverdue(LocalDate publishedOn) {
        return publishedOn.isAfter(deadline);
    }

    /**
     * Whether recomputing with {@code calendar} gives this deadline and the calendar is the one recorded; use
     * {@link WorkingDayCalendar#prc(CalendarRef)} to get the recorded built-in calendar.
     */
    public boolean reproducesWith(WorkingDayCalendar calendar) {
        return calendar.ref().equals(this.calendar) && calendar.addWorkingDays(trigger, workingDays).equals(deadline);
    }
}
