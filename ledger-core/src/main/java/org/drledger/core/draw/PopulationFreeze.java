package org.drledger.core.draw;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives the frozen population from registry records (docs/draw-spec.md §4.1), so a verifier can re-derive it from
 * the registry state at the freeze position. Errors point into {@code /registry/entities} and
 * {@code /registry/inspectionCounts}.
 */
public final class PopulationFreeze {
    /** The one registry status that admits an entity (and an officer) to a draw. */
    public static final String ACTIVE = "ACTIVE";

    private PopulationFreeze() {
    }

    public static Population freeze(DrawPlan plan, List<EntityRecord> entities, List<InspectionCount> counts) {
        Ids.notNull(entities, "/registry/entities");
        Map<String, Integer> seen = new HashMap<>(Math.max(16, entities.size() * 2));
        for (int i = 0; i < entities.size(); i++) {
            String w = "/registry/entities/" + i;
            EntityRecord e = Ids.notNull(entities.get(i), w);
            Ids.id(e.entityId(), w + "/entityId");
            Ids.id(e.objectType(), w + "/objectType");
            Ids.id(e.district(), w + "/district");
            Ids.id(e.industry(), w + "/industry");
            if (e.stratum() != null) {
                Ids.idOrEmpty(e.stratum(), w + "/stratum");
            }
            Ids.id(e.status(), w + "/status");
            if (seen.put(e.entityId(), i) != null) {
                throw new DrawInputException("duplicate-entity", w + "/entityId",
                        "entity \"" + e.entityId() + "\" appears twice in the registry");
            }
        }
        Map<String, Long> prior = new HashMap<>();
        List<InspectionCount> cs = counts == null ? List.of() : counts;
        for (int i = 0; i < cs.size(); i++) {
            String w = "/registry/inspectionCounts/" + i;
            InspectionCount c = Ids.notNull(cs.get(i), w);
            Ids.id(c.entityId(), w + "/entityId");
            if (!seen.containsKey(c.entityId())) {
                throw new DrawInputException("unknown-entity", w + "/entityId",
                        "inspection count for \"" + c.entityId() + "\", which is not in the registry");
            }
            if (c.count() < 0 || c.count() > DrawPlan.MAX_INT) {
                throw new DrawInputException("bad-count", w + "/count", "count must be 0..2^53-1");
            }
            if (prior.put(c.entityId(), c.count()) != null) {
                throw new DrawInputException("duplicate-count", w + "/entityId",
                        "two inspection counts for \"" + c.entityId() + "\"");
            }
        }
        DrawPlan.PopulationFilter f = plan.populationFilter();
        Set<String> types = new HashSet<>(f.objectTypes());
        Set<String> districts = new HashSet<>(f.districts());
        Set<String> industries = new HashSet<>(f.industries());
        List<PopulationMember> out = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            EntityRecord e = entities.get(i);
            if (!ACTIVE.equals(e.status())
                    || (!types.isEmpty() && !types.contains(e.objectType()))
                    || (!districts.isEmpty() && !districts.contains(e.district()))
                    || (!industries.isEmpty() && !industries.contains(e.industry()))
                    || (f.frequencyCap() != null
                        && prior.getOrDefault(e.entityId(), 0L) >= f.frequencyCap().maxPerYear())) {
                continue;
            }
            String stratum = DrawPlan.UNSTRATIFIED;
            if (plan.stratified()) {
                stratum = e.stratum() == null ? "" : e.stratum();
                if (plan.stratum(stratum) == null) {
                    throw new DrawInputException("unknown-stratum", "/registry/entities/" + i + "/stratum",
                            "stratum \"" + stratum + "\" of an admitted entity is not in the plan");
                }
            }
            out.add(new PopulationMember(e.entityId(), stratum, e.district()));
        }
        return Population.of(plan, out, "/registry/entities");
    }
}
