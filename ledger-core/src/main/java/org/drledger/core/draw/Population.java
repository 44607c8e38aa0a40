package org.drledger.core.draw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The frozen population (docs/draw-spec.md §4): records sorted by entity id, counts per stratum, {@code pop_hash}. */
public final class Population {
    private final List<PopulationMember> members;
    private final Map<String, Integer> counts;
    private final Map<String, Integer> index;

    private Population(List<PopulationMember> members, Map<String, Integer> counts, Map<String, Integer> index) {
        this.members = members;
        this.counts = counts;
        this.index = index;
    }

    /**
     * Validates frozen records against the plan and sorts them. Errors point into {@code /population}. In an
     * unstratified plan every record must carry stratum {@code ""}.
     */
    public static Population of(DrawPlan plan, List<PopulationMember> records) {
        return of(plan, records, "/population");
    }

    static Population of(DrawPlan plan, List<PopulationMember> records, String where) {
        Ids.notNull(records, where);
        Map<String, Integer> counts = new LinkedHashMap<>();
        plan.strata().forEach(s -> counts.put(s.stratum(), 0));
        for (int i = 0; i < records.size(); i++) {
            String w = where + "/" + i;
            PopulationMember m = Ids.notNull(records.get(i), w);
            Ids.id(m.entityId(), w + "/entityId");
            Ids.idOrEmpty(m.stratum(), w + "/stratum");
            Ids.id(m.district(), w + "/district");
            Integer c = counts.get(m.stratum());
            if (c == null) {
                throw new DrawInputException("unknown-stratum", w + "/stratum",
                        "stratum \"" + m.stratum() + "\" is not in the plan");
            }
            counts.put(m.stratum(), c + 1);
        }
        Integer[] order = new Integer[records.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Ids.compareUtf8(records.get(a).entityId(), records.get(b).entityId()));
        List<PopulationMember> sorted = new ArrayList<>(order.length);
        Map<String, Integer> index = new HashMap<>(Math.max(16, order.length * 2));
        for (int k = 0; k < order.length; k++) {
            PopulationMember m = records.get(order[k]);
            if (k > 0 && m.entityId().equals(sorted.get(k - 1).entityId())) {
                int later = Math.max(order[k], order[k - 1]);
                throw new DrawInputException("duplicate-entity", where + "/" + later + "/entityId",
                        "entity \"" + m.entityId() + "\" appears twice");
            }
            sorted.add(m);
            index.put(m.entityId(), k);
        }
        return new Population(Collections.unmodifiableList(sorted), Collections.unmodifiableMap(counts), index);
    }

    /** Records sorted by the UTF-8 bytes of the entity id. */
    public List<PopulationMember> members() {
        return members;
    }

    public int size() {
        return members.size();
    }

    /** N_k per stratum, in the plan's stratum order, zero counts included. */
    public Map<String, Integer> countsByStratum() {
        return counts;
    }

    public boolean contains(String entityId) {
        return index.containsKey(entityId);
    }

    /** Position in {@link #members()}, or -1. */
    int indexOf(String entityId) {
        Integer i = index.get(entityId);
        return i == null ? -1 : i;
    }

    /** {@code STR("drl-draw/1:pop") || u64(N) || Σ [STR(entity_id) || STR(stratum) || STR(district)]}. */
    public byte[] preimage() {
        return write(Feed.buffer());
    }

    /** {@code pop_hash}. */
    public byte[] hash() {
        return write(Feed.digest());
    }

    private byte[] write(Feed f) {
        f.str(DrawHashes.POP_LABEL).u64(members.size());
        for (PopulationMember m : members) {
            f.str(m.entityId()).str(m.stratum()).str(m.district());
        }
        return f.finish();
    }
}
