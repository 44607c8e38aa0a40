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
 * Team matching and substitution (docs/draw-spec.md §8–§9).
 *
 * <p>Speed without changing a byte: {@code prio(e, i)} does not depend on the slot, the ladder step or the caps, so
 * the prios a block of upcoming targets can need are computed ahead, in parallel across targets, and the sequential
 * matching then only compares them. For each target of the block, every officer that passes the conditions that
 * cannot change while the block is matched — it is in some slot's departments, its cap is still above 0, it is not
 * an assist officer, not in the target's district when {@code avoidSameDistrict} holds, not a declared conflict — is
 * hashed once; anything else the matching turns out to need (a relaxed ladder step, a substitution) is hashed on
 * demand. Each prio is a pure function of (seed, entity, officer) and the minimum is taken sequentially in officer
 * order, so scheduling cannot change a result. A prio is hashed from a SHA-256 state cloned after the target's
 * shared 74-byte prefix {@code STR(label) || seed || STR(entity_id)}: one compression per prio. Prios are compared
 * by their first 8 bytes; equal first 8 bytes fall back to comparing the full digests, recomputed.
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
    /** Officers allowed in at least one slot, ascending. */
    private final int[] anySlot;
    private final Map<Integer, int[]> conflictsByEntity = new HashMap<>();
    private final Map<String, Integer> districtIds = new HashMap<>();
    private final boolean distinct;
    private final boolean avoidDistrict;
    private final boolean[] levelDropDistrict;
    private final boolean[] levelUseAssist;
    /** Targets whose prios are computed ahead together. */
    static final int BLOCK = 128;
    /** Fewer prios than this in a block are computed on the calling thread. */
    private static final int PARALLEL_THRESHOLD = 4096;

    private final int m;
    /** First 8 bytes of prio(target row, officer) as a sign-flipped long (signed order = unsigned byte order). */
    private long[] keys = new long[0];
    /** Which entries of {@code keys} belong to the current generation. */
    private int[] have = new int[0];
    private int generation;
    private final MessageDigest[] prefixes = new MessageDigest[BLOCK];
    private final int[] rowEntity = new int[BLOCK];
    /** Position in the visiting order of the first target of the current block; -1 outside the draw phase. */
    private int blockStart = -1;
    private int blockEnd = -1;
    private int row;

    /** Result of one pick: the officer index (−1 if none) and the ladder step used (0 = no relaxation). */
    record Pick(int officer, int level) {
    }

    Matcher(DrawPlan plan, Population population, Roster roster, byte[] seed) {
        this.plan = plan;
        this.population = population;
        this.seed = seed.clone();
        List<RosterOfficer> os = roster.officers();
        m = os.size();
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
        boolean[] inAny = new boolean[m];
        for (int s = 0; s < template.size(); s++) {
            List<String> allowed = template.get(s).allowedDepartments();
            int[] c = new int[m];
            int n = 0;
            for (int i = 0; i < m; i++) {
                if (allowed.contains(os.get(i).department())) {
                    c[n++] = i;
                    inAny[i] = true;
                }
            }
            slotCandidates[s] = Arrays.copyOf(c, n);
        }
        anySlot = IntStream.range(0, m).filter(i -> inAny[i]).toArray();
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
    }

    int ladderSize() {
        return levelDropDistrict.length - 1;
    }

    long capLeft(int officer) {
        return cap[officer];
    }

    /**
     * Draw phase: makes target {@code k} of the visiting order {@code targets} (entity indices) current; at the start
     * of each block the prios of the whole block are computed ahead.
     */
    void visit(int[] targets, int k) {
        if (k < blockStart || k >= blockEnd) {
            int from = k;
            int to = Math.min(targets.length, k + BLOCK);
            startGeneration(to - from);
            for (int r = 0; r < to - from; r++) {
                rowEntity[r] = targets[from + r];
                prefixes[r] = prefix(targets[from + r]);
            }
            prefetch(to - from);
            blockStart = from;
            blockEnd = to;
        }
        row = k - blockStart;
    }

    /** Substitution phase: makes {@code entity} current; its prios are computed on demand. */
    void begin(int entity) {
        startGeneration(1);
        rowEntity[0] = entity;
        prefixes[0] = prefix(entity);
        blockStart = -1;
        blockEnd = -1;
        row = 0;
    }

    private void startGeneration(int rows) {
        generation++;
        if (keys.length < rows * m) {
            keys = new long[rows * m];
            have = new int[rows * m];
        }
    }

    private MessageDigest prefix(int entity) {
        MessageDigest md = Feed.sha256();
        md.update(Feed.strBytes(DrawHashes.MATCH_LABEL));
        md.update(seed);
        md.update(Feed.strBytes(population.members().get(entity).entityId()));
        return md;
    }

    private int entityDistrict(int entity) {
        Integer ed = districtIds.get(population.members().get(entity).district());
        return ed == null ? -1 : ed;
    }

    /**
     * Hashes, for rows {@code 0..rows)}, every officer that passes the conditions fixed for the block. Rows are
     * independent; each row is written by one task only.
     */
    private void prefetch(int rows) {
        IntStream r = IntStream.range(0, rows);
        (rows * (long) anySlot.length >= PARALLEL_THRESHOLD ? r.parallel() : r).forEach(this::prefetchRow);
    }

    private void prefetchRow(int r) {
        int entity = rowEntity[r];
        int ed = entityDistrict(entity);
        boolean checkDistrict = avoidDistrict && !levelDropDistrict[0];
        int[] conflicts = conflictsByEntity.get(entity);
        MessageDigest base = prefixes[r];
        byte[] digest = new byte[32];
        int offset = r * m;
        for (int i : anySlot) {
            if (cap[i] <= 0 || (assist[i] && !levelUseAssist[0]) || (checkDistrict && district[i] == ed)
                    || (conflicts != null && Arrays.binarySearch(conflicts, i) >= 0)) {
                continue;
            }
            hash(base, i, digest);
            keys[offset + i] = TicketTable.key(digest, 0);
            have[offset + i] = generation;
        }
    }

    private void hash(MessageDigest base, int officer, byte[] out) {
        try {
            MessageDigest md = (MessageDigest) base.clone();
            md.update(officerStr[officer]);
            md.digest(out, 0, 32);
        } catch (CloneNotSupportedException | DigestException e) {
            throw new IllegalStateException("SHA-256 digests of the JDK are cloneable", e);
        }
    }

    /** The prio key of {@code officer} for the current target, hashing it now if it was not computed ahead. */
    private long key(int officer) {
        int idx = row * m + officer;
        if (have[idx] != generation) {
            byte[] digest = new byte[32];
            hash(prefixes[row], officer, digest);
            keys[idx] = TicketTable.key(digest, 0);
            have[idx] = generation;
        }
        return keys[idx];
    }

    /** Full prios of two officers whose first 8 bytes are equal, compared as unsigned integers. */
    private int compareFull(int a, int b) {
        byte[] pa = new byte[32];
        byte[] pb = new byte[32];
        hash(prefixes[row], a, pa);
        hash(prefixes[row], b, pb);
        return Arrays.compareUnsigned(pa, pb);
    }

    /**
     * Picks the officer for {@code slot} of the team of the current target {@code entity} (after {@link #visit} or
     * {@link #begin}); {@code team} holds the officer index per slot (−1 empty); {@code recused} the officers ever
     * recused for this target (sorted, or null). Decrements the winner's cap.
     */
    Pick pick(int entity, int slot, int[] team, int[] recused) {
        if (rowEntity[row] != entity) {
            throw new IllegalStateException("pick for an entity that is not the current target");
        }
        int entityDistrict = entityDistrict(entity);
        int[] conflicts = conflictsByEntity.get(entity);
        int[] candidates = slotCandidates[slot];
        for (int level = 0; level < levelDropDistrict.length; level++) {
            boolean checkDistrict = avoidDistrict && !levelDropDistrict[level];
            boolean useAssist = levelUseAssist[level];
            int best = -1;
            long bestKey = 0;
            for (int i : candidates) {
                if (cap[i] <= 0 || (assist[i] && !useAssist) || (checkDistrict && district[i] == entityDistrict)
                        || onTeam(team, i) || (distinct && departmentOnTeam(team, dept[i]))
                        || (conflicts != null && Arrays.binarySearch(conflicts, i) >= 0)
                        || (recused != null && Arrays.binarySearch(recused, i) >= 0)) {
                    continue;
                }
                long k = key(i);
                // candidates ascend by officer id, so a strict "<" breaks prio ties by the smaller id
                if (best < 0 || k < bestKey || (k == bestKey && compareFull(i, best) < 0)) {
                    best = i;
                    bestKey = k;
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
