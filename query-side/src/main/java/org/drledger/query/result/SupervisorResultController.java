package org.drledger.query.result;

import java.util.List;
import java.util.Map;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Supervisors' results: every result with its timeliness, or only the overdue ones ({@code overdue=true}), per
 * department. The office administrator and auditors see every department; clerks and approvers their own.
 */
@Controller
class SupervisorResultController {
    private final ResultViews views;
    private final AccessPolicy access;

    SupervisorResultController(ResultViews views, AccessPolicy access) {
        this.views = views;
        this.access = access;
    }

    @GetMapping("/api/results-view")
    @ResponseBody
    List<Map<String, Object>> results(@RequestParam(required = false) String department,
                                      @RequestParam(defaultValue = "false") boolean overdue) {
        return views.supervised(scope(department), overdue);
    }

    @GetMapping("/app/results")
    String page(@RequestParam(required = false) String department, Model model) {
        String scope = scope(department);
        model.addAttribute("overdue", views.supervised(scope, true));
        model.addAttribute("results", views.supervised(scope, false));
        model.addAttribute("today", views.today());
        model.addAttribute("department", scope);
        return "results/list";
    }

    private String scope(String department) {
        LedgerPrincipal p = access.current();
        if (p.has(Role.OFFICE_ADMIN) || p.has(Role.AUDITOR)) {
            return department == null || department.isBlank() ? null : department;
        }
        if (department != null && !department.isBlank() && !department.equals(p.department())) {
            throw new AccessDeniedException(p.username() + " reads only the results of " + p.department());
        }
        return p.department();
    }
}
