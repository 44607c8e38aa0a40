package org.drledger.command.plan;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.drledger.command.department.DepartmentDirectory;
import org.drledger.command.plan.Commands.PlanSelection;
import org.drledger.command.plan.PlanController.AdjustmentBody;
import org.drledger.command.plan.PlanController.ApprovalBody;
import org.drledger.command.plan.PlanController.ConsolidationBody;
import org.drledger.command.plan.PlanController.DepartmentPlanBody;
import org.drledger.command.plan.PlanController.FilingBody;
import org.drledger.command.support.BusinessDates;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.command.ui.FormSupport;
import org.drledger.command.ui.MalformedInput;
import org.drledger.command.ui.FormSupport.Outcome;
import org.drledger.command.ui.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The annual-plan forms of the web UI (年度抽查工作计划): a department's approver submits the department's plan;
 * the office administrator consolidates the district plan, records the government's approval, the publication and
 * the filing, and adjusts the plan inside the quarter-end window. Every submission goes through
 * {@link PlanController}, the API's own path; a refusal re-renders the page with the field and the rule (an
 * adjustment outside the window also with the window's dates), a success redirects to the page, which reads the
 * command side's plan lookup and the plan's own entries and so shows the effect at once. Anyone signed in sees the
 * state (as the API's reads); only those the API lets act see a form.
 */
@Controller
@RequestMapping("/app/forms/plans")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class PlanForms {
    private static final Pattern SELECTION = Pattern.compile("(.+)@(\\d{1,9})");

    private final PlanController api;
    private final PlanDirectory plans;
    private final DepartmentDirectory departments;
    private final BusinessDates dates;
    private final FormSupport forms;
    private final int windowDays;

    PlanForms(PlanController api, PlanDirectory plans, DepartmentDirectory departments, BusinessDates dates,
              FormSupport forms, @Value("${ledger.plan.adjustment-window-days:7}") int windowDays) {
        this.api = api;
        this.plans = plans;
        this.departments = departments;
        this.dates = dates;
        this.forms = forms;
        this.windowDays = windowDays;
    }

    /** The plan of the current business year. */
    @GetMapping
    String thisYear() {
        forms.current();
        return "redirect:/app/forms/plans/" + dates.today().getYear();
    }

    @GetMapping("/{year}")
    String plan(@PathVariable int year, @RequestParam(required = false) String change, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        List<Map<String, String>> changed = new ArrayList<>();
        if (change != null) {
            plans.batches(year).stream().filter(b -> b.batchId().equals(change)).findFirst()
                    .ifPresent(b -> changed.add(BatchRows.row(b.batch())));
        }
        return render(year, model, form, new LinkedMultiValueMap<>(), List.of(), List.of(), changed, null);
    }

    @PostMapping("/{year}/consolidation")
    String consolidate(@PathVariable int year, @RequestParam MultiValueMap<String, String> form, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        List<Map<String, String>> joint = BatchRows.rows(form, "joint");
        Outcome<?> outcome;
        try {
            List<PlanSelection> selections = new ArrayList<>();
            List<String> chosen = form.getOrDefault("departmentPlans", List.of());
            for (int i = 0; i < chosen.size(); i++) {
                Matcher m = SELECTION.matcher(chosen.get(i));
                if (!m.matches()) {
                    throw new MalformedInput(FormSupport.malformed("departmentPlans[" + i + "]", "unknown-value",
                            chosen.get(i) + " is not department@version"));
                }
                selections.add(new PlanSelection(m.group(1), Integer.parseInt(m.group(2))));
            }
            ConsolidationBody body = new ConsolidationBody(selections, BatchRows.batches(joint, "jointBatches"));
            outcome = forms.submit(body, () -> api.consolidate(year, body));
        } catch (MalformedInput e) {
            outcome = new Outcome<>(null, e.refusal());
        }
        return after(year, outcome, "consolidated", form, joint, List.of(), List.of(), model, response, redirect);
    }

    @PostMapping("/{year}/approval")
    String approve(@PathVariable int year, @RequestParam MultiValueMap<String, String> form, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        return simple(year, form, "planApproved", model, response, redirect, () -> {
            ApprovalBody body = new ApprovalBody(BatchRows.nullIfBlank(form.getFirst("document")),
                    FormSupport.date(form.getFirst("approvedOn"), "approvedOn"));
            return forms.submit(body, () -> api.approve(year, body));
        });
    }

    @PostMapping("/{year}/publication")
    String publish(@PathVariable int year, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return simple(year, new LinkedMultiValueMap<>(), "planPublished", model, response, redirect,
                () -> forms.submit(null, () -> api.publish(year)));
    }

    @PostMapping("/{year}/filing")
    String file(@PathVariable int year, @RequestParam MultiValueMap<String, String> form, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        return simple(year, form, "planFiled", model, response, redirect, () -> {
            FilingBody body = new FilingBody(BatchRows.nullIfBlank(form.getFirst("filedWith")),
                    FormSupport.date(form.getFirst("filedOn"), "filedOn"));
            return forms.submit(body, () -> api.file(year, body));
        });
    }

    @PostMapping("/{year}/adjustments")
    String adjust(@PathVariable int year, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        List<Map<String, String>> added = BatchRows.rows(form, "add");
        List<Map<String, String>> changed = BatchRows.rows(form, "chg");
        Outcome<?> outcome;
        try {
            PlanChanges changes = new PlanChanges(BatchRows.batches(added, "changes.added"),
                    form.getOrDefault("removed", List.of()).stream().filter(s -> !s.isBlank()).toList(),
                    BatchRows.batches(changed, "changes.changed"));
            AdjustmentBody body = new AdjustmentBody(changes, BatchRows.nullIfBlank(form.getFirst("reason")),
                    BatchRows.nullIfBlank(form.getFirst("approver")));
            outcome = forms.submit(body, () -> api.adjust(year, body));
        } catch (MalformedInput e) {
            outcome = new Outcome<>(null, e.refusal());
        }
        return after(year, outcome, "planAdjusted", form, List.of(), added, changed, model, response, redirect);
    }

    /** A department's submissions and, for its approver, the plan form prefilled with the latest submission. */
    @GetMapping("/{year}/departments/{departmentId}")
    String department(@PathVariable int year, @PathVariable String departmentId, Model model) {
        List<Map<String, String>> rows = submissions(year, departmentId).isEmpty() ? List.of()
                : api.departmentPlan(year, departmentId).submissions().stream().reduce((a, b) -> b)
                .map(s -> s.batches().stream().map(BatchRows::row).toList()).orElse(List.of());
        return renderDepartment(year, departmentId, model, rows, null);
    }

    @PostMapping("/{year}/departments/{departmentId}")
    String submit(@PathVariable int year, @PathVariable String departmentId,
                  @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        List<Map<String, String>> rows = BatchRows.rows(form, "b");
        Outcome<Events.DepartmentPlanSubmitted> outcome;
        try {
            DepartmentPlanBody body = new DepartmentPlanBody(BatchRows.batches(rows, "batches"));
            outcome = forms.submit(body, () -> api.submit(year, departmentId, body));
        } catch (MalformedInput e) {
            outcome = new Outcome<>(null, e.refusal());
        }
        if (outcome.refused()) {
            response.setStatus(outcome.refusal().status());
            return renderDepartment(year, departmentId, model, rows, outcome.refusal());
        }
        redirect.addFlashAttribute("done", "planSubmitted");
        redirect.addFlashAttribute("version", outcome.value().version());
        redirect.addAttribute("year", year);
        redirect.addAttribute("departmentId", departmentId);
        return "redirect:/app/forms/plans/{year}/departments/{departmentId}";
    }

    private interface Submission {
        Outcome<?> run() throws MalformedInput;
    }

    private String simple(int year, MultiValueMap<String, String> form, String done, Model model,
                          HttpServletResponse response, RedirectAttributes redirect, Submission submission) {
        Outcome<?> outcome;
        try {
            outcome = submission.run();
        } catch (MalformedInput e) {
            outcome = new Outcome<>(null, e.refusal());
        }
        return after(year, outcome, done, form, List.of(), List.of(), List.of(), model, response, redirect);
    }

    private String after(int year, Outcome<?> outcome, String done, MultiValueMap<String, String> form,
                         List<Map<String, String>> joint, List<Map<String, String>> added,
                         List<Map<String, String>> changed, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        if (outcome.refused()) {
            response.setStatus(outcome.refusal().status());
            return render(year, model, form.toSingleValueMap(), form, joint, added, changed, outcome.refusal());
        }
        redirect.addFlashAttribute("done", done);
        redirect.addAttribute("year", year);
        return "redirect:/app/forms/plans/{year}";
    }

    /** The district plan's state and, for the office administrator, the forms its state allows. */
    private String render(int year, Model model, Map<String, String> form, MultiValueMap<String, String> multi,
                          List<Map<String, String>> joint, List<Map<String, String>> added,
                          List<Map<String, String>> changed, Refusal refusal) {
        LedgerPrincipal p = forms.current();
        LocalDate today = dates.today();
        Optional<PlanDirectory.DistrictRow> district = plans.district(year);
        List<PlanDirectory.SubmissionRow> submissions = plans.submissions(year);
        Map<String, Integer> latest = new LinkedHashMap<>();
        submissions.forEach(s -> latest.merge(s.department(), s.version(), Math::max));
        List<String> chosenPlans = multi.containsKey("departmentPlans") ? multi.get("departmentPlans")
                : latest.entrySet().stream().map(e -> e.getKey() + "@" + e.getValue()).toList();
        boolean office = forms.isOfficeAdmin();
        PlanDirectory.DistrictRow state = district.orElse(null);
        model.addAttribute("year", year);
        model.addAttribute("today", today);
        model.addAttribute("window", AdjustmentWindow.forQuarterOf(today, windowDays));
        model.addAttribute("district", district.isPresent() ? api.district(year) : null);
        model.addAttribute("state", state);
        model.addAttribute("submissions", submissions);
        model.addAttribute("chosenPlans", chosenPlans);
        model.addAttribute("chosenRemoved", multi.getOrDefault("removed", List.of()));
        model.addAttribute("batches", plans.batches(year));
        model.addAttribute("ownDepartment", forms.mayActFor(p.department(), Role.DEPT_APPROVER) ? p.department()
                : null);
        model.addAttribute("departments", departments.all());
        model.addAttribute("form", form);
        model.addAttribute("jointRows", withBlank(joint));
        model.addAttribute("addRows", withBlank(added));
        model.addAttribute("changeRows", changed.isEmpty() ? List.of(blankRow()) : changed);
        model.addAttribute("canConsolidate", office);
        model.addAttribute("canApprove", office && state != null);
        model.addAttribute("canPublish", office && state != null && state.approvedOn() != null
                && state.publishedOn() == null);
        model.addAttribute("canFile", office && state != null && state.approvedOn() != null);
        model.addAttribute("canAdjust", office && state != null && state.publishedOn() != null);
        model.addAttribute("refusal", refusal);
        return "forms/plan";
    }

    private String renderDepartment(int year, String departmentId, Model model, List<Map<String, String>> rows,
                                    Refusal refusal) {
        forms.current();
        List<Events.DepartmentPlanSubmitted> submitted = submissions(year, departmentId).isEmpty() ? List.of()
                : api.departmentPlan(year, departmentId).submissions();
        model.addAttribute("year", year);
        model.addAttribute("departmentId", departmentId);
        model.addAttribute("deadline", PlanDeadlines.departmentPlanDue(year));
        model.addAttribute("submitted", submitted);
        model.addAttribute("departments", departments.all());
        model.addAttribute("rows", withBlank(rows));
        model.addAttribute("canSubmit", forms.mayActFor(departmentId, Role.DEPT_APPROVER));
        model.addAttribute("refusal", refusal);
        return "forms/plan-department";
    }

    private List<PlanDirectory.SubmissionRow> submissions(int year, String departmentId) {
        return plans.submissions(year).stream().filter(s -> s.department().equals(departmentId)).toList();
    }

    /** The rows and one blank row to add a batch. */
    private static List<Map<String, String>> withBlank(List<Map<String, String>> rows) {
        List<Map<String, String>> out = new ArrayList<>(rows);
        out.add(blankRow());
        return out;
    }

    private static Map<String, String> blankRow() {
        Map<String, String> r = new LinkedHashMap<>();
        BatchRows.FIELDS.forEach(f -> r.put(f, ""));
        return r;
    }
}
