package org.drledger.command.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drledger.command.checklist.Refusals.refused;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.drledger.command.checklist.Commands.DraftChecklist;
import org.drledger.command.checklist.Commands.PublishChecklist;
import org.drledger.command.checklist.Commands.RetireChecklistItem;
import org.drledger.command.checklist.Commands.ReviseChecklistItem;
import org.drledger.command.checklist.Events.ChecklistDrafted;
import org.drledger.command.checklist.Events.ChecklistItemRetired;
import org.drledger.command.checklist.Events.ChecklistItemRevised;
import org.drledger.command.checklist.Events.ChecklistPublished;
import org.drledger.command.support.CommandRefusedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InspectionChecklistTest {
    private static final String LIST = "scjgj-2027";
    private static final String JOINT = "joint-2027";
    private static final ChecklistDrafted DRAFTED =
            new ChecklistDrafted(LIST, "scjgj", ChecklistKind.DEPARTMENT, "资阳区市场监管局随机抽查事项清单");
    private static final ChecklistDrafted JOINT_DRAFTED =
            new ChecklistDrafted(JOINT, "lianxiban", ChecklistKind.JOINT, "资阳区部门联合随机抽查事项清单");
    private static final ItemRef SOURCE = new ItemRef(LIST, 1, "A01-01");
    private static final PublishedItemFact SOURCE_FACT = new PublishedItemFact(LIST, 1, "A01-01", "scjgj",
            ChecklistKind.DEPARTMENT, ItemTier.GENERAL, RealItems.CAP, false);

    private FixtureConfiguration<InspectionChecklist> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InspectionChecklist.class);
    }

    private static ChecklistItem jointItem(List<ItemRef> sources) {
        ChecklistItem base = ChecklistItem.department("J01-01", "J01", "登记事项检查", "营业执照(登记证)规范使用情况的检查",
                RealItems.businessLicence().objectTypes(), ItemTier.GENERAL, RealItems.businessLicence().methods(),
                RealItems.AUTHORITY, RealItems.businessLicence().legalBasis(), RealItems.CAP, null);
        return base.joint("市场监管", "scjgj", List.of("swj"), "区级", sources);
    }

    // --- DraftChecklist

    @Test
    void aDepartmentDraftsItsList() {
        fixture.givenNoPriorActivity()
                .when(new DraftChecklist(LIST, "scjgj", ChecklistKind.DEPARTMENT, " 资阳区市场监管局随机抽查事项清单 "))
                .expectEvents(DRAFTED);
    }

    @Test
    void aListIsDraftedOnce() {
        fixture.given(DRAFTED)
                .when(new DraftChecklist(LIST, "scjgj", ChecklistKind.DEPARTMENT, "again"))
                .expectNoEvents()
                .expectException(refused("listId", "already-exists", true));
    }

    @Test
    void aListIdHasNoColon() {
        fixture.givenNoPriorActivity()
                .when(new DraftChecklist("a:b", "scjgj", ChecklistKind.DEPARTMENT, "t"))
                .expectNoEvents()
                .expectException(refused("listId", "id-format", false));
    }

    @Test
    void aListNeedsAnOwner() {
        fixture.givenNoPriorActivity()
                .when(new DraftChecklist(LIST, null, ChecklistKind.DEPARTMENT, "t"))
                .expectNoEvents()
                .expectException(refused("ownerDepartment", "required", false));
    }

    @Test
    void aListNeedsATitleAndAKind() {
        fixture.givenNoPriorActivity()
                .when(new DraftChecklist(LIST, "scjgj", ChecklistKind.DEPARTMENT, " "))
                .expectException(refused("title", "required", false));
        fixture.givenNoPriorActivity()
                .when(new DraftChecklist(LIST, "scjgj", null, "t"))
                .expectException(refused("kind", "required", false));
    }

    // --- ReviseChecklistItem

    @Test
    void aClerkAddsARealItemToTheDraft() {
        fixture.given(DRAFTED)
                .when(new ReviseChecklistItem(LIST, RealItems.businessLicence(), List.of()))
                .expectEvents(new ChecklistItemRevised(LIST, RealItems.businessLicence()));
    }

    @Test
    void aDraftItemIsRevisedFreely() {
        ChecklistItem revised = RealItems.withLegalBasis(RealItems.businessLicence(),
                "《市场主体登记管理条例》第36、37、48条");
        fixture.given(DRAFTED, new ChecklistItemRevised(LIST, RealItems.businessLicence()),
                        new ChecklistPublished(LIST, "scjgj", ChecklistKind.DEPARTMENT, DRAFTED.title(), 1,
                                List.of(RealItems.businessLicence()), List.of()))
                .when(new ReviseChecklistItem(LIST, revised, List.of()))
                .expectEvents(new ChecklistItemRevised(LIST, revised));
    }

    @Test
    void anItemNeedsALegalBasis() {
        fixture.given(DRAFTED)
                .when(new ReviseChecklistItem(LIST, RealItems.withLegalBasis(RealItems.businessLicence(), " "), List.of()))
                .expectNoEvents()
                .expectException(refused("item.legalBasis", "legal-basis-required", false));
    }

    @Test
    void generalItemsNeedARatioCap() {
        fixture.given(DRAFTED)
                .when(new ReviseChecklistItem(LIST, RealItems.withTier(RealItems.businessLicence(), ItemTier.GENERAL,
                        null), List.of()))
                .expectNoEvents()
                .expectException(refused("item.ratioCap", "ratio-cap-required", false));
    }

    @Test
    void keyItemsHaveNoRatioCap() {
        fixture.given(DRAFTED)
                .when(new ReviseChecklistItem(LIST, RealItems.withTier(RealItems.businessLicence(), ItemTier.KEY,
                        RealItems.CAP), List.of()))
                .expectNoEvents()
                .expectException(refused("item.ratioCap", "no-ratio-cap-for-key-items", false));
        ChecklistItem key = RealItems.withTier(RealItems.businessLicence(), ItemTier.KEY, null);
        fixture.given(DRAFTED)
                .when(new ReviseChecklistItem(LIST, key, List.of()))
                .expectEvents(new ChecklistItemRevised(LIST, key));
    }

    @Test
    void aRatioCapIsAFractionOfAtMostOne() {
        for (Ratio bad : List.of(new Ratio(3, 2), new Ratio(0, 5), new Ratio(1, 0), new Ratio(-1, 2))) {
            fixture.given(DRAFTED)
                    .when(new ReviseChecklistItem(LIST, RealItems.withTier(RealItems.businessLicence(),
                            ItemTier.GENERAL, bad), List.of()))
                    .expectNoEvents()
                    .expectException(refused("item.ratioCap", "ratio-cap-range", false));
        }
        ChecklistItem all = RealItems.withTier(RealItems.businessLicence(), ItemTier.GENERAL, new Ratio(5, 5));
        fixture.given(DRAFTED).when(new ReviseChecklistItem(LIST, all, List.of()))
                .expectEvents(new ChecklistItemRevised(LIST, all));
    }

    @Test
    void anItemNeedsObjectTypesAndMethodsWithoutRepeats() {
        ChecklistItem i = RealItems.businessLicence();
        fixture.given(DRAFTED)
                .when(new ReviseChecklistItem(LIST, new ChecklistItem(i.code(), i.categoryCode(), i.categoryName(),
                        i.name(), List.of(), i.tier(), i.methods(), i.inspectingAuthority(), i.legalBasis(),
                        i.ratioCap(), null, null, null, null, null, null), List.of()))
                .expectException(refused("item.objectTypes", "required", false));
        fixture.given(DRAFTED)
                .when(new ReviseChecklistItem(LIST, new ChecklistItem(i.code(), i.categoryCode(), i.categoryName(),
                        i.name(), i.objectTypes(), i.tier(), List.of(InspectionMethod.ON_SITE, InspectionMethod.ON_SITE),
                        i.inspectingAuthority(), i.legalBasis(), i.ratioCap(), null, null, null, null, null, null),
                        List.of()))
                .expectException(refused("item.methods[1]", "duplicate-value", false));
    }

    @Test
    void anItemCodeIsAnIdentifier() {
        ChecklistItem i = RealItems.businessLicence();
        fixture.given(DRAFTED)
                .when(new ReviseChecklistItem(LIST, new ChecklistItem("A01 01", i.categoryCode(), i.categoryName(),
                        i.name(), i.objectTypes(), i.tier(), i.methods(), i.inspectingAuthority(), i.legalBasis(),
                        i.ratioCap(), null, null, null, null, null, null), List.of()))
                .expectException(refused("item.code", "id-format", false));
    }

    @Test
    void everyItemMemberIsRequiredAndBounded() {
        ChecklistItem i = RealItems.businessLicence();
        fixture.given(DRAFTED).when(new ReviseChecklistItem(LIST, null, List.of()))
                .expectNoEvents().expectException(refused("item", "required", false));
        fixture.given(DRAFTED)
                .when(new ReviseChecklistItem(LIST, new ChecklistItem(i.code(), i.categoryCode(), i.categoryName(),
                        i.name(), i.objectTypes(), null, i.methods(), i.inspectingAuthority(), i.legalBasis(),
                        i.ratioCap(), null, null, null, null, null, null), List.of()))
                .expectNoEvents().expectException(refused("item.tier", "required", false));
        fixture.given(DRAFTED)
                .when(new ReviseChecklistItem(LIST, new ChecklistItem(i.code(), i.categoryCode(), " ",
                        i.name(), i.objectTypes(), i.tier(), i.methods(), i.inspectingAuthority(), i.legalBasis(),
                        i.ratioCap(), null, null, null, null, null, null), List.of()))
                .expectNoEvents().expectException(refused("item.categoryName", "required", false));
        fixture.given(DRAFTED)
                .when(new ReviseChecklistItem(LIST, new ChecklistItem(i.code(), i.categoryCode(), i.categoryName(),
                        i.name(), i.objectTypes(), i.tier(), i.methods(), null, i.legalBasis(),
                        i.ratioCap(), null, null, null, null, null, null), List.of()))
                .expectNoEvents().expectException(refused("item.inspectingAuthority", "required", false));
        fixture.given(DRAFTED)
                .when(new ReviseChecklistItem(LIST, new ChecklistItem(i.code(), i.categoryCode(), i.categoryName(),
                        "检".repeat(Checks.SHORT_TEXT + 1), i.objectTypes(), i.tier(), i.methods(),
                        i.inspectingAuthority(), i.legalBasis(), i.ratioCap(), null, null, null, null, null, null),
                        List.of()))
                .expectNoEvents().expectException(refused("item.name", "too-long", false));
    }

    @Test
    void blankRemarksAreDroppedAndTextsStripped() {
        ChecklistItem i = RealItems.businessLicence();
        fixture.given(DRAFTED)
                .when(new ReviseChecklistItem(LIST, new ChecklistItem(i.code(), i.categoryCode(), i.categoryName(),
                        " " + i.name() + " ", i.objectTypes(), i.tier(), i.methods(), i.inspectingAuthority(),
                        i.legalBasis(), i.ratioCap(), "  ", null, null, null, null, null), List.of()))
                .expectEvents(new ChecklistItemRevised(LIST, i));
    }

    @Test
    void cannotReviseARetiredItem() {
        fixture.given(DRAFTED, new ChecklistItemRevised(LIST, RealItems.businessLicence()),
                        new ChecklistItemRetired(LIST, "A01-01", "法规废止"))
                .when(new ReviseChecklistItem(LIST, RealItems.businessLicence(), List.of()))
                .expectNoEvents()
                .expectException(refused("item.code", "item-retired", true));
    }

    @Test
    void departmentItemsHaveNoJointMembers() {
        fixture.given(DRAFTED)
                .when(new ReviseChecklistItem(LIST, RealItems.businessLicence().joint("市场监管", null, null, null, null),
                        List.of()))
                .expectNoEvents()
                .expectException(refused("item.field", "joint-member-on-department-list", false));
    }

    @Test
    void theOfficeAddsAJointItemConsolidatingPublishedDepartmentItems() {
        ChecklistItem item = jointItem(List.of(SOURCE));
        fixture.given(JOINT_DRAFTED)
                .when(new ReviseChecklistItem(JOINT, item, List.of(SOURCE_FACT)))
                .expectEvents(new ChecklistItemRevised(JOINT, item));
    }

    @Test
    void jointItemsMustReferencePublishedItems() {
        fixture.given(JOINT_DRAFTED)
                .when(new ReviseChecklistItem(JOINT, jointItem(List.of(SOURCE)), List.of()))
                .expectNoEvents()
                .expectException(refused("item.sources[0]", "source-not-published", false));
        fixture.given(JOINT_DRAFTED)
                .when(new ReviseChecklistItem(JOINT, jointItem(List.of(new ItemRef(LIST, 2, "A01-01"))),
                        List.of(SOURCE_FACT)))
                .expectNoEvents()
                .expectException(refused("item.sources[0]", "source-not-published", false));
    }

    @Test
    void jointItemsNeedSources() {
        fixture.given(JOINT_DRAFTED)
                .when(new ReviseChecklistItem(JOINT, jointItem(List.of()), List.of()))
                .expectNoEvents()
                .expectException(refused("item.sources", "required", false));
    }

    @Test
    void jointItemSourcesAreActiveDepartmentItems() {
        PublishedItemFact retired = new PublishedItemFact(LIST, 1, "A01-01", "scjgj", ChecklistKind.DEPARTMENT,
                ItemTier.GENERAL, RealItems.CAP, true);
        fixture.given(JOINT_DRAFTED)
                .when(new ReviseChecklistItem(JOINT, jointItem(List.of(SOURCE)), List.of(retired)))
                .expectException(refused("item.sources[0]", "source-retired", false));
        PublishedItemFact joint = new PublishedItemFact(LIST, 1, "A01-01", "lianxiban", ChecklistKind.JOINT,
                ItemTier.GENERAL, RealItems.CAP, false);
        fixture.given(JOINT_DRAFTED)
                .when(new ReviseChecklistItem(JOINT, jointItem(List.of(SOURCE)), List.of(joint)))
                .expectException(refused("item.sources[0]", "source-not-a-department-item", false));
    }

    @Test
    void jointItemsNeedLeadAssistingDepartmentsFieldAndLevel() {
        ChecklistItem i = jointItem(List.of(SOURCE));
        fixture.given(JOINT_DRAFTED)
                .when(new ReviseChecklistItem(JOINT, i.joint("市场监管", "scjgj", List.of(), "区级", List.of(SOURCE)),
                        List.of(SOURCE_FACT)))
                .expectException(refused("item.assistingDepartments", "required", false));
        fixture.given(JOINT_DRAFTED)
                .when(new ReviseChecklistItem(JOINT, i.joint("市场监管", "scjgj", List.of("scjgj"), "区级",
                        List.of(SOURCE)), List.of(SOURCE_FACT)))
                .expectException(refused("item.assistingDepartments[0]", "lead-also-assisting", false));
        fixture.given(JOINT_DRAFTED)
                .when(new ReviseChecklistItem(JOINT, i.joint(" ", "scjgj", List.of("swj"), "区级", List.of(SOURCE)),
                        List.of(SOURCE_FACT)))
                .expectException(refused("item.field", "required", false));
        fixture.given(JOINT_DRAFTED)
                .when(new ReviseChecklistItem(JOINT, i.joint("市场监管", null, List.of("swj"), "区级", List.of(SOURCE)),
                        List.of(SOURCE_FACT)))
                .expectException(refused("item.leadDepartment", "required", false));
        fixture.given(JOINT_DRAFTED)
                .when(new ReviseChecklistItem(JOINT, i.joint("市场监管", "scjgj", List.of("swj"), null, List.of(SOURCE)),
                        List.of(SOURCE_FACT)))
                .expectException(refused("item.level", "required", false));
    }

    // --- RetireChecklistItem

    @Test
    void anActiveItemIsRetiredWithAReason() {
        fixture.given(DRAFTED, new ChecklistItemRevised(LIST, RealItems.businessLicence()))
                .when(new RetireChecklistItem(LIST, "A01-01", " 法规废止 "))
                .expectEvents(new ChecklistItemRetired(LIST, "A01-01", "法规废止"));
    }

    @Test
    void onlyAnExistingItemIsRetired() {
        fixture.given(DRAFTED)
                .when(new RetireChecklistItem(LIST, "A01-09", "x"))
                .expectNoEvents()
                .expectException(refused("code", "unknown-item", false));
    }

    @Test
    void anItemIsRetiredOnce() {
        fixture.given(DRAFTED, new ChecklistItemRevised(LIST, RealItems.businessLicence()),
                        new ChecklistItemRetired(LIST, "A01-01", "x"))
                .when(new RetireChecklistItem(LIST, "A01-01", "again"))
                .expectNoEvents()
                .expectException(refused("code", "item-retired", true));
    }

    @Test
    void retiringNeedsAReason() {
        fixture.given(DRAFTED, new ChecklistItemRevised(LIST, RealItems.businessLicence()))
                .when(new RetireChecklistItem(LIST, "A01-01", ""))
                .expectNoEvents()
                .expectException(refused("reason", "required", false));
    }

    // --- PublishChecklist

    @Test
    void publishingSnapshotsEveryActiveItemSortedByCode() {
        fixture.given(DRAFTED, new ChecklistItemRevised(LIST, RealItems.operatingTerm()),
                        new ChecklistItemRevised(LIST, RealItems.businessLicence()),
                        new ChecklistItemRevised(LIST, RealItems.enterpriseName()))
                .when(new PublishChecklist(LIST))
                .expectEvents(new ChecklistPublished(LIST, "scjgj", ChecklistKind.DEPARTMENT, DRAFTED.title(), 1,
                        List.of(RealItems.businessLicence(), RealItems.enterpriseName(), RealItems.operatingTerm()),
                        List.of()));
    }

    @Test
    void theNextVersionListsTheRetiredItemsAndCountsOn() {
        ChecklistItem licence = RealItems.businessLicence();
        fixture.given(DRAFTED, new ChecklistItemRevised(LIST, licence),
                        new ChecklistItemRevised(LIST, RealItems.enterpriseName()),
                        new ChecklistPublished(LIST, "scjgj", ChecklistKind.DEPARTMENT, DRAFTED.title(), 1,
                                List.of(licence, RealItems.enterpriseName()), List.of()),
                        new ChecklistItemRetired(LIST, "A01-01", "法规废止"))
                .when(new PublishChecklist(LIST))
                .expectEvents(new ChecklistPublished(LIST, "scjgj", ChecklistKind.DEPARTMENT, DRAFTED.title(), 2,
                        List.of(RealItems.enterpriseName()),
                        List.of(new RetiredItem("A01-01", licence.name(), licence.tier(), licence.objectTypes(),
                                "法规废止"))));
    }

    @Test
    void cannotPublishAnEmptyChecklist() {
        fixture.given(DRAFTED)
                .when(new PublishChecklist(LIST))
                .expectNoEvents()
                .expectException(refused("items", "no-active-items", false));
        fixture.given(DRAFTED, new ChecklistItemRevised(LIST, RealItems.businessLicence()),
                        new ChecklistItemRetired(LIST, "A01-01", "x"))
                .when(new PublishChecklist(LIST))
                .expectNoEvents()
                .expectException(refused("items", "no-active-items", false));
    }

    @Test
    void theRefusalMatcherTellsFieldsApart() {
        assertThat(refused("a", "b", false).matches(new CommandRefusedException("a", "b", "m"))).isTrue();
        assertThat(refused("a", "b", false).matches(new CommandRefusedException("a", "c", "m"))).isFalse();
    }
}
