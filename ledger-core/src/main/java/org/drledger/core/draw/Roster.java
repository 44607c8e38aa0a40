package org.drledger.core.draw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The frozen roster (docs/draw-spec.md §4.2): officers sorted by officer id, conflicts sorted by (officer id, entity
 * id), {@code roster_hash}.
 */
public final class Roster {
    private final List<RosterOfficer> officers;
    private final List<Conflict> conflicts;
    private final int[] conflictSource;
    private final Map<String, Integer> index;
    private final String where;

    private Roster(List<RosterOfficer> officers, List<Conflict> conflicts, int[] conflictSource,
                   Map<String, Integer> index, String where) {
        this.officers = officers;
        this.conflicts = conflicts;
        this.conflictSource = conflictSource;
        this.index = index;
        this.where = where;
    }

    /** Validates frozen records and sorts them. Errors point into {@code /roster/officers} and {@code /roster/conflicts}. */
    public static Roster of(List<RosterOfficer> officers, List<Conflict> conflicts) {
        return of(officers, conflicts, "/roster/officers", "/roster/conflicts");
    }

    static Roster of(List<RosterOfficer> officers, List<Conflict> conflicts, String ow, String cw) {
        Ids.notNull(officers, ow);
        Ids.notNull(conflicts, cw);
        for (int i = 0; i < officers.size(); i++) {
            String w = ow + "/" + i;
            RosterOfficer o = Ids.notNull(officers.get(i), w);
            Ids.id(o.officerId(), w + "/officerId");
            Ids.id(o.department(), w + "/department");
            Ids.id(o.district(), w + "/district");
            if (o.cap() < 1 || o.cap() > DrawPlan.MAX_U32) {
                throw new DrawInputException("bad-cap", w + "/cap", "cap must be 1..2^32-1, got " + o.cap());
            }
        }
        Integer[] order = identity(officers.size());
        Arrays.sort(order, (a, b) -> Ids.compareUtf8(officers.get(a).officerId(), officers.get(b).officerId()));
        List<RosterOfficer> sorted = new ArrayList<>(order.length);
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < order.length; k++) {
            RosterOfficer o = officers.get(order[k]);
            if (k > 0 && o.officerId().equals(sorted.get(k - 1).officerId())) {
                throw new DrawInputException("duplicate-officer", ow + "/" + Math.max(order[k], order[k - 1])
                        + "/officerId", "officer \"" + o.officerId() + "\" appears twice");
            }
            sorted.add(o);
            index.put(o.officerId(), k);
        }
        for (int i = 0; i < conflicts.size(); i++) {
            String w = cw + "/" + i;
            Conflict c = Ids.notNull(conflicts.get(i), w);
            Ids.id(c.officerId(), w + "/officerId");
            Ids.id(c.entityId(), w + "/entityId");
            if (!index.containsKey(c.officerId())) {
                throw new DrawInputException("unknown-officer", w + "/officerId",
                        "conflict names officer \"" + c.officerId() + "\", who is not on the roster");
            }
        }
        Integer[] corder = identity(conflicts.size());
        Arrays.sort(corder, (a, b) -> compare(conflicts.get(a), conflicts.get(b)));
        List<Conflict> csorted = new ArrayList<>(corder.length);
        int[] source = new int[corder.length];
        for (int k = 0; k < corder.length; k++) {
            Conflict c = conflicts.get(corder[k]);
            if (k > 0 && compare(c, csorted.get(k - 1)) == 0) {
                throw new DrawInputException("duplicate-conflict", cw + "/" + Math.max(corder[k], corder[k - 1]),
                        "conflict (" + c.officerId() + ", " + c.entityId() + ") appears twice");
            }
            csorted.add(c);
            source[k] = corder[k];
        }
        return new Roster(Collections.unmodifiableList(sorted), Collections.unmodifiableList(csorted), source, index, cw);
    }

    private static Integer[] identity(int n) {
        Integer[] a = new Integer[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    static int compare(Conflict a, Conflict b) {
        int c = Ids.compareUtf8(a.officerId(), b.officerId());
        return c != 0 ? c : Ids.compareUtf8(a.entityId(), b.entityId());
    }

    /** Every conflict must name an entity of the population this roster is drawn against. */
    void checkAgainst(Population population) {
        for (int k = 0; k < conflicts.size(); k++) {
            if (!population.contains(conflicts.get(k).entityId())) {
                throw new DrawInputException("unknown-entity", where + "/" + conflictSource[k] + "/entityId",
                        "conflict names entity \"" + conflicts.get(k).entityId() + "\", which is not in the population");
            }
        }
    }

    public List<RosterOfficer> officers() {
        return officers;
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }

    public long assistCount() {
        return officers.stream().filter(RosterOfficer::assist).count();
    }

    /** Position in {@link #officers()}, or -1. */
    int indexOf(String officerId) {
        Integer i = index.get(officerId);
        return i == null ? -1 : i;
    }

    /**
     * {@code STR("drl-draw/1:roster") || u64(M) || Σ [STR(officer_id) || STR(department) || STR(district) || u32(cap)
     * || u8(assist)] || u64(K) || Σ [STR(officer_id) || STR(entity_id)]}.
     */
    public byte[] preimage() {
        return write(Feed.buffer());
    }

    /** {@code roster_hash}. */
    public byte[] hash() {
        return write(Feed.digest());
    }

    private byte[] write(Feed f) {
        f.str(DrawHashes.ROSTER_LABEL).u64(officers.size());
        for (RosterOfficer o : officers) {
            f.str(o.officerId()).str(o.department()).str(o.district()).u32(o.cap()).u8(o.assist() ? 1 : 0);
        }
        f.u64(conflicts.size());
        for (Conflict c : conflicts) {
            f.str(c.officerId()).str(c.entityId());
        }
        return f.finish();
    }
}
