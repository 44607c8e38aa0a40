package org.drledger.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.drledger.core.calendar.CalendarCoverageException;
import org.drledger.core.calendar.PublicationDeadline;
import org.drledger.core.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

class CalendarCoverageTest {
    private final WorkingDayCalendar calendar = WorkingDayCalendar.prc();

    @Test
    void theLastTriggerIsTheLastDayWhoseDeadlineTheCalendarCovers() {
        CalendarCoverage.Coverage c = CalendarCoverage.of(calendar, LocalDate.of(2026, 11, 28));
        assertThat(c.coverageLast()).isEqualTo(LocalDate.of(2026, 12, 31));
        // December 2026 has no holidays: the 20th working day after Thursday 3 December is Thursday 31 December
        assertThat(c.lastTrigger()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(PublicationDeadline.compute(c.lastTrigger(), calendar).deadline())
                .isEqualTo(LocalDate.of(2026, 12, 31));
        assertThatThrownBy(() -> PublicationDeadline.compute(c.lastTrigger().plusDays(1), calendar))
                .isInstanceOf(CalendarCoverageException.class);
        assertThat(c.daysLeft()).isEqualTo(5);
        assertThat(c.status()).isEqualTo("renew-soon");
        assertThat(c.asMap()).containsEntry("lastTriggerWithDeadline", "2026-12-03").containsKey("action");
    }

    @Test
    void statusIsOkUntilSixtyDaysBeforeAndExpiredAfter() {
        // 4 October is 60 days before 3 December
        assertThat(CalendarCoverage.of(calendar, LocalDate.of(2026, 10, 4)).status()).isEqualTo("renew-soon");
        assertThat(CalendarCoverage.of(calendar, LocalDate.of(2026, 10, 3)).status()).isEqualTo("ok");
        assertThat(CalendarCoverage.of(calendar, LocalDate.of(2026, 10, 3)).asMap()).doesNotContainKey("action");
        assertThat(CalendarCoverage.of(calendar, LocalDate.of(2026, 12, 3)).status()).isEqualTo("renew-soon");
        CalendarCoverage.Coverage late = CalendarCoverage.of(calendar, LocalDate.of(2026, 12, 4));
        assertThat(late.status()).isEqualTo("expired");
        assertThat(late.daysLeft()).isEqualTo(-1);
    }
}
