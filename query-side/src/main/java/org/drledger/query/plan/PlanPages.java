package org.drledger.query.plan;

import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.query.plan.PlanViews.PlanYear;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Plan pages: the published plan with its adjustments for the public, the whole history for supervisors. */
@Controller
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class PlanPages {
    private final PlanViews views;
    private final AccessPolicy access;

    PlanPages(PlanViews views, AccessPolicy access) {
        this.views = views;
        this.access = access;
    }

    @GetMapping("/public/plans")
    String publicYears(Model model) {
        model.addAttribute("years", views.years(true));
        model.addAttribute("base", "/public/plans/");
        return "public/plans/index";
    }

    @GetMapping("/public/plans/{year}")
    String publicPlan(@PathVariable long year, Model model) {
        PlanYear p = views.year(year);
        PlanApi.publicView(p); // 404 before publication
        model.addAttribute("plan", p);
        return "public/plans/year";
    }

    @GetMapping("/app/plans")
    String years(Model model) {
        access.current();
        model.addAttribute("years", views.years(false));
        model.addAttribute("base", "/app/plans/");
        return "plans/index";
    }

    @GetMapping("/app/plans/{year}")
    String plan(@PathVariable long year, Model model) {
        access.current();
        PlanYear p = views.year(year);
        if (p.timeline().isEmpty()) {
            throw PlanApi.notFound(year);
        }
        model.addAttribute("plan", p);
        return "plans/year";
    }
}
