package org.drledger.command.plan;

import static org.drledger.command.checklist.Refusals.refused;
import static org.drledger.command.checklist.Refusals.refusedSaying;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.drledger.command.checklist.ChecklistKind;
import org.drledger.command.checklist.ItemRef;
import org.drledger.command.checklist.ItemTier;
import org.drledger.command.checklist.PublishedItemFact;
import org.drledger.command.checklist.Ratio;
import org.drledger.command.plan.Commands.AdjustPlan;
import org.drledger.command.plan.Commands.ConsolidateDistrictPlan;
import org.drledger.command.plan.Commands.PlanSelection;
import org.drledger.command.plan.Commands.PublishPlan;
import org.drledger.command.plan.Commands.RecordGovernmentApproval;
import org.drledger.command.plan.Commands.RecordPlanFiling;
import org.drledger.command.plan.Commands.SubmitDepartmentPlan;
import org.drledger.command.plan.Events.DepartmentPlanSubmitted;
import org.drledger.command.plan.Events.DistrictPlanAdjusted;
import org.drledger.command.plan.Events.DistrictPlanApproved;
import org.drledger.command.plan.Events.DistrictPlanConsolidated;
import org.drledger.command.plan.Events.DistrictPlanFiled;
import org.drledger.command.plan.Events.DistrictPlanPublished;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnnualPlanTest {
    private static final int YEAR = 2027;
    private static final ItemRef LICENCE = new ItemRef("scjgj-list", 1, "A01-01");
    private static final ItemRef KEY_ITEM = new ItemRef("scjgj-list", 1, "B01-01");
    private static final PublishedItemFact LICENCE_FACT = new PublishedItemFact("scjgj-list", 1, "A01-01", "scjgj",
            ChecklistKind.DEPARTMENT, ItemTier.GENERAL, new Ratio(1, 10), false);
    private static final PublishedItemFact KEY_FACT = new PublishedItemFact("scjgj-list", 1, "B01-01", "scjgj",
            ChecklistKind.DEPARTMENT, ItemTier.KEY, null, false);
    private static final List<PublishedItemFact> FACTS = List.of(LICENCE_FACT, KEY_FACT);
    private static final LocalDate DEC_20 = LocalDate.of(2026, 12, 20);

    private FixtureConfiguration<AnnualPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AnnualPlan.class);
    }

    static PlanBatch batch(String id, String lead, Ratio ratio, ItemRef... items) {
        return new PlanBatch(id, "资阳区市场监督管理局", "对市场主体登记事项的行政检查", List.of(items),
                new Period(LocalDate.of(YEAR, 3, 1), LocalDate.of(YEAR, 11, 30)), "登记注册股", ratio, 1, 20, lead,
                List.of());
    }

    static PlanBatch batch(String id, String lead) {
        return batch(id, lead, new Ratio(1, 20), LICENCE);
    }

    private static DepartmentPlanSubmitted submitted(String dept, int version, LocalDate on, PlanBatch... batches) {
        LocalDate deadline = LocalDate.of(YEAR - 1, 12, 31);
        return new DepartmentPlanSubmitted(YEAR, dept, version, List.of(batches), on, deadline, on.isAfter(deadline));
    }

    private static DistrictPlanConsolidated consolidated() {
        return new DistrictPlanConsolidated(YEAR, 1, List.of(new DepartmentPlanRef("plan:2027:scjgj", "scjgj", 1,
                List.of("scjgj-01"))), List.of(batch("joint-01", "scjgj")), LocalDate.of(YEAR, 1, 20),
                LocalDate.of(YEAR, 1, 31), false);
    }

    private static DistrictPlanApproved approved() {
        return new DistrictPlanApproved(YEAR, 1, "资政函〔2027〕3号", LocalDate.of(YEAR, 1, 28));
    }

    private static DistrictPlanPublished published() {
        return new DistrictPlanPublished(YEAR, 1, LocalDate.of(YEAR, 2, 5), LocalDate.of(YEAR, 2, 10), false);
    }

    private static AdjustPlan adjust(LocalDate on, PlanChanges changes) {
        return new AdjustPlan(YEAR, changes, "上级部署专项抽查", "区人民政府分管副区长", on, 7, FACTS);
    }

    private static PlanChanges adding(PlanBatch b) {
        return new PlanChanges(List.of(b), List.of(), List.of());
    }

    // --- SubmitDepartmentPlan

    @Test
    void aDepartmentSubmitsItsPlanOnTime() {
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(batch("scjgj-01", "scjgj")), DEC_20, FACTS))
                .expectEvents(submitted("scjgj", 1, DEC_20, batch("scjgj-01", "scjgj")));
    }

    @Test
    void theLastDayOfDecemberIsStillOnTime() {
        LocalDate dec31 = LocalDate.of(2026, 12, 31);
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(batch("scjgj-01", "scjgj")), dec31, FACTS))
                .expectEvents(new DepartmentPlanSubmitted(YEAR, "scjgj", 1, List.of(batch("scjgj-01", "scjgj")),
                        dec31, dec31, false));
    }

    @Test
    void aLateSubmissionIsRecordedNotRefused() {
        LocalDate jan5 = LocalDate.of(YEAR, 1, 5);
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "swj", List.of(batch("swj-01", "swj")), jan5, FACTS))
                .expectEvents(new DepartmentPlanSubmitted(YEAR, "swj", 1, List.of(batch("swj-01", "swj")), jan5,
                        LocalDate.of(2026, 12, 31), true));
    }

    @Test
    void aResubmissionIsTheNextVersion() {
        fixture.given(submitted("scjgj", 1, DEC_20, batch("scjgj-01", "scjgj")))
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(batch("scjgj-02", "scjgj")), DEC_20, FACTS))
                .expectEvents(submitted("scjgj", 2, DEC_20, batch("scjgj-02", "scjgj")));
    }

    @Test
    void aPlanNeedsBatches() {
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(), DEC_20, FACTS))
                .expectNoEvents()
                .expectException(refused("batches", "required", false));
    }

    @Test
    void planBatchesReferencePublishedItems() {
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(batch("scjgj-01", "scjgj")), DEC_20, List.of()))
                .expectNoEvents()
                .expectException(refused("batches[0].items[0]", "item-not-published", false));
        PublishedItemFact retired = new PublishedItemFact("scjgj-list", 1, "A01-01", "scjgj", ChecklistKind.DEPARTMENT,
                ItemTier.GENERAL, new Ratio(1, 10), true);
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(batch("scjgj-01", "scjgj")), DEC_20,
                        List.of(retired)))
                .expectNoEvents()
                .expectException(refused("batches[0].items[0]", "item-retired", false));
    }

    @Test
    void aBatchRatioStaysWithinTheCapOfItsGeneralItems() {
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(batch("scjgj-01", "scjgj", new Ratio(3, 20),
                        LICENCE)), DEC_20, FACTS))
                .expectNoEvents()
                .expectException(refused("batches[0].ratio", "ratio-above-item-cap", false));
        PlanBatch keyOnly = batch("scjgj-01", "scjgj", new Ratio(1, 1), KEY_ITEM);
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(keyOnly), DEC_20, FACTS))
                .expectEvents(submitted("scjgj", 1, DEC_20, keyOnly));
    }

    @Test
    void aBatchRatioIsAFractionOfAtMostOne() {
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(batch("scjgj-01", "scjgj", new Ratio(0, 20),
                        KEY_ITEM)), DEC_20, FACTS))
                .expectException(refused("batches[0].ratio", "ratio-range", false));
    }

    @Test
    void aBatchRunsInsideThePlanYear() {
        PlanBatch b = batch("scjgj-01", "scjgj");
        PlanBatch outside = new PlanBatch(b.batchId(), b.inspectingAuthority(), b.name(), b.items(),
                new Period(LocalDate.of(YEAR, 12, 1), LocalDate.of(YEAR + 1, 1, 31)), b.unit(), b.ratio(), 1, 20,
                "scjgj", List.of());
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(outside), DEC_20, FACTS))
                .expectException(refused("batches[0].period", "period-outside-plan-year", false));
        PlanBatch reversed = new PlanBatch(b.batchId(), b.inspectingAuthority(), b.name(), b.items(),
                new Period(LocalDate.of(YEAR, 5, 1), LocalDate.of(YEAR, 4, 1)), b.unit(), b.ratio(), 1, 20, "scjgj",
                List.of());
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(reversed), DEC_20, FACTS))
                .expectException(refused("batches[0].period", "period-order", false));
    }

    @Test
    void aBatchHasFrequencyAndQuantity() {
        PlanBatch b = batch("scjgj-01", "scjgj");
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(new PlanBatch(b.batchId(),
                        b.inspectingAuthority(), b.name(), b.items(), b.period(), b.unit(), b.ratio(), 0, 20, "scjgj",
                        List.of())), DEC_20, FACTS))
                .expectException(refused("batches[0].frequency", "at-least-one", false));
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(new PlanBatch(b.batchId(),
                        b.inspectingAuthority(), b.name(), b.items(), b.period(), b.unit(), b.ratio(), 1, 0, "scjgj",
                        List.of())), DEC_20, FACTS))
                .expectException(refused("batches[0].quantity", "at-least-one", false));
    }

    @Test
    void batchIdsAreUniqueInAPlan() {
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(batch("scjgj-01", "scjgj"),
                        batch("scjgj-01", "scjgj")), DEC_20, FACTS))
                .expectException(refused("batches[1].batchId", "duplicate-batch-id", false));
    }

    @Test
    void aDepartmentPlansBatchesItLeads() {
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(batch("scjgj-01", "swj")), DEC_20, FACTS))
                .expectException(refused("batches[0].leadDepartment", "lead-is-the-submitter", false));
    }

    @Test
    void noDepartmentIsCalledDistrict() {
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "district", List.of(batch("d-01", "district")), DEC_20, FACTS))
                .expectException(refused("department", "reserved-department-id", false));
    }

    @Test
    void aPlanYearIsPlausible() {
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(1999, "scjgj", List.of(batch("scjgj-01", "scjgj")), DEC_20, FACTS))
                .expectException(refused("year", "year-range", false));
    }

    // --- ConsolidateDistrictPlan

    private static ConsolidateDistrictPlan consolidate(LocalDate on) {
        return new ConsolidateDistrictPlan(YEAR, List.of(new PlanSelection("scjgj", 1)),
                List.of(batch("joint-01", "scjgj")), on, List.of(new SubmittedPlanFact("scjgj", 1,
                List.of("scjgj-01"))), FACTS);
    }

    @Test
    void theOfficeConsolidatesSubmittedPlansAndJointBatches() {
        fixture.givenNoPriorActivity()
                .when(consolidate(LocalDate.of(YEAR, 1, 20)))
                .expectEvents(consolidated());
    }

    @Test
    void aLateConsolidationIsRecordedNotRefused() {
        LocalDate feb3 = LocalDate.of(YEAR, 2, 3);
        DistrictPlanConsolidated on = consolidated();
        fixture.givenNoPriorActivity()
                .when(consolidate(feb3))
                .expectEvents(new DistrictPlanConsolidated(YEAR, 1, on.departmentPlans(), on.jointBatches(), feb3,
                        LocalDate.of(YEAR, 1, 31), true));
    }

    @Test
    void aConsolidationTakesInOnlySubmittedPlans() {
        fixture.givenNoPriorActivity()
                .when(new ConsolidateDistrictPlan(YEAR, List.of(new PlanSelection("scjgj", 2)), List.of(),
                        LocalDate.of(YEAR, 1, 20), List.of(new SubmittedPlanFact("scjgj", 1, List.of("scjgj-01"))),
                        FACTS))
                .expectNoEvents()
                .expectException(refused("departmentPlans[0]", "department-plan-not-submitted", false));
    }

    @Test
    void aConsolidationTakesInOneVersionADepartment() {
        fixture.givenNoPriorActivity()
                .when(new ConsolidateDistrictPlan(YEAR, List.of(new PlanSelection("scjgj", 1),
                        new PlanSelection("scjgj", 2)), List.of(), LocalDate.of(YEAR, 1, 20),
                        List.of(new SubmittedPlanFact("scjgj", 1, List.of("a")), new SubmittedPlanFact("scjgj", 2,
                                List.of("b"))), FACTS))
                .expectException(refused("departmentPlans[1].department", "duplicate-department", false));
    }

    @Test
    void batchIdsAreUniqueInTheDistrictPlan() {
        fixture.givenNoPriorActivity()
                .when(new ConsolidateDistrictPlan(YEAR, List.of(new PlanSelection("scjgj", 1)),
                        List.of(batch("scjgj-01", "scjgj")), LocalDate.of(YEAR, 1, 20),
                        List.of(new SubmittedPlanFact("scjgj", 1, List.of("scjgj-01"))), FACTS))
                .expectException(refused("jointBatches[0].batchId", "duplicate-batch-id", false));
    }

    @Test
    void anEmptyDistrictPlanIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ConsolidateDistrictPlan(YEAR, List.of(), List.of(), LocalDate.of(YEAR, 1, 20), List.of(),
                        FACTS))
                .expectException(refused("departmentPlans", "empty-plan", false));
    }

    @Test
    void aPlanIsConsolidatedAgainUntilApproved() {
        DistrictPlanConsolidated first = consolidated();
        fixture.given(first)
                .when(consolidate(LocalDate.of(YEAR, 1, 25)))
                .expectEvents(new DistrictPlanConsolidated(YEAR, 2, first.departmentPlans(), first.jointBatches(),
                        LocalDate.of(YEAR, 1, 25), LocalDate.of(YEAR, 1, 31), false));
        fixture.given(first, approved())
                .when(consolidate(LocalDate.of(YEAR, 1, 29)))
                .expectNoEvents()
                .expectException(refused("year", "already-approved", true));
    }

    // --- RecordGovernmentApproval

    @Test
    void theGovernmentsApprovalIsRecorded() {
        fixture.given(consolidated())
                .when(new RecordGovernmentApproval(YEAR, " 资政函〔2027〕3号 ", LocalDate.of(YEAR, 1, 28)))
                .expectEvents(approved());
    }

    @Test
    void cannotApproveAPlanNotYetConsolidated() {
        fixture.givenNoPriorActivity()
                .when(new RecordGovernmentApproval(YEAR, "资政函〔2027〕3号", LocalDate.of(YEAR, 1, 28)))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void anApprovalIsRecordedOnce() {
        fixture.given(consolidated(), approved())
                .when(new RecordGovernmentApproval(YEAR, "资政函〔2027〕4号", LocalDate.of(YEAR, 1, 29)))
                .expectNoEvents()
                .expectException(refused("approvedOn", "already-approved", true));
    }

    @Test
    void anApprovalNamesItsDocumentAndFollowsTheConsolidation() {
        fixture.given(consolidated())
                .when(new RecordGovernmentApproval(YEAR, " ", LocalDate.of(YEAR, 1, 28)))
                .expectException(refused("document", "required", false));
        fixture.given(consolidated())
                .when(new RecordGovernmentApproval(YEAR, "资政函〔2027〕3号", LocalDate.of(YEAR, 1, 19)))
                .expectException(refused("approvedOn", "before-consolidation", false));
    }

    // --- PublishPlan

    @Test
    void theApprovedPlanIsPublishedInEarlyFebruary() {
        fixture.given(consolidated(), approved())
                .when(new PublishPlan(YEAR, LocalDate.of(YEAR, 2, 5)))
                .expectEvents(published());
    }

    @Test
    void aLatePublicationIsRecordedNotRefused() {
        fixture.given(consolidated(), approved())
                .when(new PublishPlan(YEAR, LocalDate.of(YEAR, 2, 11)))
                .expectEvents(new DistrictPlanPublished(YEAR, 1, LocalDate.of(YEAR, 2, 11), LocalDate.of(YEAR, 2, 10),
                        true));
    }

    @Test
    void cannotPublishBeforeApproval() {
        fixture.given(consolidated())
                .when(new PublishPlan(YEAR, LocalDate.of(YEAR, 2, 5)))
                .expectNoEvents()
                .expectException(refused("publishedOn", "not-approved", true));
        fixture.given(consolidated(), approved())
                .when(new PublishPlan(YEAR, LocalDate.of(YEAR, 1, 27)))
                .expectNoEvents()
                .expectException(refused("publishedOn", "before-approval", false));
    }

    @Test
    void aPlanIsPublishedOnce() {
        fixture.given(consolidated(), approved(), published())
                .when(new PublishPlan(YEAR, LocalDate.of(YEAR, 2, 6)))
                .expectNoEvents()
                .expectException(refused("publishedOn", "already-published", true));
    }

    // --- RecordPlanFiling

    @Test
    void theApprovedPlanIsFiledWithTheCityBureau() {
        fixture.given(consolidated(), approved(), published())
                .when(new RecordPlanFiling(YEAR, "益阳市市场监督管理局", LocalDate.of(YEAR, 2, 8)))
                .expectEvents(new DistrictPlanFiled(YEAR, 1, "益阳市市场监督管理局", LocalDate.of(YEAR, 2, 8)));
    }

    @Test
    void cannotFileBeforeApproval() {
        fixture.given(consolidated())
                .when(new RecordPlanFiling(YEAR, "益阳市市场监督管理局", LocalDate.of(YEAR, 2, 8)))
                .expectNoEvents()
                .expectException(refused("filedOn", "not-approved", true));
        fixture.given(consolidated(), approved())
                .when(new RecordPlanFiling(YEAR, "益阳市市场监督管理局", LocalDate.of(YEAR, 1, 2)))
                .expectNoEvents()
                .expectException(refused("filedOn", "before-approval", false));
    }

    @Test
    void aPlanIsFiledOnceAndWithSomeone() {
        fixture.given(consolidated(), approved(), new DistrictPlanFiled(YEAR, 1, "益阳市市场监督管理局",
                        LocalDate.of(YEAR, 2, 8)))
                .when(new RecordPlanFiling(YEAR, "益阳市市场监督管理局", LocalDate.of(YEAR, 2, 9)))
                .expectException(refused("filedOn", "already-filed", true));
        fixture.given(consolidated(), approved())
                .when(new RecordPlanFiling(YEAR, "", LocalDate.of(YEAR, 2, 9)))
                .expectException(refused("filedWith", "required", false));
    }

    // --- AdjustPlan

    @Test
    void thePublishedPlanIsAdjustedInsideTheWindow() {
        LocalDate mar27 = LocalDate.of(YEAR, 3, 27);
        PlanBatch added = batch("joint-02", "swj");
        PlanBatch changed = batch("joint-01", "scjgj", new Ratio(1, 10), LICENCE);
        PlanChanges changes = new PlanChanges(List.of(added), List.of("scjgj-01"), List.of(changed));
        fixture.given(consolidated(), approved(), published())
                .when(adjust(mar27, changes))
                .expectEvents(new DistrictPlanAdjusted(YEAR, 1, changes, "上级部署专项抽查", "区人民政府分管副区长",
                        mar27, new Period(LocalDate.of(YEAR, 3, 25), LocalDate.of(YEAR, 3, 31))));
    }

    @Test
    void cannotAdjustPlanOutsideQuarterEndWeek() {
        fixture.given(consolidated(), approved(), published())
                .when(adjust(LocalDate.of(YEAR, 3, 24), adding(batch("joint-02", "swj"))))
                .expectNoEvents()
                .expectException(refusedSaying("adjustedOn", "outside-adjustment-window", "2027-03-25 to 2027-03-31"));
        fixture.given(consolidated(), approved(), published())
                .when(adjust(LocalDate.of(YEAR, 4, 1), adding(batch("joint-02", "swj"))))
                .expectNoEvents()
                .expectException(refusedSaying("adjustedOn", "outside-adjustment-window", "2027-06-24 to 2027-06-30"));
    }

    @Test
    void theWindowLengthComesWithTheCommand() {
        LocalDate mar22 = LocalDate.of(YEAR, 3, 22);
        PlanChanges changes = adding(batch("joint-02", "swj"));
        fixture.given(consolidated(), approved(), published())
                .when(new AdjustPlan(YEAR, changes, "r", "a", mar22, 10, FACTS))
                .expectEvents(new DistrictPlanAdjusted(YEAR, 1, changes, "r", "a", mar22,
                        new Period(mar22, LocalDate.of(YEAR, 3, 31))));
        fixture.given(consolidated(), approved(), published())
                .when(new AdjustPlan(YEAR, changes, "r", "a", mar22, 0, FACTS))
                .expectException(refused("windowDays", "window-days-range", false));
    }

    @Test
    void cannotAdjustAPlanNotYetPublished() {
        fixture.given(consolidated(), approved())
                .when(adjust(LocalDate.of(YEAR, 3, 27), adding(batch("joint-02", "swj"))))
                .expectNoEvents()
                .expectException(refused("adjustedOn", "not-published", true));
    }

    @Test
    void aPlanIsAdjustedWithinItsYear() {
        fixture.given(consolidated(), approved(), published())
                .when(adjust(LocalDate.of(YEAR + 1, 3, 27), adding(batch("joint-02", "swj"))))
                .expectException(refused("adjustedOn", "outside-plan-year", false));
    }

    @Test
    void anAdjustmentHasChangesAReasonAndAnApprover() {
        LocalDate mar27 = LocalDate.of(YEAR, 3, 27);
        fixture.given(consolidated(), approved(), published())
                .when(adjust(mar27, new PlanChanges(List.of(), List.of(), List.of())))
                .expectException(refused("changes", "no-changes", false));
        fixture.given(consolidated(), approved(), published())
                .when(new AdjustPlan(YEAR, adding(batch("joint-02", "swj")), " ", "a", mar27, 7, FACTS))
                .expectException(refused("reason", "required", false));
        fixture.given(consolidated(), approved(), published())
                .when(new AdjustPlan(YEAR, adding(batch("joint-02", "swj")), "r", null, mar27, 7, FACTS))
                .expectException(refused("approver", "required", false));
    }

    @Test
    void anAdjustmentNamesBatchesInForceAndNewIdsForNewBatches() {
        LocalDate mar27 = LocalDate.of(YEAR, 3, 27);
        fixture.given(consolidated(), approved(), published())
                .when(adjust(mar27, new PlanChanges(List.of(), List.of("nope"), List.of())))
                .expectException(refused("changes.removed[0]", "unknown-batch", false));
        fixture.given(consolidated(), approved(), published())
                .when(adjust(mar27, adding(batch("scjgj-01", "scjgj"))))
                .expectException(refused("changes.added[0].batchId", "duplicate-batch-id", false));
        fixture.given(consolidated(), approved(), published())
                .when(adjust(mar27, new PlanChanges(List.of(), List.of("joint-01"), List.of(batch("joint-01",
                        "scjgj")))))
                .expectException(refused("changes.changed[0].batchId", "duplicate-batch-id", false));
        PlanChanges removal = new PlanChanges(List.of(), List.of("joint-01"), List.of());
        fixture.given(consolidated(), approved(), published(), new DistrictPlanAdjusted(YEAR, 1, removal, "r", "a",
                        mar27, new Period(LocalDate.of(YEAR, 3, 25), LocalDate.of(YEAR, 3, 31))))
                .when(adjust(LocalDate.of(YEAR, 6, 25), adding(batch("joint-01", "scjgj"))))
                .expectException(refused("changes.added[0].batchId", "duplicate-batch-id", false));
    }

    @Test
    void adjustedBatchesReferencePublishedItems() {
        fixture.given(consolidated(), approved(), published())
                .when(new AdjustPlan(YEAR, adding(batch("joint-02", "swj")), "r", "a", LocalDate.of(YEAR, 3, 27), 7,
                        List.of()))
                .expectException(refused("changes.added[0].items[0]", "item-not-published", false));
    }

    // --- dates and departments every command needs

    @Test
    void everyDatedCommandNeedsItsDate() {
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(batch("scjgj-01", "scjgj")), null, FACTS))
                .expectException(refused("submittedOn", "required", false));
        setUp(); // another stream: the fixture keeps to one aggregate id per instance
        fixture.givenNoPriorActivity()
                .when(new ConsolidateDistrictPlan(YEAR, List.of(), List.of(batch("joint-01", "scjgj")), null,
                        List.of(), FACTS))
                .expectException(refused("consolidatedOn", "required", false));
        fixture.given(consolidated())
                .when(new RecordGovernmentApproval(YEAR, "资政函〔2027〕3号", null))
                .expectException(refused("approvedOn", "required", false));
        fixture.given(consolidated(), approved())
                .when(new PublishPlan(YEAR, null))
                .expectException(refused("publishedOn", "required", false));
        fixture.given(consolidated(), approved())
                .when(new RecordPlanFiling(YEAR, "益阳市市场监督管理局", null))
                .expectException(refused("filedOn", "required", false));
        fixture.given(consolidated(), approved(), published())
                .when(adjust(null, adding(batch("joint-02", "swj"))))
                .expectException(refused("adjustedOn", "required", false));
    }

    @Test
    void aBatchNamesItsDepartmentsOnce() {
        PlanBatch b = batch("joint-01", "scjgj");
        PlanBatch selfAssisted = new PlanBatch(b.batchId(), b.inspectingAuthority(), b.name(), b.items(), b.period(),
                b.unit(), b.ratio(), 1, 20, "scjgj", List.of("swj", "scjgj"));
        fixture.givenNoPriorActivity()
                .when(new ConsolidateDistrictPlan(YEAR, List.of(), List.of(selfAssisted), LocalDate.of(YEAR, 1, 20),
                        List.of(), FACTS))
                .expectException(refused("jointBatches[0].assistingDepartments[1]", "lead-also-assisting", false));
        PlanBatch twice = new PlanBatch(b.batchId(), b.inspectingAuthority(), b.name(), b.items(), b.period(),
                b.unit(), b.ratio(), 1, 20, "scjgj", List.of("swj", "swj"));
        fixture.givenNoPriorActivity()
                .when(new ConsolidateDistrictPlan(YEAR, List.of(), List.of(twice), LocalDate.of(YEAR, 1, 20),
                        List.of(), FACTS))
                .expectException(refused("jointBatches[0].assistingDepartments[1]", "duplicate-value", false));
        setUp(); // another stream: the fixture keeps to one aggregate id per instance
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scj:gj", List.of(batch("scjgj-01", "scjgj")), DEC_20, FACTS))
                .expectException(refused("department", "id-format", false));
    }

    @Test
    void twoDepartmentPlansCannotShareABatchId() {
        fixture.givenNoPriorActivity()
                .when(new ConsolidateDistrictPlan(YEAR, List.of(new PlanSelection("scjgj", 1),
                        new PlanSelection("swj", 1)), List.of(), LocalDate.of(YEAR, 1, 20),
                        List.of(new SubmittedPlanFact("scjgj", 1, List.of("b-01")),
                                new SubmittedPlanFact("swj", 1, List.of("b-01"))), FACTS))
                .expectException(refused("departmentPlans[1]", "duplicate-batch-id", false));
    }

    @Test
    void aBatchNeedsItsRowMembers() {
        PlanBatch b = batch("scjgj-01", "scjgj");
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(new PlanBatch(b.batchId(), " ", b.name(),
                        b.items(), b.period(), b.unit(), b.ratio(), 1, 20, "scjgj", List.of())), DEC_20, FACTS))
                .expectException(refused("batches[0].inspectingAuthority", "required", false));
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(new PlanBatch(b.batchId(),
                        b.inspectingAuthority(), b.name(), List.of(), b.period(), b.unit(), b.ratio(), 1, 20, "scjgj",
                        List.of())), DEC_20, FACTS))
                .expectException(refused("batches[0].items", "required", false));
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(new PlanBatch(b.batchId(),
                        b.inspectingAuthority(), b.name(), b.items(), null, b.unit(), b.ratio(), 1, 20, "scjgj",
                        List.of())), DEC_20, FACTS))
                .expectException(refused("batches[0].period", "required", false));
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(new PlanBatch(b.batchId(),
                        b.inspectingAuthority(), b.name(), b.items(), b.period(), null, b.ratio(), 1, 20, "scjgj",
                        List.of())), DEC_20, FACTS))
                .expectException(refused("batches[0].unit", "required", false));
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(new PlanBatch(b.batchId(),
                        b.inspectingAuthority(), b.name(), b.items(), b.period(), b.unit(), null, 1, 20, "scjgj",
                        List.of())), DEC_20, FACTS))
                .expectException(refused("batches[0].ratio", "required", false));
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(new PlanBatch("scjgj 01",
                        b.inspectingAuthority(), b.name(), b.items(), b.period(), b.unit(), b.ratio(), 1, 20, "scjgj",
                        List.of())), DEC_20, FACTS))
                .expectException(refused("batches[0].batchId", "id-format", false));
    }

    @Test
    void aPlanHasAtMostFiveHundredBatchesOfAtMostAHundredItems() {
        List<PlanBatch> many = java.util.stream.IntStream.rangeClosed(1, AnnualPlan.MAX_BATCHES + 1)
                .mapToObj(i -> batch("scjgj-" + i, "scjgj")).toList();
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", many, DEC_20, FACTS))
                .expectNoEvents()
                .expectException(refused("batches", "too-many", false));
        ItemRef[] items = java.util.stream.IntStream.rangeClosed(1, AnnualPlan.MAX_ITEMS + 1)
                .mapToObj(i -> new ItemRef("scjgj-list", 1, "B01-" + i)).toArray(ItemRef[]::new);
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(batch("scjgj-01", "scjgj", new Ratio(1, 20),
                        items)), DEC_20, FACTS))
                .expectNoEvents()
                .expectException(refused("batches[0].items", "too-many", false));
    }

    @Test
    void batchTextsAreBounded() {
        PlanBatch b = batch("scjgj-01", "scjgj");
        fixture.givenNoPriorActivity()
                .when(new SubmitDepartmentPlan(YEAR, "scjgj", List.of(new PlanBatch(b.batchId(),
                        b.inspectingAuthority(), "检".repeat(501), b.items(), b.period(), b.unit(), b.ratio(), 1, 20,
                        "scjgj", List.of())), DEC_20, FACTS))
                .expectNoEvents()
                .expectException(refused("batches[0].name", "too-long", false));
    }

    @Test
    void anApprovalDocumentAndAnAdjustmentReasonAreBounded() {
        fixture.given(consolidated())
                .when(new RecordGovernmentApproval(YEAR, "函".repeat(501), LocalDate.of(YEAR, 1, 28)))
                .expectNoEvents()
                .expectException(refused("document", "too-long", false));
        fixture.given(consolidated(), approved(), published())
                .when(new AdjustPlan(YEAR, adding(batch("joint-02", "swj")), "因".repeat(4001), "a",
                        LocalDate.of(YEAR, 3, 27), 7, FACTS))
                .expectNoEvents()
                .expectException(refused("reason", "too-long", false));
    }

    @Test
    void cannotChangeABatchNotInForce() {
        LocalDate mar27 = LocalDate.of(YEAR, 3, 27);
        fixture.given(consolidated(), approved(), published())
                .when(adjust(mar27, new PlanChanges(List.of(), List.of(), List.of(batch("nope", "scjgj")))))
                .expectNoEvents()
                .expectException(refused("changes.changed[0].batchId", "unknown-batch", false));
        PlanChanges removal = new PlanChanges(List.of(), List.of("joint-01"), List.of());
        fixture.given(consolidated(), approved(), published(), new DistrictPlanAdjusted(YEAR, 1, removal, "r", "a",
                        mar27, new Period(LocalDate.of(YEAR, 3, 25), LocalDate.of(YEAR, 3, 31))))
                .when(adjust(LocalDate.of(YEAR, 6, 25), new PlanChanges(List.of(), List.of("joint-01"), List.of())))
                .expectNoEvents()
                .expectException(refused("changes.removed[0]", "unknown-batch", false));
    }

    @Test
    void aSecondAdjustmentCountsOn() {
        LocalDate mar27 = LocalDate.of(YEAR, 3, 27);
        LocalDate jun30 = LocalDate.of(YEAR, 6, 30);
        PlanChanges first = adding(batch("joint-02", "swj"));
        PlanChanges second = new PlanChanges(List.of(), List.of("joint-02"), List.of());
        fixture.given(consolidated(), approved(), published(), new DistrictPlanAdjusted(YEAR, 1, first, "r", "a",
                        mar27, new Period(LocalDate.of(YEAR, 3, 25), LocalDate.of(YEAR, 3, 31))))
                .when(adjust(jun30, second))
                .expectEvents(new DistrictPlanAdjusted(YEAR, 2, second, "上级部署专项抽查", "区人民政府分管副区长", jun30,
                        new Period(LocalDate.of(YEAR, 6, 24), jun30)));
    }
}
