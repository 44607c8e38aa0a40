package org.drledger.command.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drledger.command.task.TaskFixtures.AFTER_DEADLINE;
import static org.drledger.command.task.TaskFixtures.AFTER_ROUND;
import static org.drledger.command.task.TaskFixtures.BEFORE_ROUND;
import static org.drledger.command.task.TaskFixtures.DIO;
import static org.drledger.command.task.TaskFixtures.ORG;
import static org.drledger.command.task.TaskFixtures.TASK;
import static org.drledger.command.task.TaskFixtures.committed;
import static org.drledger.command.task.TaskFixtures.planJson;
import static org.drledger.command.task.TaskFixtures.planTask;
import static org.drledger.command.task.TaskFixtures.planned;
import static org.drledger.command.task.TaskFixtures.populationFrozen;
import static org.drledger.command.task.TaskFixtures.randomnessRecorded;
import static org.drledger.command.task.TaskFixtures.revealed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.task.TaskCommands.CommitSeed;
import org.drledger.command.task.TaskCommands.DrawOutcome;
import org.drledger.command.task.TaskCommands.ExecuteDraw;
import org.drledger.command.task.TaskCommands.FreezePopulation;
import org.drledger.command.task.TaskCommands.PlanTask;
import org.drledger.command.task.TaskCommands.RecordManualAdjustment;
import org.drledger.command.task.TaskCommands.RecordRandomness;
import org.drledger.command.task.TaskCommands.RecordRecusal;
import org.drledger.command.task.TaskCommands.RevealSeed;
import org.drledger.command.task.TaskCommands.Substitution;
import org.drledger.command.task.TaskCommands.VoidDraw;
import org.drledger.command.task.TaskEvents.AdHocApproval;
import org.drledger.command.task.TaskEvents.DrawVoided;
import org.drledger.command.task.TaskEvents.InspectorRecused;
import org.drledger.command.task.TaskEvents.ManualAdjustmentRecorded;
import org.drledger.command.task.TaskEvents.PlanRef;
import org.drledger.command.task.TaskEvents.RevealMissed;
import org.drledger.command.task.TaskEvents.SealingCheckpoint;
import org.drledger.command.task.TaskEvents.SubstituteAssigned;
import org.drledger.command.task.TaskEvents.TaskItem;
import org.drledger.core.draw.DrawResult;
import org.drledger.core.draw.Recusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every command of {@link InspectionTask}, its success and each refusal, given/when/then. */
class InspectionTaskTest {
    private AggregateTestFixture<InspectionTask> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InspectionTask.class);
    }

    private static void refused(ResultValidator<InspectionTask> r, String field, String rule, boolean conflict) {
        r.expectNoEvents().expectException(new TypeSafeMatcher<Throwable>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof CommandRefusedException c && c.field().equals(field) && c.rule().equals(rule)
                        && c.isConflict() == conflict;
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("a refusal " + field + " / " + rule + (conflict ? " (409)" : " (422)"));
            }

            @Override
            protected void describeMismatchSafely(Throwable t, Description d) {
                d.appendText(t instanceof CommandRefusedException c
                        ? c.field() + " / " + c.rule() + (c.isConflict() ? " (409)" : " (422)") + ": " + c.getMessage()
                        : t.toString());
            }
        });
    }

    private Object[] drawn(DrawOutcome o) {
        return new Object[]{planned(), populationFrozen(), committed(ORG), committed(DIO), randomnessRecorded(),
                revealed(ORG), revealed(DIO), TaskFixtures.drawExecuted(o)};
    }

    private static DrawOutcome bothRevealed() {
        return TaskFixtures.outcome(List.of(ORG, DIO));
    }

    // ---- PlanTask

    @Test
    void plansATaskFromTheAnnualPlanWithItsNormalisedDrawPlanAndHash() {
        fixture.givenNoPriorActivity().when(planTask(planJson())).expectEvents(planned());
    }

    @Test
    void plansAnAdHocTaskWithItsRecordedApproval() {
        PlanTask p = planTask(planJson());
        fixture.givenNoPriorActivity()
                .when(new PlanTask(TASK, InspectionTask.AD_HOC, null, new AdHocApproval("局长 王某", "资市监〔2023〕12号",
                        "2023-08-20"), "amr", List.of("env", "agri"), "COMPLAINT", p.items(), planJson(), BEFORE_ROUND))
                .expectEvents(TaskFixtures.plannedAdHoc());
    }

    @Test
    void cannotPlanATaskWithAMalformedId() {
        PlanTask p = planTask(planJson());
        refused(fixture.givenNoPriorActivity().when(new PlanTask("task:1", p.source(), p.planRef(), null,
                p.leadDepartment(), p.assistingDepartments(), p.category(), p.items(), p.drawPlan(), p.now())),
                "taskId", "task-id-format", false);
    }

    @Test
    void cannotPlanFromTheAnnualPlanWithoutABatch() {
        PlanTask p = planTask(planJson());
        refused(fixture.givenNoPriorActivity().when(new PlanTask(TASK, InspectionTask.PLAN, null, null,
                p.leadDepartment(), p.assistingDepartments(), p.category(), p.items(), p.drawPlan(), p.now())),
                "planRef", "required", false);
    }

    @Test
    void cannotPlanAnAdHocTaskWithoutItsApproval() {
        PlanTask p = planTask(planJson());
        refused(fixture.givenNoPriorActivity().when(new PlanTask(TASK, InspectionTask.AD_HOC, null, null,
                p.leadDepartment(), p.assistingDepartments(), p.category(), p.items(), p.drawPlan(), p.now())),
                "adHocApproval", "required", false);
    }

    @Test
    void cannotPlanAnAdHocTaskWithAnUndatedApproval() {
        PlanTask p = planTask(planJson());
        refused(fixture.givenNoPriorActivity().when(new PlanTask(TASK, InspectionTask.AD_HOC, null,
                new AdHocApproval("局长", "文件", "20 Aug"), p.leadDepartment(), p.assistingDepartments(), p.category(),
                p.items(), p.drawPlan(), p.now())), "adHocApproval.date", "bad-date", false);
    }

    @Test
    void cannotPlanWithBothABatchAndAnAdHocApproval() {
        PlanTask p = planTask(planJson());
        refused(fixture.givenNoPriorActivity().when(new PlanTask(TASK, InspectionTask.PLAN, new PlanRef(2023, "b"),
                new AdHocApproval("a", "d", "2023-08-01"), p.leadDepartment(), p.assistingDepartments(), p.category(),
                p.items(), p.drawPlan(), p.now())), "adHocApproval", "conflicting-fields", false);
    }

    @Test
    void cannotPlanWithAnUnknownSource() {
        PlanTask p = planTask(planJson());
        refused(fixture.givenNoPriorActivity().when(new PlanTask(TASK, "WHIM", null, null, p.leadDepartment(),
                p.assistingDepartments(), p.category(), p.items(), p.drawPlan(), p.now())),
                "source", "unknown-task-source", false);
    }

    @Test
    void cannotPlanFromAnAnnualPlanOfAnImpossibleYear() {
        PlanTask p = planTask(planJson());
        refused(fixture.givenNoPriorActivity().when(new PlanTask(TASK, InspectionTask.PLAN, new PlanRef(199,
                p.planRef().batch()), null, p.leadDepartment(), p.assistingDepartments(), p.category(), p.items(),
                p.drawPlan(), p.now())), "planRef.year", "bad-year", false);
    }

    @Test
    void cannotPlanWithAMalformedLeadOrAssistingDepartment() {
        PlanTask p = planTask(planJson());
        refused(fixture.givenNoPriorActivity().when(new PlanTask(TASK, p.source(), p.planRef(), null, "amr:x",
                p.assistingDepartments(), p.category(), p.items(), p.drawPlan(), p.now())),
                "leadDepartment", "department-format", false);
        refused(fixture.givenNoPriorActivity().when(new PlanTask(TASK, p.source(), p.planRef(), null,
                p.leadDepartment(), List.of("env", " "), p.category(), p.items(), p.drawPlan(), p.now())),
                "assistingDepartments[1]", "department-format", false);
    }

    @Test
    void cannotPlanAnItemThatIsNotInAPublishedVersion() {
        PlanTask p = planTask(planJson());
        TaskItem first = p.items().get(0);
        List<TaskItem> items = new java.util.ArrayList<>(p.items());
        items.set(0, new TaskItem(first.listId(), 0, first.code()));
        refused(fixture.givenNoPriorActivity().when(new PlanTask(TASK, p.source(), p.planRef(), null,
                p.leadDepartment(), p.assistingDepartments(), p.category(), items, p.drawPlan(), p.now())),
                "items[0].version", "not-published", false);
    }

    @Test
    void cannotPlanWithTheLeadDepartmentAlsoAssisting() {
        PlanTask p = planTask(planJson());
        refused(fixture.givenNoPriorActivity().when(new PlanTask(TASK, p.source(), p.planRef(), null, "amr",
                List.of("env", "amr"), p.category(), p.items(), p.drawPlan(), p.now())),
                "assistingDepartments[1]", "duplicate-value", false);
    }

    @Test
    void cannotPlanWithAMalformedCategory() {
        PlanTask p = planTask(planJson());
        refused(fixture.givenNoPriorActivity().when(new PlanTask(TASK, p.source(), p.planRef(), null,
                p.leadDepartment(), p.assistingDepartments(), "routine check", p.items(), p.drawPlan(), p.now())),
                "category", "category-format", false);
    }

    @Test
    void cannotPlanADrawPlanTheKernelRejectsAndNamesItsRuleAndPointer() {
        ObjectNode bad = planJson();
        ((ObjectNode) bad.withArray("strata").get(1).get("ratio")).put("num", 3);
        refused(fixture.givenNoPriorActivity().when(planTask(bad)), "drawPlan/strata/1/ratio", "bad-ratio", false);
        ObjectNode unknown = planJson().put("colour", "red");
        refused(fixture.givenNoPriorActivity().when(planTask(unknown)), "drawPlan/colour", "unknown-field", false);
    }

    @Test
    void cannotPlanADrawPlanOfAnotherTask() {
        refused(fixture.givenNoPriorActivity().when(planTask(planJson().put("taskId", "t-2"))), "drawPlan/taskId",
                "task-id-mismatch", false);
    }

    @Test
    void cannotPlanSlotsForDepartmentsOutsideTheTask() {
        ObjectNode p = planJson();
        ((ArrayNode) p.withArray("teamTemplate").get(1).get("allowedDepartments")).add("tax");
        refused(fixture.givenNoPriorActivity().when(planTask(p)), "drawPlan/teamTemplate/1/allowedDepartments",
                "department-not-in-task", false);
    }

    @Test
    void cannotPlanItemsOtherThanThoseOfThePopulationFilter() {
        PlanTask p = planTask(planJson());
        refused(fixture.givenNoPriorActivity().when(new PlanTask(TASK, p.source(), p.planRef(), null,
                p.leadDepartment(), p.assistingDepartments(), p.category(),
                List.of(new TaskItem("amr-list", 2, "B01-02")), p.drawPlan(), p.now())), "items", "items-mismatch", false);
    }

    @Test
    void cannotPlanARoundThatIsAlreadyPublished() {
        PlanTask p = planTask(planJson());
        refused(fixture.givenNoPriorActivity().when(new PlanTask(TASK, p.source(), p.planRef(), null,
                p.leadDepartment(), p.assistingDepartments(), p.category(), p.items(), p.drawPlan(), AFTER_ROUND)),
                "drawPlan/randomness/round", "round-in-the-past", false);
    }

    @Test
    void cannotPlanARevealDeadlineBeforeTheRound() {
        refused(fixture.givenNoPriorActivity().when(planTask(planJson().put("revealDeadline", "2023-08-23T15:00:00Z"))),
                "drawPlan/revealDeadline", "reveal-deadline-before-round", false);
    }

    // ---- FreezePopulation

    @Test
    void freezesThePopulationAndRosterAsOfALeaf() {
        fixture.given(planned()).when(new FreezePopulation(TASK, TaskFixtures.freeze()))
                .expectEvents(populationFrozen());
    }

    @Test
    void cannotFreezeTwice() {
        refused(fixture.given(planned(), populationFrozen()).when(new FreezePopulation(TASK, TaskFixtures.freeze())),
                "taskId", "already-frozen", true);
    }

    // ---- CommitSeed

    @Test
    void recordsAPartysCommitmentAfterTheFreeze() {
        fixture.given(planned(), populationFrozen()).when(new CommitSeed(TASK, ORG, TaskFixtures.commitment(ORG)))
                .expectEvents(committed(ORG));
    }

    @Test
    void cannotCommitBeforeTheFreeze() {
        refused(fixture.given(planned()).when(new CommitSeed(TASK, ORG, TaskFixtures.commitment(ORG))),
                "taskId", "commit-before-freeze", true);
    }

    @Test
    void cannotCommitForAPartyOutsideThePlan() {
        refused(fixture.given(planned(), populationFrozen()).when(new CommitSeed(TASK, "mallory",
                TaskFixtures.commitment(ORG))), "partyId", "unknown-party", false);
    }

    @Test
    void cannotCommitSomethingOtherThan32Bytes() {
        refused(fixture.given(planned(), populationFrozen()).when(new CommitSeed(TASK, ORG, "abcd")),
                "commitment", "bad-commitment", false);
    }

    @Test
    void cannotCommitTwice() {
        refused(fixture.given(planned(), populationFrozen(), committed(ORG))
                .when(new CommitSeed(TASK, ORG, TaskFixtures.commitment(DIO))), "partyId", "duplicate-commitment", true);
    }

    @Test
    void cannotCommitAfterTheRandomness() {
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO), randomnessRecorded())
                .when(new CommitSeed(TASK, ORG, TaskFixtures.commitment(ORG))), "partyId", "commit-after-randomness",
                true);
    }

    // ---- RecordRandomness

    @Test
    void recordsDrandRandomnessSealedBeforeTheRoundsTime() {
        fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO))
                .when(TaskFixtures.recordRandomness()).expectEvents(randomnessRecorded());
    }

    @Test
    void recordsLotteryRandomnessWithItsDrawDate() {
        ObjectNode lottery = planJson();
        lottery.putObject("randomness").put("source", "cwl-ssq").put("round", 2025006);
        lottery.put("revealDeadline", "2025-01-20T00:00:00Z");
        TaskEvents.TaskPlanned p = planned();
        org.drledger.core.draw.DrawPlan plan = org.drledger.core.draw.DrawPlan.fromJson(lottery);
        TaskEvents.TaskPlanned lotteryPlanned = new TaskEvents.TaskPlanned(TASK, p.source(), p.planRef(), null,
                p.leadDepartment(), p.assistingDepartments(), p.category(), p.items(), plan.toJson(),
                org.drledger.core.bytes.Hex.encode(plan.hash()));
        SealingCheckpoint sealed = new SealingCheckpoint(50, "2025-01-13T15:59:59Z");
        fixture.given(lotteryPlanned, populationFrozen(), committed(ORG), committed(DIO))
                .when(new RecordRandomness(TASK, "cwl-ssq", 2025006, null, null, "01,07,08,17,20,22+06", "2025-01-14",
                        45, sealed, Instant.parse("2025-01-14T14:00:00Z")))
                .expectEvents(new TaskEvents.RandomnessRecorded(TASK, "cwl-ssq", 2025006, null, null,
                        "01,07,08,17,20,22+06", "2025-01-14", org.drledger.core.bytes.Hex.encode(
                        org.drledger.core.crypto.HashAlgorithm.SHA_256.digest("01,07,08,17,20,22+06".getBytes())),
                        "2025-01-13T16:00:00Z", 45, sealed));
    }

    @Test
    void cannotRecordRandomnessBeforeTheFreeze() {
        refused(fixture.given(planned()).when(TaskFixtures.recordRandomness()), "taskId", "randomness-before-freeze",
                true);
    }

    @Test
    void cannotRecordRandomnessWhileACommitmentIsMissing() {
        refused(fixture.given(planned(), populationFrozen(), committed(ORG)).when(TaskFixtures.recordRandomness()),
                "partyId", "missing-commitment", true);
    }

    @Test
    void cannotRecordRandomnessOfAnotherRoundOrSource() {
        RecordRandomness r = TaskFixtures.recordRandomness();
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO))
                .when(new RecordRandomness(TASK, r.source(), 124, r.signature(), r.randomness(), null, null,
                        r.sealedThroughLeaf(), r.sealedBy(), r.now())), "round", "round-mismatch", false);
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO))
                .when(new RecordRandomness(TASK, "cwl-ssq", 123, null, null, "01,07,08,17,20,22+06", "2023-08-22",
                        r.sealedThroughLeaf(), r.sealedBy(), r.now())), "source", "source-mismatch", false);
    }

    @Test
    void cannotRecordDrandRandomnessThatIsNotTheHashOfItsSignature() {
        RecordRandomness r = TaskFixtures.recordRandomness();
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO))
                .when(new RecordRandomness(TASK, r.source(), 123, r.signature(), "00" + r.randomness().substring(2),
                        null, null, r.sealedThroughLeaf(), r.sealedBy(), r.now())), "randomness", "randomness-mismatch",
                false);
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO))
                .when(new RecordRandomness(TASK, r.source(), 123, r.signature().substring(2), r.randomness(),
                        null, null, r.sealedThroughLeaf(), r.sealedBy(), r.now())), "signature", "bad-signature", false);
    }

    @Test
    void cannotRecordRandomnessBeforeTheRoundsTime() {
        RecordRandomness r = TaskFixtures.recordRandomness();
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO))
                .when(new RecordRandomness(TASK, r.source(), 123, r.signature(), r.randomness(), null, null,
                        r.sealedThroughLeaf(), r.sealedBy(), Instant.parse("2023-08-23T15:15:32Z"))),
                "round", "randomness-before-round-time", true);
    }

    @Test
    void cannotRecordRandomnessWithoutACheckpointCoveringTheCommitments() {
        RecordRandomness r = TaskFixtures.recordRandomness();
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO))
                .when(new RecordRandomness(TASK, r.source(), 123, r.signature(), r.randomness(), null, null,
                        r.sealedThroughLeaf(), null, r.now())), "round", "not-sealed", true);
    }

    @Test
    void cannotRecordRandomnessWhenTheSealingCheckpointIsNotBeforeTheRound() {
        RecordRandomness r = TaskFixtures.recordRandomness();
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO))
                .when(new RecordRandomness(TASK, r.source(), 123, r.signature(), r.randomness(), null, null,
                        r.sealedThroughLeaf(), new SealingCheckpoint(50, "2023-08-23T15:15:33Z"), r.now())),
                "round", "sealed-after-round", false);
    }

    @Test
    void cannotRecordRandomnessTwice() {
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO), randomnessRecorded())
                .when(TaskFixtures.recordRandomness()), "round", "randomness-already-recorded", true);
    }

    private static TaskEvents.TaskPlanned lotteryPlanned() {
        ObjectNode lottery = planJson();
        lottery.putObject("randomness").put("source", "cwl-ssq").put("round", 2025006);
        lottery.put("revealDeadline", "2025-01-20T00:00:00Z");
        TaskEvents.TaskPlanned p = planned();
        org.drledger.core.draw.DrawPlan plan = org.drledger.core.draw.DrawPlan.fromJson(lottery);
        return new TaskEvents.TaskPlanned(TASK, p.source(), p.planRef(), null, p.leadDepartment(),
                p.assistingDepartments(), p.category(), p.items(), plan.toJson(),
                org.drledger.core.bytes.Hex.encode(plan.hash()));
    }

    private static RecordRandomness lottery(String signature, String value, String drawDate) {
        return new RecordRandomness(TASK, "cwl-ssq", 2025006, signature, null, value, drawDate, 45,
                new SealingCheckpoint(50, "2025-01-13T15:59:59Z"), Instant.parse("2025-01-14T14:00:00Z"));
    }

    @Test
    void cannotRecordLotteryRandomnessDrawnInAnotherYearThanItsRound() {
        refused(fixture.given(lotteryPlanned(), populationFrozen(), committed(ORG), committed(DIO))
                .when(lottery(null, "01,07,08,17,20,22+06", "2024-01-14")), "drawDate", "draw-date-mismatch", false);
    }

    @Test
    void cannotRecordLotteryRandomnessWithoutItsValueOrInTheWrongForm() {
        refused(fixture.given(lotteryPlanned(), populationFrozen(), committed(ORG), committed(DIO))
                .when(lottery(null, null, "2025-01-14")), "value", "required", false);
        refused(fixture.given(lotteryPlanned(), populationFrozen(), committed(ORG), committed(DIO))
                .when(lottery(null, "07,01,08,17,20,22+06", "2025-01-14")), "value", "bad-lottery-value", false);
        refused(fixture.given(lotteryPlanned(), populationFrozen(), committed(ORG), committed(DIO))
                .when(lottery(null, "01,07,08,17,20,22+06", "14.01.2025")), "drawDate", "bad-date", false);
    }

    @Test
    void cannotRecordLotteryRandomnessCarryingADrandSignature() {
        refused(fixture.given(lotteryPlanned(), populationFrozen(), committed(ORG), committed(DIO))
                .when(lottery(TaskFixtures.SIGNATURE, "01,07,08,17,20,22+06", "2025-01-14")), "signature",
                "conflicting-fields", false);
    }

    @Test
    void cannotRecordDrandRandomnessCarryingALotteryValueOrAMalformedRandomness() {
        RecordRandomness r = TaskFixtures.recordRandomness();
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO))
                .when(new RecordRandomness(TASK, r.source(), 123, r.signature(), r.randomness(),
                        "01,07,08,17,20,22+06", null, r.sealedThroughLeaf(), r.sealedBy(), r.now())), "value",
                "conflicting-fields", false);
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO))
                .when(new RecordRandomness(TASK, r.source(), 123, r.signature(), r.randomness().toUpperCase(),
                        null, null, r.sealedThroughLeaf(), r.sealedBy(), r.now())), "randomness", "bad-randomness",
                false);
    }

    // ---- RevealSeed

    @Test
    void cannotRevealSomethingOtherThanA32ByteSecret() {
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO), randomnessRecorded())
                .when(new RevealSeed(TASK, ORG, "abc", AFTER_ROUND)), "secret", "bad-secret", false);
    }

    @Test
    void recordsARevealThatOpensItsCommitment() {
        fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO), randomnessRecorded())
                .when(new RevealSeed(TASK, ORG, revealed(ORG).secret(), AFTER_ROUND)).expectEvents(revealed(ORG));
    }

    @Test
    void cannotRevealBeforeTheRandomness() {
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO))
                .when(new RevealSeed(TASK, ORG, revealed(ORG).secret(), BEFORE_ROUND)), "partyId",
                "reveal-before-randomness", true);
    }

    @Test
    void cannotRevealASecretThatDoesNotOpenTheCommitment() {
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO), randomnessRecorded())
                .when(new RevealSeed(TASK, ORG, revealed(DIO).secret(), AFTER_ROUND)), "secret", "reveal-mismatch", false);
    }

    @Test
    void cannotRevealTwice() {
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO), randomnessRecorded(),
                revealed(ORG)).when(new RevealSeed(TASK, ORG, revealed(ORG).secret(), AFTER_ROUND)), "partyId",
                "duplicate-reveal", true);
    }

    @Test
    void cannotRevealAfterTheDeadline() {
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO), randomnessRecorded())
                .when(new RevealSeed(TASK, ORG, revealed(ORG).secret(), AFTER_DEADLINE)), "secret",
                "reveal-after-deadline", true);
    }

    @Test
    void cannotRevealAfterTheDraw() {
        DrawOutcome o = TaskFixtures.outcome(List.of(ORG));
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO), randomnessRecorded(),
                revealed(ORG), new RevealMissed(TASK, DIO, "2023-08-23T16:00:00Z", "NOT_REVEALED"),
                TaskFixtures.drawExecuted(o)).when(new RevealSeed(TASK, DIO, revealed(DIO).secret(), AFTER_ROUND)),
                "partyId", "reveal-after-draw", true);
    }

    // ---- ExecuteDraw

    @Test
    void drawsAsSoonAsEveryPartyRevealed() {
        DrawOutcome o = bothRevealed();
        assertThat(o.targets()).isNotEmpty();
        fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO), randomnessRecorded(),
                revealed(ORG), revealed(DIO)).when(new ExecuteDraw(TASK, AFTER_ROUND, List.of(), o))
                .expectEvents(TaskFixtures.drawExecuted(o));
    }

    @Test
    void drawsAfterTheDeadlineWithAMissingRevealAsFlagZero() {
        DrawOutcome o = TaskFixtures.outcome(List.of(ORG));
        fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO), randomnessRecorded(),
                revealed(ORG)).when(new ExecuteDraw(TASK, AFTER_DEADLINE, List.of(), o))
                .expectEvents(new RevealMissed(TASK, DIO, "2023-08-23T16:00:00Z", "NOT_REVEALED"),
                        TaskFixtures.drawExecuted(o));
    }

    @Test
    void aRevealRecordedAfterTheDeadlineByLedgerTimeCountsAsMissed() {
        DrawOutcome o = TaskFixtures.outcome(List.of(ORG));
        fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO), randomnessRecorded(),
                revealed(ORG), revealed(DIO)).when(new ExecuteDraw(TASK, AFTER_DEADLINE, List.of(DIO), o))
                .expectEvents(new RevealMissed(TASK, DIO, "2023-08-23T16:00:00Z", "LATE"), TaskFixtures.drawExecuted(o));
    }

    @Test
    void recordsAConfidentialStratumAsTheRegistrysCommitmentNeverInClear() {
        DrawOutcome o = bothRevealed();
        TaskFreeze.Frozen f = TaskFixtures.frozen();
        assertThat(o.targets()).isNotEmpty().allSatisfy(t -> {
            assertThat(t.stratum().isObject()).isTrue();
            assertThat(t.stratum()).isEqualTo(f.objects().get(t.entityId()).get("creditRiskClass"));
        });
        byte[] payload = org.drledger.core.json.CanonicalJson.write(new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(TaskFixtures.drawExecuted(o)));
        String text = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        text = text.substring(text.indexOf("\"targets\":"), text.indexOf("\"taskId\":")); // strata[] holds counts
        assertThat(text).doesNotContain("\"stratum\":\"A\"").doesNotContain("\"stratum\":\"B\"")
                .contains("\"stratum\":{\"drl:commit\":");
        fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO), randomnessRecorded(),
                revealed(ORG), revealed(DIO)).when(new ExecuteDraw(TASK, AFTER_ROUND, List.of(), o))
                .expectEvents(TaskFixtures.drawExecuted(o));
    }

    @Test
    void neverRecordsADrawWithAConfidentialStratumInClear() {
        DrawOutcome o = bothRevealed();
        List<TaskEvents.Target> clear = new java.util.ArrayList<>();
        DrawResult r = TaskFixtures.draw(List.of(ORG, DIO), List.of());
        for (int i = 0; i < o.targets().size(); i++) {
            TaskEvents.Target t = o.targets().get(i);
            clear.add(new TaskEvents.Target(t.order(), t.entityId(),
                    com.fasterxml.jackson.databind.node.TextNode.valueOf(r.targets().get(i).stratum()), t.district(),
                    t.ticket()));
        }
        DrawOutcome leaky = new DrawOutcome(o.asOfLeaf(), o.planHash(), o.popHash(), o.rosterHash(), o.commitments(),
                o.rand(), o.seed(), o.strata(), clear, o.teams(), o.unfilled());
        fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO), randomnessRecorded(),
                revealed(ORG), revealed(DIO)).when(new ExecuteDraw(TASK, AFTER_ROUND, List.of(), leaky))
                .expectNoEvents().expectException(IllegalStateException.class);
    }

    @Test
    void drawExecutedIsWrittenUnderPayloadSchemaTwo() {
        assertThat(TaskEvents.DrawExecuted.class.getAnnotation(org.axonframework.serialization.Revision.class)
                .value()).isEqualTo("2");
    }

    @Test
    void cannotDrawBeforeTheRandomness() {
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO))
                .when(new ExecuteDraw(TASK, AFTER_DEADLINE, List.of(), null)), "taskId", "draw-before-randomness", true);
    }

    @Test
    void cannotDrawBeforeTheRevealDeadlineWhileRevealsAreOutstanding() {
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO), randomnessRecorded(),
                revealed(ORG)).when(new ExecuteDraw(TASK, Instant.parse("2023-08-23T16:00:00Z"), List.of(),
                TaskFixtures.outcome(List.of(ORG)))), "taskId", "draw-before-reveal-deadline", true);
    }

    @Test
    void cannotDrawASecondTime() {
        refused(fixture.given(drawn(bothRevealed())).when(new ExecuteDraw(TASK, AFTER_DEADLINE, List.of(),
                bothRevealed())), "taskId", "second-draw", true);
    }

    @Test
    void cannotRecordADrawComputedForAnotherState() {
        // computed as if the discipline office had revealed, but it has not
        refused(fixture.given(planned(), populationFrozen(), committed(ORG), committed(DIO), randomnessRecorded(),
                revealed(ORG)).when(new ExecuteDraw(TASK, AFTER_DEADLINE, List.of(), bothRevealed())), "taskId",
                "state-changed", true);
    }

    // ---- RecordRecusal

    @Test
    void recordsARecusalWithTheKernelsSubstitute() {
        DrawOutcome o = bothRevealed();
        TaskEvents.Target first = o.targets().get(0);
        String officer = o.teams().get(0).slots().get(0).officerId();
        DrawResult r = TaskFixtures.draw(List.of(ORG, DIO), List.of(new Recusal(first.entityId(), officer, 1)));
        DrawResult.Substitution s = r.substitutions().get(0);
        fixture.given(drawn(o))
                .when(new RecordRecusal(TASK, first.entityId(), officer, "亲属关系", "局长 王某", 1,
                        new Substitution(1, s.substituteOfficerId(), s.department(), s.relaxationStep())))
                .expectEvents(new InspectorRecused(TASK, 1, first.entityId(), 1, officer, "亲属关系", "局长 王某"),
                        new SubstituteAssigned(TASK, 1, first.entityId(), 1, officer, s.substituteOfficerId(),
                                s.department(), true, s.relaxationStep()));
    }

    @Test
    void cannotRecuseBeforeTheDraw() {
        refused(fixture.given(planned(), populationFrozen()).when(new RecordRecusal(TASK, "E01", "O1", "r", "head", 1,
                null)), "objectId", "recusal-before-draw", true);
    }

    @Test
    void cannotRecuseForAnEntityThatIsNotATarget() {
        refused(fixture.given(drawn(bothRevealed())).when(new RecordRecusal(TASK, "E99", "O1", "r", "head", 1, null)),
                "objectId", "unknown-target", false);
    }

    @Test
    void cannotRecuseAnOfficerWhoIsNotOnTheTeam() {
        DrawOutcome o = bothRevealed();
        refused(fixture.given(drawn(o)).when(new RecordRecusal(TASK, o.targets().get(0).entityId(), "O5", "r", "head",
                1, null)), "officerId", "recusal-not-on-team", false);
    }

    @Test
    void cannotRecuseWithoutTheAgencyHeadsDecision() {
        DrawOutcome o = bothRevealed();
        refused(fixture.given(drawn(o)).when(new RecordRecusal(TASK, o.targets().get(0).entityId(),
                o.teams().get(0).slots().get(0).officerId(), "r", " ", 1, null)), "decidedBy", "required", false);
    }

    // ---- RecordManualAdjustment

    @Test
    void recordsAManualAdjustmentBesideTheDraw() {
        DrawOutcome o = bothRevealed();
        TaskEvents.Team team = o.teams().get(0);
        String previous = team.slots().get(1).officerId();
        String other = previous == null || !previous.equals("O3") ? "O3" : "O4";
        fixture.given(drawn(o)).when(new RecordManualAdjustment(TASK, team.entityId(), 2, other, "env", "专业需要",
                        "局长 王某"))
                .expectEvents(new ManualAdjustmentRecorded(TASK, team.entityId(), 2, previous, other, "env", "专业需要",
                        "局长 王某"));
    }

    @Test
    void cannotAdjustBeforeTheDraw() {
        refused(fixture.given(planned()).when(new RecordManualAdjustment(TASK, "E01", 1, "O1", "amr", "r", "a")),
                "objectId", "adjustment-before-draw", true);
    }

    @Test
    void cannotAdjustWithoutAReasonOrAnApprover() {
        DrawOutcome o = bothRevealed();
        String e = o.targets().get(0).entityId();
        refused(fixture.given(drawn(o)).when(new RecordManualAdjustment(TASK, e, 1, "O6", "amr", "", "a")),
                "reason", "required", false);
        refused(fixture.given(drawn(o)).when(new RecordManualAdjustment(TASK, e, 1, "O6", "amr", "r", null)),
                "approver", "required", false);
    }

    @Test
    void cannotAdjustASlotOutsideTheTemplateOrANonTarget() {
        DrawOutcome o = bothRevealed();
        refused(fixture.given(drawn(o)).when(new RecordManualAdjustment(TASK, o.targets().get(0).entityId(), 3, "O6",
                "amr", "r", "a")), "slot", "bad-slot", false);
        refused(fixture.given(drawn(o)).when(new RecordManualAdjustment(TASK, "E99", 1, "O6", "amr", "r", "a")),
                "objectId", "unknown-target", false);
    }

    @Test
    void cannotAdjustASlotToItsCurrentOfficerOrToAnotherMember() {
        DrawOutcome o = bothRevealed();
        TaskEvents.Team team = o.teams().stream().filter(t -> t.slots().stream().allMatch(s -> s.officerId() != null))
                .findFirst().orElseThrow();
        String leader = team.slots().get(0).officerId();
        refused(fixture.given(drawn(o)).when(new RecordManualAdjustment(TASK, team.entityId(), 1, leader, "amr", "r",
                "a")), "officerId", "no-change", false);
        refused(fixture.given(drawn(o)).when(new RecordManualAdjustment(TASK, team.entityId(), 2, leader, "amr", "r",
                "a")), "officerId", "already-on-team", false);
    }

    // ---- VoidDraw

    @Test
    void voidsTheTasksDraw() {
        fixture.given(drawn(bothRevealed())).when(new VoidDraw(TASK, "程序错误", "局长 王某"))
                .expectEvents(new DrawVoided(TASK, "程序错误", "局长 王某"));
    }

    @Test
    void cannotVoidWithoutAReason() {
        refused(fixture.given(drawn(bothRevealed())).when(new VoidDraw(TASK, " ", "局长")), "reason", "required", false);
    }

    @Test
    void nothingHappensOnAVoidedTask() {
        DrawOutcome o = bothRevealed();
        Object[] history = java.util.stream.Stream.concat(java.util.Arrays.stream(drawn(o)),
                java.util.stream.Stream.of(new DrawVoided(TASK, "r", "a"))).toArray();
        refused(fixture.given(history).when(new VoidDraw(TASK, "again", "a")), "taskId", "task-voided", true);
        refused(fixture.given(history).when(new ExecuteDraw(TASK, AFTER_DEADLINE, List.of(), o)), "taskId",
                "task-voided", true);
        refused(fixture.given(history).when(new RecordManualAdjustment(TASK, o.targets().get(0).entityId(), 1, "O6",
                "amr", "r", "a")), "taskId", "task-voided", true);
        refused(fixture.given(planned(), new DrawVoided(TASK, "r", "a")).when(new FreezePopulation(TASK,
                TaskFixtures.freeze())), "taskId", "task-voided", true);
    }
}
