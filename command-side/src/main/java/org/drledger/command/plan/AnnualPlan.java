package org.drledger.command.plan;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.drledger.command.checklist.Checks;
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
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;

/**
 * The annual inspection plan (年度抽查工作计划). One type, two kinds of stream: a department's plan
 * ({@code plan:<year>:<departmentId>}, submitted and resubmitted as versions) and the district plan
 * ({@code plan:<year>:district}: consolidated, approved by the government, published, filed with the city bureau,
 * then adjusted only inside the quarter-end window). Missed deadlines are recorded, not refused. Who may act is
 * checked by the caller; dates and the window length arrive in the commands.
 */
@Aggregate(type = "AnnualPlan")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
public class AnnualPlan {
    public static final String STREAM_PREFIX = "plan:";
    /** The district plan's stream suffix; no department plan may use it. */
    public static final String DISTRICT = "district";
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final int MAX_BATCHES = 500;
    static final int MAX_ITEMS = 100;

    @AggregateIdentifier
    private String streamId;
    private int year;
    private int version;
    private LocalDate consolidatedOn;
    private LocalDate approvedOn;
    private boolean published;
    private boolean filed;
    private int adjustments;
    private final Set<String> inForce = new HashSet<>();
    private final Set<String> everUsed = new HashSet<>();

    protected AnnualPlan() {
    }

    public static String departmentStream(int year, String department) {
        return STREAM_PREFIX + year + ":" + department;
    }

    public static String districtStream(int year) {
        return STREAM_PREFIX + year + ":" + DISTRICT;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SubmitDepartmentPlan c) {
        checkYear(c.year());
        Checks.id(c.department(), "department");
        if (DISTRICT.equals(c.department())) {
            throw new CommandRefusedException("department", "reserved-department-id",
                    "'" + DISTRICT + "' names the district plan's stream, not a department");
        }
        LocalDate submittedOn = required(c.submittedOn(), "submittedOn");
        List<PlanBatch> batches = validBatches(c.batches(), "batches", c.year(), facts(c.publishedItems()),
                c.department(), true);
        LocalDate deadline = PlanDeadlines.departmentPlanDue(c.year());
        apply(new DepartmentPlanSubmitted(c.year(), c.department(), version + 1, batches, submittedOn, deadline,
                submittedOn.isAfter(deadline)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ConsolidateDistrictPlan c) {
        if (approvedOn != null) {
            throw CommandRefusedException.conflict("year", "already-approved", "the district plan for " + year
                    + " is approved; change it by adjustments");
        }
        checkYear(c.year());
        LocalDate consolidated = required(c.consolidatedOn(), "consolidatedOn");
        Map<String, SubmittedPlanFact> submitted = new HashMap<>();
        if (c.submittedPlans() != null) {
            c.submittedPlans().forEach(s -> submitted.put(s.department() + "#" + s.version(), s));
        }
        List<DepartmentPlanRef> refs = new ArrayList<>();
        Set<String> batchIds = new HashSet<>();
        Set<String> departments = new HashSet<>();
        List<PlanSelection> selections = c.departmentPlans() == null ? List.of() : c.departmentPlans();
        for (int i = 0; i < selections.size(); i++) {
            String at = "departmentPlans[" + i + "]";
            PlanSelection s = selections.get(i);
            if (s == null) {
                throw new CommandRefusedException(at, "required", at + " is empty");
            }
            Checks.id(s.department(), at + ".department");
            if (!departments.add(s.department())) {
                throw new CommandRefusedException(at + ".department", "duplicate-department",
                        "the district plan takes in one version of " + s.department() + "'s plan");
            }
            SubmittedPlanFact fact = submitted.get(s.department() + "#" + s.version());
            if (fact == null) {
                throw new CommandRefusedException(at, "department-plan-not-submitted", s.department()
                        + " has not submitted version " + s.version() + " of its " + c.year() + " plan");
            }
            for (String id : fact.batchIds()) {
                if (!batchIds.add(id)) {
                    throw new CommandRefusedException(at, "duplicate-batch-id",
                            "batch id " + id + " occurs twice in the district plan");
                }
            }
            refs.add(new DepartmentPlanRef(departmentStream(c.year(), s.department()), s.department(), s.version(),
                    List.copyOf(fact.batchIds())));
        }
        List<PlanBatch> joint = c.jointBatches() == null || c.jointBatches().isEmpty() ? List.of()
                : validBatches(c.jointBatches(), "jointBatches", c.year(), facts(c.publishedItems()), null, false);
        for (int i = 0; i < joint.size(); i++) {
            if (!batchIds.add(joint.get(i).batchId())) {
                throw new CommandRefusedException("jointBatches[" + i + "].batchId", "duplicate-batch-id",
                        "batch id " + joint.get(i).batchId() + " occurs twice in the district plan");
            }
        }
        if (refs.isEmpty() && joint.isEmpty()) {
            throw new CommandRefusedException("departmentPlans", "empty-plan",
                    "a district plan takes in at least one department plan or joint batch");
        }
        LocalDate deadline = PlanDeadlines.districtPlanDue(c.year());
        apply(new DistrictPlanConsolidated(c.year(), version + 1, List.copyOf(refs), joint, consolidated, deadline,
                consolidated.isAfter(deadline)));
    }

    @CommandHandler
    void handle(RecordGovernmentApproval c) {
        if (approvedOn != null) {
            throw CommandRefusedException.conflict("approvedOn", "already-approved",
                    "the government's approval of the " + year + " plan is already recorded");
        }
        String document = Checks.text(c.document(), "document", Checks.SHORT_TEXT);
        LocalDate approved = required(c.approvedOn(), "approvedOn");
        if (approved.isBefore(consolidatedOn)) {
            throw new CommandRefusedException("approvedOn", "before-consolidation",
                    "the plan was consolidated on " + consolidatedOn + "; it cannot be approved before that");
        }
        apply(new DistrictPlanApproved(year, version, document, approved));
    }

    @CommandHandler
    void handle(PublishPlan c) {
        if (approvedOn == null) {
            throw CommandRefusedException.conflict("publishedOn", "not-approved", "the district plan for " + year
                    + " is not approved by the government yet; it is published only after approval");
        }
        if (published) {
            throw CommandRefusedException.conflict("publishedOn", "already-published",
                    "the district plan for " + year + " is already published");
        }
        LocalDate publishedOn = required(c.publishedOn(), "publishedOn");
        if (publishedOn.isBefore(approvedOn)) {
            throw new CommandRefusedException("publishedOn", "before-approval",
                    "the plan was approved on " + approvedOn + "; it cannot be published before that");
        }
        LocalDate deadline = PlanDeadlines.publicationDue(year);
        apply(new DistrictPlanPublished(year, version, publishedOn, deadline, publishedOn.isAfter(deadline)));
    }

    @CommandHandler
    void handle(RecordPlanFiling c) {
        if (approvedOn == null) {
            throw CommandRefusedException.conflict("filedOn", "not-approved",
                    "the district plan for " + year + " is not approved yet; only the approved plan is filed");
        }
        if (filed) {
            throw CommandRefusedException.conflict("filedOn", "already-filed",
                    "the district plan for " + year + " is already filed");
        }
        String filedWith = Checks.text(c.filedWith(), "filedWith", Checks.SHORT_TEXT);
        LocalDate filedOn = required(c.filedOn(), "filedOn");
        if (filedOn.isBefore(approvedOn)) {
            throw new CommandRefusedException("filedOn", "before-approval",
                    "the plan was approved on " + approvedOn + "; it cannot be filed before that");
        }
        apply(new DistrictPlanFiled(year, version, filedWith, filedOn));
    }

    @CommandHandler
    void handle(AdjustPlan c) {
        if (!published) {
            throw CommandRefusedException.conflict("adjustedOn", "not-published",
                    "only the published plan is adjusted; before that, consolidate it again");
        }
        if (!AdjustmentWindow.validDays(c.windowDays())) {
            throw new CommandRefusedException("windowDays", "window-days-range",
                    "the adjustment window is 1 to " + AdjustmentWindow.MAX_DAYS + " days; got " + c.windowDays());
        }
        LocalDate adjustedOn = required(c.adjustedOn(), "adjustedOn");
        if (adjustedOn.getYear() != year) {
            throw new CommandRefusedException("adjustedOn", "outside-plan-year",
                    "the " + year + " plan is adjusted during " + year + "; " + adjustedOn + " is not");
        }
        AdjustmentWindow.Window window = AdjustmentWindow.forQuarterOf(adjustedOn, c.windowDays());
        if (!window.contains(adjustedOn)) {
            throw new CommandRefusedException("adjustedOn", "outside-adjustment-window",
                    "the plan is adjusted only in the last " + c.windowDays() + " days of a quarter; " + adjustedOn
                            + " is outside; the next window is " + window.from() + " to " + window.to());
        }
        String reason = Checks.text(c.reason(), "reason", Checks.LONG_TEXT);
        String approver = Checks.text(c.approver(), "approver", Checks.SHORT_TEXT);
        PlanChanges changes = validChanges(c.changes(), facts(c.publishedItems()));
        apply(new DistrictPlanAdjusted(year, adjustments + 1, changes, reason, approver, adjustedOn,
                new Period(window.from(), window.to())));
    }

    private PlanChanges validChanges(PlanChanges ch, Map<ItemRef, PublishedItemFact> facts) {
        if (ch == null) {
            throw new CommandRefusedException("changes", "no-changes", "an adjustment changes at least one batch");
        }
        List<PlanBatch> added = ch.added() == null || ch.added().isEmpty() ? List.of()
                : validBatches(ch.added(), "changes.added", year, facts, null, false);
        List<String> removed = Checks.distinct(ch.removed(), "changes.removed");
        List<PlanBatch> changed = ch.changed() == null || ch.changed().isEmpty() ? List.of()
                : validBatches(ch.changed(), "changes.changed", year, facts, null, false);
        if (added.isEmpty() && removed.isEmpty() && changed.isEmpty()) {
            throw new CommandRefusedException("changes", "no-changes", "an adjustment changes at least one batch");
        }
        Set<String> named = new HashSet<>();
        for (int i = 0; i < added.size(); i++) {
            String id = added.get(i).batchId();
            if (everUsed.contains(id)) {
                throw new CommandRefusedException("changes.added[" + i + "].batchId", "duplicate-batch-id",
                        "batch id " + id + " is or was already in the plan; a new batch needs a new id");
            }
            named.add(id);
        }
        for (int i = 0; i < removed.size(); i++) {
            inForce("changes.removed[" + i + "]", removed.get(i), named);
        }
        for (int i = 0; i < changed.size(); i++) {
            inForce("changes.changed[" + i + "].batchId", changed.get(i).batchId(), named);
        }
        return new PlanChanges(added, removed, changed);
    }

    private void inForce(String at, String id, Set<String> named) {
        if (!inForce.contains(id)) {
            throw new CommandRefusedException(at, "unknown-batch", "the plan has no batch " + id + " in force");
        }
        if (!named.add(id)) {
            throw new CommandRefusedException(at, "duplicate-batch-id", "batch " + id + " is changed twice");
        }
    }

    @EventSourcingHandler
    void on(DepartmentPlanSubmitted e) {
        streamId = departmentStream(e.year(), e.department());
        year = e.year();
        version = e.version();
    }

    @EventSourcingHandler
    void on(DistrictPlanConsolidated e) {
        streamId = districtStream(e.year());
        year = e.year();
        version = e.version();
        consolidatedOn = e.consolidatedOn();
        inForce.clear();
        e.departmentPlans().forEach(r -> inForce.addAll(r.batchIds()));
        e.jointBatches().forEach(b -> inForce.add(b.batchId()));
        everUsed.clear();
        everUsed.addAll(inForce);
    }

    @EventSourcingHandler
    void on(DistrictPlanApproved e) {
        approvedOn = e.approvedOn();
    }

    @EventSourcingHandler
    void on(DistrictPlanPublished e) {
        published = true;
    }

    @EventSourcingHandler
    void on(DistrictPlanFiled e) {
        filed = true;
    }

    @EventSourcingHandler
    void on(DistrictPlanAdjusted e) {
        adjustments = e.adjustment();
        e.changes().removed().forEach(inForce::remove);
        e.changes().added().forEach(b -> {
            inForce.add(b.batchId());
            everUsed.add(b.batchId());
        });
    }

    private static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new CommandRefusedException("year", "year-range", "a plan year is " + MIN_YEAR + " to " + MAX_YEAR);
        }
    }

    private static LocalDate required(LocalDate date, String field) {
        if (date == null) {
            throw new CommandRefusedException(field, "required", field + " is required");
        }
        return date;
    }

    private static Map<ItemRef, PublishedItemFact> facts(List<PublishedItemFact> facts) {
        Map<ItemRef, PublishedItemFact> m = new HashMap<>();
        if (facts != null) {
            facts.forEach(f -> m.put(f.ref(), f));
        }
        return m;
    }

    /** The batches as recorded (texts stripped), each checked; ids unique among them. */
    private static List<PlanBatch> validBatches(List<PlanBatch> batches, String field, int year,
                                                Map<ItemRef, PublishedItemFact> facts, String submitter,
                                                boolean required) {
        if (batches == null || batches.isEmpty()) {
            if (required) {
                throw new CommandRefusedException(field, "required", field + " needs at least one batch");
            }
            return List.of();
        }
        if (batches.size() > MAX_BATCHES) {
            throw new CommandRefusedException(field, "too-many", "at most " + MAX_BATCHES + " batches");
        }
        List<PlanBatch> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < batches.size(); i++) {
            PlanBatch b = validBatch(batches.get(i), field + "[" + i + "]", year, facts, submitter);
            if (!ids.add(b.batchId())) {
                throw new CommandRefusedException(field + "[" + i + "].batchId", "duplicate-batch-id",
                        "batch id " + b.batchId() + " occurs twice");
            }
            out.add(b);
        }
        return List.copyOf(out);
    }

    private static PlanBatch validBatch(PlanBatch b, String at, int year, Map<ItemRef, PublishedItemFact> facts,
                                        String submitter) {
        if (b == null) {
            throw new CommandRefusedException(at, "required", at + " is empty");
        }
        String batchId = Checks.id(b.batchId(), at + ".batchId");
        String authority = Checks.text(b.inspectingAuthority(), at + ".inspectingAuthority", Checks.SHORT_TEXT);
        String name = Checks.text(b.name(), at + ".name", Checks.SHORT_TEXT);
        List<ItemRef> items = Checks.distinctNonEmpty(b.items(), at + ".items");
        if (items.size() > MAX_ITEMS) {
            throw new CommandRefusedException(at + ".items", "too-many", "at most " + MAX_ITEMS + " items a batch");
        }
        Period period = b.period();
        if (period == null || period.from() == null || period.to() == null) {
            throw new CommandRefusedException(at + ".period", "required", "a batch's period needs from and to");
        }
        if (period.to().isBefore(period.from())) {
            throw new CommandRefusedException(at + ".period", "period-order", "the period ends before it starts");
        }
        if (period.from().getYear() != year || period.to().getYear() != year) {
            throw new CommandRefusedException(at + ".period", "period-outside-plan-year",
                    "a batch of the " + year + " plan runs within " + year);
        }
        String unit = Checks.text(b.unit(), at + ".unit", Checks.SHORT_TEXT);
        Ratio ratio = b.ratio();
        if (ratio == null) {
            throw new CommandRefusedException(at + ".ratio", "required", "抽查比例 {num, den} is required");
        }
        if (!ratio.isProperPositive()) {
            throw new CommandRefusedException(at + ".ratio", "ratio-range",
                    "抽查比例 is a fraction with 1 ≤ num ≤ den; got " + ratio);
        }
        for (int n = 0; n < items.size(); n++) {
            String itemAt = at + ".items[" + n + "]";
            ItemRef ref = items.get(n);
            Checks.id(ref.listId(), itemAt + ".listId");
            Checks.id(ref.code(), itemAt + ".code");
            PublishedItemFact fact = facts.get(ref);
            if (fact == null) {
                throw new CommandRefusedException(itemAt, "item-not-published",
                        "only items of a published list version are planned; " + ref + " is not published");
            }
            if (fact.retired()) {
                throw new CommandRefusedException(itemAt, "item-retired", ref + " has been retired");
            }
            if (fact.tier() == ItemTier.GENERAL && fact.ratioCap() != null && !ratio.atMost(fact.ratioCap())) {
                throw new CommandRefusedException(at + ".ratio", "ratio-above-item-cap", "抽查比例 " + ratio
                        + " exceeds the cap " + fact.ratioCap() + " of general item " + ref);
            }
        }
        if (b.frequency() < 1) {
            throw new CommandRefusedException(at + ".frequency", "at-least-one", "抽查频次 is at least 1");
        }
        if (b.quantity() < 1) {
            throw new CommandRefusedException(at + ".quantity", "at-least-one", "抽查数量 is at least 1");
        }
        String lead = Checks.id(b.leadDepartment(), at + ".leadDepartment");
        if (submitter != null && !submitter.equals(lead)) {
            throw new CommandRefusedException(at + ".leadDepartment", "lead-is-the-submitter",
                    "a department plan's batches are led by " + submitter);
        }
        List<String> assisting = Checks.distinct(b.assistingDepartments(), at + ".assistingDepartments");
        for (int n = 0; n < assisting.size(); n++) {
            Checks.id(assisting.get(n), at + ".assistingDepartments[" + n + "]");
            if (assisting.get(n).equals(lead)) {
                throw new CommandRefusedException(at + ".assistingDepartments[" + n + "]", "lead-also-assisting",
                        lead + " leads the batch and cannot also assist");
            }
        }
        return new PlanBatch(batchId, authority, name, items, period, unit, ratio, b.frequency(), b.quantity(), lead,
                List.copyOf(new LinkedHashSet<>(assisting)));
    }
}
