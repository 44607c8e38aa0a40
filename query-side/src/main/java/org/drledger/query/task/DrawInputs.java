package org.drledger.query.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.drledger.command.ledger.StoredEntry;
import org.drledger.core.bytes.Hex;
import org.drledger.core.draw.Commitment;
import org.drledger.core.draw.DrawInput;
import org.drledger.core.draw.DrawJson;
import org.drledger.core.draw.DrawPlan;
import org.drledger.core.draw.InspectionCount;
import org.drledger.core.draw.Population;
import org.drledger.core.draw.PopulationFreeze;
import org.drledger.core.draw.Randomness;
import org.drledger.core.draw.Recusal;
import org.drledger.core.draw.Reveal;
import org.drledger.core.draw.Roster;
import org.drledger.core.draw.RosterFreeze;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.registry.InspectionHistory;
import org.drledger.core.registry.RecordedStratum;
import org.drledger.core.registry.RegistryFold;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The {@code drl-draw-input/1} document of a task (docs/draw-spec.md §11.1, frozen form), which
 * {@code ledger-verifier draw} re-runs: the lists are recomputed with the kernel from the sealed entries below the
 * freeze position (as the command side did), the commitments, randomness, reveals dated by the deadline and
 * recusals come from the task view. The recomputed hashes must equal the recorded ones, else nothing is served.
 */
@Service
public class DrawInputs {
    /** Registry attributes a plan may stratify by that are public; any other (e.g. creditRiskClass) is confidential. */
    public static final Set<String> PUBLIC_STRATA = RecordedStratum.PUBLIC_ATTRIBUTES;
    private static final Set<String> TYPES = Set.of(RegistryFold.OBJECT_REGISTERED, RegistryFold.OBJECT_REVISED,
            RegistryFold.INSPECTOR_REGISTERED, RegistryFold.INSPECTOR_REVISED, InspectionHistory.TASK_PLANNED,
            InspectionHistory.DRAW_EXECUTED, InspectionHistory.DRAW_VOIDED);

    private final JdbcTemplate jdbc;

    DrawInputs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Why a draw input cannot be given. */
    public static final class Unavailable extends RuntimeException {
        private final String rule;

        Unavailable(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    /** Whether the task's population strata are public values (so the draw input may be public). */
    public boolean publicStrata(String taskId) {
        List<String> s = jdbc.queryForList("SELECT stratify_by FROM qtask_task WHERE task_id = ?", String.class, taskId);
        return !s.isEmpty() && PUBLIC_STRATA.contains(s.get(0));
    }

    /**
     * The input document; {@code open} opens a confidential stratum commitment (pass one that refuses for a public
     * download). Empty when the task is unknown.
     */
    public Optional<ObjectNode> of(String taskId, Function<String, Optional<String>> open) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT draw_plan_json, lead_department, freeze_json, "
                + "randomness_json FROM qtask_task WHERE task_id = ?", taskId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> t = rows.get(0);
        if (t.get("randomness_json") == null) {
            throw new Unavailable("no-randomness-yet", "the draw input is complete once the randomness is recorded");
        }
        DrawPlan plan = DrawPlan.fromJson(CanonicalJson.parse((String) t.get("draw_plan_json")));
        JsonNode freeze = CanonicalJson.parse((String) t.get("freeze_json"));
        long asOf = freeze.get("asOfLeaf").asLong();

        RegistryFold registry = new RegistryFold();
        InspectionHistory history = new InspectionHistory();
        String ledgerId = jdbc.queryForObject("SELECT ledger_id FROM ledger_info", String.class);
        jdbc.query("SELECT l.leaf_index, e.global_index, e.type, e.aggregate_identifier, e.sequence_number, "
                + "e.payload_type, e.payload_revision, e.payload, e.meta_data FROM merkle_leaf l "
                + "JOIN domain_event_entry e ON e.global_index = l.global_index WHERE l.leaf_index < ? "
                + "ORDER BY l.leaf_index", rs -> {
                    SignedEntry s = StoredEntry.rebuild(new StoredEntry.Row(rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getBytes(8),
                            rs.getBytes(9)), ledgerId);
                    String type = s.entry().type();
                    if (!TYPES.contains(type)) {
                        return;
                    }
                    if (RegistryFold.isRegistryEntry(type)) {
                        registry.accept(type, s.entry().payload());
                    } else {
                        history.accept(type, s.entry().payload());
                    }
                }, asOf);

        List<InspectionCount> counts = List.of();
        DrawPlan.FrequencyCap cap = plan.populationFilter().frequencyCap();
        if (cap != null) {
            Set<String> known = registry.objects().keySet();
            counts = new ArrayList<>();
            for (InspectionCount c : history.counts((String) t.get("lead_department"), cap.year(),
                    new HashSet<>(cap.exemptCategories()))) {
                if (known.contains(c.entityId())) { // as the freeze: a drawn target was in the registry when drawn
                    counts.add(c);
                }
            }
        }
        Population population = PopulationFreeze.freeze(plan, registry.entityRecords(plan.stratifyBy(), open), counts);
        Roster roster = RosterFreeze.freeze(plan, registry.officerRecords(), registry.declaredConflicts(), population);
        if (!Hex.encode(population.hash()).equals(freeze.get("popHash").asText())
                || !Hex.encode(roster.hash()).equals(freeze.get("rosterHash").asText())) {
            throw new IllegalStateException("task " + taskId + ": the recomputed lists do not give the recorded hashes");
        }

        Instant deadline = Instant.parse(plan.revealDeadline());
        List<Commitment> commitments = new ArrayList<>();
        List<Reveal> reveals = new ArrayList<>();
        jdbc.query("SELECT party_id, commitment, secret, revealed_at FROM qtask_party WHERE task_id = ? "
                + "ORDER BY party_id", rs -> {
                    commitments.add(new Commitment(rs.getString(1), Hex.decode(rs.getString(2))));
                    String secret = rs.getString(3);
                    if (secret != null && !Instant.parse(rs.getString(4)).isAfter(deadline)) {
                        reveals.add(new Reveal(rs.getString(1), Hex.decode(secret)));
                    }
                }, taskId);
        JsonNode r = CanonicalJson.parse((String) t.get("randomness_json"));
        Randomness randomness = r.hasNonNull("value")
                ? Randomness.cwlSsq(r.get("round").asLong(), r.get("value").asText())
                : Randomness.drandQuicknet(r.get("round").asLong(), Hex.decode(r.get("signature").asText()),
                        Hex.decode(r.get("randomness").asText()));
        List<Recusal> recusals = jdbc.query("SELECT entity_id, previous_officer_id, slot FROM qtask_change "
                        + "WHERE task_id = ? AND kind = 'RECUSAL' ORDER BY leaf_index",
                (rs, i) -> new Recusal(rs.getString(1), rs.getString(2), rs.getInt(3)), taskId);
        return Optional.of(DrawJson.input(new DrawInput(plan, population, roster, commitments, randomness, reveals,
                recusals)));
    }
}
