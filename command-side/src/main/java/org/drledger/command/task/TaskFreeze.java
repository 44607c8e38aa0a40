package org.drledger.command.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.drledger.command.task.TaskCommands.Freeze;
import org.drledger.command.task.TaskEvents.StratumCount;
import org.drledger.core.bytes.Hex;
import org.drledger.core.draw.DrawPlan;
import org.drledger.core.draw.EntityRecord;
import org.drledger.core.draw.InspectionCount;
import org.drledger.core.draw.Population;
import org.drledger.core.draw.PopulationFreeze;
import org.drledger.core.draw.Roster;
import org.drledger.core.draw.RosterFreeze;
import org.drledger.core.registry.InspectionHistory;
import org.drledger.core.registry.RegistryFold;

/**
 * The population and roster of a task as of ledger position {@code L}: a pure function of the ledger entries with
 * leaf index below {@code L} (in leaf order) and the openings of confidential stratum values, so that the server at
 * freeze time, the server at draw time and a verifier later compute exactly the same lists. Registry entries are
 * folded by the kernel {@link RegistryFold}; prior inspections against the frequency cap come from the kernel
 * {@link InspectionHistory} over the task entries (capping agency = the task's lead department, the cap's year,
 * minus the plan's exempt categories); then the kernel {@link PopulationFreeze} and {@link RosterFreeze}. Not
 * thread-safe; one instance per computation.
 */
public final class TaskFreeze {
    /** One ledger entry as the freeze reads it: its leaf index, entry type and canonical payload. */
    public record LedgerRecord(long leafIndex, String type, JsonNode payload) {
    }

    /** The frozen lists and the counts recorded in {@code PopulationFrozen}. */
    public record Frozen(Population population, Roster roster, List<InspectionCount> priorInspections,
                         int registryObjects, int registryInspectors, long cappedEntities,
                         Map<String, JsonNode> objects) {
        public String popHash() {
            return Hex.encode(population.hash());
        }

        public String rosterHash() {
            return Hex.encode(roster.hash());
        }

        /** {@code objects}: the registry's objects as of {@code L} (object id to its last payload). */
        public Frozen {
            objects = java.util.Collections.unmodifiableMap(objects);
        }

        /** The summary the {@code FreezePopulation} command carries. */
        public Freeze summary(long asOfLeaf) {
            List<StratumCount> counts = new ArrayList<>();
            population.countsByStratum().forEach((s, n) -> counts.add(new StratumCount(s, n)));
            return new Freeze(asOfLeaf, popHash(), population.size(), counts, rosterHash(), roster.officers().size(),
                    roster.conflicts().size(), roster.assistCount(), registryObjects, registryInspectors,
                    cappedEntities);
        }
    }

    /** Entry types the freeze reads: the registries' and the task entries that count against the frequency cap. */
    public static final Set<String> TYPES = Set.of(RegistryFold.OBJECT_REGISTERED, RegistryFold.OBJECT_REVISED,
            RegistryFold.INSPECTOR_REGISTERED, RegistryFold.INSPECTOR_REVISED, InspectionHistory.TASK_PLANNED,
            InspectionHistory.DRAW_EXECUTED, InspectionHistory.DRAW_VOIDED);

    private final long asOfLeaf;
    private final RegistryFold registry = new RegistryFold();
    private final InspectionHistory history = new InspectionHistory();
    private long lastLeaf = -1;

    public TaskFreeze(long asOfLeaf) {
        this.asOfLeaf = asOfLeaf;
    }

    /** Feeds the next entry; entries must come in leaf order, and none at or after {@code L}. */
    public void accept(LedgerRecord r) {
        if (r.leafIndex() <= lastLeaf || r.leafIndex() >= asOfLeaf) {
            throw new IllegalArgumentException("leaf " + r.leafIndex() + " out of order or not before " + asOfLeaf);
        }
        lastLeaf = r.leafIndex();
        if (RegistryFold.isRegistryEntry(r.type())) {
            registry.accept(r.type(), r.payload());
        } else {
            history.accept(r.type(), r.payload());
        }
    }

    /**
     * The lists for {@code plan} of a task led by {@code leadDepartment}; {@code open} maps a commitment hex to the
     * opened value of a confidential stratum attribute. Throws the kernel's format exceptions on bad registry data.
     */
    public Frozen freeze(DrawPlan plan, String leadDepartment, Function<String, Optional<String>> open) {
        List<EntityRecord> entities = registry.entityRecords(plan.stratifyBy(), open);
        List<InspectionCount> counts = List.of();
        long capped = 0;
        DrawPlan.FrequencyCap cap = plan.populationFilter().frequencyCap();
        if (cap != null) {
            Set<String> known = registry.objects().keySet();
            counts = new ArrayList<>();
            for (InspectionCount c : history.counts(leadDepartment, cap.year(), new HashSet<>(cap.exemptCategories()))) {
                if (known.contains(c.entityId())) { // a drawn target was in the registry when it was drawn
                    counts.add(c);
                }
            }
        }
        Population population = PopulationFreeze.freeze(plan, entities, counts);
        if (cap != null && counts.stream().anyMatch(c -> c.count() >= cap.maxPerYear())) {
            capped = PopulationFreeze.freeze(plan, entities, List.of()).size() - population.size();
        }
        Roster roster = RosterFreeze.freeze(plan, registry.officerRecords(), registry.declaredConflicts(), population);
        return new Frozen(population, roster, List.copyOf(counts), registry.objects().size(),
                registry.inspectors().size(), capped, registry.objects());
    }

    /** The whole computation over a list of entries (every entry before {@code asOfLeaf}, in leaf order). */
    public static Frozen compute(long asOfLeaf, Iterable<LedgerRecord> entries, DrawPlan plan, String leadDepartment,
                                 Function<String, Optional<String>> open) {
        TaskFreeze f = new TaskFreeze(asOfLeaf);
        for (LedgerRecord r : entries) {
            if (TYPES.contains(r.type())) {
                f.accept(r);
            }
        }
        return f.freeze(plan, leadDepartment, open);
    }
}
