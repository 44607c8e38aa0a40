package org.drledger.command.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.drledger.command.result.Commands.EnterResult;
import org.drledger.command.result.Commands.PublishResult;
import org.drledger.command.result.Commands.RecordPublicationExemption;
import org.drledger.command.result.Commands.ReviewResult;
import org.drledger.command.result.Commands.UpdateFollowUp;
import org.drledger.command.result.Events.FollowUpUpdated;
import org.drledger.command.result.Events.PublicationExemptionRecorded;
import org.drledger.command.result.Events.ResultEntered;
import org.drledger.command.result.Events.ResultPublished;
import org.drledger.command.result.Events.ResultReviewed;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.core.calendar.CalendarRef;
import org.drledger.core.calendar.WorkingDayCalendar;
import org.drledger.core.result.ResultCodeTable;
import org.drledger.core.result.ResultCodeTableRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Given/when/then for every result command and each refusal. Deadlines use the calendar vectors' hand-checked
 * dates (docs/test-vectors/calendar/working-days.json): Fri 2025-01-24 + 20 = Thu 2025-02-27 (春节 2025 with
 * its make-up days), Mon 2020-01-20 + 20 = Tue 2020-02-25 (春节 2020 extended), Fri 2026-09-18 + 20 =
 * Thu 2026-10-22 (中秋节 and 国庆节 2026), Thu 2024-10-03 + 20 = Fri 2024-11-01.
 */
class InspectionResultTest {
    static final CalendarRef CAL = WorkingDayCalendar.prc().ref();
    static final ResultCodeTableRef TABLE = ResultCodeTable.builtIn().ref();
    static final String TASK = "T2025-01";
    static final String OBJECT = "91350100M000100Y43";
    static final String ITEM = "A07-01";
    static final String DEPT = "scjgj";
    static final String CLERK = "clerk1";
    static final String APPROVER = "approver1";
    static final ObjectNode FINDINGS = commitment("ab");
    static final String EVIDENCE = "0123456789abcdef".repeat(4);
    static final LocalDate TRIGGER = LocalDate.of(2025, 1, 24);
    static final LocalDate DEADLINE = LocalDate.of(2025, 2, 27);
    static final LocalDate ENTERED_ON = LocalDate.of(2025, 2, 5);
    static final FollowUp REFERRAL = new FollowUp(FollowUpMeasure.CASE_REFERRAL, null, "区市场监管局执法大队",
            FollowUpState.OPEN, null);

    private AggregateTestFixture<InspectionResult> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InspectionResult.class);
    }

    // --- EnterResult -------------------------------------------------------------------------------------------

    @Test
    void entersAResultWhoseDeadlineCrossesSpringFestival2025() {
        fixture.givenNoPriorActivity()
                .when(enter(List.of("C", "2", "A"), List.of(REFERRAL)))
                .expectEvents(entered(1, List.of("A", "2", "C"), List.of(REFERRAL)));
    }

    @Test
    void theDeadlineCrossesTheExtendedSpringFestival2020() {
        LocalDate trigger = LocalDate.of(2020, 1, 20);
        fixture.givenNoPriorActivity()
                .when(enter(List.of("1"), null, trigger, LocalDate.of(2020, 2, 3), List.of()))
                .expectSuccessfulHandlerExecution()
                .expectState(r -> assertThat(deadlineOf(r)).isEqualTo(LocalDate.of(2020, 2, 25)));
    }

    @Test
    void theDeadlineCrossesNationalDay2026() {
        fixture.givenNoPriorActivity()
                .when(enter(List.of("1"), null, LocalDate.of(2026, 9, 18), LocalDate.of(2026, 9, 18), List.of()))
                .expectSuccessfulHandlerExecution()
                .expectState(r -> assertThat(deadlineOf(r)).isEqualTo(LocalDate.of(2026, 10, 22)));
    }

    @Test
    void revisesAnEnteredResultBeforeReview() {
        fixture.given(entered(1, List.of("1"), List.of()))
                .when(enter(List.of("A", "3"), List.of(REFERRAL)))
                .expectEvents(entered(2, List.of("A", "3"), List.of(REFERRAL)));
    }

    @Test
    void revisesAReturnedResult() {
        fixture.given(entered(1, List.of("1"), List.of()), returned())
                .when(enter(List.of("E"), List.of()))
                .expectEvents(entered(2, List.of("E"), List.of()));
    }

    @Test
    void cannotReviseAnApprovedResult() {
        refusedConflict(fixture.given(entered(1, List.of("1"), List.of()), approved())
                .when(enter(List.of("1"), List.of())), "status", "not-revisable");
    }

    @Test
    void cannotReviseAPublishedResult() {
        refusedConflict(fixture.given(entered(1, List.of("1"), List.of()), approved(), published(ENTERED_ON, false, 0))
                .when(enter(List.of("1"), List.of())), "status", "not-revisable");
    }

    @Test
    void cannotReviseAnotherDepartmentsResult() {
        EnterResult c = enter(List.of("1"), List.of());
        refusedConflict(fixture.given(entered(1, List.of("1"), List.of()))
                .when(new EnterResult(TASK, OBJECT, ITEM, "other-dept", CLERK, ENTERED_ON, c.method(),
                        c.resultCodes(), TABLE, null, List.of(), List.of(), TriggerKind.INSPECTION_ENDED, TRIGGER, CAL)),
                "department", "not-the-inspecting-department");
    }

    @Test
    void resultCodeOneExcludesProblemCodes() {
        refused(fixture.givenNoPriorActivity().when(enter(List.of("1", "E"), List.of())), "resultCodes",
                "no-problem-excludes-problem");
        refused(fixture.givenNoPriorActivity().when(enter(List.of("1", "A", "3"), List.of(REFERRAL))), "resultCodes",
                "no-problem-excludes-problem");
    }

    @Test
    void resultCodeOneCombinesWithAStatusCode() {
        fixture.givenNoPriorActivity()
                .when(enter(List.of("7", "1"), null, TRIGGER, ENTERED_ON, List.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aSubItemNeedsItsParentAndUnknownCodesAreRefused() {
        refused(fixture.givenNoPriorActivity().when(enter(List.of("A", "B"), List.of(REFERRAL))), "resultCodes",
                "parent-required");
        refused(fixture.givenNoPriorActivity().when(enter(List.of("Z"), List.of())), "resultCodes", "unknown-code");
        refused(fixture.givenNoPriorActivity().when(enter(List.of(), List.of())), "resultCodes", "empty-result");
        refused(fixture.givenNoPriorActivity().when(enter(List.of("1", "1"), List.of())), "resultCodes",
                "duplicate-code");
    }

    @Test
    void aProblemNeedsItsFindings() {
        refused(fixture.givenNoPriorActivity().when(enter(List.of("E"), null, TRIGGER, ENTERED_ON, List.of())),
                "findings", "required-for-problems");
    }

    @Test
    void findingsEnterOnlyAsAVaultCommitment() {
        ObjectNode plain = JsonNodeFactory.instance.objectNode().put("text", "住所无法联系");
        refused(fixture.givenNoPriorActivity().when(enter(List.of("E"), plain, TRIGGER, ENTERED_ON, List.of())),
                "findings", "commitment");
    }

    @Test
    void problemsPendingFollowUpNeedAMeasure() {
        refused(fixture.givenNoPriorActivity().when(enter(List.of("A", "2", "6"), List.of())), "followUps",
                "required-for-pending-problems");
    }

    @Test
    void aReferralNamesTheCaseHandlingBodyAndANotificationTheDepartment() {
        refused(fixture.givenNoPriorActivity().when(enter(List.of("A", "3"), List.of(new FollowUp(
                FollowUpMeasure.CASE_REFERRAL, null, " ", FollowUpState.OPEN, null)))), "followUps[0].referredTo",
                "required");
        refused(fixture.givenNoPriorActivity().when(enter(List.of("A", "5"), List.of(new FollowUp(
                FollowUpMeasure.NOTIFY_OTHER_DEPT, null, null, FollowUpState.OPEN, null)))),
                "followUps[0].notifiedDepartment", "required");
        refused(fixture.givenNoPriorActivity().when(enter(List.of("A", "5"), List.of(new FollowUp(
                FollowUpMeasure.ORDER_CORRECTION, "区卫健局", null, FollowUpState.OPEN, null)))),
                "followUps[0].notifiedDepartment", "not-applicable");
    }

    @Test
    void aCompletedMeasureHasACompletionDateWithinTheInspection() {
        refused(fixture.givenNoPriorActivity().when(enter(List.of("A", "4"), List.of(new FollowUp(
                FollowUpMeasure.ORDER_CORRECTION, null, null, FollowUpState.DONE, null)))),
                "followUps[0].completedOn", "required");
        refused(fixture.givenNoPriorActivity().when(enter(List.of("A", "4"), List.of(new FollowUp(
                FollowUpMeasure.ORDER_CORRECTION, null, null, FollowUpState.DONE, ENTERED_ON.plusDays(1))))),
                "followUps[0].completedOn", "out-of-range");
        refused(fixture.givenNoPriorActivity().when(enter(List.of("A", "4"), List.of(new FollowUp(
                FollowUpMeasure.ORDER_CORRECTION, null, null, FollowUpState.OPEN, ENTERED_ON)))),
                "followUps[0].completedOn", "not-applicable");
    }

    @Test
    void evidenceIsAListOfDistinctSha256Hashes() {
        EnterResult ok = enter(List.of("1"), List.of());
        refused(fixture.givenNoPriorActivity().when(withEvidence(ok, List.of(EVIDENCE.toUpperCase()))),
                "evidence[0]", "sha256-hex");
        refused(fixture.givenNoPriorActivity().when(withEvidence(ok, List.of(EVIDENCE, EVIDENCE))), "evidence[1]",
                "duplicate");
    }

    @Test
    void theTriggerDateCannotFollowTheEntryDate() {
        refused(fixture.givenNoPriorActivity().when(enter(List.of("1"), null, ENTERED_ON.plusDays(1), ENTERED_ON,
                List.of())), "triggerDate", "after-entry-date");
    }

    @Test
    void aTriggerDateWhoseDeadlineLeavesTheCalendarIsRefusedWithTheKernelRule() {
        // hand-checked vector runs-past-coverage: 2026-12-15 + 20 needs 2027, which v1 does not cover
        refused(fixture.givenNoPriorActivity().when(enter(List.of("1"), null, LocalDate.of(2026, 12, 15),
                LocalDate.of(2026, 12, 16), List.of())), "triggerDate", "outside-coverage");
        refused(fixture.givenNoPriorActivity().when(enter(List.of("1"), null, LocalDate.of(2019, 12, 20),
                LocalDate.of(2020, 1, 6), List.of())), "triggerDate", "outside-coverage");
    }

    @Test
    void unknownReferenceDataVersionsAreRefused() {
        EnterResult c = enter(List.of("1"), List.of());
        refused(fixture.givenNoPriorActivity().when(new EnterResult(TASK, OBJECT, ITEM, DEPT, CLERK, ENTERED_ON,
                c.method(), c.resultCodes(), new ResultCodeTableRef(TABLE.tableId(), 1, "0".repeat(64)), null, null,
                null, TriggerKind.INSPECTION_ENDED, TRIGGER, CAL)), "codeTable", "digest-mismatch");
        refused(fixture.givenNoPriorActivity().when(new EnterResult(TASK, OBJECT, ITEM, DEPT, CLERK, ENTERED_ON,
                c.method(), c.resultCodes(), TABLE, null, null, null, TriggerKind.INSPECTION_ENDED, TRIGGER,
                new CalendarRef(CAL.calendarId(), 9, CAL.sha256()))), "calendar", "unknown-calendar-version");
    }

    @Test
    void identifiersCannotContainTheStreamSeparator() {
        refused(fixture.givenNoPriorActivity().when(new EnterResult("T:1", OBJECT, ITEM, DEPT, CLERK, ENTERED_ON,
                InspectionMethod.ON_SITE, List.of("1"), TABLE, null, null, null, TriggerKind.INSPECTION_ENDED, TRIGGER,
                CAL)), "taskId", "identifier");
        setUp(); // a fixture keeps the first aggregate id it sees
        refused(fixture.givenNoPriorActivity().when(new EnterResult(TASK, OBJECT, "A 07", DEPT, CLERK, ENTERED_ON,
                InspectionMethod.ON_SITE, List.of("1"), TABLE, null, null, null, TriggerKind.INSPECTION_ENDED, TRIGGER,
                CAL)), "itemCode", "identifier");
    }

    @Test
    void theMethodAndTriggerAreRequired() {
        refused(fixture.givenNoPriorActivity().when(new EnterResult(TASK, OBJECT, ITEM, DEPT, CLERK, ENTERED_ON, null,
                List.of("1"), TABLE, null, null, null, TriggerKind.INSPECTION_ENDED, TRIGGER, CAL)), "method",
                "required");
        refused(fixture.givenNoPriorActivity().when(new EnterResult(TASK, OBJECT, ITEM, DEPT, CLERK, ENTERED_ON,
                InspectionMethod.ONLINE, List.of("1"), TABLE, null, null, null, null, TRIGGER, CAL)), "triggerKind",
                "required");
    }

    // --- ReviewResult ------------------------------------------------------------------------------------------

    @Test
    void anApproverApprovesTheEnteredResult() {
        fixture.given(entered(1, List.of("1"), List.of()))
                .when(new ReviewResult(TASK, OBJECT, ITEM, ReviewDecision.APPROVED, null, APPROVER, ENTERED_ON))
                .expectEvents(approved());
    }

    @Test
    void anApproverReturnsTheResultWithReasons() {
        fixture.given(entered(1, List.of("1"), List.of()))
                .when(new ReviewResult(TASK, OBJECT, ITEM, ReviewDecision.RETURNED, List.of(" 缺少现场照片 "), APPROVER,
                        ENTERED_ON))
                .expectEvents(returned());
    }

    @Test
    void cannotReturnWithoutReasons() {
        refused(fixture.given(entered(1, List.of("1"), List.of()))
                .when(new ReviewResult(TASK, OBJECT, ITEM, ReviewDecision.RETURNED, List.of(), APPROVER, ENTERED_ON)),
                "reasons", "required-when-returned");
    }

    @Test
    void cannotReviewOwnEntryOfAnyRevision() {
        refused(fixture.given(entered(1, List.of("1"), List.of()))
                .when(new ReviewResult(TASK, OBJECT, ITEM, ReviewDecision.APPROVED, null, CLERK, ENTERED_ON)),
                "reviewer", "own-entry");
        ResultEntered byApprover = revisedBy(APPROVER);
        refused(fixture.given(entered(1, List.of("1"), List.of()), returned(), byApprover)
                .when(new ReviewResult(TASK, OBJECT, ITEM, ReviewDecision.APPROVED, null, CLERK, ENTERED_ON)),
                "reviewer", "own-entry");
    }

    @Test
    void cannotReviewTwiceOrAReturnedResultBeforeItIsRevised() {
        refusedConflict(fixture.given(entered(1, List.of("1"), List.of()), approved())
                .when(new ReviewResult(TASK, OBJECT, ITEM, ReviewDecision.APPROVED, null, APPROVER, ENTERED_ON)),
                "status", "not-awaiting-review");
        refusedConflict(fixture.given(entered(1, List.of("1"), List.of()), returned())
                .when(new ReviewResult(TASK, OBJECT, ITEM, ReviewDecision.APPROVED, null, APPROVER, ENTERED_ON)),
                "status", "not-awaiting-review");
    }

    @Test
    void cannotReviewBeforeTheEntryDate() {
        refused(fixture.given(entered(1, List.of("1"), List.of()))
                .when(new ReviewResult(TASK, OBJECT, ITEM, ReviewDecision.APPROVED, null, APPROVER,
                        ENTERED_ON.minusDays(1))), "reviewedOn", "before-entry");
    }

    // --- PublishResult -----------------------------------------------------------------------------------------

    @Test
    void publishesAnApprovedResultOnTime() {
        fixture.given(entered(1, List.of("1"), List.of()), approved())
                .when(new PublishResult(TASK, OBJECT, ITEM, DEADLINE, APPROVER))
                .expectEvents(published(DEADLINE, false, 0));
    }

    @Test
    void aLatePublicationIsRecordedAsLate() {
        // deadline Thu 2025-02-27; Fri 02-28 and Mon 03-03 are the two working days late
        fixture.given(entered(1, List.of("1"), List.of()), approved())
                .when(new PublishResult(TASK, OBJECT, ITEM, LocalDate.of(2025, 3, 3), APPROVER))
                .expectEvents(published(LocalDate.of(2025, 3, 3), true, 2));
    }

    @Test
    void aPublicationOnTheWeekendAfterAFridayDeadlineIsLateByZeroWorkingDays() {
        LocalDate trigger = LocalDate.of(2024, 10, 3);
        LocalDate deadline = LocalDate.of(2024, 11, 1);
        ResultEntered e = new ResultEntered(TASK, OBJECT, ITEM, 1, DEPT, CLERK, LocalDate.of(2024, 10, 8),
                InspectionMethod.ON_SITE, List.of("1"), TABLE, null, List.of(), List.of(),
                TriggerKind.INSPECTION_ENDED, trigger, deadline, CAL);
        fixture.given(e, new ResultReviewed(TASK, OBJECT, ITEM, 1, ReviewDecision.APPROVED, List.of(), APPROVER,
                        LocalDate.of(2024, 10, 9)))
                .when(new PublishResult(TASK, OBJECT, ITEM, LocalDate.of(2024, 11, 2), APPROVER))
                .expectEvents(new ResultPublished(TASK, OBJECT, ITEM, 1, LocalDate.of(2024, 11, 2), APPROVER,
                        TriggerKind.INSPECTION_ENDED, trigger, deadline, true, 0, CAL));
    }

    @Test
    void cannotPublishBeforeReview() {
        refusedConflict(fixture.given(entered(1, List.of("1"), List.of()))
                .when(new PublishResult(TASK, OBJECT, ITEM, DEADLINE, APPROVER)), "status", "not-approved");
        refusedConflict(fixture.given(entered(1, List.of("1"), List.of()), returned())
                .when(new PublishResult(TASK, OBJECT, ITEM, DEADLINE, APPROVER)), "status", "not-approved");
    }

    @Test
    void cannotPublishTwice() {
        refusedConflict(fixture.given(entered(1, List.of("1"), List.of()), approved(), published(DEADLINE, false, 0))
                .when(new PublishResult(TASK, OBJECT, ITEM, DEADLINE, APPROVER)), "status", "already-published");
    }

    @Test
    void cannotPublishBeforeTheApprovalDate() {
        refused(fixture.given(entered(1, List.of("1"), List.of()), approved())
                .when(new PublishResult(TASK, OBJECT, ITEM, ENTERED_ON.minusDays(1), APPROVER)), "publishedOn",
                "before-review");
    }

    @Test
    void aPublicationDateOutsideTheCalendarIsRefusedWithTheKernelRule() {
        LocalDate trigger = LocalDate.of(2026, 11, 20);
        LocalDate deadline = WorkingDayCalendar.prc().addWorkingDays(trigger, 20);
        ResultEntered e = new ResultEntered(TASK, OBJECT, ITEM, 1, DEPT, CLERK, trigger, InspectionMethod.ON_SITE,
                List.of("1"), TABLE, null, List.of(), List.of(), TriggerKind.INSPECTION_ENDED, trigger, deadline, CAL);
        refused(fixture.given(e, new ResultReviewed(TASK, OBJECT, ITEM, 1, ReviewDecision.APPROVED, List.of(),
                        APPROVER, trigger))
                .when(new PublishResult(TASK, OBJECT, ITEM, LocalDate.of(2027, 1, 4), APPROVER)), "publishedOn",
                "outside-coverage");
    }

    // --- RecordPublicationExemption ----------------------------------------------------------------------------

    @Test
    void anExemptionReplacesPublication() {
        fixture.given(entered(1, List.of("1"), List.of()), approved())
                .when(exemption(LocalDate.of(2025, 2, 20)))
                .expectEvents(exempted());
        refusedConflict(fixture.given(entered(1, List.of("1"), List.of()), approved(), exempted())
                .when(new PublishResult(TASK, OBJECT, ITEM, DEADLINE, APPROVER)), "status", "exempted");
        refusedConflict(fixture.given(entered(1, List.of("1"), List.of()), approved(), exempted())
                .when(exemption(LocalDate.of(2025, 2, 20))), "status", "exempted");
    }

    @Test
    void cannotExemptBeforeReviewOrAfterPublication() {
        refusedConflict(fixture.given(entered(1, List.of("1"), List.of()))
                .when(exemption(LocalDate.of(2025, 2, 20))), "status", "not-approved");
        refusedConflict(fixture.given(entered(1, List.of("1"), List.of()), approved(), published(DEADLINE, false, 0))
                .when(exemption(LocalDate.of(2025, 2, 20))), "status", "already-published");
    }

    @Test
    void anExemptionNamesItsLegalBasisAndTheHigherApproval() {
        refused(fixture.given(entered(1, List.of("1"), List.of()), approved())
                .when(new RecordPublicationExemption(TASK, OBJECT, ITEM, " ", approval(), ENTERED_ON, APPROVER)),
                "legalBasis", "required");
        refused(fixture.given(entered(1, List.of("1"), List.of()), approved())
                .when(new RecordPublicationExemption(TASK, OBJECT, ITEM, "企业信息公示暂行条例 第三条",
                        new HigherApproval("市市场监管局", null, LocalDate.of(2025, 2, 18)), ENTERED_ON, APPROVER)),
                "approval.document", "required");
        refused(fixture.given(entered(1, List.of("1"), List.of()), approved())
                .when(exemption(LocalDate.of(2025, 2, 17))), "approval.approvedOn", "after-recording-date");
    }

    // --- UpdateFollowUp ----------------------------------------------------------------------------------------

    @Test
    void completesAFollowUpMeasureEvenAfterPublication() {
        LocalDate done = LocalDate.of(2025, 3, 10);
        fixture.given(entered(1, List.of("A", "3"), List.of(REFERRAL)), approved(), published(DEADLINE, false, 0))
                .when(new UpdateFollowUp(TASK, OBJECT, ITEM, 1, FollowUpState.DONE, done, done, CLERK))
                .expectEvents(new FollowUpUpdated(TASK, OBJECT, ITEM, 1, FollowUpMeasure.CASE_REFERRAL,
                        FollowUpState.DONE, done, done, CLERK));
    }

    @Test
    void cannotUpdateAnUnknownOrUnchangedFollowUp() {
        refused(fixture.given(entered(1, List.of("A", "3"), List.of(REFERRAL)))
                .when(new UpdateFollowUp(TASK, OBJECT, ITEM, 2, FollowUpState.DONE, ENTERED_ON, ENTERED_ON, CLERK)),
                "followUpNo", "unknown-follow-up");
        refusedConflict(fixture.given(entered(1, List.of("A", "3"), List.of(REFERRAL)))
                .when(new UpdateFollowUp(TASK, OBJECT, ITEM, 1, FollowUpState.OPEN, null, ENTERED_ON, CLERK)),
                "state", "unchanged");
        refused(fixture.given(entered(1, List.of("A", "3"), List.of(REFERRAL)))
                .when(new UpdateFollowUp(TASK, OBJECT, ITEM, 1, FollowUpState.DONE, null, ENTERED_ON, CLERK)),
                "completedOn", "required");
    }

    @Test
    void reopensACompletedFollowUpMeasure() {
        LocalDate done = LocalDate.of(2025, 2, 3);
        FollowUp completed = new FollowUp(FollowUpMeasure.ORDER_CORRECTION, null, null, FollowUpState.DONE, done);
        fixture.given(entered(1, List.of("A", "2"), List.of(completed)))
                .when(new UpdateFollowUp(TASK, OBJECT, ITEM, 1, FollowUpState.OPEN, null, ENTERED_ON, CLERK))
                .expectEvents(new FollowUpUpdated(TASK, OBJECT, ITEM, 1, FollowUpMeasure.ORDER_CORRECTION,
                        FollowUpState.OPEN, null, ENTERED_ON, CLERK));
    }

    @Test
    void aFollowUpIsCompletedBetweenTheTriggerDateAndToday() {
        refused(fixture.given(entered(1, List.of("A", "3"), List.of(REFERRAL)))
                .when(new UpdateFollowUp(TASK, OBJECT, ITEM, 1, FollowUpState.DONE, TRIGGER.minusDays(1), ENTERED_ON,
                        CLERK)), "completedOn", "out-of-range");
        refused(fixture.given(entered(1, List.of("A", "3"), List.of(REFERRAL)))
                .when(new UpdateFollowUp(TASK, OBJECT, ITEM, 1, FollowUpState.DONE, ENTERED_ON.plusDays(1), ENTERED_ON,
                        CLERK)), "completedOn", "out-of-range");
        refused(fixture.given(entered(1, List.of("A", "3"), List.of(REFERRAL)))
                .when(new UpdateFollowUp(TASK, OBJECT, ITEM, 1, null, null, ENTERED_ON, CLERK)), "state", "required");
    }

    @Test
    void aRevisionReplacesTheFollowUpMeasures() {
        refused(fixture.given(entered(1, List.of("A", "3"), List.of(REFERRAL)), returned(), revisedBy(CLERK))
                .when(new UpdateFollowUp(TASK, OBJECT, ITEM, 1, FollowUpState.DONE, ENTERED_ON, ENTERED_ON, CLERK)),
                "followUpNo", "unknown-follow-up");
    }

    // --- limits and required fields ----------------------------------------------------------------------------

    @Test
    void listsAndTextsAreBounded() {
        EnterResult ok = enter(List.of("1"), List.of());
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= InspectionResult.MAX_EVIDENCE; i++) {
            many.add(String.format("%064x", i));
        }
        refused(fixture.givenNoPriorActivity().when(withEvidence(ok, many)), "evidence", "too-many");
        List<FollowUp> measures = new ArrayList<>();
        for (int i = 0; i <= InspectionResult.MAX_FOLLOW_UPS; i++) {
            measures.add(new FollowUp(FollowUpMeasure.ORDER_CORRECTION, null, null, FollowUpState.OPEN, null));
        }
        refused(fixture.givenNoPriorActivity().when(enter(List.of("A", "2"), measures)), "followUps", "too-many");
        refused(fixture.givenNoPriorActivity().when(enter(List.of("A", "3"), List.of(new FollowUp(
                FollowUpMeasure.CASE_REFERRAL, null, "局".repeat(InspectionResult.MAX_NAME + 1), FollowUpState.OPEN,
                null)))), "followUps[0].referredTo", "too-long");
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i <= InspectionResult.MAX_REASONS; i++) {
            reasons.add("理由" + i);
        }
        refused(fixture.given(entered(1, List.of("1"), List.of()))
                .when(new ReviewResult(TASK, OBJECT, ITEM, ReviewDecision.RETURNED, reasons, APPROVER, ENTERED_ON)),
                "reasons", "too-many");
        refused(fixture.given(entered(1, List.of("1"), List.of()))
                .when(new ReviewResult(TASK, OBJECT, ITEM, ReviewDecision.RETURNED,
                        List.of("缺".repeat(InspectionResult.MAX_TEXT + 1)), APPROVER, ENTERED_ON)),
                "reasons[0]", "too-long");
        refused(fixture.given(entered(1, List.of("1"), List.of()), approved())
                .when(new RecordPublicationExemption(TASK, OBJECT, ITEM, "条".repeat(InspectionResult.MAX_TEXT + 1),
                        approval(), LocalDate.of(2025, 2, 20), APPROVER)), "legalBasis", "too-long");
    }

    @Test
    void everyCommandNamesAMissingActorOrDate() {
        EnterResult c = enter(List.of("1"), List.of());
        refused(fixture.givenNoPriorActivity().when(new EnterResult(TASK, OBJECT, ITEM, null, CLERK, ENTERED_ON,
                c.method(), c.resultCodes(), TABLE, null, null, null, TriggerKind.RESULT_FORMED, TRIGGER, CAL)),
                "department", "required");
        refused(fixture.givenNoPriorActivity().when(new EnterResult(TASK, OBJECT, ITEM, DEPT, " ", ENTERED_ON,
                c.method(), c.resultCodes(), TABLE, null, null, null, TriggerKind.RESULT_FORMED, TRIGGER, CAL)),
                "enteredBy", "required");
        refused(fixture.givenNoPriorActivity().when(new EnterResult(TASK, OBJECT, ITEM, DEPT, CLERK, null,
                c.method(), c.resultCodes(), TABLE, null, null, null, TriggerKind.RESULT_FORMED, TRIGGER, CAL)),
                "enteredOn", "required");
        refused(fixture.givenNoPriorActivity().when(new EnterResult(TASK, OBJECT, ITEM, DEPT, CLERK, ENTERED_ON,
                c.method(), c.resultCodes(), null, null, null, null, TriggerKind.RESULT_FORMED, TRIGGER, CAL)),
                "codeTable", "required");
        refused(fixture.givenNoPriorActivity().when(new EnterResult(TASK, OBJECT, ITEM, DEPT, CLERK, ENTERED_ON,
                c.method(), c.resultCodes(), TABLE, null, null, null, TriggerKind.RESULT_FORMED, null, CAL)),
                "triggerDate", "required");
        refused(fixture.given(entered(1, List.of("1"), List.of()))
                .when(new ReviewResult(TASK, OBJECT, ITEM, null, null, APPROVER, ENTERED_ON)), "decision", "required");
        refused(fixture.given(entered(1, List.of("1"), List.of()))
                .when(new ReviewResult(TASK, OBJECT, ITEM, ReviewDecision.APPROVED, null, APPROVER, null)),
                "reviewedOn", "required");
        refused(fixture.given(entered(1, List.of("1"), List.of()), approved())
                .when(new PublishResult(TASK, OBJECT, ITEM, DEADLINE, null)), "publishedBy", "required");
        refused(fixture.given(entered(1, List.of("1"), List.of()), approved())
                .when(new RecordPublicationExemption(TASK, OBJECT, ITEM, "企业信息公示暂行条例 第三条", null,
                        LocalDate.of(2025, 2, 20), APPROVER)), "approval", "required");
        refused(fixture.given(entered(1, List.of("1"), List.of()), approved())
                .when(new RecordPublicationExemption(TASK, OBJECT, ITEM, "企业信息公示暂行条例 第三条",
                        new HigherApproval(" ", "市监函〔2025〕12号", LocalDate.of(2025, 2, 18)),
                        LocalDate.of(2025, 2, 20), APPROVER)), "approval.authority", "required");
        refused(fixture.given(entered(1, List.of("A", "3"), List.of(REFERRAL)))
                .when(new UpdateFollowUp(TASK, OBJECT, ITEM, 1, FollowUpState.DONE, ENTERED_ON, ENTERED_ON, null)),
                "updatedBy", "required");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    static ObjectNode commitment(String hexByte) {
        return JsonNodeFactory.instance.objectNode().put("drl:commit", hexByte.repeat(32));
    }

    static EnterResult enter(List<String> codes, List<FollowUp> followUps) {
        return enter(codes, FINDINGS, TRIGGER, ENTERED_ON, followUps);
    }

    static EnterResult enter(List<String> codes, ObjectNode findings, LocalDate trigger, LocalDate today,
                             List<FollowUp> followUps) {
        return new EnterResult(TASK, OBJECT, ITEM, DEPT, CLERK, today, InspectionMethod.ON_SITE, new ArrayList<>(codes),
                TABLE, findings, List.of(EVIDENCE), followUps, TriggerKind.INSPECTION_ENDED, trigger, CAL);
    }

    static EnterResult withEvidence(EnterResult c, List<String> evidence) {
        return new EnterResult(c.taskId(), c.objectId(), c.itemCode(), c.department(), c.enteredBy(), c.enteredOn(),
                c.method(), c.resultCodes(), c.codeTable(), c.findings(), evidence, c.followUps(), c.triggerKind(),
                c.triggerDate(), c.calendar());
    }

    static ResultEntered entered(int revision, List<String> codes, List<FollowUp> followUps) {
        return new ResultEntered(TASK, OBJECT, ITEM, revision, DEPT, CLERK, ENTERED_ON, InspectionMethod.ON_SITE,
                codes, TABLE, FINDINGS, List.of(EVIDENCE), followUps, TriggerKind.INSPECTION_ENDED, TRIGGER, DEADLINE,
                CAL);
    }

    static ResultEntered revisedBy(String user) {
        return new ResultEntered(TASK, OBJECT, ITEM, 2, DEPT, user, ENTERED_ON, InspectionMethod.ON_SITE,
                List.of("1"), TABLE, FINDINGS, List.of(), List.of(), TriggerKind.INSPECTION_ENDED, TRIGGER, DEADLINE,
                CAL);
    }

    static ResultReviewed approved() {
        return new ResultReviewed(TASK, OBJECT, ITEM, 1, ReviewDecision.APPROVED, List.of(), APPROVER, ENTERED_ON);
    }

    static ResultReviewed returned() {
        return new ResultReviewed(TASK, OBJECT, ITEM, 1, ReviewDecision.RETURNED, List.of("缺少现场照片"), APPROVER,
                ENTERED_ON);
    }

    static ResultPublished published(LocalDate on, boolean late, int workingDaysLate) {
        return new ResultPublished(TASK, OBJECT, ITEM, 1, on, APPROVER, TriggerKind.INSPECTION_ENDED, TRIGGER,
                DEADLINE, late, workingDaysLate, CAL);
    }

    static HigherApproval approval() {
        return new HigherApproval("市市场监管局", "市监函〔2025〕12号", LocalDate.of(2025, 2, 18));
    }

    static RecordPublicationExemption exemption(LocalDate today) {
        return new RecordPublicationExemption(TASK, OBJECT, ITEM, " 企业信息公示暂行条例 第三条（商业秘密） ", approval(),
                today, APPROVER);
    }

    static PublicationExemptionRecorded exempted() {
        return new PublicationExemptionRecorded(TASK, OBJECT, ITEM, 1, "企业信息公示暂行条例 第三条（商业秘密）", approval(),
                LocalDate.of(2025, 2, 20), APPROVER, DEADLINE);
    }

    private static LocalDate deadlineOf(InspectionResult r) {
        try {
            var f = InspectionResult.class.getDeclaredField("deadline");
            f.setAccessible(true);
            return (LocalDate) f.get(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void refused(ResultValidator<InspectionResult> v, String field, String rule) {
        v.expectNoEvents().expectException(CommandRefusedException.class);
        refusal(v, field, rule, false);
    }

    private static void refusedConflict(ResultValidator<InspectionResult> v, String field, String rule) {
        v.expectNoEvents().expectException(CommandRefusedException.class);
        refusal(v, field, rule, true);
    }

    private static void refusal(ResultValidator<InspectionResult> v, String field, String rule, boolean conflict) {
        v.expectException(new org.hamcrest.TypeSafeMatcher<Throwable>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof CommandRefusedException c && c.field().equals(field) && c.rule().equals(rule)
                        && c.isConflict() == conflict;
            }

            @Override
            public void describeTo(org.hamcrest.Description d) {
                d.appendText("refusal of " + field + " by rule " + rule + (conflict ? " (conflict)" : ""));
            }
        });
    }
}
