package org.drledger.core.draw;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a draw reads (docs/draw-spec.md §10.1): the plan, the frozen population and roster, the commitments, the
 * randomness, the reveals recorded by the reveal deadline, and the recusals in ledger order. Constructing it checks
 * every cross-reference; the order of commitments and reveals does not matter, the order of recusals does.
 */
public record DrawInput(DrawPlan plan, Population population, Roster roster, List<Commitment> commitments,
                        Randomness randomness, List<Reveal> reveals, List<Recusal> recusals) {

    public DrawInput {
        Ids.notNull(plan, "/plan");
        Ids.notNull(population, "/population");
        Ids.notNull(roster, "/roster");
        if (!new ArrayList<>(population.countsByStratum().keySet()).equals(
                plan.strata().stream().map(DrawPlan.Stratum::stratum).toList())) {
            throw new DrawInputException("unknown-stratum", "/population", "the population was frozen for other strata");
        }
        roster.checkAgainst(population);
        commitments = List.copyOf(Ids.notNull(commitments, "/commitments"));
        Set<String> parties = new HashSet<>(plan.parties());
        Map<String, byte[]> committed = new HashMap<>();
        for (int i = 0; i < commitments.size(); i++) {
            String w = "/commitments/" + i;
            Commitment c = Ids.notNull(commitments.get(i), w);
            Ids.id(c.partyId(), w + "/partyId");
            if (!parties.contains(c.partyId())) {
                throw new DrawInputException("unknown-party", w + "/partyId",
                        "\"" + c.partyId() + "\" is not a committing party of the plan");
            }
            byte[] cj = Ids.notNull(c.commitment(), w + "/commitment");
            if (cj.length != 32) {
                throw new DrawInputException("bad-commitment", w + "/commitment",
                        "a commitment is 32 bytes, got " + cj.length);
            }
            if (committed.put(c.partyId(), cj) != null) {
                throw new DrawInputException("duplicate-commitment", w + "/partyId",
                        "second commitment of \"" + c.partyId() + "\"");
            }
        }
        for (String p : plan.parties()) {
            if (!committed.containsKey(p)) {
                throw new DrawInputException("missing-commitment", "/commitments",
                        "party \"" + p + "\" has no commitment; a draw cannot run without every commitment");
            }
        }
        RandomnessSources.validate(randomness, "/randomness");
        if (!randomness.source().equals(plan.randomness().source())) {
            throw new DrawInputException("source-mismatch", "/randomness/source", "the plan fixed source \""
                    + plan.randomness().source() + "\", the record is from \"" + randomness.source() + "\"");
        }
        if (randomness.round() != plan.randomness().round()) {
            throw new DrawInputException("round-mismatch", "/randomness/round", "the plan fixed round "
                    + plan.randomness().round() + ", the record is for round " + randomness.round());
        }
        reveals = List.copyOf(reveals == null ? List.of() : reveals);
        Set<String> revealed = new HashSet<>();
        for (int i = 0; i < reveals.size(); i++) {
            String w = "/reveals/" + i;
            Reveal r = Ids.notNull(reveals.get(i), w);
            Ids.id(r.partyId(), w + "/partyId");
            if (!parties.contains(r.partyId())) {
                throw new DrawInputException("unknown-party", w + "/partyId",
                        "\"" + r.partyId() + "\" is not a committing party of the plan");
            }
            if (!revealed.add(r.partyId())) {
                throw new DrawInputException("duplicate-reveal", w + "/partyId",
                        "second reveal of \"" + r.partyId() + "\"");
            }
            byte[] s = Ids.notNull(r.secret(), w + "/secret");
            if (s.length != 32) {
                throw new DrawInputException("bad-secret", w + "/secret", "a secret is 32 bytes, got " + s.length);
            }
            if (!DrawHashes.equal(DrawHashes.commitment(plan.taskId(), r.partyId(), s), committed.get(r.partyId()))) {
                throw new DrawInputException("reveal-mismatch", w + "/secret",
                        "the secret of \"" + r.partyId() + "\" does not match its commitment");
            }
        }
        recusals = List.copyOf(recusals == null ? List.of() : recusals);
        for (int i = 0; i < recusals.size(); i++) {
            String w = "/recusals/" + i;
            Recusal r = Ids.notNull(recusals.get(i), w);
            Ids.id(r.entityId(), w + "/entityId");
            Ids.id(r.officerId(), w + "/officerId");
            if (r.slot() < 1 || r.slot() > plan.teamTemplate().size()) {
                throw new DrawInputException("bad-slot", w + "/slot",
                        "slot must be 1.." + plan.teamTemplate().size() + ", got " + r.slot());
            }
        }
    }

    /** The secret a party revealed, or null. */
    byte[] secretOf(String partyId) {
        for (Reveal r : reveals) {
            if (r.partyId().equals(partyId)) {
                return r.secret();
            }
        }
        return null;
    }

    byte[] commitmentOf(String partyId) {
        for (Commitment c : commitments) {
            if (c.partyId().equals(partyId)) {
                return c.commitment();
            }
        }
        throw new IllegalStateException("validated: every party has a commitment");
    }
}
