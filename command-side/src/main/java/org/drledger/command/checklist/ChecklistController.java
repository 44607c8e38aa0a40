package org.drledger.command.checklist;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.Role;
import org.drledger.command.checklist.Commands.DraftChecklist;
import org.drledger.command.checklist.Commands.PublishChecklist;
import org.drledger.command.checklist.Commands.RetireChecklistItem;
import org.drledger.command.checklist.Commands.ReviseChecklistItem;
import org.drledger.command.checklist.Events.ChecklistDrafted;
import org.drledger.command.checklist.Events.ChecklistItemRetired;
import org.drledger.command.checklist.Events.ChecklistItemRevised;
import org.drledger.command.checklist.Events.ChecklistPublished;
import org.drledger.command.checklist.PublishedItems.ChecklistRow;
import org.drledger.command.department.DepartmentDirectory;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Inspection-item lists. A department's clerk drafts, revises and retires its own lists and its approver publishes
 * them; the joint list is the office administrator's alone. Reads need a login (public disclosure is the query
 * side's); they fold the list's own entries.
 */
@RestController
@RequestMapping("/api/checklists")
@Tag(name = "Inspection-item lists")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class ChecklistController {
    private final CommandGateway commands;
    private final AccessPolicy access;
    private final DepartmentDirectory departments;
    private final PublishedItems published;
    private final EventStore events;

    ChecklistController(CommandGateway commands, AccessPolicy access, DepartmentDirectory departments,
                        PublishedItems published, EventStore events) {
        this.commands = commands;
        this.access = access;
        this.departments = departments;
        this.published = published;
        this.events = events;
    }

    record NewChecklist(@NotBlank String listId, @NotBlank String ownerDepartment, @NotNull ChecklistKind kind,
                        @NotBlank @Size(max = Checks.SHORT_TEXT) String title) {
    }

    record Reason(@NotBlank @Size(max = Checks.LONG_TEXT) String reason) {
    }

    /** The draft: every active item and every retired one, and whether it differs from the latest version. */
    record ChecklistView(String listId, String ownerDepartment, ChecklistKind kind, String title,
                         int publishedVersion, boolean unpublishedChanges, List<ChecklistItem> items,
                         List<RetiredItem> retired) {
    }

    record VersionSummary(int version, int items, int retired) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draft a list: a department's (its clerk or approver) or the joint list (office administrator)")
    Map<String, String> draft(@Valid @RequestBody NewChecklist body) {
        var owner = departments.find(body.ownerDepartment());
        if (body.kind() == ChecklistKind.JOINT) {
            access.requireOfficeAdmin();
            if (owner.isEmpty() || !owner.get().office()) {
                throw new CommandRefusedException("ownerDepartment", "joint-list-owned-by-office",
                        "the joint list belongs to the joint-conference office");
            }
        } else {
            access.requireActsFor(body.ownerDepartment(), Role.DEPT_CLERK, Role.DEPT_APPROVER);
            if (owner.isEmpty()) {
                throw new CommandRefusedException("ownerDepartment", "unknown-department",
                        "no department " + body.ownerDepartment());
            }
        }
        commands.sendAndWait(new DraftChecklist(body.listId(), body.ownerDepartment(), body.kind(), body.title()));
        return Map.of("listId", body.listId(), "stream", InspectionChecklist.streamId(body.listId()));
    }

    @PostMapping("/{listId}/items")
    @Operation(summary = "Add an item to the draft or revise the draft's item with the same code (the owner's clerk)")
    Map<String, String> revise(@PathVariable String listId, @RequestBody ChecklistItem item) {
        ChecklistRow list = requireList(listId);
        requireClerk(list);
        if (item != null && list.kind() == ChecklistKind.JOINT) {
            requireKnownDepartment(item.leadDepartment(), "item.leadDepartment");
            if (item.assistingDepartments() != null) {
                for (int i = 0; i < item.assistingDepartments().size(); i++) {
                    requireKnownDepartment(item.assistingDepartments().get(i), "item.assistingDepartments[" + i + "]");
                }
            }
        }
        List<PublishedItemFact> facts = item == null || item.sources() == null ? List.of()
                : published.facts(item.sources());
        commands.sendAndWait(new ReviseChecklistItem(listId, item, facts));
        return Map.of("listId", listId, "code", item == null || item.code() == null ? "" : item.code());
    }

    @PostMapping("/{listId}/items/{code}/retire")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Retire an item; it is never deleted and its code is never used again (the owner's clerk)")
    void retire(@PathVariable String listId, @PathVariable String code, @Valid @RequestBody Reason body) {
        ChecklistRow list = requireList(listId);
        requireClerk(list);
        commands.sendAndWait(new RetireChecklistItem(listId, code, body.reason()));
    }

    @PostMapping("/{listId}/publish")
    @Operation(summary = "Publish the draft as the next signed version (the owner's approver)")
    Map<String, Object> publish(@PathVariable String listId) {
        ChecklistRow list = requireList(listId);
        if (list.kind() == ChecklistKind.JOINT) {
            access.requireOfficeAdmin();
        } else {
            access.requireActsFor(list.ownerDepartment(), Role.DEPT_APPROVER);
        }
        commands.sendAndWait(new PublishChecklist(listId));
        return Map.of("listId", listId, "version", requireList(listId).publishedVersion());
    }

    @GetMapping
    @Operation(summary = "All lists, with their owners and latest published versions")
    List<ChecklistRow> lists() {
        access.current();
        return published.lists();
    }

    @GetMapping("/{listId}")
    @Operation(summary = "A list's current draft")
    ChecklistView draft(@PathVariable String listId) {
        access.current();
        requireList(listId);
        String owner = null;
        String title = null;
        ChecklistKind kind = null;
        int version = 0;
        boolean changed = false;
        Map<String, ChecklistItem> items = new TreeMap<>();
        Map<String, RetiredItem> retired = new TreeMap<>();
        for (Object e : payloads(listId)) {
            if (e instanceof ChecklistDrafted d) {
                owner = d.ownerDepartment();
                kind = d.kind();
                title = d.title();
            } else if (e instanceof ChecklistItemRevised r) {
                items.put(r.item().code(), r.item());
                changed = true;
            } else if (e instanceof ChecklistItemRetired r) {
                ChecklistItem i = items.remove(r.code());
                retired.put(r.code(), new RetiredItem(r.code(), i.name(), i.tier(), i.objectTypes(), r.reason()));
                changed = true;
            } else if (e instanceof ChecklistPublished p) {
                version = p.version();
                changed = false;
            }
        }
        return new ChecklistView(listId, owner, kind, title, version, changed, List.copyOf(items.values()),
                List.copyOf(retired.values()));
    }

    @GetMapping("/{listId}/versions")
    @Operation(summary = "A list's published versions")
    List<VersionSummary> versions(@PathVariable String listId) {
        access.current();
        requireList(listId);
        List<VersionSummary> out = new ArrayList<>();
        for (Object e : payloads(listId)) {
            if (e instanceof ChecklistPublished p) {
                out.add(new VersionSummary(p.version(), p.items().size(), p.retired().size()));
            }
        }
        return out;
    }

    @GetMapping("/{listId}/versions/{version}")
    @Operation(summary = "A published version: the signed snapshot of its active and retired items")
    ChecklistPublished version(@PathVariable String listId, @PathVariable int version) {
        access.current();
        requireList(listId);
        for (Object e : payloads(listId)) {
            if (e instanceof ChecklistPublished p && p.version() == version) {
                return p;
            }
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "list " + listId + " has no version " + version);
    }

    private List<Object> payloads(String listId) {
        return events.readEvents(InspectionChecklist.streamId(listId)).asStream().map(Message::getPayload)
                .map(Object.class::cast).toList();
    }

    private ChecklistRow requireList(String listId) {
        return published.list(listId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no list " + listId));
    }

    private void requireClerk(ChecklistRow list) {
        if (list.kind() == ChecklistKind.JOINT) {
            access.requireOfficeAdmin();
        } else {
            access.requireActsFor(list.ownerDepartment(), Role.DEPT_CLERK);
        }
    }

    private void requireKnownDepartment(String departmentId, String field) {
        if (departmentId != null && !departmentId.isBlank() && departments.find(departmentId).isEmpty()) {
            throw new CommandRefusedException(field, "unknown-department", "no department " + departmentId);
        }
    }
}
