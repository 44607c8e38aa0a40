package org.drledger.command.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.command.task.TaskController.NewTask;
import org.drledger.command.task.TaskEvents.AdHocApproval;
import org.drledger.command.task.TaskEvents.PlanRef;
import org.drledger.command.ui.FormSupport;
import org.drledger.command.ui.MalformedInput;
import org.drledger.command.ui.FormSupport.Outcome;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Planning a task in the web UI: the basic fields and the drl-draw/1 plan as JSON, submitted through
 * {@link TaskController#plan}, the API's own path, which validates the plan (refusals name the JSON path, e.g.
 * {@code drawPlan/strata/2/ratio}). The lead department's approver (or the office administrator) plans. The form
 * lives outside {@code /app/forms/tasks/...}: {@code new} is a valid task id ({@link InspectionTask#TASK_ID}), and
 * that task's page is {@code /app/forms/tasks/new}.
 */
@Controller
@RequestMapping("/app/forms/task-plans/new")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class TaskPlanForm {
    private final TaskController api;
    private final FormSupport forms;
    private final ObjectMapper mapper;

    TaskPlanForm(TaskController api, FormSupport forms, ObjectMapper mapper) {
        this.api = api;
        this.forms = forms;
        this.mapper = mapper;
    }

    @GetMapping
    String form(Model model) {
        LedgerPrincipal p = requirePlanner();
        model.addAttribute("form", Map.of("leadDepartment", p.department(), "source", InspectionTask.AD_HOC,
                "category", "ROUTINE"));
        return "forms/task-new";
    }

    @PostMapping
    String plan(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        requirePlanner();
        Outcome<?> outcome;
        try {
            NewTask body = body(form);
            outcome = forms.submit(body, () -> api.plan(body));
        } catch (MalformedInput e) {
            outcome = new Outcome<>(null, e.refusal());
        }
        if (outcome.refused()) {
            response.setStatus(outcome.refusal().status());
            model.addAttribute("form", form.toSingleValueMap());
            model.addAttribute("refusal", outcome.refusal());
            model.addAttribute("invalid", input(outcome.refusal().field()));
            return "forms/task-new";
        }
        redirect.addFlashAttribute("done", "planned");
        redirect.addAttribute("taskId", text(form, "taskId"));
        return "redirect:/app/forms/tasks/{taskId}";
    }

    /** The form input a refused field belongs to (marked {@code invalid}, {@code aria-invalid}); null if none. */
    static String input(String field) {
        if (field == null || field.isEmpty()) {
            return null;
        }
        for (String[] prefix : new String[][]{{"drawPlan", "drawPlan"}, {"items", "items"},
                {"assistingDepartments", "assistingDepartments"}, {"planRef.year", "planYear"},
                {"planRef.batch", "planBatch"}, {"adHocApproval.approver", "adHocApprover"},
                {"adHocApproval.document", "adHocDocument"}, {"adHocApproval.date", "adHocDate"}}) {
            if (field.startsWith(prefix[0])) {
                return prefix[1];
            }
        }
        return field;
    }

    private NewTask body(MultiValueMap<String, String> form) throws MalformedInput {
        String source = text(form, "source");
        PlanRef planRef = null;
        AdHocApproval adHoc = null;
        if ("PLAN".equals(source)) {
            Integer year = FormSupport.integer(text(form, "planYear"), "planRef.year");
            planRef = new PlanRef(year == null ? 0 : year, text(form, "planBatch"));
        } else if (InspectionTask.AD_HOC.equals(source)) {
            adHoc = new AdHocApproval(text(form, "adHocApprover"), text(form, "adHocDocument"),
                    text(form, "adHocDate"));
        }
        List<TaskService.ItemRef> items = new ArrayList<>();
        String itemLines = form.getFirst("items");
        List<String> lines = itemLines == null ? List.of()
                : itemLines.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (int i = 0; i < lines.size(); i++) {
            int colon = lines.get(i).lastIndexOf(':');
            if (colon <= 0 || colon == lines.get(i).length() - 1) {
                throw new MalformedInput(FormSupport.malformed("items[" + i + "]", "item-ref-format",
                        "an item is listId:code, one per line"));
            }
            items.add(new TaskService.ItemRef(lines.get(i).substring(0, colon).strip(),
                    lines.get(i).substring(colon + 1).strip()));
        }
        String assisting = text(form, "assistingDepartments");
        List<String> assistingList = assisting == null ? List.of()
                : Arrays.stream(assisting.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
        return new NewTask(text(form, "taskId"), source, planRef, adHoc, text(form, "leadDepartment"), assistingList,
                text(form, "category"), items, drawPlan(text(form, "drawPlan")));
    }

    /** The plan as the API's JSON body carries it, parsed by the same object mapper. */
    private ObjectNode drawPlan(String json) throws MalformedInput {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(json);
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (JsonProcessingException e) {
            // refused below
        }
        throw new MalformedInput(FormSupport.malformed("drawPlan", "malformed-body", "the draw plan is not a JSON object"));
    }

    private LedgerPrincipal requirePlanner() {
        LedgerPrincipal p = forms.current();
        if (!p.has(Role.DEPT_APPROVER) && !p.has(Role.OFFICE_ADMIN)) {
            throw new AccessDeniedException(p.username() + " plans no tasks");
        }
        return p;
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
