package org.drledger.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.drledger.query.audit.AuditReferences;
import org.drledger.query.audit.AuditReferences.Reference;
import org.drledger.query.audit.AuditReferences.References;
import org.junit.jupiter.api.Test;

/** Which tasks, entities and officers an entry names: from its stream id and its payload (docs/workflow.md). */
class AuditReferencesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    private static References of(String stream, String payload) throws Exception {
        return AuditReferences.of(stream, json(payload));
    }

    @Test
    void aResultStreamNamesItsTaskAndEntity() throws Exception {
        References r = of("result:t-1:91510100MA61234567:J01-01", "{\"taskId\":\"t-1\",\"objectId\":"
                + "\"91510100MA61234567\",\"itemCode\":\"J01-01\",\"enteredBy\":\"u-3\"}");
        assertThat(r.taskId()).isEqualTo("t-1");
        assertThat(r.entityId()).isEqualTo("91510100MA61234567");
        assertThat(r.officerId()).isNull();
        assertThat(r.all()).containsExactly(new Reference("entity", "91510100MA61234567"), new Reference("task", "t-1"));
    }

    @Test
    void registryStreamsNameTheirEntityOrOfficer() throws Exception {
        assertThat(of("entity:91510100MA61234567", "{\"objectId\":\"91510100MA61234567\",\"name\":\"某公司\"}")
                .entityId()).isEqualTo("91510100MA61234567");
        References officer = of("inspector:SC001", "{\"officerId\":\"SC001\",\"conflicts\":[\"9151\"],"
                + "\"idCardNo\":{\"drl:commit\":\"ab\"}}");
        assertThat(officer.officerId()).isEqualTo("SC001");
        assertThat(officer.entityId()).isNull();
        assertThat(officer.all()).containsExactly(new Reference("officer", "SC001"));
    }

    @Test
    void aDrawNamesEveryTargetAndTeamMemberButOnlyItsTaskAsItsOwn() throws Exception {
        References r = of("task:t-9", "{\"taskId\":\"t-9\",\"targets\":[{\"entityId\":\"E1\"},{\"entityId\":\"E2\"}],"
                + "\"teams\":[{\"entityId\":\"E1\",\"slots\":[{\"officerId\":\"SC001\"},{\"officerId\":\"HJ002\"}]}]}");
        assertThat(r.taskId()).isEqualTo("t-9");
        assertThat(r.entityId()).isNull();
        assertThat(r.officerId()).isNull();
        assertThat(r.all()).containsExactly(new Reference("entity", "E1"), new Reference("entity", "E2"),
                new Reference("officer", "HJ002"), new Reference("officer", "SC001"), new Reference("task", "t-9"));
    }

    @Test
    void aRecusalNamesTheRecusedOfficerTheSubstituteAndTheEntity() throws Exception {
        References recusal = of("task:t-9", "{\"taskId\":\"t-9\",\"objectId\":\"E1\",\"officerId\":\"SC001\","
                + "\"reason\":\"近亲属\"}");
        assertThat(List.of(recusal.taskId(), recusal.entityId(), recusal.officerId()))
                .containsExactly("t-9", "E1", "SC001");
        References substitute = of("task:t-9", "{\"taskId\":\"t-9\",\"objectId\":\"E1\",\"officerId\":\"SC004\","
                + "\"recusedOfficerId\":\"SC001\"}");
        assertThat(substitute.officerId()).isEqualTo("SC004");
        assertThat(substitute.all()).contains(new Reference("officer", "SC001"), new Reference("officer", "SC004"));
        References adjusted = of("task:t-9", "{\"objectId\":\"E1\",\"slot\":2,\"previousOfficerId\":\"HJ002\","
                + "\"officerId\":\"HJ003\"}");
        assertThat(adjusted.all()).contains(new Reference("officer", "HJ002"), new Reference("officer", "HJ003"));
    }

    @Test
    void entriesNamingNothingHaveNoReferences() throws Exception {
        References r = of("checklist:scjg-list", "{\"listId\":\"scjg-list\",\"version\":1,\"taskId\":null,"
                + "\"objectId\":\"\"}");
        assertThat(r.taskId()).isNull();
        assertThat(r.entityId()).isNull();
        assertThat(r.all()).isEmpty();
        assertThat(AuditReferences.of("plan:2023:district", null).all()).isEmpty();
        assertThat(AuditReferences.of("result:malformed", json("{}")).all()).isEmpty();
    }
}
