package org.drledger.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.drledger.core.draw.Conflict;
import org.drledger.core.draw.EntityRecord;
import org.drledger.core.draw.InspectionCount;
import org.drledger.core.json.CanonicalJson;
import org.junit.jupiter.api.Test;

class RegistryFoldTest {
    private static ObjectNode json(String s) {
        return (ObjectNode) CanonicalJson.parse(s.replace('\'', '"'));
    }

    private static ObjectNode object(String id, String status, String risk) {
        return json("{'objectId':'" + id + "','idKind':'USCC','objectType':'ENTERPRISE','name':'n','industry':'food',"
                + "'district':'D1','address':'a','status':'" + status + "','creditRiskClass':" + risk
                + ",'registryDepartment':'scjgj'}");
    }

    private static ObjectNode inspector(String id, String conflicts) {
        return json("{'officerId':'" + id + "','department':'scjgj','name':'王','certificateNo':'C1',"
                + "'certificateExpiry':'2027-06-30','specialties':[],'competentItems':['A07-01'],'district':'D2',"
                + "'status':'ACTIVE','assistEligible':false,'conflicts':" + conflicts + "}");
    }

    @Test
    void theRegistryAsOfAPositionIsTheLastStateOfEachStreamBeforeIt() {
        RegistryFold fold = new RegistryFold();
        fold.accept(RegistryFold.OBJECT_REGISTERED, object("E2", "ACTIVE", "'B'"));
        fold.accept(RegistryFold.OBJECT_REGISTERED, object("E1", "ACTIVE", "'A'"));
        fold.accept("ChecklistItemRevised", json("{'code':'x'}"));
        fold.accept(RegistryFold.OBJECT_REVISED, object("E2", "DEREGISTERED", "'B'"));
        assertThat(fold.objects().keySet()).containsExactly("E1", "E2");
        assertThat(fold.entityRecords("creditRiskClass", c -> Optional.empty())).containsExactly(
                new EntityRecord("E1", "ENTERPRISE", "D1", "food", "A", "ACTIVE"),
                new EntityRecord("E2", "ENTERPRISE", "D1", "food", "B", "DEREGISTERED"));
    }

    @Test
    void aConfidentialStratumIsOpenedOrTheFoldRefuses() {
        RegistryFold fold = new RegistryFold();
        fold.accept(RegistryFold.OBJECT_REGISTERED, object("E1", "ACTIVE", "{'drl:commit':'" + "ab".repeat(32) + "'}"));
        assertThat(fold.entityRecords("creditRiskClass", c -> c.equals("ab".repeat(32)) ? Optional.of("C") : Optional.empty()))
                .extracting(EntityRecord::stratum).containsExactly("C");
        assertThat(fold.entityRecords("", c -> Optional.empty())).extracting(EntityRecord::stratum).containsExactly("");
        assertThatThrownBy(() -> fold.entityRecords("creditRiskClass", c -> Optional.empty()))
                .isInstanceOfSatisfying(RegistryFormatException.class,
                        e -> assertThat(e.rule()).isEqualTo("unopened-commitment"));
    }

    @Test
    void officersAndTheirDeclaredConflictsComeFromTheInspectorRegistry() {
        RegistryFold fold = new RegistryFold();
        fold.accept(RegistryFold.INSPECTOR_REGISTERED, inspector("O1", "['E9']"));
        fold.accept(RegistryFold.INSPECTOR_REVISED, inspector("O1", "['E1','E2']"));
        assertThat(fold.officerRecords()).singleElement().satisfies(o -> {
            assertThat(o.officerId()).isEqualTo("O1");
            assertThat(o.items()).containsExactly("A07-01");
            assertThat(o.cap()).isNull();
        });
        assertThat(fold.declaredConflicts()).containsExactly(new Conflict("O1", "E1"), new Conflict("O1", "E2"));
    }

    @Test
    void malformedPayloadsAreTypedErrors() {
        RegistryFold fold = new RegistryFold();
        assertThatThrownBy(() -> fold.accept(RegistryFold.OBJECT_REGISTERED, json("{'name':'x'}")))
                .isInstanceOf(RegistryFormatException.class);
        fold.accept(RegistryFold.INSPECTOR_REGISTERED, json("{'officerId':'O1','certificateExpiry':'30/06/2027'}"));
        assertThatThrownBy(fold::officerRecords).isInstanceOfSatisfying(RegistryFormatException.class,
                e -> assertThat(e.rule()).isIn("bad-date", "missing-field"));
    }

    @Test
    void inspectionsCountPerAgencyYearAndNonExemptCategoryAndVoidedDrawsDoNotCount() {
        InspectionHistory h = new InspectionHistory();
        h.accept("TaskPlanned", task("T1", "scjgj", "ROUTINE", "2026-03-01"));
        h.accept("TaskPlanned", task("T2", "scjgj", "CASE", "2026-04-01"));
        h.accept("TaskPlanned", task("T3", "wjw", "ROUTINE", "2026-04-01"));
        h.accept("TaskPlanned", task("T4", "scjgj", "ROUTINE", "2025-04-01"));
        h.accept("TaskPlanned", task("T5", "scjgj", "ROUTINE", "2026-05-01"));
        for (String t : List.of("T1", "T2", "T3", "T4", "T5")) {
            h.accept("DrawExecuted", json("{'taskId':'" + t + "','targets':[{'entityId':'E1'},{'entityId':'E2'}]}"));
        }
        h.accept("DrawVoided", json("{'taskId':'T5'}"));
        assertThat(h.counts("scjgj", 2026, Set.of("CASE")))
                .containsExactly(new InspectionCount("E1", 1), new InspectionCount("E2", 1));
        assertThat(h.counts("scjgj", 2026, Set.of())).containsExactly(new InspectionCount("E1", 2), new InspectionCount("E2", 2));
    }

    private static JsonNode task(String id, String lead, String category, String from) {
        return json("{'taskId':'" + id + "','leadDepartment':'" + lead + "','category':'" + category
                + "','drawPlan':{'plannedDates':{'from':'" + from + "','to':'" + from + "'}}}");
    }

}
