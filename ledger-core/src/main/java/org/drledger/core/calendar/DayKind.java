package org.drledger.core.calendar;

/** Why a covered date is or is not a working day. */
public enum DayKind {
    /** Monday–Friday, not a statutory holiday: a working day. */
    WORKDAY(true),
    /** Saturday or Sunday with no make-up arrangement: not a working day. */
    WEEKEND(false),
    /** A 放假 day of an arrangement notice (any day of the week): not a working day. */
    HOLIDAY(false),
    /** A 调休上班 Saturday or Sunday: a working day. */
    MAKE_UP_WORKDAY(true);

    private final boolean working;

    DayKind(boolean working) {
        this.working = working;
    }

    public boolean isWorkingDay() {
        return working;
    }
}
