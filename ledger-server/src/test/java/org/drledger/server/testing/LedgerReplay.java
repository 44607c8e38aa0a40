package org.drledger.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.drledger.command.ledger.StoredEntry;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.draw.Commitment;
import org.drledger.core.draw.Draw;
import org.drledger.core.draw.DrawInput;
import org.drledger.core.draw.DrawPlan;
import org.drledger.core.draw.DrawResult;
import org.drledger.core.draw.Population;
import org.drledger.core.draw.PopulationFreeze;
import org.drledger.core.draw.Randomness;
import org.drledger.core.draw.Recusal;
import org.drledger.core.draw.Reveal;
import org.drledger.core.draw.Roster;
import org.drledger.core.draw.RosterFreeze;
import org.drledger.core.entry.LedgerHashing;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.merkle.MerkleHasher;
import org.drledger.core.registry.InspectionHistory;
import org.drledger.core.registry.RecordedStratum;
import org.drledger.core.registry.RegistryFold;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The verifier's view in server tests: the stored entries rebuilt from their rows (each checked against its hash and
 * its Merkle leaf), and a draw recomputed from those entries alone with the kernel and compared with what was
 * recorded.
 */
public final class LedgerReplay {
    private LedgerReplay() {
    }

    /** One stored entry, rebuilt from its row, at its leaf index. */
    public record Stored(long leaf, SignedEntry signed) {
        public String type() {
            return signed.entry().type();
        }

        public JsonNode payload() {
            return signed.entry().payload();
        }

        public String streamId() {
            return signed.entry().stream().id();
        }
    }

    /** Every sealed entry in leaf order (call once every entry is a leaf). */
    public static List<Stored> read(JdbcTemplate jdbc, CryptoSuite suite) {
        String ledgerId = jdbc.queryForObject("SELECT ledger_id FROM ledger_info", String.class);
        MerkleHasher hasher = new MerkleHasher(suite.hash());
        return jdbc.query("SELECT l.leaf_index, e.global_index, e.type, e.aggregate_identifier, e.sequence_number, "
                + "e.payload_type, e.payload_revision, e.payload, e.meta_data, l.leaf_hash FROM merkle_leaf l "
                + "JOIN domain_event_entry e ON e.global_index = l.global_index ORDER BY l.leaf_index", (rs, i) -> {
                    SignedEntry s = StoredEntry.rebuild(new StoredEntry.Row(rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getBytes(8),
                            rs.getBytes(9)), ledgerId);
                    assertThat(LedgerHashing.entryHash(suite.hash(), s.canonicalEnvelope())).isEqualTo(s.hash());
                    assertThat(hasher.leafHash(s.leafData())).isEqualTo(rs.getBytes(10));
                    return new Stored(rs.getLong(1), s);
                });
    }

    public static List<Stored> taskEntries(List<Stored> all, String taskId) {
        return all.stream().filter(s -> s.streamId().equals("task:" + taskId)).toList();
    }

    /** The payload of the only entry of {@code type}. */
    public static JsonNode one(List<Stored> entries, String type) {
        List<JsonNode> found = entries.stream().filter(s -> s.type().equals(type)).map(Stored::payload).toList();
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }

    /**
     * From the stored entries (and {@code open}, the vault's openings of confidential strata) alone: folds the
     * registries as of the freeze position with the kernel, re-runs the drl-draw/1 draw with the recorded commitments,
     * randomness, reveals dated by the deadline and recusals, and compares the population and roster hashes, the seed,
     * every target with its ticket, every team slot and every substitution with what the task recorded.
     *
     * @return the recomputed population
     */
    public static Population recomputeDraw(List<Stored> all, List<Stored> entries,
                                           Function<String, Optional<String>> open) {
        JsonNode planned = one(entries, "TaskPlanned");
        DrawPlan plan = DrawPlan.fromJson(planned.get("drawPlan"));
        assertThat(CanonicalJson.write(planned.get("drawPlan"))).isEqualTo(plan.canonicalBytes());
        assertThat(Hex.encode(plan.hash())).isEqualTo(planned.get("planHash").asText());

        JsonNode frozen = one(entries, "PopulationFrozen");
        long asOf = frozen.get("asOfLeaf").asLong();
        RegistryFold fold = new RegistryFold();
        InspectionHistory history = new InspectionHistory();
        for (Stored s : all) {
            if (s.leaf() >= asOf) {
                break;
            }
            if (RegistryFold.isRegistryEntry(s.type())) {
                fold.accept(s.type(), s.payload());
            } else {
                history.accept(s.type(), s.payload());
            }
        }
        var entities = fold.entityRecords(plan.stratifyBy(), open);
        var cap = plan.populationFilter().frequencyCap();
        Population population = PopulationFreeze.freeze(plan, entities,
                history.counts(planned.get("leadDepartment").asText(), cap.year(), Set.copyOf(cap.exemptCategories())));
        Roster roster = RosterFreeze.freeze(plan, fold.officerRecords(), fold.declaredConflicts(), population);
        assertThat(Hex.encode(population.hash())).isEqualTo(frozen.get("popHash").asText());
        assertThat(Hex.encode(roster.hash())).isEqualTo(frozen.get("rosterHash").asText());

        List<Commitment> commitments = new ArrayList<>();
        entries.stream().filter(s -> s.type().equals("SeedCommitted")).forEach(s -> commitments.add(new Commitment(
                s.payload().get("partyId").asText(), Hex.decode(s.payload().get("commitment").asText()))));
        JsonNode r = one(entries, "RandomnessRecorded");
        Instant deadline = Instant.parse(plan.revealDeadline());
        List<Reveal> reveals = new ArrayList<>();
        entries.stream().filter(s -> s.type().equals("SeedRevealed") && !s.signed().entry().time().isAfter(deadline))
                .forEach(s -> reveals.add(new Reveal(s.payload().get("partyId").asText(),
                        Hex.decode(s.payload().get("secret").asText()))));
        List<Recusal> recusals = new ArrayList<>();
        entries.stream().filter(s -> s.type().equals("InspectorRecused")).forEach(s -> recusals.add(new Recusal(
                s.payload().get("objectId").asText(), s.payload().get("officerId").asText(),
                s.payload().get("slot").asInt())));
        DrawResult result = Draw.run(new DrawInput(plan, population, roster, commitments,
                Randomness.drandQuicknet(r.get("round").asLong(), Hex.decode(r.get("signature").asText()),
                        Hex.decode(r.get("randomness").asText())), reveals, recusals));

        JsonNode drawn = one(entries, "DrawExecuted");
        assertThat(Hex.encode(result.seed())).isEqualTo(drawn.get("seed").asText());
        assertThat(result.targets()).hasSize(drawn.get("targets").size());
        for (int i = 0; i < result.targets().size(); i++) {
            DrawResult.Target t = result.targets().get(i);
            JsonNode rec = drawn.get("targets").get(i);
            // DrawExecuted schema 2: the stratum as the registry records the attribute (a confidential one committed)
            JsonNode stratum = RecordedStratum.of(fold.objects().get(t.entityId()), plan.stratifyBy(), t.stratum());
            assertThat(List.of(t.order(), t.entityId(), CanonicalJson.writeString(stratum), t.district(),
                    Hex.encode(t.ticket()))).isEqualTo(List.of(rec.get("order").asInt(), rec.get("entityId").asText(),
                    CanonicalJson.writeString(rec.get("stratum")), rec.get("district").asText(),
                    rec.get("ticket").asText()));
            if (RecordedStratum.confidential(plan.stratifyBy())) {
                assertThat(RecordedStratum.committed(rec.get("stratum"))).as("a confidential stratum is committed")
                        .isTrue();
                assertThat(open.apply(RecordedStratum.commitment(rec.get("stratum")))).contains(t.stratum());
            }
        }
        assertThat(result.teams()).hasSize(drawn.get("teams").size());
        for (int i = 0; i < result.teams().size(); i++) {
            DrawResult.Team t = result.teams().get(i);
            JsonNode rec = drawn.get("teams").get(i);
            assertThat(rec.get("entityId").asText()).isEqualTo(t.entityId());
            assertThat(t.slots()).hasSize(rec.get("slots").size());
            for (int s = 0; s < t.slots().size(); s++) {
                DrawResult.SlotAssignment a = t.slots().get(s);
                JsonNode rs = rec.get("slots").get(s);
                assertThat(rs.get("officerId").isNull() ? null : rs.get("officerId").asText()).isEqualTo(a.officerId());
                assertThat(rs.get("department").isNull() ? null : rs.get("department").asText()).isEqualTo(a.department());
                assertThat(rs.get("leader").asBoolean()).isEqualTo(a.leader());
                assertThat(rs.get("relaxationStep").asInt()).isEqualTo(a.relaxationStep());
            }
        }
        assertThat(drawn.get("unfilled").size()).isEqualTo(result.unfilledSlots().size());
        List<JsonNode> subs = entries.stream().filter(s -> s.type().equals("SubstituteAssigned")).map(Stored::payload)
                .toList();
        assertThat(subs).hasSize(result.substitutions().size());
        for (int i = 0; i < subs.size(); i++) {
            DrawResult.Substitution s = result.substitutions().get(i);
            JsonNode rec = subs.get(i);
            assertThat(rec.get("objectId").asText()).isEqualTo(s.entityId());
            assertThat(rec.get("slot").asInt()).isEqualTo(s.slot());
            assertThat(rec.get("officerId").isNull() ? null : rec.get("officerId").asText())
                    .isEqualTo(s.substituteOfficerId());
            assertThat(rec.get("relaxationStep").asInt()).isEqualTo(s.relaxationStep());
        }
        return population;
    }
}
