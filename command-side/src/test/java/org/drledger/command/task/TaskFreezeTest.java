package org.drledger.command.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drledger.command.task.TaskFixtures.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drledger.command.task.TaskFreeze.LedgerRecord;
import org.drledger.core.draw.DrawPlan;
import org.drledger.core.draw.PopulationMember;
import org.drledger.core.registry.RegistryFormatException;
import org.junit.jupiter.api.Test;

/** The freeze as a pure function of the entries before {@code L} and the openings. */
class TaskFreezeTest {

    private static DrawPlan cappedPlan() {
        ObjectNode p = TaskFixtures.planJson();
        ((ObjectNode) p.get("populationFilter")).putObject("frequencyCap").put("maxPerYear", 1).put("year", 2023)
                .putArray("exemptCategories").add("COMPLAINT");
        return DrawPlan.fromJson(p);
    }

    private static ObjectNode taskPlanned(String taskId, String lead, String category, String from) {
        return json("{'taskId':'" + taskId + "','leadDepartment':'" + lead + "','category':'" + category + "',"
                + "'drawPlan':{'plannedDates':{'from':'" + from + "','to':'" + from + "'}}}");
    }

    private static ObjectNode drawExecuted(String taskId, String... targets) {
        StringBuilder t = new StringBuilder();
        for (String e : targets) {
            t.append(t.isEmpty() ? "" : ",").append("{'entityId':'").append(e).append("'}");
        }
        return json("{'taskId':'" + taskId + "','targets':[" + t + "]}");
    }

    private static List<String> ids(TaskFreeze.Frozen f) {
        return f.population().members().stream().map(PopulationMember::entityId).toList();
    }

    @Test
    void theSameEntriesAlwaysGiveTheSameListsAndHashes() {
        TaskFreeze.Frozen a = TaskFixtures.frozen();
        TaskFreeze.Frozen b = TaskFixtures.frozen();
        assertThat(a.popHash()).isEqualTo(b.popHash()).matches("[0-9a-f]{64}");
        assertThat(a.rosterHash()).isEqualTo(b.rosterHash());
        assertThat(ids(a)).containsExactly("E01", "E02", "E03", "E04", "E05", "E06"); // E07 is deregistered
        assertThat(a.roster().officers()).extracting(o -> o.officerId()).containsExactly("O1", "O2", "O3", "O4", "O6");
        assertThat(a.roster().conflicts()).singleElement().satisfies(c -> assertThat(c.entityId()).isEqualTo("E01"));
        assertThat(a.summary(40).countsByStratum()).extracting(TaskEvents.StratumCount::count).containsExactly(3L, 3L);
        assertThat(a.registryObjects()).isEqualTo(7);
        assertThat(a.registryInspectors()).isEqualTo(6);
    }

    @Test
    void onlyEntriesBeforeTheFreezePositionCount() {
        List<LedgerRecord> entries = new ArrayList<>(TaskFixtures.registry());
        long last = entries.get(entries.size() - 1).leafIndex();
        entries.add(new LedgerRecord(last + 1, "InspectionObjectRevised", TaskFixtures.entity("E02", "A", "REVOKED")));
        TaskFreeze.Frozen before = TaskFreeze.compute(last + 1, entries.subList(0, entries.size() - 1),
                TaskFixtures.plan(), "amr", TaskFixtures::open);
        TaskFreeze.Frozen after = TaskFreeze.compute(last + 2, entries, TaskFixtures.plan(), "amr", TaskFixtures::open);
        assertThat(ids(before)).contains("E02");
        assertThat(ids(after)).doesNotContain("E02");
        assertThat(before.popHash()).isEqualTo(TaskFixtures.frozen().popHash()).isNotEqualTo(after.popHash());
        TaskFreeze f = new TaskFreeze(last + 1);
        assertThatThrownBy(() -> f.accept(entries.get(entries.size() - 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void priorDrawsOfTheLeadDepartmentInTheCapYearExcludeEntitiesAtTheCap() {
        List<LedgerRecord> entries = new ArrayList<>(TaskFixtures.registry());
        long leaf = 100;
        entries.add(new LedgerRecord(leaf++, "TaskPlanned", taskPlanned("old-1", "amr", "ROUTINE", "2023-03-01")));
        entries.add(new LedgerRecord(leaf++, "DrawExecuted", drawExecuted("old-1", "E01", "E04")));
        // exempt category, other department, other year, voided: none of them count
        entries.add(new LedgerRecord(leaf++, "TaskPlanned", taskPlanned("old-2", "amr", "COMPLAINT", "2023-04-01")));
        entries.add(new LedgerRecord(leaf++, "DrawExecuted", drawExecuted("old-2", "E02")));
        entries.add(new LedgerRecord(leaf++, "TaskPlanned", taskPlanned("old-3", "env", "ROUTINE", "2023-04-01")));
        entries.add(new LedgerRecord(leaf++, "DrawExecuted", drawExecuted("old-3", "E03")));
        entries.add(new LedgerRecord(leaf++, "TaskPlanned", taskPlanned("old-4", "amr", "ROUTINE", "2022-04-01")));
        entries.add(new LedgerRecord(leaf++, "DrawExecuted", drawExecuted("old-4", "E05")));
        entries.add(new LedgerRecord(leaf++, "TaskPlanned", taskPlanned("old-5", "amr", "ROUTINE", "2023-05-01")));
        entries.add(new LedgerRecord(leaf++, "DrawExecuted", drawExecuted("old-5", "E06")));
        entries.add(new LedgerRecord(leaf++, "DrawVoided", json("{'taskId':'old-5','reason':'r','approver':'a'}")));
        entries.add(new LedgerRecord(leaf++, "ChecklistPublished", json("{'listId':'x'}")));
        TaskFreeze.Frozen f = TaskFreeze.compute(leaf, entries, cappedPlan(), "amr", TaskFixtures::open);
        assertThat(ids(f)).containsExactly("E02", "E03", "E05", "E06");
        assertThat(f.cappedEntities()).isEqualTo(2);
        assertThat(f.priorInspections()).extracting(c -> c.entityId() + "=" + c.count()).containsExactly("E01=1", "E04=1");
        // the conflict (O1, E01) is dropped with E01
        assertThat(f.roster().conflicts()).isEmpty();
    }

    @Test
    void confidentialStrataAreOpenedThroughTheVaultOrTheFreezeRefuses() {
        String c = "ab".repeat(32);
        List<LedgerRecord> entries = new ArrayList<>(TaskFixtures.registry());
        ObjectNode secret = TaskFixtures.entity("E08", "A", "ACTIVE");
        secret.putObject("creditRiskClass").put("drl:commit", c);
        entries.add(new LedgerRecord(200, "InspectionObjectRegistered", secret));
        TaskFreeze.Frozen f = TaskFreeze.compute(201, entries, TaskFixtures.plan(), "amr",
                k -> Optional.ofNullable(Map.of(c, "B").get(k)).or(() -> TaskFixtures.open(k)));
        assertThat(f.population().members()).filteredOn(m -> m.entityId().equals("E08"))
                .singleElement().satisfies(m -> assertThat(m.stratum()).isEqualTo("B"));
        assertThatThrownBy(() -> TaskFreeze.compute(201, entries, TaskFixtures.plan(), "amr", k -> Optional.empty()))
                .isInstanceOfSatisfying(RegistryFormatException.class,
                        e -> assertThat(e.rule()).isEqualTo("unopened-commitment"));
    }
}
