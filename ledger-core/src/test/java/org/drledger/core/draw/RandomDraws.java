package org.drledger.core.draw;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.drledger.core.crypto.HashAlgorithm;

/** Random but valid draw inputs from a fixed seed, for property-style tests. */
final class RandomDraws {
    private static final String[] ID_PARTS = {"a", "b", "Z", "0", "9", "-", "资", "阳", "é", "Ａ", "𠀀", "检", "~"};

    private RandomDraws() {
    }

    static String id(Random r, String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.append(ID_PARTS[r.nextInt(ID_PARTS.length)]);
        }
        return sb.toString();
    }

    static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    static List<String> distinctIds(Random r, String prefix, int n) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (out.size() < n) {
            String s = id(r, prefix) + (r.nextInt(4) == 0 ? "" : Integer.toString(out.size()));
            if (seen.add(s)) {
                out.add(s);
            }
        }
        return out;
    }

    static DrawPlan plan(Random r, int strataCount, List<String> departments, List<String> parties) {
        List<DrawPlan.Stratum> strata = new ArrayList<>();
        if (strataCount == 0) {
            strata.add(new DrawPlan.Stratum("", ratio(r), r.nextInt(3), r.nextBoolean() ? null : (long) 3 + r.nextInt(40)));
        } else {
            List<String> names = distinctIds(r, "S", strataCount);
            for (String n : names) {
                long min = r.nextInt(4);
                strata.add(new DrawPlan.Stratum(n, ratio(r), min, r.nextInt(3) == 0 ? min + r.nextInt(20) : null));
            }
        }
        int slots = 1 + r.nextInt(3);
        List<DrawPlan.Slot> template = new ArrayList<>();
        for (int s = 0; s < slots; s++) {
            List<String> allowed = new ArrayList<>();
            for (String d : departments) {
                if (r.nextInt(3) != 0) {
                    allowed.add(d);
                }
            }
            if (allowed.isEmpty()) {
                allowed.add(departments.get(r.nextInt(departments.size())));
            }
            Collections.shuffle(allowed, r);
            template.add(new DrawPlan.Slot(allowed));
        }
        List<Relaxation> ladder = new ArrayList<>(List.of(Relaxation.values()));
        Collections.shuffle(ladder, r);
        ladder = ladder.subList(0, r.nextInt(3));
        boolean source = r.nextBoolean();
        DrawPlan.RandomnessSpec spec = source ? new DrawPlan.RandomnessSpec(RandomnessSources.DRAND_QUICKNET,
                1 + r.nextInt(1_000_000_000)) : new DrawPlan.RandomnessSpec(RandomnessSources.CWL_SSQ,
                2003001 + 1000L * r.nextInt(50) + r.nextInt(150));
        return new DrawPlan(id(r, "task-"), strataCount == 0 ? "" : "creditRiskClass", strata,
                new DrawPlan.PopulationFilter(List.of(), List.of(), List.of(), List.of("item-1"), null),
                1 + r.nextInt(4), template, new DrawPlan.MatchingRules(r.nextBoolean(), r.nextBoolean()),
                ladder, spec, parties, "2026-03-01T00:00:00Z",
                new DrawPlan.PlannedDates(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31)));
    }

    static DrawPlan.Ratio ratio(Random r) {
        long den = 1 + r.nextInt(10);
        return new DrawPlan.Ratio(r.nextInt((int) den + 1), den);
    }

    static Randomness randomness(Random r, DrawPlan.RandomnessSpec spec) {
        if (spec.source().equals(RandomnessSources.DRAND_QUICKNET)) {
            byte[] sig = bytes(r, 48);
            return Randomness.drandQuicknet(spec.round(), sig, HashAlgorithm.SHA_256.digest(sig));
        }
        List<Integer> balls = new ArrayList<>();
        for (int i = 1; i <= 33; i++) {
            balls.add(i);
        }
        Collections.shuffle(balls, r);
        List<Integer> red = new ArrayList<>(balls.subList(0, 6));
        Collections.sort(red);
        StringBuilder v = new StringBuilder();
        for (int b : red) {
            v.append(v.length() == 0 ? "" : ",").append(String.format("%02d", b));
        }
        v.append('+').append(String.format("%02d", 1 + r.nextInt(16)));
        return Randomness.cwlSsq(spec.round(), v.toString());
    }

    /** A random valid input without recusals. */
    static DrawInput input(long seed) {
        Random r = new Random(seed);
        List<String> departments = distinctIds(r, "dep", 1 + r.nextInt(4));
        List<String> districts = distinctIds(r, "dis", 1 + r.nextInt(4));
        List<String> parties = distinctIds(r, "party", 1 + r.nextInt(3));
        DrawPlan plan = plan(r, r.nextInt(4), departments, parties);
        int n = r.nextInt(80);
        List<String> entityIds = distinctIds(r, "E", n);
        List<PopulationMember> members = new ArrayList<>();
        for (String e : entityIds) {
            String stratum = plan.strata().get(r.nextInt(plan.strata().size())).stratum();
            members.add(new PopulationMember(e, stratum, districts.get(r.nextInt(districts.size()))));
        }
        int m = r.nextInt(40);
        List<String> officerIds = distinctIds(r, "O", m);
        List<RosterOfficer> officers = new ArrayList<>();
        for (String o : officerIds) {
            officers.add(new RosterOfficer(o, departments.get(r.nextInt(departments.size())),
                    districts.get(r.nextInt(districts.size())), 1 + r.nextInt(4), r.nextInt(5) == 0));
        }
        List<Conflict> conflicts = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int k = 0; m > 0 && n > 0 && k < r.nextInt(20); k++) {
            Conflict c = new Conflict(officerIds.get(r.nextInt(m)), entityIds.get(r.nextInt(n)));
            if (seen.add(c.officerId() + "|" + c.entityId())) {
                conflicts.add(c);
            }
        }
        List<Commitment> commitments = new ArrayList<>();
        List<Reveal> reveals = new ArrayList<>();
        for (String p : parties) {
            byte[] s = bytes(r, 32);
            commitments.add(new Commitment(p, DrawHashes.commitment(plan.taskId(), p, s)));
            if (r.nextInt(4) != 0) {
                reveals.add(new Reveal(p, s));
            }
        }
        return new DrawInput(plan, Population.of(plan, members), Roster.of(officers, conflicts), commitments,
                randomness(r, plan.randomness()), reveals, List.of());
    }

    /** Adds up to {@code k} valid recusals (some chained onto earlier substitutes), chosen with {@code r}. */
    static DrawInput withRecusals(DrawInput in, Random r, int k) {
        List<Recusal> recusals = new ArrayList<>();
        DrawInput cur = in;
        for (int i = 0; i < k; i++) {
            DrawResult res = Draw.run(cur);
            List<Recusal> options = new ArrayList<>();
            for (DrawResult.Team t : res.finalTeams()) {
                for (DrawResult.SlotAssignment s : t.slots()) {
                    if (s.filled()) {
                        options.add(new Recusal(t.entityId(), s.officerId(), s.slot()));
                    }
                }
            }
            if (options.isEmpty()) {
                break;
            }
            recusals.add(options.get(r.nextInt(options.size())));
            cur = new DrawInput(in.plan(), in.population(), in.roster(), in.commitments(), in.randomness(),
                    in.reveals(), recusals);
        }
        return cur;
    }
}
