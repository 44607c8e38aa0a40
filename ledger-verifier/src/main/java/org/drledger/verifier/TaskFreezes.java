package org.drledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.drledger.core.draw.DrawPlan;
import org.drledger.core.draw.InspectionCount;
import org.drledger.core.draw.Population;
import org.drledger.core.draw.PopulationFreeze;
import org.drledger.core.draw.Roster;
import org.drledger.core.draw.RosterFreeze;
import org.drledger.core.registry.InspectionHistory;
import org.drledger.core.registry.RegistryFold;

/**
 * The population and roster of every task as of its freeze position {@code L}, re-derived in one pass over the
 * ledger's entries in leaf order (docs/workflow.md §4 "Freeze"): the registries are the kernel {@link RegistryFold}
 * of the entries before {@code L}, prior inspections the kernel {@link InspectionHistory} over the same entries
 * (agency = the task's lead department, the cap's year, minus the plan's exempt categories, only objects in the
 * registry), then the kernel {@link PopulationFreeze} and {@link RosterFreeze}. The server composes the same kernel
 * calls in the same way; nothing here re-implements them. Memory: one registry state.
 */
final class TaskFreezes {
    /**
     * A task to freeze: its plan and lead department, and where; {@code targets}: the drawn objects whose registry
     * state as of the freeze is kept (to check what the draw recorded of them even when the lists cannot be computed).
     */
    record Request(String taskId, long asOfLeaf, DrawPlan plan, String leadDepartment, Set<String> targets) {
        Request(String taskId, long asOfLeaf, DrawPlan plan, String leadDepartment) {
            this(taskId, asOfLeaf, plan, leadDepartment, Set.of());
        }
    }

    /**
     * The lists and the counts a {@code PopulationFrozen} entry records; or why they could not be computed. {@code
     * targetObjects}: the registry payload, as of the freeze, of each requested target found in the registry (also
     * when the lists are unavailable, unless the registry itself could not be folded).
     */
    record Frozen(Population population, Roster roster, int registryObjects, int registryInspectors,
                  long cappedEntities, String unavailable, Map<String, JsonNode> targetObjects) {
    }

    /** Entry types the freeze reads. */
    static final Set<String> TYPES = Set.of(RegistryFold.OBJECT_REGISTERED, RegistryFold.OBJECT_REVISED,
            RegistryFold.INSPECTOR_REGISTERED, RegistryFold.INSPECTOR_REVISED, InspectionHistory.TASK_PLANNED,
            InspectionHistory.DRAW_EXECUTED, InspectionHistory.DRAW_VOIDED);

    private final TreeMap<Long, List<Request>> pending = new TreeMap<>();
    private final Map<String, Frozen> results = new TreeMap<>();
    private final Function<String, Optional<String>> open;
    private final RegistryFold registry = new RegistryFold();
    private final InspectionHistory history = new InspectionHistory();
    private String brokenRegistry;

    TaskFreezes(List<Request> requests, Function<String, Optional<String>> open) {
        this.open = open;
        requests.forEach(r -> pending.computeIfAbsent(r.asOfLeaf(), k -> new ArrayList<>()).add(r));
    }

    boolean done() {
        return pending.isEmpty();
    }

    /** Feeds the next entry in leaf order (any type; others are skipped). */
    void accept(long leaf, String type, JsonNode payload) {
        freezeBefore(leaf);
        if (!TYPES.contains(type) || brokenRegistry != null) {
            return;
        }
        try {
            if (RegistryFold.isRegistryEntry(type)) {
                registry.accept(type, payload);
            } else {
                history.accept(type, payload);
            }
        } catch (org.drledger.core.FormatException e) {
            brokenRegistry = "the entry at leaf " + leaf + " cannot be folded: " + e.getMessage();
        }
    }

    /** After the last entry: freezes what is left (a position beyond the log freezes the whole log, flagged). */
    Map<String, Frozen> finish(long logSize) {
        for (List<Request> rs : pending.values()) {
            for (Request r : rs) {
                results.put(r.taskId(), r.asOfLeaf() > logSize
                        ? unavailable("the freeze position " + r.asOfLeaf() + " is beyond the log's " + logSize
                        + " entries") : freeze(r));
            }
        }
        pending.clear();
        return results;
    }

    private void freezeBefore(long leaf) {
        while (!pending.isEmpty() && pending.firstKey() <= leaf) {
            for (Request r : pending.pollFirstEntry().getValue()) {
                results.put(r.taskId(), freeze(r));
            }
        }
    }

    private static Frozen unavailable(String why) {
        return new Frozen(null, null, 0, 0, 0, why, Map.of());
    }

    private Frozen freeze(Request r) {
        if (brokenRegistry != null) {
            return unavailable(brokenRegistry);
        }
        Map<String, JsonNode> targets = new TreeMap<>();
        for (String id : r.targets()) {
            JsonNode o = registry.objects().get(id);
            if (o != null) {
                targets.put(id, o);
            }
        }
        try {
            DrawPlan plan = r.plan();
            var entities = registry.entityRecords(plan.stratifyBy(), open);
            List<InspectionCount> counts = List.of();
            long capped = 0;
            DrawPlan.FrequencyCap cap = plan.populationFilter().frequencyCap();
            if (cap != null) {
                Set<String> known = registry.objects().keySet();
                counts = new ArrayList<>();
                for (InspectionCount c : history.counts(r.leadDepartment(), cap.year(),
                        new HashSet<>(cap.exemptCategories()))) {
                    if (known.contains(c.entityId())) {
                        counts.add(c);
                    }
                }
            }
            Population population = PopulationFreeze.freeze(plan, entities, counts);
            if (cap != null && counts.stream().anyMatch(c -> c.count() >= cap.maxPerYear())) {
                capped = PopulationFreeze.freeze(plan, entities, List.of()).size() - population.size();
            }
            Roster roster = RosterFreeze.freeze(plan, registry.officerRecords(), registry.declaredConflicts(),
                    population);
            return new Frozen(population, roster, registry.objects().size(), registry.inspectors().size(), capped,
                    null, targets);
        } catch (org.drledger.core.FormatException e) {
            return new Frozen(null, null, 0, 0, 0, e.rule().equals("unopened-commitment")
                    ? "the plan stratifies by a confidential attribute and this bundle holds no openings ("
                    + e.getMessage() + "); an auditor-full bundle can re-derive it"
                    : "the registries as of leaf " + r.asOfLeaf() + " cannot be frozen for this plan: "
                    + e.getMessage(), targets);
        }
    }
}
