package org.drledger.command.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.Role;
import org.drledger.command.checklist.Checks;
import org.drledger.command.checklist.ItemRef;
import org.drledger.command.checklist.PublishedItemFact;
import org.drledger.command.checklist.PublishedItems;
import org.drledger.command.department.DepartmentDirectory;
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
import org.drledger.command.support.BusinessDates;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The annual plan. A department's approver submits its plan; the office administrator consolidates the district
 * plan and records the government's approval, the publication, the filing and the adjustments. Today's business
 * date (Asia/Shanghai, injected clock) goes into every dated command; the adjustment window's length is
 * {@code ledger.plan.adjustment-window-days} (default 7).
 */
@RestController
@RequestMapping("/api/plans/{year}")
@Tag(name = "Annual plans")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class PlanController {
    private final CommandGateway commands;
    private final AccessPolicy access;
    private final DepartmentDirectory departments;
    private final PublishedItems publishedItems;
    private final PlanDirectory plans;
    private final BusinessDates dates;
    private final EventStore events;
    private final int windowDays;

    PlanController(CommandGateway commands, AccessPolicy access, DepartmentDirectory departments,
                   PublishedItems publishedItems, PlanDirectory plans, BusinessDates dates, EventStore events,
                   @Value("${ledger.plan.adjustment-window-days:7}") int windowDays) {
        if (!AdjustmentWindow.validDays(windowDays)) {
            throw new IllegalStateException("ledger.plan.adjustment-window-days must be 1 to "
                    + AdjustmentWindow.MAX_DAYS + "; got " + windowDays);
        }
        this.commands = commands;
        this.access = access;
        this.departments = departments;
        this.publishedItems = publishedItems;
        this.plans = plans;
        this.dates = dates;
        this.events = events;
        this.windowDays = windowDays;
    }

    record DepartmentPlanBody(List<PlanBatch> batches) {
    }

    record ConsolidationBody(List<PlanSelection> departmentPlans, List<PlanBatch> jointBatches) {
    }

    record ApprovalBody(@NotBlank @Size(max = Checks.SHORT_TEXT) String document, @NotNull LocalDate approvedOn) {
    }

    record FilingBody(@NotBlank @Size(max = Checks.SHORT_TEXT) String filedWith, @NotNull LocalDate filedOn) {
    }

    record AdjustmentBody(PlanChanges changes, @NotBlank @Size(max = Checks.LONG_TEXT) String reason,
                          @NotBlank @Size(max = Checks.SHORT_TEXT) String approver) {
    }

    record Missing(int year, LocalDate deadline, LocalDate asOf, boolean deadlinePassed,
                   List<DepartmentDirectory.DepartmentRow> departments) {
    }

    record DepartmentPlanView(String stream, List<DepartmentPlanSubmitted> submissions) {
    }

    record DistrictPlanView(String stream, PlanDirectory.DistrictRow state, DistrictPlanConsolidated consolidation,
                            DistrictPlanApproved approval, DistrictPlanPublished publication, DistrictPlanFiled filing,
                            List<DistrictPlanAdjusted> adjustments, List<PlanDirectory.BatchRow> batches) {
    }

    @PostMapping("/departments/{departmentId}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit (or resubmit) a department's plan for the year (its approver); due 31 December of "
            + "the previous year, a late submission is recorded as late")
    DepartmentPlanSubmitted submit(@PathVariable int year, @PathVariable String departmentId,
                                   @RequestBody DepartmentPlanBody body) {
        access.requireActsFor(departmentId, Role.DEPT_APPROVER);
        if (departments.find(departmentId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no department " + departmentId);
        }
        List<PlanBatch> batches = body == null ? null : body.batches();
        requireKnownDepartments(batches, "batches");
        commands.sendAndWait(new SubmitDepartmentPlan(year, departmentId, batches, dates.today(), facts(batches)));
        List<DepartmentPlanSubmitted> all = submissions(year, departmentId);
        return all.get(all.size() - 1);
    }

    @GetMapping("/departments/{departmentId}")
    @Operation(summary = "A department's plan submissions for the year")
    DepartmentPlanView departmentPlan(@PathVariable int year, @PathVariable String departmentId) {
        access.current();
        List<DepartmentPlanSubmitted> all = submissions(year, departmentId);
        if (all.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, departmentId + " has no plan for " + year);
        }
        return new DepartmentPlanView(AnnualPlan.departmentStream(year, departmentId), all);
    }

    @GetMapping("/missing")
    @Operation(summary = "Departments without a submitted plan for the year once the deadline has passed")
    Missing missing(@PathVariable int year) {
        access.current();
        LocalDate today = dates.today();
        LocalDate deadline = PlanDeadlines.departmentPlanDue(year);
        boolean passed = today.isAfter(deadline);
        Set<String> submitted = plans.submissions(year).stream().map(PlanDirectory.SubmissionRow::department)
                .collect(Collectors.toSet());
        List<DepartmentDirectory.DepartmentRow> missing = !passed ? List.of() : departments.all().stream()
                .filter(d -> !d.office() && !submitted.contains(d.departmentId())).toList();
        return new Missing(year, deadline, today, passed, missing);
    }

    @PostMapping("/district/consolidation")
    @Operation(summary = "Consolidate the district plan from submitted department plans and joint batches (office "
            + "administrator); due 31 January, a late one is recorded as late")
    DistrictPlanConsolidated consolidate(@PathVariable int year, @RequestBody ConsolidationBody body) {
        access.requireOfficeAdmin();
        List<PlanSelection> selections = body == null ? null : body.departmentPlans();
        List<PlanBatch> joint = body == null ? null : body.jointBatches();
        requireKnownDepartments(joint, "jointBatches");
        Set<String> named = selections == null ? Set.of() : selections.stream().filter(Objects::nonNull)
                .map(PlanSelection::department).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        commands.sendAndWait(new ConsolidateDistrictPlan(year, selections, joint, dates.today(),
                plans.submitted(year, named), facts(joint)));
        return last(year, DistrictPlanConsolidated.class);
    }

    @PostMapping("/district/approval")
    @Operation(summary = "Record the district government's approval: document number and date (office administrator)")
    DistrictPlanApproved approve(@PathVariable int year, @Valid @RequestBody ApprovalBody body) {
        access.requireOfficeAdmin();
        notInTheFuture(body.approvedOn(), "approvedOn");
        commands.sendAndWait(new RecordGovernmentApproval(year, body.document(), body.approvedOn()));
        return last(year, DistrictPlanApproved.class);
    }

    @PostMapping("/district/publication")
    @Operation(summary = "Record today's publication of the approved plan (office administrator); due 10 February")
    DistrictPlanPublished publish(@PathVariable int year) {
        access.requireOfficeAdmin();
        commands.sendAndWait(new PublishPlan(year, dates.today()));
        return last(year, DistrictPlanPublished.class);
    }

    @PostMapping("/district/filing")
    @Operation(summary = "Record the filing with the city bureau: recipient and date (office administrator)")
    DistrictPlanFiled file(@PathVariable int year, @Valid @RequestBody FilingBody body) {
        access.requireOfficeAdmin();
        notInTheFuture(body.filedOn(), "filedOn");
        commands.sendAndWait(new RecordPlanFiling(year, body.filedWith(), body.filedOn()));
        return last(year, DistrictPlanFiled.class);
    }

    @PostMapping("/district/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adjust the published plan today: only inside the adjustment window at a quarter's end "
            + "(office administrator)")
    DistrictPlanAdjusted adjust(@PathVariable int year, @Valid @RequestBody AdjustmentBody body) {
        access.requireOfficeAdmin();
        PlanChanges ch = body.changes();
        List<PlanBatch> batches = new ArrayList<>();
        if (ch != null) {
            if (ch.added() != null) {
                batches.addAll(ch.added());
            }
            if (ch.changed() != null) {
                batches.addAll(ch.changed());
            }
            requireKnownDepartments(ch.added(), "changes.added");
            requireKnownDepartments(ch.changed(), "changes.changed");
        }
        commands.sendAndWait(new AdjustPlan(year, ch, body.reason(), body.approver(), dates.today(), windowDays,
                facts(batches)));
        return last(year, DistrictPlanAdjusted.class);
    }

    @GetMapping("/district")
    @Operation(summary = "The district plan: its latest consolidation, approval, publication, filing, adjustment "
            + "history and the batches as adjusted")
    DistrictPlanView district(@PathVariable int year) {
        access.current();
        PlanDirectory.DistrictRow state = plans.district(year).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "no district plan for " + year));
        Map<Class<?>, Object> latest = new LinkedHashMap<>();
        List<DistrictPlanAdjusted> adjustments = new ArrayList<>();
        for (Object e : districtPayloads(year)) {
            latest.put(e.getClass(), e);
            if (e instanceof DistrictPlanAdjusted a) {
                adjustments.add(a);
            }
        }
        return new DistrictPlanView(AnnualPlan.districtStream(year), state,
                (DistrictPlanConsolidated) latest.get(DistrictPlanConsolidated.class),
                (DistrictPlanApproved) latest.get(DistrictPlanApproved.class),
                (DistrictPlanPublished) latest.get(DistrictPlanPublished.class),
                (DistrictPlanFiled) latest.get(DistrictPlanFiled.class), adjustments, plans.batches(year));
    }

    @GetMapping("/district/adjustments")
    @Operation(summary = "The district plan's adjustment history")
    List<DistrictPlanAdjusted> adjustments(@PathVariable int year) {
        access.current();
        return districtPayloads(year).stream().filter(DistrictPlanAdjusted.class::isInstance)
                .map(DistrictPlanAdjusted.class::cast).toList();
    }

    private List<PublishedItemFact> facts(Collection<PlanBatch> batches) {
        if (batches == null) {
            return List.of();
        }
        List<ItemRef> refs = batches.stream().filter(Objects::nonNull).map(PlanBatch::items).filter(Objects::nonNull)
                .flatMap(List::stream).filter(Objects::nonNull).toList();
        return publishedItems.facts(refs);
    }

    /** Lead and assisting departments must exist (the aggregate checks the rest). */
    private void requireKnownDepartments(List<PlanBatch> batches, String field) {
        if (batches == null) {
            return;
        }
        for (int i = 0; i < batches.size(); i++) {
            PlanBatch b = batches.get(i);
            if (b == null) {
                continue;
            }
            known(b.leadDepartment(), field + "[" + i + "].leadDepartment");
            if (b.assistingDepartments() != null) {
                for (int n = 0; n < b.assistingDepartments().size(); n++) {
                    known(b.assistingDepartments().get(n), field + "[" + i + "].assistingDepartments[" + n + "]");
                }
            }
        }
    }

    private void known(String departmentId, String field) {
        if (departmentId != null && !departmentId.isBlank() && departments.find(departmentId).isEmpty()) {
            throw new CommandRefusedException(field, "unknown-department", "no department " + departmentId);
        }
    }

    private void notInTheFuture(LocalDate date, String field) {
        LocalDate today = dates.today();
        if (date.isAfter(today)) {
            throw new CommandRefusedException(field, "in-the-future", field + " " + date + " is after today, " + today);
        }
    }

    private List<DepartmentPlanSubmitted> submissions(int year, String departmentId) {
        return events.readEvents(AnnualPlan.departmentStream(year, departmentId)).asStream().map(Message::getPayload)
                .filter(DepartmentPlanSubmitted.class::isInstance).map(DepartmentPlanSubmitted.class::cast).toList();
    }

    private List<Object> districtPayloads(int year) {
        return events.readEvents(AnnualPlan.districtStream(year)).asStream().map(Message::getPayload)
                .map(Object.class::cast).toList();
    }

    private <T> T last(int year, Class<T> type) {
        T found = null;
        for (Object e : districtPayloads(year)) {
            if (type.isInstance(e)) {
                found = type.cast(e);
            }
        }
        return found;
    }
}
