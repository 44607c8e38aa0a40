package org.drledger.query.checklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.query.checklist.ChecklistViews.ListSummary;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * List views as JSON. {@code /api/public/checklists…}: published versions only, no login. {@code
 * /api/checklists-view…}: signed-in users; drafts for the owning department, auditors and the office administrator.
 */
@RestController
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class ChecklistApi {
    private final ChecklistViews views;
    private final AccessPolicy access;

    ChecklistApi(ChecklistViews views, AccessPolicy access) {
        this.views = views;
        this.access = access;
    }

    @GetMapping("/api/public/checklists")
    List<Map<String, Object>> publicLists() {
        return views.published().stream().map(l -> withVersions(l)).toList();
    }

    @GetMapping("/api/public/checklists/{listId}")
    Map<String, Object> publicList(@PathVariable String listId) {
        ListSummary l = views.list(listId).filter(x -> x.latestVersion() > 0).orElseThrow(() -> notFound(listId));
        // whether a draft differs is the owner's business, not the public's
        return withVersions(new ListSummary(l.listId(), l.ownerDepartment(), l.kind(), l.title(), l.latestVersion(),
                null));
    }

    @GetMapping("/api/public/checklists/{listId}/versions/{version}")
    ChecklistViews.VersionDetail publicVersion(@PathVariable String listId, @PathVariable long version) {
        return views.version(listId, version).orElseThrow(() -> notFound(listId + " version " + version));
    }

    @GetMapping("/api/public/checklists/{listId}/diff")
    ChecklistViews.Diff publicDiff(@PathVariable String listId, @RequestParam long from, @RequestParam long to) {
        return views.diff(listId, from, to).orElseThrow(() -> notFound(listId + " versions " + from + ", " + to));
    }

    @GetMapping("/api/checklists-view")
    List<Map<String, Object>> lists() {
        LedgerPrincipal p = access.current();
        return views.forSupervisor(p).stream().map(l -> withVersions(l)).toList();
    }

    @GetMapping("/api/checklists-view/{listId}")
    Map<String, Object> list(@PathVariable String listId) {
        LedgerPrincipal p = access.current();
        ListSummary l = views.list(listId).orElseThrow(() -> notFound(listId));
        boolean drafts = ChecklistViews.seesDrafts(p, l.ownerDepartment());
        if (!drafts && l.latestVersion() == 0) {
            throw notFound(listId); // an unpublished list of another department: not even its existence
        }
        Map<String, Object> out = withVersions(drafts ? l : new ListSummary(l.listId(), l.ownerDepartment(),
                l.kind(), l.title(), l.latestVersion(), null));
        out.put("draftVisible", drafts);
        if (drafts) {
            out.put("draft", views.draft(listId));
        }
        return out;
    }

    @GetMapping("/api/checklists-view/{listId}/versions/{version}")
    ChecklistViews.VersionDetail version(@PathVariable String listId, @PathVariable long version) {
        access.current();
        return publicVersion(listId, version);
    }

    private Map<String, Object> withVersions(ListSummary l) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("listId", l.listId());
        out.put("ownerDepartment", l.ownerDepartment());
        out.put("kind", l.kind());
        out.put("title", l.title());
        out.put("latestVersion", l.latestVersion());
        if (l.unpublishedChanges() != null) {
            out.put("unpublishedChanges", l.unpublishedChanges());
        }
        out.put("versions", views.versions(l.listId()));
        return out;
    }

    static ResponseStatusException notFound(String what) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no published list " + what);
    }
}
