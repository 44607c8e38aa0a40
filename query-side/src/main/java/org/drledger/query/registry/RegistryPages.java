package org.drledger.query.registry;

import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.query.projection.ProjectionRunner;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Registry pages for signed-in users: the object and inspector registries now or {@code ?asOf=<leaf>} (the audit
 * trail links a draw's freeze here), and one object's versions.
 */
@Controller
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class RegistryPages {
    private final RegistryViews views;
    private final RegistryQueries queries;
    private final AccessPolicy access;
    private final ProjectionRunner runner;

    RegistryPages(RegistryViews views, RegistryQueries queries, AccessPolicy access, ProjectionRunner runner) {
        this.views = views;
        this.queries = queries;
        this.access = access;
        this.runner = runner;
    }

    @GetMapping("/app/registries/objects")
    String objects(@RequestParam(required = false) Long asOf, @RequestParam(required = false) String q,
                   @RequestParam(required = false) String department, @RequestParam(required = false) Integer page,
                   Model model) {
        access.current();
        try {
            model.addAttribute("result", views.objects(queries.asOf(asOf), q, department, RegistryQueries.page(page),
                    RegistryQueries.size(null)));
        } catch (CommandRefusedException e) {
            model.addAttribute("refused", e.getMessage());
        }
        common(model, asOf, q, department);
        return "registries/objects";
    }

    @GetMapping("/app/registries/inspectors")
    String inspectors(@RequestParam(required = false) Long asOf, @RequestParam(required = false) String q,
                      @RequestParam(required = false) String department, @RequestParam(required = false) Integer page,
                      Model model) {
        access.current();
        try {
            model.addAttribute("result", views.inspectors(queries.asOf(asOf), q, department,
                    RegistryQueries.page(page), RegistryQueries.size(null)));
        } catch (CommandRefusedException e) {
            model.addAttribute("refused", e.getMessage());
        }
        common(model, asOf, q, department);
        return "registries/inspectors";
    }

    @GetMapping("/app/registries/objects/{objectId}")
    String object(@PathVariable String objectId, Model model) {
        access.current();
        var history = views.objectHistory(objectId);
        if (history.isEmpty()) {
            throw RegistryApi.notFound(objectId);
        }
        model.addAttribute("objectId", objectId);
        model.addAttribute("history", history);
        return "registries/object";
    }

    private void common(Model model, Long asOf, String q, String department) {
        model.addAttribute("asOf", asOf);
        model.addAttribute("q", q);
        model.addAttribute("department", department);
        model.addAttribute("logSize", runner.logSize());
    }
}
