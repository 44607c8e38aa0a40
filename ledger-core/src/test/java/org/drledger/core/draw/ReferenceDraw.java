package org.drledger.core.draw;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drledger.core.bytes.Hex;
import org.drledger.core.json.CanonicalJson;

/**
 * A slow, literal implementation of docs/draw-spec.md, written from the spec text and sharing nothing with the fast
 * implementation but the validated input records: pre-images built byte by byte, full sorts, linear scans, a fresh
 * SHA-256 per hash. It also records the trace the vectors publish (every prio considered for every slot).
 */
final class ReferenceDraw {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** One slot decision: the candidates eligible at each ladder step tried, and the winner. */
    record Attempt(int step, List<String[]> eligible) {
    }

    record Decision(String phase, int recusal, String entityId, int slot, List<Attempt> attempts, String chosen) {
    }

    final DrawInput in;
    byte[] planCanonical;
    byte[] planHash;
    byte[] popPreimage;
    byte[] popHash;
    byte[] rosterPreimage;
    byte[] rosterHash;
    byte[] rand;
    byte[] seedPreimage;
    byte[] seed;
    List<String> parties;
    final Map<String, byte[]> tickets = new HashMap<>();
    final Map<String, List<String>> stratumOrder = new HashMap<>();
    final Map<String, Long> nk = new HashMap<>();
    final Map<String, BigInteger> ceil = new HashMap<>();
    List<PopulationMember> population;
    List<RosterOfficer> officers;
    List<Conflict> conflicts;
    List<PopulationMember> visiting = new ArrayList<>();
    final Map<String, String[]> team = new HashMap<>();
    final Map<String, String[]> drawnTeam = new HashMap<>();
    final Map<String, int[]> drawnSteps = new HashMap<>();
    final Map<String, Long> capLeft = new HashMap<>();
    final List<Decision> trace = new ArrayList<>();
    final List<Object[]> substitutions = new ArrayList<>();

    private ReferenceDraw(DrawInput in) {
        this.in = in;
    }

    static ReferenceDraw run(DrawInput in) {
        ReferenceDraw r = new ReferenceDraw(in);
        r.compute();
        return r;
    }

    // ---- byte helpers, straight from the notation section ----

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void u8(ByteArrayOutputStream o, int v) {
        o.write(v);
    }

    static void u32(ByteArrayOutputStream o, long v) {
        o.write((int) (v >>> 24) & 0xff);
        o.write((int) (v >>> 16) & 0xff);
        o.write((int) (v >>> 8) & 0xff);
        o.write((int) v & 0xff);
    }

    static void u64(ByteArrayOutputStream o, long v) {
        u32(o, v >>> 32);
        u32(o, v & 0xffffffffL);
    }

    static void str(ByteArrayOutputStream o, String s) {
        byte[] b = utf8(s);
        u32(o, b.length);
        o.write(b, 0, b.length);
    }

    static void raw(ByteArrayOutputStream o, byte[] b) {
        o.write(b, 0, b.length);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int byUtf8(String a, String b) {
        return Arrays.compareUnsigned(utf8(a), utf8(b));
    }

    static byte[] ticket(byte[] seed, String entityId) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        str(o, "drl-draw/1:ticket");
        raw(o, seed);
        str(o, entityId);
        return sha256(o.toByteArray());
    }

    static byte[] prio(byte[] seed, String entityId, String officerId) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        str(o, "drl-draw/1:match");
        raw(o, seed);
        str(o, entityId);
        str(o, officerId);
        return sha256(o.toByteArray());
    }

    static byte[] commitment(String taskId, String partyId, byte[] secret) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        str(o, "drl-draw/1:commit");
        str(o, taskId);
        str(o, partyId);
        raw(o, secret);
        return sha256(o.toByteArray());
    }

    private void compute() {
        DrawPlan plan = in.plan();
        planCanonical = CanonicalJson.write(plan.toJson());
        planHash = sha256(planCanonical);

        population = new ArrayList<>(in.population().members());
        population.sort((a, b) -> byUtf8(a.entityId(), b.entityId()));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        str(o, "drl-draw/1:pop");
        u64(o, population.size());
        for (PopulationMember m : population) {
            str(o, m.entityId());
            str(o, m.stratum());
            str(o, m.district());
        }
        popPreimage = o.toByteArray();
        popHash = sha256(popPreimage);

        officers = new ArrayList<>(in.roster().officers());
        officers.sort((a, b) -> byUtf8(a.officerId(), b.officerId()));
        conflicts = new ArrayList<>(in.roster().conflicts());
        conflicts.sort((a, b) -> {
            int c = byUtf8(a.officerId(), b.officerId());
            return c != 0 ? c : byUtf8(a.entityId(), b.entityId());
        });
        o = new ByteArrayOutputStream();
        str(o, "drl-draw/1:roster");
        u64(o, officers.size());
        for (RosterOfficer r : officers) {
            str(o, r.officerId());
            str(o, r.department());
            str(o, r.district());
            u32(o, r.cap());
            u8(o, r.assist() ? 1 : 0);
        }
        u64(o, conflicts.size());
        for (Conflict c : conflicts) {
            str(o, c.officerId());
            str(o, c.entityId());
        }
        rosterPreimage = o.toByteArray();
        rosterHash = sha256(rosterPreimage);

        Randomness rr = in.randomness();
        rand = rr.source().equals("drand-quicknet") ? sha256(rr.signature()) : sha256(utf8(rr.value()));

        parties = new ArrayList<>(plan.parties());
        parties.sort(ReferenceDraw::byUtf8);
        o = new ByteArrayOutputStream();
        str(o, "drl-draw/1:seed");
        str(o, plan.taskId());
        raw(o, planHash);
        raw(o, popHash);
        raw(o, rosterHash);
        str(o, rr.source());
        u64(o, rr.round());
        raw(o, rand);
        u32(o, parties.size());
        for (String p : parties) {
            byte[] c = commitmentOf(p);
            byte[] s = secretOf(p);
            str(o, p);
            raw(o, c);
            u8(o, s == null ? 0 : 1);
            raw(o, s == null ? new byte[32] : s);
        }
        seedPreimage = o.toByteArray();
        seed = sha256(seedPreimage);

        for (PopulationMember m : population) {
            tickets.put(m.entityId(), ticket(seed, m.entityId()));
        }
        Comparator<PopulationMember> byTicket = (a, b) -> {
            int c = Arrays.compareUnsigned(tickets.get(a.entityId()), tickets.get(b.entityId()));
            return c != 0 ? c : byUtf8(a.entityId(), b.entityId());
        };
        List<PopulationMember> selected = new ArrayList<>();
        for (DrawPlan.Stratum s : plan.strata()) {
            List<PopulationMember> members = new ArrayList<>();
            for (PopulationMember m : population) {
                if (m.stratum().equals(s.stratum())) {
                    members.add(m);
                }
            }
            members.sort(byTicket);
            BigInteger n = BigInteger.valueOf(members.size());
            BigInteger a = BigInteger.valueOf(s.ratio().num());
            BigInteger b = BigInteger.valueOf(s.ratio().den());
            BigInteger[] qr = n.multiply(a).divideAndRemainder(b);
            BigInteger c = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
            BigInteger max = s.max() == null ? n : BigInteger.valueOf(s.max());
            BigInteger count = n.min(max).min(BigInteger.valueOf(s.min()).max(c));
            ceil.put(s.stratum(), c);
            nk.put(s.stratum(), count.longValueExact());
            List<String> ids = new ArrayList<>();
            members.forEach(m -> ids.add(m.entityId()));
            stratumOrder.put(s.stratum(), ids);
            selected.addAll(members.subList(0, count.intValueExact()));
        }
        selected.sort(byTicket);
        visiting = selected;

        for (RosterOfficer r : officers) {
            capLeft.put(r.officerId(), r.cap());
        }
        int slots = plan.teamTemplate().size();
        for (PopulationMember e : visiting) {
            String[] t = new String[slots];
            int[] steps = new int[slots];
            for (int s = 0; s < slots; s++) {
                Object[] pick = pick("draw", 0, e, s, t, Set.of());
                t[s] = (String) pick[0];
                steps[s] = (Integer) pick[1];
            }
            team.put(e.entityId(), t.clone());
            drawnTeam.put(e.entityId(), t.clone());
            drawnSteps.put(e.entityId(), steps);
        }

        Map<String, Set<String>> recused = new HashMap<>();
        int j = 0;
        for (Recusal r : in.recusals()) {
            j++;
            PopulationMember e = null;
            for (PopulationMember v : visiting) {
                if (v.entityId().equals(r.entityId())) {
                    e = v;
                }
            }
            if (e == null) {
                throw new IllegalArgumentException("unknown-target");
            }
            String[] t = team.get(e.entityId());
            if (!r.officerId().equals(t[r.slot() - 1])) {
                throw new IllegalArgumentException("recusal-not-on-team");
            }
            recused.computeIfAbsent(e.entityId(), k -> new HashSet<>()).add(r.officerId());
            t[r.slot() - 1] = null;
            Object[] pick = pick("recusal", j, e, r.slot() - 1, t, recused.get(e.entityId()));
            t[r.slot() - 1] = (String) pick[0];
            substitutions.add(new Object[]{j, e.entityId(), r.slot(), r.officerId(), pick[0], pick[1]});
        }
    }

    private byte[] commitmentOf(String party) {
        for (Commitment c : in.commitments()) {
            if (c.partyId().equals(party)) {
                return c.commitment();
            }
        }
        throw new IllegalStateException();
    }

    byte[] secretOf(String party) {
        for (Reveal r : in.reveals()) {
            if (r.partyId().equals(party)) {
                return r.secret();
            }
        }
        return null;
    }

    private RosterOfficer officer(String id) {
        for (RosterOfficer r : officers) {
            if (r.officerId().equals(id)) {
                return r;
            }
        }
        return null;
    }

    /** Returns {officerId or null, ladder step}. */
    private Object[] pick(String phase, int recusal, PopulationMember e, int slot, String[] t, Set<String> recused) {
        DrawPlan plan = in.plan();
        List<Relaxation> ladder = plan.relaxationLadder();
        List<Attempt> attempts = new ArrayList<>();
        for (int step = 0; step <= ladder.size(); step++) {
            List<Relaxation> relaxed = ladder.subList(0, step);
            List<String[]> eligible = new ArrayList<>();
            String best = null;
            byte[] bestPrio = null;
            for (RosterOfficer i : officers) {
                if (capLeft.get(i.officerId()) <= 0) {
                    continue;
                }
                boolean onTeam = false;
                boolean sameDept = false;
                for (String m : t) {
                    if (m != null) {
                        onTeam |= m.equals(i.officerId());
                        sameDept |= officer(m).department().equals(i.department());
                    }
                }
                if (onTeam || !plan.teamTemplate().get(slot).allowedDepartments().contains(i.department())) {
                    continue;
                }
                boolean conflict = false;
                for (Conflict c : conflicts) {
                    conflict |= c.officerId().equals(i.officerId()) && c.entityId().equals(e.entityId());
                }
                if (conflict || recused.contains(i.officerId())) {
                    continue;
                }
                if (plan.matchingRules().avoidSameDistrict() && !relaxed.contains(Relaxation.DROP_AVOID_SAME_DISTRICT)
                        && i.district().equals(e.district())) {
                    continue;
                }
                if (plan.matchingRules().distinctDepartments() && sameDept) {
                    continue;
                }
                if (i.assist() && !relaxed.contains(Relaxation.USE_ASSIST_POOL)) {
                    continue;
                }
                byte[] p = prio(seed, e.entityId(), i.officerId());
                eligible.add(new String[]{i.officerId(), Hex.encode(p)});
                int c = best == null ? -1 : Arrays.compareUnsigned(p, bestPrio);
                if (best == null || c < 0 || (c == 0 && byUtf8(i.officerId(), best) < 0)) {
                    best = i.officerId();
                    bestPrio = p;
                }
            }
            attempts.add(new Attempt(step, eligible));
            if (best != null) {
                capLeft.put(best, capLeft.get(best) - 1);
                trace.add(new Decision(phase, recusal, e.entityId(), slot + 1, attempts, best));
                return new Object[]{best, step};
            }
        }
        trace.add(new Decision(phase, recusal, e.entityId(), slot + 1, attempts, null));
        return new Object[]{null, ladder.size()};
    }

    /** The result document, written independently of {@link DrawJson}. */
    ObjectNode toJson() {
        DrawPlan plan = in.plan();
        ObjectNode o = F.objectNode();
        o.put("format", "drl-draw-result/1");
        o.put("algorithm", "drl-draw/1");
        o.put("taskId", plan.taskId());
        o.put("planHash", Hex.encode(planHash));
        o.putObject("population").put("popHash", Hex.encode(popHash)).put("count", population.size());
        int assist = 0;
        for (RosterOfficer r : officers) {
            assist += r.assist() ? 1 : 0;
        }
        o.putObject("roster").put("rosterHash", Hex.encode(rosterHash)).put("officers", officers.size())
                .put("assistOfficers", assist).put("conflicts", conflicts.size());
        ArrayNode cm = o.putArray("commitments");
        for (String p : parties) {
            cm.addObject().put("partyId", p).put("commitment", Hex.encode(commitmentOf(p)))
                    .put("revealed", secretOf(p) != null);
        }
        Randomness rr = in.randomness();
        ObjectNode ro = o.putObject("randomness").put("source", rr.source()).put("round", rr.round());
        if (rr.signature() != null) {
            ro.put("signature", Hex.encode(rr.signature())).put("randomness", Hex.encode(rr.randomness()));
        } else {
            ro.put("value", rr.value());
        }
        ro.put("rand", Hex.encode(rand));
        o.put("seed", Hex.encode(seed));
        ArrayNode st = o.putArray("strata");
        for (DrawPlan.Stratum s : plan.strata()) {
            st.addObject().put("stratum", s.stratum()).put("populationCount", stratumOrder.get(s.stratum()).size())
                    .put("targetCount", nk.get(s.stratum()));
        }
        ArrayNode ts = o.putArray("targets");
        ArrayNode tm = o.putArray("teams");
        ArrayNode un = o.putArray("unfilledSlots");
        int order = 0;
        for (PopulationMember e : visiting) {
            ts.addObject().put("order", ++order).put("entityId", e.entityId()).put("stratum", e.stratum())
                    .put("district", e.district()).put("ticket", Hex.encode(tickets.get(e.entityId())));
            ArrayNode sl = tm.addObject().put("entityId", e.entityId()).putArray("slots");
            String[] t = drawnTeam.get(e.entityId());
            int[] steps = drawnSteps.get(e.entityId());
            for (int s = 0; s < t.length; s++) {
                slot(sl.addObject().put("slot", s + 1).put("leader", s == 0), t[s], steps[s]);
                if (t[s] == null) {
                    un.addObject().put("entityId", e.entityId()).put("slot", s + 1);
                }
            }
        }
        ArrayNode sb = o.putArray("substitutions");
        for (Object[] s : substitutions) {
            ObjectNode so = sb.addObject().put("recusal", (Integer) s[0]).put("entityId", (String) s[1])
                    .put("slot", (Integer) s[2]).put("recusedOfficerId", (String) s[3])
                    .put("substituteOfficerId", (String) s[4]);
            slot(so, (String) s[4], (Integer) s[5]);
            so.remove("officerId");
        }
        return o;
    }

    private void slot(ObjectNode so, String officer, int step) {
        so.put("officerId", officer).put("department", officer == null ? null : officer(officer).department())
                .put("relaxationStep", step);
        ArrayNode r = so.putArray("relaxations");
        in.plan().relaxationLadder().subList(0, step).forEach(x -> r.add(x.name()));
    }
}
