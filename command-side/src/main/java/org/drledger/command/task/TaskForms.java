package org.drledger.command.task;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.function.Function;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.command.task.TaskController.AdjustmentBody;
import org.drledger.command.task.TaskController.Commitment;
import org.drledger.command.task.TaskController.RandomnessBody;
import org.drledger.command.task.TaskController.RecusalBody;
import org.drledger.command.task.TaskController.Reveal;
import org.drledger.command.task.TaskController.VoidBody;
import org.drledger.command.ui.FormSupport;
import org.drledger.command.ui.MalformedInput;
import org.drledger.command.ui.FormSupport.Outcome;
import org.drledger.command.ui.Refusal;
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
 * The task actions of the web UI (the one-click or few-field steps of docs/workflow.md §4): freeze, record a
 * commitment, record the randomness, reveal, execute the draw, record a recusal, record a manual adjustment (after
 * the draw), void. Each submission calls {@link TaskController}, the API's own path (authorization, order, every
 * rule); a refusal re-renders the page with the field and the rule (the refused input marked), a success redirects
 * back to the page, which reads the task's entries (current at once).
 */
@Controller
@RequestMapping("/app/forms/tasks/{taskId}")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class TaskForms {
    private final TaskController api;
    private final TaskDirectory directory;
    private final FormSupport forms;

    TaskForms(TaskController api, TaskDirectory directory, FormSupport forms) {
        this.api = api;
        this.directory = directory;
        this.forms = forms;
    }

    @GetMapping
    String page(@PathVariable String taskId, Model model) {
        return render(taskId, model, Map.of(), null);
    }

    @PostMapping("/freeze")
    String freeze(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        return act(taskId, "freeze", "frozen", null, b -> api.freeze(taskId), form, model, response, redirect);
    }

    @PostMapping("/commitments")
    String commit(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Commitment body = new Commitment(text(form, "partyId"), text(form, "commitment"));
        return act(taskId, "commit", "committed", body, b -> api.commit(taskId, body), form, model, response, redirect);
    }

    @PostMapping("/randomness")
    String randomness(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> form, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        long round;
        try {
            Long r = FormSupport.longInteger(text(form, "round"), "round");
            round = r == null ? 0 : r;
        } catch (MalformedInput e) {
            return refused(taskId, "randomness", e.refusal(), form, model, response);
        }
        RandomnessBody body = new RandomnessBody(text(form, "source"), round, text(form, "signature"),
                text(form, "randomness"), text(form, "value"), text(form, "drawDate"));
        return act(taskId, "randomness", "randomness", body, b -> api.randomness(taskId, body),
                form, model, response, redirect);
    }

    @PostMapping("/reveals")
    String reveal(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Reveal body = new Reveal(text(form, "partyId"), text(form, "secret"));
        return act(taskId, "reveal", "revealed", body, b -> api.reveal(taskId, body), form, model, response, redirect);
    }

    @PostMapping("/draw")
    String draw(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> form, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        return act(taskId, "draw", "drawn", null, b -> api.draw(taskId), form, model, response, redirect);
    }

    @PostMapping("/recusals")
    String recuse(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        RecusalBody body = new RecusalBody(text(form, "objectId"), text(form, "officerId"), text(form, "reason"),
                text(form, "decidedBy"));
        return act(taskId, "recusal", "recused", body, b -> api.recuse(taskId, body), form, model, response, redirect);
    }

    @PostMapping("/adjustments")
    String adjust(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        int slot;
        try {
            Integer s = FormSupport.integer(text(form, "slot"), "slot");
            slot = s == null ? 0 : s;
        } catch (MalformedInput e) {
            return refused(taskId, "adjust", e.refusal(), form, model, response);
        }
        AdjustmentBody body = new AdjustmentBody(text(form, "objectId"), slot, text(form, "officerId"),
                text(form, "reason"), text(form, "approver"));
        return act(taskId, "adjust", "adjusted", body, b -> api.adjust(taskId, body), form, model, response, redirect);
    }

    @PostMapping("/void")
    String voidDraw(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> form, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        VoidBody body = new VoidBody(text(form, "reason"), text(form, "approver"));
        return act(taskId, "void", "voided", body, b -> api.voidDraw(taskId, body), form, model, response, redirect);
    }

    /** {@code name}: the form submitted (its inputs' id prefix on the page); {@code done}: the note on success. */
    private String act(String taskId, String name, String done, Object body, Function<Object, Object> action,
                       MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                       RedirectAttributes redirect) {
        Outcome<Object> outcome = forms.submit(body, () -> action.apply(body));
        if (outcome.refused()) {
            return refused(taskId, name, outcome.refusal(), form, model, response);
        }
        redirect.addFlashAttribute("done", done);
        redirect.addAttribute("taskId", taskId);
        return "redirect:/app/forms/tasks/{taskId}";
    }

    private String refused(String taskId, String name, Refusal refusal, MultiValueMap<String, String> form,
                           Model model, HttpServletResponse response) {
        response.setStatus(refusal.status());
        // the refused input, as "form:field" (the page marks it invalid); whole-task rules name no input
        if (refusal.field() != null && !refusal.field().isEmpty() && !"taskId".equals(refusal.field())) {
            model.addAttribute("invalid", name + ":" + refusal.field());
        }
        model.addAttribute("submitted", name);
        return render(taskId, model, form.toSingleValueMap(), refusal);
    }

    /** The task's state and the forms this user may use: the same role rules as the API's. */
    private String render(String taskId, Model model, Map<String, String> form, Refusal refusal) {
        TaskDirectory.TaskRow task = directory.find(taskId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no task " + taskId));
        LedgerPrincipal p = forms.current();
        boolean office = p.has(Role.OFFICE_ADMIN);
        boolean leadWriter = office || forms.mayActFor(task.leadDepartment(), Role.DEPT_CLERK, Role.DEPT_APPROVER);
        boolean leadApprover = office || forms.mayActFor(task.leadDepartment(), Role.DEPT_APPROVER);
        boolean participant = leadWriter || (task.assistingDepartments().contains(p.department())
                && (p.has(Role.DEPT_CLERK) || p.has(Role.DEPT_APPROVER)));
        if (!participant) {
            throw new AccessDeniedException(p.username() + " takes no part in task " + taskId);
        }
        boolean open = !TaskDirectory.VOIDED.equals(task.status());
        Map<String, Object> view = api.get(taskId);
        model.addAttribute("task", task);
        model.addAttribute("view", view);
        model.addAttribute("canLead", open && leadWriter);
        model.addAttribute("canParticipate", open && participant);
        model.addAttribute("canApprove", open && leadApprover);
        // a manual adjustment changes a drawn team: the API's rule (lead's approver or office), after the draw
        model.addAttribute("canAdjust", open && leadApprover && view.get("draw") != null);
        model.addAttribute("form", form);
        model.addAttribute("refusal", refusal);
        return "forms/task";
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
