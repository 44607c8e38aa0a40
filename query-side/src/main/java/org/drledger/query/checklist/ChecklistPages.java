package org.drledger.query.checklist;

import java.util.List;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.query.checklist.ChecklistViews.ListSummary;
import org.drledger.query.checklist.ChecklistViews.VersionSummary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** List pages: the public's published lists with their version history, and the supervisors' lists with drafts. */
@Controller
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class ChecklistPages {
    private final ChecklistViews views;
    private final AccessPolicy access;

    ChecklistPages(ChecklistViews views, AccessPolicy access) {
        this.views = views;
        this.access = access;
    }

    @GetMapping("/public/checklists")
    String publicLists(Model model) {
        model.addAttribute("lists", views.published());
        return "public/checklists/index";
    }

    /** One list: its version history, the chosen version's items (default: latest), and what changed since the one before. */
    @GetMapping("/public/checklists/{listId}")
    String publicList(@PathVariable String listId, @RequestParam(required = false) Long version, Model model) {
        ListSummary l = views.list(listId).filter(x -> x.latestVersion() > 0)
                .orElseThrow(() -> ChecklistApi.notFound(listId));
        version(model, l, version);
        return "public/checklists/list";
    }

    @GetMapping("/app/checklists")
    String lists(Model model) {
        model.addAttribute("lists", views.forSupervisor(access.current()));
        return "checklists/index";
    }

    @GetMapping("/app/checklists/{listId}")
    String list(@PathVariable String listId, @RequestParam(required = false) Long version, Model model) {
        LedgerPrincipal p = access.current();
        ListSummary l = views.list(listId).orElseThrow(() -> ChecklistApi.notFound(listId));
        boolean drafts = ChecklistViews.seesDrafts(p, l.ownerDepartment());
        if (!drafts && l.latestVersion() == 0) {
            throw ChecklistApi.notFound(listId);
        }
        model.addAttribute("draftVisible", drafts);
        if (drafts) {
            model.addAttribute("draft", views.draft(listId));
        }
        version(model, l, version);
        return "checklists/list";
    }

    private void version(Model model, ListSummary l, Long version) {
        List<VersionSummary> versions = views.versions(l.listId());
        model.addAttribute("list", l);
        model.addAttribute("versions", versions);
        if (versions.isEmpty()) {
            return;
        }
        long v = version == null ? l.latestVersion() : version;
        model.addAttribute("shown", views.version(l.listId(), v)
                .orElseThrow(() -> ChecklistApi.notFound(l.listId() + " version " + v)));
        if (v > 1) {
            views.diff(l.listId(), v - 1, v).ifPresent(d -> model.addAttribute("diff", d));
        }
    }
}
