package org.drledger.query.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.query.plan.PlanViews.PlanYear;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Plan views as JSON: {@code /api/public/plans/{year}} the published district plan and its adjustments (404 until
 * published); {@code /api/plans-view/{year}} for signed-in users, the whole history including department
 * submissions and their late facts.
 */
@RestController
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class PlanApi {
    private final PlanViews views;
    private final AccessPolicy access;

    PlanApi(PlanViews views, AccessPolicy access) {
        this.views = views;
        this.access = access;
    }

    @GetMapping("/api/public/plans")
    Map<String, Object> publicYears() {
        return Map.of("years", views.years(true));
    }

    @GetMapping("/api/public/plans/{year}")
    Map<String, Object> publicPlan(@PathVariable long year) {
        return publicView(views.year(year));
    }

    @GetMapping("/api/plans-view/{year}")
    PlanYear plan(@PathVariable long year) {
        access.current();
        PlanYear p = views.year(year);
        if (p.timeline().isEmpty()) {
            throw notFound(year);
        }
        return p;
    }

    /** What the public sees: the plan as published and every adjustment since; 404 before publication. */
    static Map<String, Object> publicView(PlanYear p) {
        if (!p.published()) {
            throw notFound(p.year());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("year", p.year());
        out.put("version", p.publication().payload().get("version"));
        out.put("approval", p.approval());
        out.put("publication", p.publication());
        out.put("filing", p.filing());
        out.put("batchesAsPublished", p.batchesAsPublished());
        out.put("adjustments", p.adjustments());
        out.put("batchesInForce", p.batchesInForce());
        return out;
    }

    static ResponseStatusException notFound(long year) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no plan for " + year);
    }
}
