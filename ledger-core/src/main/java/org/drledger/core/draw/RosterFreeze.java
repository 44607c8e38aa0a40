package org.drledger.core.draw;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Derives the frozen roster from registry records (docs/draw-spec.md §4.2). An officer is on the roster iff its status
 * is exactly {@code "ACTIVE"}, its certificate expires on or after {@code plannedDates.to}, its department is allowed in
 * at least one slot, and it is competent for every item of the plan. Its cap is {@code min(record cap, officerCap)}
 * (the record cap defaults to {@code officerCap}). Declared conflicts are kept when their officer is on the roster and
 * their entity is in the population. Errors point into {@code /registry/officers} and {@code /registry/conflicts}.
 */
public final class RosterFreeze {
    private RosterFreeze() {
    }

    public static Roster freeze(DrawPlan plan, List<OfficerRecord> officers, List<Conflict> declared,
                                Population population) {
        Ids.notNull(officers, "/registry/officers");
        Set<String> departments = new HashSet<>();
        plan.teamTemplate().forEach(s -> departments.addAll(s.allowedDepartments()));
        Set<String> ids = new HashSet<>();
        List<RosterOfficer> out = new ArrayList<>();
        for (int i = 0; i < officers.size(); i++) {
            String w = "/registry/officers/" + i;
            OfficerRecord o = Ids.notNull(officers.get(i), w);
            Ids.id(o.officerId(), w + "/officerId");
            Ids.id(o.department(), w + "/department");
            Ids.id(o.district(), w + "/district");
            Ids.id(o.status(), w + "/status");
            DrawPlan.checkDate(o.certificateExpiry(), w + "/certificateExpiry");
            List<String> items = Ids.sortedSet(o.items(), w + "/items", "duplicate-value");
            if (o.cap() != null && (o.cap() < 1 || o.cap() > DrawPlan.MAX_U32)) {
                throw new DrawInputException("bad-cap", w + "/cap", "cap must be 1..2^32-1, got " + o.cap());
            }
            if (!ids.add(o.officerId())) {
                throw new DrawInputException("duplicate-officer", w + "/officerId",
                        "officer \"" + o.officerId() + "\" appears twice in the registry");
            }
            if (!PopulationFreeze.ACTIVE.equals(o.status())
                    || o.certificateExpiry().isBefore(plan.plannedDates().to())
                    || !departments.contains(o.department())
                    || !new HashSet<>(items).containsAll(plan.populationFilter().items())) {
                continue;
            }
            long cap = o.cap() == null ? plan.officerCap() : Math.min(o.cap(), plan.officerCap());
            out.add(new RosterOfficer(o.officerId(), o.department(), o.district(), cap, o.assist()));
        }
        List<Conflict> ds = declared == null ? List.of() : declared;
        for (int i = 0; i < ds.size(); i++) {
            String w = "/registry/conflicts/" + i;
            Conflict c = Ids.notNull(ds.get(i), w);
            Ids.id(c.officerId(), w + "/officerId");
            Ids.id(c.entityId(), w + "/entityId");
        }
        Set<String> pairs = new HashSet<>();
        Set<String> rostered = new HashSet<>();
        out.forEach(o -> rostered.add(o.officerId()));
        List<Conflict> kept = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            Conflict c = ds.get(i);
            // a duplicate is an input error even when the freeze would drop the pair (ids never contain U+0000)
            if (!pairs.add(c.officerId() + "\u0000" + c.entityId())) {
                throw new DrawInputException("duplicate-conflict", "/registry/conflicts/" + i,
                        "conflict (" + c.officerId() + ", " + c.entityId() + ") appears twice");
            }
            if (rostered.contains(c.officerId()) && population.contains(c.entityId())) {
                kept.add(c);
            }
        }
        return Roster.of(out, kept, "/registry/officers", "/registry/conflicts");
    }
}
