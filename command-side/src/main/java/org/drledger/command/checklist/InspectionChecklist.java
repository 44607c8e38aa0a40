package org.drledger.command.checklist;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.drledger.command.checklist.Commands.DraftChecklist;
import org.drledger.command.checklist.Commands.PublishChecklist;
import org.drledger.command.checklist.Commands.RetireChecklistItem;
import org.drledger.command.checklist.Commands.ReviseChecklistItem;
import org.drledger.command.checklist.Events.ChecklistDrafted;
import org.drledger.command.checklist.Events.ChecklistItemRetired;
import org.drledger.command.checklist.Events.ChecklistItemRevised;
import org.drledger.command.checklist.Events.ChecklistPublished;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;

/**
 * An inspection-item list (随机抽查事项清单, 一单): a department's own list or the office's joint list. The draft is
 * revised freely; publishing signs a snapshot of every active item; items are retired, never deleted, and a retired
 * code is never used again. Who may act is checked by the caller (REST layer).
 */
@Aggregate(type = "InspectionChecklist")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
public class InspectionChecklist {
    /** Stream ids are prefixed by kind so no user-chosen id of another kind can collide. */
    public static final String STREAM_PREFIX = "checklist:";

    @AggregateIdentifier
    private String streamId;
    private String listId;
    private String ownerDepartment;
    private ChecklistKind kind;
    private String title;
    private final Map<String, ChecklistItem> active = new TreeMap<>();
    private final Map<String, RetiredItem> retired = new TreeMap<>();
    private int version;

    protected InspectionChecklist() {
    }

    public static String streamId(String listId) {
        return STREAM_PREFIX + listId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DraftChecklist c) {
        if (listId != null) {
            throw CommandRefusedException.conflict("listId", "already-exists", "list " + listId + " already exists");
        }
        Checks.id(c.listId(), "listId");
        Checks.id(c.ownerDepartment(), "ownerDepartment");
        if (c.kind() == null) {
            throw new CommandRefusedException("kind", "required", "kind is required (DEPARTMENT or JOINT)");
        }
        apply(new ChecklistDrafted(c.listId(), c.ownerDepartment(), c.kind(),
                Checks.text(c.title(), "title", Checks.SHORT_TEXT)));
    }

    @CommandHandler
    void handle(ReviseChecklistItem c) {
        ChecklistItem item = validItem(c.item(), c.publishedSources());
        if (retired.containsKey(item.code())) {
            throw CommandRefusedException.conflict("item.code", "item-retired", "item " + item.code() + " of "
                    + listId + " is retired; a retired code is never revised again");
        }
        apply(new ChecklistItemRevised(listId, item));
    }

    @CommandHandler
    void handle(RetireChecklistItem c) {
        Checks.id(c.code(), "code");
        if (retired.containsKey(c.code())) {
            throw CommandRefusedException.conflict("code", "item-retired", "item " + c.code() + " is already retired");
        }
        if (!active.containsKey(c.code())) {
            throw new CommandRefusedException("code", "unknown-item", "list " + listId + " has no item " + c.code());
        }
        apply(new ChecklistItemRetired(listId, c.code(), Checks.text(c.reason(), "reason", Checks.LONG_TEXT)));
    }

    @CommandHandler
    void handle(PublishChecklist c) {
        if (active.isEmpty()) {
            throw new CommandRefusedException("items", "no-active-items",
                    "list " + listId + " has no active item; a published version lists at least one");
        }
        apply(new ChecklistPublished(listId, ownerDepartment, kind, title, version + 1,
                List.copyOf(active.values()), List.copyOf(retired.values())));
    }

    @EventSourcingHandler
    void on(ChecklistDrafted e) {
        streamId = streamId(e.listId());
        listId = e.listId();
        ownerDepartment = e.ownerDepartment();
        kind = e.kind();
        title = e.title();
    }

    @EventSourcingHandler
    void on(ChecklistItemRevised e) {
        active.put(e.item().code(), e.item());
    }

    @EventSourcingHandler
    void on(ChecklistItemRetired e) {
        ChecklistItem item = active.remove(e.code());
        retired.put(e.code(), new RetiredItem(e.code(), item.name(), item.tier(), item.objectTypes(), e.reason()));
    }

    @EventSourcingHandler
    void on(ChecklistPublished e) {
        version = e.version();
    }

    /** The item as it will be recorded (texts stripped), or a refusal naming the field and the rule. */
    private ChecklistItem validItem(ChecklistItem i, List<PublishedItemFact> facts) {
        if (i == null) {
            throw new CommandRefusedException("item", "required", "item is required");
        }
        String code = Checks.id(i.code(), "item.code");
        String categoryCode = Checks.id(i.categoryCode(), "item.categoryCode");
        String categoryName = Checks.text(i.categoryName(), "item.categoryName", Checks.SHORT_TEXT);
        String name = Checks.text(i.name(), "item.name", Checks.SHORT_TEXT);
        List<ObjectType> objectTypes = Checks.distinctNonEmpty(i.objectTypes(), "item.objectTypes");
        if (i.tier() == null) {
            throw new CommandRefusedException("item.tier", "required", "item.tier is required (GENERAL or KEY)");
        }
        List<InspectionMethod> methods = Checks.distinctNonEmpty(i.methods(), "item.methods");
        String authority = Checks.text(i.inspectingAuthority(), "item.inspectingAuthority", Checks.SHORT_TEXT);
        if (i.legalBasis() == null || i.legalBasis().isBlank()) {
            // 凡法律法规规章未赋予监管职能的，不得列入清单
            throw new CommandRefusedException("item.legalBasis", "legal-basis-required",
                    "an item without a legal basis may not be listed (no duty without a legal basis)");
        }
        String legalBasis = Checks.text(i.legalBasis(), "item.legalBasis", Checks.LONG_TEXT);
        checkRatioCap(i.tier(), i.ratioCap());
        String remarks = Checks.optionalText(i.remarks(), "item.remarks", Checks.LONG_TEXT);
        ChecklistItem item = ChecklistItem.department(code, categoryCode, categoryName, name, objectTypes, i.tier(),
                methods, authority, legalBasis, i.ratioCap(), remarks);
        if (kind == ChecklistKind.DEPARTMENT) {
            refuseJointMembers(i);
            return item;
        }
        return validJoint(i, item, facts);
    }

    private static void checkRatioCap(ItemTier tier, Ratio cap) {
        if (tier == ItemTier.KEY && cap != null) {
            throw new CommandRefusedException("item.ratioCap", "no-ratio-cap-for-key-items",
                    "key items (重点检查事项) have no ratio cap");
        }
        if (tier == ItemTier.GENERAL && cap == null) {
            throw new CommandRefusedException("item.ratioCap", "ratio-cap-required",
                    "general items (一般检查事项) need a ratio cap {num, den}");
        }
        if (cap != null && !cap.isProperPositive()) {
            throw new CommandRefusedException("item.ratioCap", "ratio-cap-range",
                    "a ratio cap is a fraction with 1 ≤ num ≤ den; got " + cap);
        }
    }

    private static void refuseJointMembers(ChecklistItem i) {
        String present = i.field() != null ? "field" : i.leadDepartment() != null ? "leadDepartment"
                : i.assistingDepartments() != null && !i.assistingDepartments().isEmpty() ? "assistingDepartments"
                : i.level() != null ? "level"
                : i.sources() != null && !i.sources().isEmpty() ? "sources" : null;
        if (present != null) {
            throw new CommandRefusedException("item." + present, "joint-member-on-department-list",
                    present + " belongs to items of the joint list only");
        }
    }

    private static ChecklistItem validJoint(ChecklistItem i, ChecklistItem item, List<PublishedItemFact> facts) {
        String field = Checks.text(i.field(), "item.field", Checks.SHORT_TEXT);
        String lead = Checks.id(i.leadDepartment(), "item.leadDepartment");
        List<String> assisting = Checks.distinctNonEmpty(i.assistingDepartments(), "item.assistingDepartments");
        for (int n = 0; n < assisting.size(); n++) {
            Checks.id(assisting.get(n), "item.assistingDepartments[" + n + "]");
            if (assisting.get(n).equals(lead)) {
                throw new CommandRefusedException("item.assistingDepartments[" + n + "]", "lead-also-assisting",
                        lead + " leads the item and cannot also assist");
            }
        }
        String level = Checks.text(i.level(), "item.level", Checks.SHORT_TEXT);
        List<ItemRef> sources = Checks.distinctNonEmpty(i.sources(), "item.sources");
        Map<ItemRef, PublishedItemFact> published = new HashMap<>();
        if (facts != null) {
            facts.forEach(f -> published.put(f.ref(), f));
        }
        List<ItemRef> recorded = new ArrayList<>();
        for (int n = 0; n < sources.size(); n++) {
            String at = "item.sources[" + n + "]";
            ItemRef ref = sources.get(n);
            Checks.id(ref.listId(), at + ".listId");
            Checks.id(ref.code(), at + ".code");
            PublishedItemFact fact = published.get(ref);
            if (ref.version() < 1 || fact == null) {
                throw new CommandRefusedException(at, "source-not-published",
                        "a joint item consolidates published department items; " + ref + " is not published");
            }
            if (fact.kind() != ChecklistKind.DEPARTMENT) {
                throw new CommandRefusedException(at, "source-not-a-department-item",
                        ref + " is an item of a joint list, not of a department list");
            }
            if (fact.retired()) {
                throw new CommandRefusedException(at, "source-retired", ref + " has been retired");
            }
            recorded.add(ref);
        }
        return item.joint(field, lead, assisting, level, List.copyOf(recorded));
    }
}
