package org.drledger.command.result;

import java.time.LocalDate;

/**
 * One follow-up measure of a result and its state. {@code notifiedDepartment} only for
 * {@link FollowUpMeasure#NOTIFY_OTHER_DEPT}, {@code referredTo} only for {@link FollowUpMeasure#CASE_REFERRAL};
 * {@code completedOn} exactly when {@link FollowUpState#DONE}.
 */
public record FollowUp(FollowUpMeasure measure, String notifiedDepartment, String referredTo, FollowUpState state,
                       LocalDate completedOn) {
}
