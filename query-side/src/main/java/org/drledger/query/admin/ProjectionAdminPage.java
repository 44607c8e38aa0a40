package org.drledger.query.admin;

import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /admin/projections} (office administrator; the UI chain checks the role): the views' state and a rebuild
 * button; a small inline script polls {@code /admin/projections/status} (the same JSON as the API, with the page's
 * session) while a rebuild runs.
 */
@Controller
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class ProjectionAdminPage {
    private final ProjectionAdmin admin;

    ProjectionAdminPage(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/admin/projections")
    String page(Model model) {
        model.addAttribute("status", admin.status(false));
        return "admin/projections";
    }

    @GetMapping(value = "/admin/projections/status", produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    java.util.Map<String, Object> status() {
        return admin.status(false);
    }

    @PostMapping("/admin/projections/rebuild")
    String rebuild() {
        boolean started = admin.startRebuild();
        return "redirect:/admin/projections" + (started ? "?started" : "?running");
    }
}
