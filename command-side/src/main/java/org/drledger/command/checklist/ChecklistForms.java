package org.drledger.command.checklist;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.drledger.command.checklist.ChecklistController.ChecklistView;
import org.drledger.command.checklist.ChecklistController.NewChecklist;
import org.drledger.command.checklist.ChecklistController.Reason;
import org.drledger.command.checklist.PublishedItems.ChecklistRow;
import org.drledger.command.department.DepartmentDirectory;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
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
 * The list forms of the web UI (一单) for a department's list: draft a new list, add or revise a draft item
 * (domain-reference §1 fields), retire an item, publish the draft. Every submission goes through
 * {@link ChecklistController}, the API's own path (authorization, lookups, the aggregate's rules); a refusal
 * re-renders the form with the field and the rule, a success redirects to the list's editor page, which reads the
 * list's own entries and so shows the change at once. The joint list (联合抽查事项清单) is the joint-conference
 * office's: its administrator drafts it, edits its joint items (field, lead and assisting departments, level, source
 * items of published department lists) and publishes it through the same editor and the same API methods.
 */
@Controller
@RequestMapping("/app/forms/checklists")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class ChecklistForms {
    /** A source item as {@link ItemRef#toString()} writes it: {@code listId@version/code}. */
    private static final Pattern SOURCE = Pattern.compile("(.+)@(\\d{1,9})/(.+)");

    private final ChecklistController api;
    private final PublishedItems published;
    private final DepartmentDirectory departments;
    private final FormSupport forms;

    ChecklistForms(ChecklistController api, PublishedItems published, DepartmentDirectory departments,
                   FormSupport forms) {
        this.api = api;
        this.published = published;
        this.departments = departments;
        this.forms = forms;
    }

    @GetMapping("/new")
    String newList(Model model) {
        LedgerPrincipal p = requireListWriter();
        boolean departmentWriter = p.has(Role.DEPT_CLERK) || p.has(Role.DEPT_APPROVER);
        model.addAttribute("form", Map.of("ownerDepartment", p.department(),
                "kind", departmentWriter ? ChecklistKind.DEPARTMENT.name() : ChecklistKind.JOINT.name()));
        model.addAttribute("canJoint", forms.isOfficeAdmin());
        return "forms/checklist-new";
    }

    @PostMapping("/new")
    String draftList(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                     RedirectAttributes redirect) {
        requireListWriter();
        // the API decides who may draft which kind (a joint list: the office administrator only)
        ChecklistKind kind = ChecklistKind.JOINT.name().equals(form.getFirst("kind")) ? ChecklistKind.JOINT
                : ChecklistKind.DEPARTMENT;
        NewChecklist body = new NewChecklist(blankToNull(form.getFirst("listId")),
                blankToNull(form.getFirst("ownerDepartment")), kind, blankToNull(form.getFirst("title")));
        Outcome<?> outcome = forms.submit(body, () -> api.draft(body));
        if (outcome.refused()) {
            response.setStatus(outcome.refusal().status());
            model.addAttribute("form", form.toSingleValueMap());
            model.addAttribute("refusal", outcome.refusal());
            model.addAttribute("canJoint", forms.isOfficeAdmin());
            return "forms/checklist-new";
        }
        redirect.addFlashAttribute("done", "drafted");
        redirect.addAttribute("listId", body.listId());
        return "redirect:/app/forms/checklists/{listId}";
    }

    /** The editor: the draft's items, the item form (prefilled with {@code ?code=} to revise), publishing. */
    @GetMapping("/{listId}")
    String editor(@PathVariable String listId, @RequestParam(required = false) String code, Model model) {
        ChecklistView draft = editable(listId);
        Map<String, Object> form = new LinkedHashMap<>();
        List<String> objectTypes = List.of();
        List<String> methods = List.of();
        List<String> assisting = List.of();
        if (code != null) {
            ChecklistItem item = draft.items().stream().filter(i -> code.equals(i.code())).findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no draft item " + code));
            form.put("code", item.code());
            form.put("categoryCode", item.categoryCode());
            form.put("categoryName", item.categoryName());
            form.put("name", item.name());
            form.put("tier", item.tier() == null ? "" : item.tier().name());
            form.put("inspectingAuthority", item.inspectingAuthority());
            form.put("legalBasis", item.legalBasis());
            form.put("ratioNum", item.ratioCap() == null ? "" : String.valueOf(item.ratioCap().num()));
            form.put("ratioDen", item.ratioCap() == null ? "" : String.valueOf(item.ratioCap().den()));
            form.put("remarks", item.remarks());
            objectTypes = item.objectTypes() == null ? List.of() : item.objectTypes().stream().map(Enum::name).toList();
            methods = item.methods() == null ? List.of() : item.methods().stream().map(Enum::name).toList();
            if (draft.kind() == ChecklistKind.JOINT) {
                form.put("field", item.field());
                form.put("leadDepartment", item.leadDepartment());
                form.put("level", item.level());
                form.put("sources", item.sources() == null ? ""
                        : String.join("\n", item.sources().stream().map(ItemRef::toString).toList()));
                assisting = item.assistingDepartments() == null ? List.of() : item.assistingDepartments();
            }
        }
        return render(draft, model, form, objectTypes, methods, assisting, null);
    }

    @PostMapping("/{listId}/items")
    String revise(@PathVariable String listId, @RequestParam MultiValueMap<String, String> form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Outcome<?> outcome;
        try {
            ChecklistItem item = item(form, editable(listId).kind());
            outcome = forms.submit(null, () -> api.revise(listId, item));
        } catch (MalformedInput e) {
            outcome = new Outcome<>(null, e.refusal());
        }
        return after(listId, outcome, "revised", form, model, response, redirect);
    }

    @PostMapping("/{listId}/items/{code}/retire")
    String retire(@PathVariable String listId, @PathVariable String code,
                  @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Reason body = new Reason(blankToNull(form.getFirst("reason")));
        Outcome<?> outcome = forms.submit(body, () -> {
            api.retire(listId, code, body);
            return code;
        });
        return after(listId, outcome, "retired", new org.springframework.util.LinkedMultiValueMap<>(), model,
                response, redirect);
    }

    @PostMapping("/{listId}/publish")
    String publish(@PathVariable String listId, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        Outcome<Map<String, Object>> outcome = forms.submit(null, () -> api.publish(listId));
        if (!outcome.refused()) {
            redirect.addFlashAttribute("version", outcome.value().get("version"));
        }
        return after(listId, outcome, "published", new org.springframework.util.LinkedMultiValueMap<>(), model,
                response, redirect);
    }

    private String after(String listId, Outcome<?> outcome, String done, MultiValueMap<String, String> form,
                         Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (outcome.refused()) {
            response.setStatus(outcome.refusal().status());
            Map<String, Object> values = new LinkedHashMap<>(form.toSingleValueMap());
            return render(editable(listId), model, values, form.getOrDefault("objectTypes", List.of()),
                    form.getOrDefault("methods", List.of()), form.getOrDefault("assistingDepartments", List.of()),
                    outcome.refusal());
        }
        redirect.addFlashAttribute("done", done);
        redirect.addAttribute("listId", listId);
        return "redirect:/app/forms/checklists/{listId}";
    }

    private String render(ChecklistView draft, Model model, Map<String, Object> form, List<String> objectTypes,
                          List<String> methods, List<String> assisting, Refusal refusal) {
        String owner = draft.ownerDepartment();
        boolean joint = draft.kind() == ChecklistKind.JOINT;
        model.addAttribute("list", draft);
        model.addAttribute("form", form);
        model.addAttribute("chosenObjectTypes", objectTypes);
        model.addAttribute("chosenMethods", methods);
        model.addAttribute("objectTypes", ObjectType.values());
        model.addAttribute("tiers", ItemTier.values());
        model.addAttribute("methods", InspectionMethod.values());
        model.addAttribute("joint", joint);
        model.addAttribute("departments", joint ? departments.all() : List.of());
        model.addAttribute("chosenAssisting", assisting);
        // the API's rule: a department list is its clerk's and approver's, the joint list the office administrator's
        model.addAttribute("canRevise", joint ? forms.isOfficeAdmin() : forms.mayActFor(owner, Role.DEPT_CLERK));
        model.addAttribute("canPublish", joint ? forms.isOfficeAdmin() : forms.mayActFor(owner, Role.DEPT_APPROVER));
        model.addAttribute("refusal", refusal);
        return "forms/checklist";
    }

    /**
     * A list the user may write (a department list: its clerk or approver; the joint list: the office
     * administrator); 404 for an unknown list.
     */
    private ChecklistView editable(String listId) {
        ChecklistRow row = published.list(listId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no list " + listId));
        boolean writes = row.kind() == ChecklistKind.JOINT ? forms.isOfficeAdmin()
                : forms.mayActFor(row.ownerDepartment(), Role.DEPT_CLERK, Role.DEPT_APPROVER);
        if (!writes) {
            throw new AccessDeniedException(forms.current().username() + " may not edit list " + listId);
        }
        return api.draft(listId);
    }

    private LedgerPrincipal requireListWriter() {
        LedgerPrincipal p = forms.current();
        if (!p.has(Role.DEPT_CLERK) && !p.has(Role.DEPT_APPROVER) && !p.has(Role.OFFICE_ADMIN)) {
            throw new AccessDeniedException(p.username() + " drafts no lists");
        }
        return p;
    }

    /** The item as the API's JSON body would carry it; only unparseable enum or number input is refused here. */
    private static ChecklistItem item(MultiValueMap<String, String> form, ChecklistKind kind) throws MalformedInput {
        List<ObjectType> types = new ArrayList<>();
        for (String t : form.getOrDefault("objectTypes", List.of())) {
            types.add(parse(ObjectType.class, t, "item.objectTypes"));
        }
        List<InspectionMethod> methods = new ArrayList<>();
        for (String m : form.getOrDefault("methods", List.of())) {
            methods.add(parse(InspectionMethod.class, m, "item.methods"));
        }
        String tier = form.getFirst("tier");
        Integer num = FormSupport.integer(form.getFirst("ratioNum"), "item.ratioCap.num");
        Integer den = FormSupport.integer(form.getFirst("ratioDen"), "item.ratioCap.den");
        Ratio cap = num == null && den == null ? null : new Ratio(num == null ? 0 : num, den == null ? 0 : den);
        ChecklistItem item = ChecklistItem.department(blankToNull(form.getFirst("code")),
                blankToNull(form.getFirst("categoryCode")), blankToNull(form.getFirst("categoryName")),
                blankToNull(form.getFirst("name")), types.isEmpty() ? null : types,
                tier == null || tier.isBlank() ? null : parse(ItemTier.class, tier, "item.tier"),
                methods.isEmpty() ? null : methods, blankToNull(form.getFirst("inspectingAuthority")),
                blankToNull(form.getFirst("legalBasis")), cap, blankToNull(form.getFirst("remarks")));
        if (kind != ChecklistKind.JOINT) {
            return item;
        }
        List<ItemRef> sources = new ArrayList<>();
        List<String> lines = form.getFirst("sources") == null ? List.of()
                : form.getFirst("sources").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int n = 0; n < lines.size(); n++) {
            Matcher m = SOURCE.matcher(lines.get(n));
            if (!m.matches()) {
                throw new MalformedInput(FormSupport.malformed("item.sources[" + n + "]", "plan-item-format",
                        lines.get(n) + " is not listId@version/code"));
            }
            sources.add(new ItemRef(m.group(1).strip(), Integer.parseInt(m.group(2)), m.group(3).strip()));
        }
        List<String> assisting = form.getOrDefault("assistingDepartments", List.of()).stream()
                .filter(d -> !d.isBlank()).toList();
        return item.joint(blankToNull(form.getFirst("field")), blankToNull(form.getFirst("leadDepartment")),
                assisting.isEmpty() ? null : assisting, blankToNull(form.getFirst("level")),
                sources.isEmpty() ? null : sources);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) throws MalformedInput {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new MalformedInput(FormSupport.malformed(field, "unknown-value", field + ": no such value " + value));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
