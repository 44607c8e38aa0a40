package org.drledger.core.draw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.drledger.core.bytes.Hex;
import org.drledger.core.json.CanonicalJson;

/** Writes the draw documents: the input in frozen form ({@code drl-draw-input/1}) and the result ({@code drl-draw-result/1}). */
public final class DrawJson {
    public static final String RESULT_FORMAT = "drl-draw-result/1";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private DrawJson() {
    }

    /** The input document with the normalised plan and the frozen population and roster, each list sorted. */
    public static ObjectNode input(DrawInput in) {
        ObjectNode o = F.objectNode();
        o.put("format", DrawInputParser.FORMAT);
        o.set("plan", in.plan().toJson());
        ArrayNode pop = o.putArray("population");
        for (PopulationMember m : in.population().members()) {
            pop.addObject().put("entityId", m.entityId()).put("stratum", m.stratum()).put("district", m.district());
        }
        ObjectNode roster = o.putObject("roster");
        ArrayNode os = roster.putArray("officers");
        for (RosterOfficer r : in.roster().officers()) {
            os.addObject().put("officerId", r.officerId()).put("department", r.department())
                    .put("district", r.district()).put("cap", r.cap()).put("assist", r.assist());
        }
        ArrayNode cs = roster.putArray("conflicts");
        for (Conflict c : in.roster().conflicts()) {
            cs.addObject().put("officerId", c.officerId()).put("entityId", c.entityId());
        }
        ArrayNode cm = o.putArray("commitments");
        for (String p : in.plan().parties()) {
            cm.addObject().put("partyId", p).put("commitment", Hex.encode(in.commitmentOf(p)));
        }
        o.set("randomness", randomness(in.randomness(), null));
        ArrayNode rv = o.putArray("reveals");
        for (String p : in.plan().parties()) {
            byte[] s = in.secretOf(p);
            if (s != null) {
                rv.addObject().put("partyId", p).put("secret", Hex.encode(s));
            }
        }
        ArrayNode rc = o.putArray("recusals");
        for (Recusal r : in.recusals()) {
            rc.addObject().put("entityId", r.entityId()).put("officerId", r.officerId()).put("slot", r.slot());
        }
        return o;
    }

    /** The result document (docs/draw-spec.md §10.2). */
    public static ObjectNode result(DrawResult r) {
        ObjectNode o = F.objectNode();
        o.put("format", RESULT_FORMAT);
        o.put("algorithm", DrawPlan.ALGORITHM);
        o.put("taskId", r.plan().taskId());
        o.put("planHash", Hex.encode(r.planHash()));
        o.putObject("population").put("popHash", Hex.encode(r.popHash()))
                .put("count", r.input().population().size());
        Roster roster = r.input().roster();
        o.putObject("roster").put("rosterHash", Hex.encode(r.rosterHash()))
                .put("officers", roster.officers().size()).put("assistOfficers", roster.assistCount())
                .put("conflicts", roster.conflicts().size());
        ArrayNode cm = o.putArray("commitments");
        for (DrawHashes.SeedContribution c : r.contributions()) {
            cm.addObject().put("partyId", c.partyId()).put("commitment", Hex.encode(c.commitment()))
                    .put("revealed", c.revealed());
        }
        o.set("randomness", randomness(r.input().randomness(), r.rand()));
        o.put("seed", Hex.encode(r.seed()));
        ArrayNode st = o.putArray("strata");
        for (DrawResult.StratumResult s : r.strata()) {
            st.addObject().put("stratum", s.stratum()).put("populationCount", s.populationCount())
                    .put("targetCount", s.targetCount());
        }
        ArrayNode ts = o.putArray("targets");
        for (DrawResult.Target t : r.targets()) {
            ts.addObject().put("order", t.order()).put("entityId", t.entityId()).put("stratum", t.stratum())
                    .put("district", t.district()).put("ticket", Hex.encode(t.ticket()));
        }
        ArrayNode tm = o.putArray("teams");
        for (DrawResult.Team t : r.teams()) {
            ObjectNode to = tm.addObject().put("entityId", t.entityId());
            ArrayNode sl = to.putArray("slots");
            for (DrawResult.SlotAssignment s : t.slots()) {
                ObjectNode so = sl.addObject().put("slot", s.slot()).put("leader", s.leader())
                        .put("officerId", s.officerId()).put("department", s.department())
                        .put("relaxationStep", s.relaxationStep());
                ladder(so.putArray("relaxations"), s.relaxations());
            }
        }
        ArrayNode un = o.putArray("unfilledSlots");
        for (DrawResult.UnfilledSlot u : r.unfilledSlots()) {
            un.addObject().put("entityId", u.entityId()).put("slot", u.slot());
        }
        ArrayNode sb = o.putArray("substitutions");
        for (DrawResult.Substitution s : r.substitutions()) {
            ObjectNode so = sb.addObject().put("recusal", s.recusal()).put("entityId", s.entityId())
                    .put("slot", s.slot()).put("recusedOfficerId", s.recusedOfficerId())
                    .put("substituteOfficerId", s.substituteOfficerId()).put("department", s.department())
                    .put("relaxationStep", s.relaxationStep());
            ladder(so.putArray("relaxations"), s.relaxations());
        }
        return o;
    }

    /** RFC 8785 bytes of a document written here. */
    public static byte[] canonical(JsonNode doc) {
        return CanonicalJson.write(doc);
    }

    private static ObjectNode randomness(Randomness r, byte[] rand) {
        ObjectNode o = F.objectNode().put("source", r.source()).put("round", r.round());
        if (r.signature() != null) {
            o.put("signature", Hex.encode(r.signature())).put("randomness", Hex.encode(r.randomness()));
        }
        if (r.value() != null) {
            o.put("value", r.value());
        }
        if (rand != null) {
            o.put("rand", Hex.encode(rand));
        }
        return o;
    }

    private static void ladder(ArrayNode a, List<Relaxation> steps) {
        steps.forEach(s -> a.add(s.name()));
    }
}
