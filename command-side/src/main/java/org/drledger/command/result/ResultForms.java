package org.drledger.command.result;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.drledger.command.result.ResultController.EnterBody;
import org.drledger.command.result.ResultController.ExemptionBody;
import org.drledger.command.result.ResultController.FollowUpBody;
import org.drledger.command.result.ResultController.ReviewBody;
import org.drledger.command.result.ResultDirectory.ResultRow;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.command.ui.FormSupport;
import org.drledger.command.ui.FormSupport.Outcome;
import org.drledger.command.ui.Refusal;
import org.drledger.core.result.ResultCodeTable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The result forms of the web UI (录入 → 审核 → 公示): one page per result showing its current state and the forms
 * the user may use. Every submission goes through {@link ResultController}, i.e. the API's own path; a refusal
 * re-renders the page with the field and the rule, a success redirects back to the page, which shows the new
 * state (read from the command side's lookup, so it is current at once).
 */
@Controller
@RequestMapping("/app/forms/results")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class ResultForms {
    private static final String RESULT = "/{taskId}/{objectId}/{itemCode}";

    private final ResultController api;
    private final ResultDirectory directory;
    private final TaskLookup tasks;
    private final FormSupport forms;

    ResultForms(ResultController api, ResultDirectory directory, TaskLookup tasks, FormSupport forms) {
        this.api = api;
        this.directory = directory;
        this.tasks = tasks;
        this.forms = forms;
    }

    /** A task's targets and items with the state of each result, for the departments that inspect it. */
    @GetMapping("/{taskId}")
    String task(@PathVariable String taskId, Model model) {
        TaskLookup.Task task = tasks.find(taskId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        LedgerPrincipal p = forms.current();
        boolean reads = p.has(Role.OFFICE_ADMIN) || p.has(Role.AUDITOR) || task.inspectedBy(p.department())
                || mayActForAny(task, Role.DEPT_CLERK, Role.DEPT_APPROVER);
        if (!reads) {
            throw new AccessDeniedException(p.username() + " does not inspect task " + taskId);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String objectId : tasks.targets(taskId)) {
            for (String item : tasks.items(taskId)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("objectId", objectId);
                row.put("itemCode", item);
                row.put("status", directory.find(taskId, objectId, item).map(ResultRow::status).orElse(null));
                rows.add(row);
            }
        }
        model.addAttribute("task", task);
        model.addAttribute("rows", rows);
        return "forms/results-task";
    }

    @GetMapping(RESULT)
    String page(@PathVariable String taskId, @PathVariable String objectId, @PathVariable String itemCode,
                Model model) {
        return render(taskId, objectId, itemCode, model, Map.of(), null, null);
    }

    @PostMapping(RESULT)
    String enter(@PathVariable String taskId, @PathVariable String objectId, @PathVariable String itemCode,
                 @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        Refusal malformed = null;
        InspectionMethod method = null;
        TriggerKind trigger = null;
        LocalDate triggerDate = null;
        FollowUpMeasure measure = null;
        try {
            method = parseEnum(InspectionMethod.class, form.getFirst("method"), "method");
            trigger = parseEnum(TriggerKind.class, form.getFirst("triggerKind"), "triggerKind");
            triggerDate = parseDate(form.getFirst("triggerDate"), "triggerDate");
            measure = parseEnum(FollowUpMeasure.class, form.getFirst("followUpMeasure"), "followUps[0].measure");
        } catch (MalformedInput e) {
            malformed = e.refusal;
        }
        Outcome<?> outcome;
        if (malformed != null) {
            outcome = new Outcome<>(null, malformed);
        } else {
            List<FollowUp> followUps = measure == null ? null : List.of(new FollowUp(measure,
                    blankToNull(form.getFirst("followUpNotifiedDepartment")),
                    blankToNull(form.getFirst("followUpReferredTo")), FollowUpState.OPEN, null));
            List<String> codes = form.getOrDefault("resultCodes", List.of()).stream().filter(s -> !s.isBlank())
                    .toList();
            EnterBody body = new EnterBody(null, method, codes, blankToNull(form.getFirst("findings")),
                    lines(form.getFirst("evidence")), followUps, trigger, triggerDate);
            outcome = forms.submit(body, () -> api.enter(taskId, objectId, itemCode, body));
        }
        return after(outcome, "entered", taskId, objectId, itemCode, form, model, response, redirect);
    }

    @PostMapping(RESULT + "/review")
    String review(@PathVariable String taskId, @PathVariable String objectId, @PathVariable String itemCode,
                  @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Outcome<?> outcome;
        try {
            ReviewDecision decision = parseEnum(ReviewDecision.class, form.getFirst("decision"), "decision");
            ReviewBody body = new ReviewBody(decision, lines(form.getFirst("reasons")));
            outcome = forms.submit(body, () -> api.review(taskId, objectId, itemCode, body));
        } catch (MalformedInput e) {
            outcome = new Outcome<>(null, e.refusal);
        }
        return after(outcome, "reviewed", taskId, objectId, itemCode, form, model, response, redirect);
    }

    @PostMapping(RESULT + "/publish")
    String publish(@PathVariable String taskId, @PathVariable String objectId, @PathVariable String itemCode,
                   @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        Outcome<?> outcome = forms.submit(null, () -> api.publish(taskId, objectId, itemCode));
        return after(outcome, "resultPublished", taskId, objectId, itemCode, form, model, response, redirect);
    }

    @PostMapping(RESULT + "/exemption")
    String exempt(@PathVariable String taskId, @PathVariable String objectId, @PathVariable String itemCode,
                  @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Outcome<?> outcome;
        try {
            ExemptionBody body = new ExemptionBody(blankToNull(form.getFirst("legalBasis")),
                    blankToNull(form.getFirst("authority")), blankToNull(form.getFirst("document")),
                    parseDate(form.getFirst("approvedOn"), "approvedOn"));
            outcome = forms.submit(body, () -> api.exempt(taskId, objectId, itemCode, body));
        } catch (MalformedInput e) {
            outcome = new Outcome<>(null, e.refusal);
        }
        return after(outcome, "exempted", taskId, objectId, itemCode, form, model, response, redirect);
    }

    /** A follow-up measure's state (open or done with its completion date), as the API's follow-up update. */
    @PostMapping(RESULT + "/follow-ups/{followUpNo}")
    String followUp(@PathVariable String taskId, @PathVariable String objectId, @PathVariable String itemCode,
                    @PathVariable int followUpNo, @RequestParam MultiValueMap<String, String> form, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        Outcome<?> outcome;
        try {
            FollowUpBody body = new FollowUpBody(parseEnum(FollowUpState.class, form.getFirst("state"), "state"),
                    parseDate(form.getFirst("completedOn"), "completedOn"));
            outcome = forms.submit(body, () -> api.followUp(taskId, objectId, itemCode, followUpNo, body));
        } catch (MalformedInput e) {
            outcome = new Outcome<>(null, e.refusal);
        }
        if (outcome.refused()) {
            // the other forms keep their prefill; the follow-up row shows what was entered
            Map<String, String> entered = new LinkedHashMap<>(form.toSingleValueMap());
            entered.put("followUpNo", String.valueOf(followUpNo));
            model.addAttribute("followUpForm", entered);
            response.setStatus(outcome.refusal().status());
            return render(taskId, objectId, itemCode, model, Map.of(), null, outcome.refusal());
        }
        return after(outcome, "followUpUpdated", taskId, objectId, itemCode, form, model, response, redirect);
    }

    private String after(Outcome<?> outcome, String done, String taskId, String objectId, String itemCode,
                         MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        if (outcome.refused()) {
            response.setStatus(outcome.refusal().status());
            return render(taskId, objectId, itemCode, model, form.toSingleValueMap(), form.get("resultCodes"),
                    outcome.refusal());
        }
        redirect.addFlashAttribute("done", done);
        redirect.addAttribute("taskId", taskId);
        redirect.addAttribute("objectId", objectId);
        redirect.addAttribute("itemCode", itemCode);
        return "redirect:/app/forms/results/{taskId}/{objectId}/{itemCode}";
    }

    /** The page: the current state (when entered) and the forms this user may use in this state. */
    private String render(String taskId, String objectId, String itemCode, Model model, Map<String, String> values,
                          List<String> chosenCodes, Refusal refusal) {
        Optional<ResultRow> row = directory.find(taskId, objectId, itemCode);
        ResultService.ResultView view = row.isPresent() ? api.get(taskId, objectId, itemCode) : null;
        boolean canEnter;
        boolean canApprove;
        if (row.isPresent()) {
            String status = row.get().status();
            boolean inspecting = forms.mayActFor(row.get().department(), Role.DEPT_CLERK, Role.DEPT_APPROVER);
            canEnter = inspecting && ("ENTERED".equals(status) || "RETURNED".equals(status));
            canApprove = forms.mayActFor(row.get().department(), Role.DEPT_APPROVER);
        } else {
            TaskLookup.Task task = tasks.find(taskId)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            canEnter = !task.voided() && forms.mayActFor(forms.current().department(), Role.DEPT_CLERK,
                    Role.DEPT_APPROVER) && task.inspectedBy(forms.current().department());
            canApprove = false;
            if (!canEnter) {
                throw new AccessDeniedException(forms.current().username() + " may not enter results for task "
                        + taskId);
            }
        }
        String status = view == null ? null : view.status();
        Map<String, String> form = new LinkedHashMap<>(values);
        List<String> codes = chosenCodes;
        if (view != null && values.isEmpty()) {
            // revising starts from the current revision (the findings text as opened from the vault)
            form.put("method", view.method() == null ? "" : view.method().name());
            form.put("findings", view.findings() == null ? "" : view.findings());
            form.put("evidence", String.join("\n", view.evidence() == null ? List.of() : view.evidence()));
            form.put("triggerKind", view.triggerKind() == null ? "" : view.triggerKind().name());
            form.put("triggerDate", view.triggerDate() == null ? "" : view.triggerDate().toString());
            codes = view.resultCodes().stream().map(ResultService.CodeView::code).toList();
        }
        model.addAttribute("taskId", taskId);
        model.addAttribute("objectId", objectId);
        model.addAttribute("itemCode", itemCode);
        model.addAttribute("result", view);
        model.addAttribute("form", form);
        model.addAttribute("chosenCodes", codes == null ? List.of() : codes);
        model.addAttribute("codes", ResultCodeTable.builtIn().codes());
        model.addAttribute("methods", InspectionMethod.values());
        model.addAttribute("triggerKinds", TriggerKind.values());
        model.addAttribute("measures", FollowUpMeasure.values());
        model.addAttribute("canEnter", canEnter);
        model.addAttribute("canReview", canApprove && "ENTERED".equals(status));
        model.addAttribute("canPublish", canApprove && "APPROVED".equals(status));
        model.addAttribute("canFollowUp", row.isPresent()
                && forms.mayActFor(row.get().department(), Role.DEPT_CLERK, Role.DEPT_APPROVER));
        model.addAttribute("followUpStates", FollowUpState.values());
        if (!model.containsAttribute("followUpForm")) {
            model.addAttribute("followUpForm", Map.of());
        }
        model.addAttribute("refusal", refusal);
        return "forms/result";
    }

    private boolean mayActForAny(TaskLookup.Task task, Role... roles) {
        if (forms.mayActFor(task.leadDepartment(), roles)) {
            return true;
        }
        return task.assistingDepartments().stream().anyMatch(d -> forms.mayActFor(d, roles));
    }

    /** A form value that is not one of the enum's names (only a hand-made request sends one). */
    private static final class MalformedInput extends Exception {
        private final Refusal refusal;

        MalformedInput(Refusal refusal) {
            super(refusal.detail(), null, false, false);
            this.refusal = refusal;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) throws MalformedInput {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new MalformedInput(FormSupport.malformed(field, "unknown-value", field + " must be one of "
                    + Arrays.toString(type.getEnumConstants())));
        }
    }

    private static LocalDate parseDate(String value, String field) throws MalformedInput {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new MalformedInput(FormSupport.malformed(field, "bad-date", field + " must be a date YYYY-MM-DD"));
        }
    }

    /** A textarea as a list: one value per line, blank lines ignored. */
    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
