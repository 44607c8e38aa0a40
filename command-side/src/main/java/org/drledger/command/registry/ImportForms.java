package org.drledger.command.registry;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.command.ui.FormSupport;
import org.drledger.command.ui.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registry CSV import in the web UI (两库): upload a file for the object or inspector registry (dry run, partial
 * import, as a job), through {@link ImportController}, the API's own path. A whole-file refusal or a rejected row
 * (non-partial import: nothing written) re-renders the upload form with the field and the rule and the per-row
 * report; an import that ran or was queued redirects to its job page, which shows progress (a small script polls
 * {@code progress}, the session-authenticated twin of {@code GET /api/imports/{id}}) and then the report.
 */
@Controller
@RequestMapping("/app/forms/imports")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class ImportForms {
    private static final int REPORT_ROWS = 200;

    private final ImportController api;
    private final FormSupport forms;

    ImportForms(ImportController api, FormSupport forms) {
        this.api = api;
        this.forms = forms;
    }

    @GetMapping
    String upload(@RequestParam(defaultValue = "objects") String registry, Model model) {
        requireImporter();
        model.addAttribute("registry", registry);
        return "forms/import";
    }

    @PostMapping
    String submit(@RequestParam(defaultValue = "objects") String registry,
                  @RequestPart(name = "file", required = false) MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean partial,
                  @RequestParam(defaultValue = "false") boolean dryRun,
                  @RequestParam(defaultValue = "false") boolean async, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) throws IOException {
        requireImporter();
        model.addAttribute("registry", registry);
        model.addAttribute("partial", partial);
        model.addAttribute("dryRun", dryRun);
        model.addAttribute("async", async);
        if (file == null || file.isEmpty()) {
            return refused(new Refusal("file", "required", "choose a CSV file", 400), model, response);
        }
        ResponseEntity<Object> answer;
        try {
            answer = api.importPart(registry, file, partial, dryRun, async);
        } catch (ImportService.Refused e) {
            return refused(new Refusal(e.field, e.rule, e.getMessage()
                    + (e.row == null ? "" : " (row " + e.row + (e.column == null ? "" : ", column " + e.column) + ")"),
                    e.status.value()), model, response);
        }
        if (answer.getBody() instanceof ProblemDetail p) {
            // rows rejected (nothing written) or the import failed: the form again, with the report
            Object report = p.getProperties() == null ? null : p.getProperties().get("import");
            model.addAttribute("job", report);
            return refused(new Refusal(String.valueOf(p.getProperties().get("field")),
                    String.valueOf(p.getProperties().get("rule")), p.getDetail(), answer.getStatusCode().value()),
                    model, response);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> job = (Map<String, Object>) answer.getBody();
        redirect.addFlashAttribute("done", Boolean.TRUE.equals(job.get("dryRun")) ? "checked" : "imported");
        redirect.addAttribute("importId", job.get("importId"));
        return "redirect:/app/forms/imports/{importId}";
    }

    @GetMapping("/{importId}")
    String job(@PathVariable String importId, @RequestParam(defaultValue = "0") int page,
               @RequestParam(required = false) String status, Model model) {
        model.addAttribute("job", read(importId, page, REPORT_ROWS, status));
        model.addAttribute("reportStatus", status);
        return "forms/import-job";
    }

    /** Progress for the job page's script (session login, unlike {@code /api/imports/{id}}). */
    @GetMapping("/{importId}/progress")
    @ResponseBody
    Map<String, Object> progress(@PathVariable String importId) {
        Map<String, Object> job = read(importId, 0, 1, null);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : new String[]{"importId", "status", "phase", "percent", "rows"}) {
            out.put(key, job.get(key));
        }
        return out;
    }

    private Map<String, Object> read(String importId, int page, int size, String status) {
        try {
            return api.job(importId, page, size, status);
        } catch (ImportService.Refused e) {
            throw new ResponseStatusException(e.status, e.getMessage());
        }
    }

    private static String refused(Refusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(refusal.status());
        model.addAttribute("refusal", refusal);
        return "forms/import";
    }

    /** The API lets a department's clerks and approvers import into their own registries. */
    private void requireImporter() {
        LedgerPrincipal p = forms.current();
        if (!p.has(Role.DEPT_CLERK) && !p.has(Role.DEPT_APPROVER)) {
            throw new AccessDeniedException(p.username() + " imports into no registry");
        }
    }
}
