package org.drledger.command.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.drledger.command.plan.AdjustmentWindow.Window;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AdjustmentWindowTest {

    private static Window w(String from, String to) {
        return new Window(LocalDate.parse(from), LocalDate.parse(to));
    }

    @ParameterizedTest(name = "{0} → {1}..{2}")
    @CsvSource({
            // every quarter with the default 7 days: 25–31 Mar, 24–30 Jun, 24–30 Sep, 25–31 Dec
            "2027-01-01, 2027-03-25, 2027-03-31",
            "2027-02-15, 2027-03-25, 2027-03-31",
            "2027-04-01, 2027-06-24, 2027-06-30",
            "2027-07-01, 2027-09-24, 2027-09-30",
            "2027-10-01, 2027-12-25, 2027-12-31",
            "2027-12-31, 2027-12-25, 2027-12-31"})
    void eachQuarterEndsWithASevenDayWindow(LocalDate day, LocalDate from, LocalDate to) {
        assertThat(AdjustmentWindow.forQuarterOf(day, 7)).isEqualTo(new Window(from, to));
    }

    @ParameterizedTest(name = "{0} open={1}")
    @CsvSource({
            "2027-03-24, false", "2027-03-25, true", "2027-03-31, true", "2027-04-01, false",
            "2027-06-23, false", "2027-06-24, true", "2027-06-30, true", "2027-07-01, false",
            "2027-09-23, false", "2027-09-24, true", "2027-09-30, true", "2027-10-01, false",
            "2027-12-24, false", "2027-12-25, true", "2027-12-31, true", "2028-01-01, false"})
    void bothEndsOfTheWindowAreInside(LocalDate day, boolean open) {
        assertThat(AdjustmentWindow.isOpen(day, 7)).isEqualTo(open);
    }

    @Test
    void outsideTheWindowTheNextOneIsThisQuartersWindow() {
        assertThat(AdjustmentWindow.forQuarterOf(LocalDate.parse("2027-04-01"), 7))
                .isEqualTo(w("2027-06-24", "2027-06-30"));
        assertThat(AdjustmentWindow.forQuarterOf(LocalDate.parse("2027-03-24"), 7))
                .isEqualTo(w("2027-03-25", "2027-03-31"));
    }

    @Test
    void aLeapYearsFebruaryCountsItsTwentyNinthDay() {
        assertThat(AdjustmentWindow.forQuarterOf(LocalDate.parse("2028-02-29"), 7))
                .isEqualTo(w("2028-03-25", "2028-03-31"));
        // a window reaching back into February: 40 days before 31 March
        assertThat(AdjustmentWindow.forQuarterOf(LocalDate.parse("2028-01-10"), 40))
                .isEqualTo(w("2028-02-21", "2028-03-31"));
        assertThat(AdjustmentWindow.forQuarterOf(LocalDate.parse("2027-01-10"), 40))
                .isEqualTo(w("2027-02-20", "2027-03-31"));
        assertThat(AdjustmentWindow.isOpen(LocalDate.parse("2028-02-29"), 40)).isTrue();
        // the whole first quarter of a leap year is 91 days; at most 90 may be asked for
        assertThat(AdjustmentWindow.forQuarterOf(LocalDate.parse("2028-03-01"), 90))
                .isEqualTo(w("2028-01-02", "2028-03-31"));
        assertThat(AdjustmentWindow.forQuarterOf(LocalDate.parse("2027-03-01"), 90))
                .isEqualTo(w("2027-01-01", "2027-03-31"));
    }

    @Test
    void aOneDayWindowIsTheQuartersLastDay() {
        assertThat(AdjustmentWindow.forQuarterOf(LocalDate.parse("2027-02-01"), 1)).isEqualTo(w("2027-03-31", "2027-03-31"));
        assertThat(AdjustmentWindow.forQuarterOf(LocalDate.parse("2027-05-01"), 1)).isEqualTo(w("2027-06-30", "2027-06-30"));
        assertThat(AdjustmentWindow.forQuarterOf(LocalDate.parse("2027-08-01"), 1)).isEqualTo(w("2027-09-30", "2027-09-30"));
        assertThat(AdjustmentWindow.forQuarterOf(LocalDate.parse("2027-11-01"), 1)).isEqualTo(w("2027-12-31", "2027-12-31"));
        assertThat(AdjustmentWindow.isOpen(LocalDate.parse("2027-03-30"), 1)).isFalse();
        assertThat(AdjustmentWindow.isOpen(LocalDate.parse("2027-03-31"), 1)).isTrue();
    }

    @Test
    void aTenDayWindow() {
        assertThat(AdjustmentWindow.forQuarterOf(LocalDate.parse("2027-01-01"), 10)).isEqualTo(w("2027-03-22", "2027-03-31"));
        assertThat(AdjustmentWindow.forQuarterOf(LocalDate.parse("2027-04-01"), 10)).isEqualTo(w("2027-06-21", "2027-06-30"));
        assertThat(AdjustmentWindow.forQuarterOf(LocalDate.parse("2027-07-01"), 10)).isEqualTo(w("2027-09-21", "2027-09-30"));
        assertThat(AdjustmentWindow.forQuarterOf(LocalDate.parse("2027-10-01"), 10)).isEqualTo(w("2027-12-22", "2027-12-31"));
        assertThat(AdjustmentWindow.isOpen(LocalDate.parse("2027-09-20"), 10)).isFalse();
        assertThat(AdjustmentWindow.isOpen(LocalDate.parse("2027-09-21"), 10)).isTrue();
    }

    @Test
    void aWindowIsOneToNinetyDays() {
        assertThatThrownBy(() -> AdjustmentWindow.forQuarterOf(LocalDate.parse("2027-01-01"), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdjustmentWindow.forQuarterOf(LocalDate.parse("2027-01-01"), 91))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AdjustmentWindow.validDays(1)).isTrue();
        assertThat(AdjustmentWindow.validDays(90)).isTrue();
    }
}
