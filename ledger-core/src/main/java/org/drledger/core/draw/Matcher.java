package org.drledger.core.draw;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Team matching and substitution (docs/draw-spec.md §8–§9). Cheap conditions are tested before any hashing; each
 * officer's prio for the current target is computed at most once (the same value serves every slot and ladder step),
 * from a digest cloned after the shared prefix {@code STR(label) || seed || STR(entity_id)}.
 */
final class Matcher {
    private final DrawPlan plan;
    private final Population population;
    private final byte[] seed;
    private final int[] dept;
    private final int[] district;
    private final boolean[] assist;
    private final long[] cap;
    private final byte[][] officerStr;
    private final int[][] slotCandidates;
    private final Map<Integer, int[]> conflictsByEntity = new HashMap<>();
    private final Map<String, Integer> districtIds = new HashMap<>();
    private final boolean distinct;
    private final boolean avoidDistrict;
    private final boolean[] levelDropDistrict;
    private final boolean[] levelUseAssist;
    private static final int PARALLEL_THRESHOLD = 1024;
    private static final int CHUNK = 256;

    private final byte[][] prioCache;
    private final int[] prioStamp;
    private final int[] eligible;
    private final int[] todo;
    private int stamp;
    private MessageDigest prefix;

    /** Result of one pick: the officer index (−1 if none) and the ladder step used (0 = no relaxation). */
    record Pick(int officer, int level) {
    }

    Matcher(DrawPlan plan, Population population, Roster roster, byte[] seed) {
        this.plan = plan;
        this.population = population;
        this.seed = seed.clone();
        List<RosterOfficer> os = roster.officers();
        int m = os.size();
        dept = new int[m];
        district = new int[m];
        assist = new boolean[m];
        cap = new long[m];
        officerStr = new byte[m][];
        Map<String, Integer> deptIds = new HashMap<>();
        for (int i = 0; i < m; i++) {
            RosterOfficer o = os.get(i);
            dept[i] = deptIds.computeIfAbsent(o.department(), k -> deptIds.size());
            district[i] = districtIds.computeIfAbsent(o.district(), k -> districtIds.size());
            assist[i] = o.assist();
            cap[i] = o.cap();
            officerStr[i] = Feed.strBytes(o.officerId());
        }
        List<DrawPlan.Slot> template = plan.teamTemplate();
        slotCandidates = new int[template.size()][];
        for (int s = 0; s < template.size(); s++) {
            List<String> allowed = template.get(s).allowedDepartments();
            int[] c = new int[m];
            int n = 0;
            for (int i = 0; i < m; i++) {
                if (allowed.contains(os.get(i).department())) {
                    c[n++] = i;
                }
            }
            slotCandidates[s] = Arrays.copyOf(c, n);
        }
        Map<Integer, List<Integer>> byEntity = new HashMap<>();
        for (Conflict c : roster.conflicts()) {
            byEntity.computeIfAbsent(population.indexOf(c.entityId()), k -> new ArrayList<>())
                    .add(roster.indexOf(c.officerId()));
        }
        byEntity.forEach((e, l) -> conflictsByEntity.put(e, l.stream().mapToInt(Integer::intValue).sorted().toArray()));
        distinct = plan.matchingRules().distinctDepartments();
        avoidDistrict = plan.matchingRules().avoidSameDistrict();
        List<Relaxation> ladder = plan.relaxationLadder();
        levelDropDistrict = new boolean[ladder.size() + 1];
        levelUseAssist = new boolean[ladder.size() + 1];
        for (int k = 1; k <= ladder.size(); k++) {
            levelDropDistrict[k] = levelDropDistrict[k - 1] || ladder.get(k - 1) == Relaxation.DROP_AVOID_SAME_DISTRICT;
            levelUseAssist[k] = levelUseAssist[k - 1] || ladder.get(k - 1) == Relaxation.USE_ASSIST_POOL;
        }
        prioCache = new byte[m][];
        prioStamp = new int[m];
        eligible = new int[m];
        todo = new int[m];
    }

    int ladderSize() {
        return levelDropDistrict.length - 1;
    }

    long capLeft(int officer) {
        return cap[officer];
    }

    /** Starts a new target context: fixes the prio prefix for this entity and forgets cached prios. */
    void begin(int entity) {
        stamp++;
        prefix = Feed.sha256();
        prefix.update(Feed.strBytes(DrawHashes.MATCH_LABEL));
        prefix.update(seed);
        prefix.update(Feed.strBytes(population.members().get(entity).entityId()));
    }

    /**
     * Fills {@code prioCache} for {@code eligible[0..count)}, hashing only officers not yet hashed for this target.
     * Large batches are split over threads: each prio is a pure function of (seed, entity, officer) and the minimum
     * is taken afterwards in officer order, so the result cannot depend on scheduling.
     */
    private void computePrios(int count) {
        int missing = 0;
        for (int k = 0; k < count; k++) {
            int i = eligible[k];
            if (prioStamp[i] != stamp) {
                prioStamp[i] = stamp;
                todo[missing++] = i;
            }
        }
        if (missing < PARALLEL_THRESHOLD) {
            hashRange(0, missing);
            return;
        }
        int chunks = (missing + CHUNK - 1) / CHUNK;
        int total = missing;
        IntStream.range(0, chunks).parallel().forEach(c -> hashRange(c * CHUNK, Math.min(total, (c + 1) * CHUNK)));
    }

    private void hashRange(int from, int to) {
        try {
            for (int k = from; k < to; k++) {
                int i = todo[k];
                MessageDigest md = (MessageDigest) prefix.clone();
                md.update(officerStr[i]);
                byte[] p = new byte[32];
                md.digest(p, 0, 32);
                prioCache[i] = p;
            }
        } catch (CloneNotSupportedException | DigestException e) {
            throw new IllegalStateException("SHA-256 digests of the JDK are cloneable", e);
        }
    }

    /**
     * Picks the officer for {@code slot} of the team of {@code entity} (after {@link #begin}); {@code team} holds the
     * officer index per slot (−1 empty); {@code recused} the officers ever recused for this target (sorted, or null).
     * Decrements the winner's cap.
     */
    Pick pick(int entity, int slot, int[] team, int[] recused) {
        Integer ed = districtIds.get(population.members().get(entity).district());
        int entityDistrict = ed == null ? -1 : ed;
        int[] conflicts = conflictsByEntity.get(entity);
        int[] candidates = slotCandidates[slot];
        for (int level = 0; level < levelDropDistrict.length; level++) {
            boolean checkDistrict = avoidDistrict && !levelDropDistrict[level];
            boolean useAssist = levelUseAssist[level];
            int count = 0;
            for (int i : candidates) {
                if (cap[i] <= 0 || (assist[i] && !useAssist) || (checkDistrict && district[i] == entityDistrict)
                        || onTeam(team, i) || (distinct && departmentOnTeam(team, dept[i]))
                        || (conflicts != null && Arrays.binarySearch(conflicts, i) >= 0)
                        || (recused != null && Arrays.binarySearch(recused, i) >= 0)) {
                    continue;
                }
                eligible[count++] = i;
            }
            computePrios(count);
            int best = -1;
            byte[] bestPrio = null;
            for (int k = 0; k < count; k++) {
                int i = eligible[k];
                byte[] p = prioCache[i];
                // eligible officers ascend by officer id, so a strict "<" breaks prio ties by the smaller id
                if (best < 0 || Arrays.compareUnsigned(p, bestPrio) < 0) {
                    best = i;
                    bestPrio = p;
                }
            }
            if (best >= 0) {
                cap[best]--;
                return new Pick(best, level);
            }
        }
        return new Pick(-1, ladderSize());
    }

    private static boolean onTeam(int[] team, int officer) {
        for (int t : team) {
            if (t == officer) {
                return true;
            }
        }
        return false;
    }

    private boolean departmentOnTeam(int[] team, int d) {
        for (int t : team) {
            if (t >= 0 && dept[t] == d) {
                return true;
            }
        }
        return false;
    }
}
