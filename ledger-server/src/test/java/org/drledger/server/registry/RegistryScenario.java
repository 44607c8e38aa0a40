package org.drledger.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.drledger.command.actor.Role;
import org.drledger.command.ledger.StoredEntry;
import org.drledger.command.sealer.MerkleStore;
import org.drledger.command.vault.Vault;
import org.drledger.core.entry.Commitments;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.registry.RegistryFold;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two registries on a running server, written once and run on H2 and PostgreSQL (subclasses): register and
 * revise over REST, import CSV files (in the request and as a job), and at two moments fold the registry from the
 * stored entries in leaf order with the kernel's {@link RegistryFold}: the result equals what the current-state
 * tables said at those moments, and the confidential risk class opens through the vault to what was imported.
 */
abstract class RegistryScenario extends RegistryTestSupport {
    private static final String ENTRY_ROWS = "SELECT e.global_index, e.type, e.aggregate_identifier, e.sequence_number, "
            + "e.payload_type, e.payload_revision, e.payload, e.meta_data FROM merkle_leaf l JOIN domain_event_entry e "
            + "ON e.aggregate_identifier = l.aggregate_identifier AND e.sequence_number = l.sequence_number "
            + "WHERE l.leaf_index < ? ORDER BY l.leaf_index";

    @Autowired
    MerkleStore merkle;
    @Autowired
    Vault vault;

    @Test
    void theRegistryAsOfALedgerPositionIsTheFoldOfItsEntriesAndMatchesTheTablesAtThatMoment() {
        String dept = department();
        TestUsers.Credentials clerk = user(dept, Role.DEPT_CLERK);

        // REST: an enterprise, a legacy code accepted on the clerk's word, a product, an inspector
        String a = RegistryFiles.uscc(1);
        String legacy = RegistryFiles.mistyped(2);
        Http.Response r = http.post("/api/registries/objects", clerk, Map.of("objectId", a, "objectType",
                "ENTERPRISE", "name", "资阳甲公司", "industry", "food", "district", "雁江区", "status", "ACTIVE",
                "creditRiskClass", "B", "registryDepartment", dept));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("idKind").asText()).isEqualTo("USCC");
        r = http.post("/api/registries/objects", clerk, Map.of("objectId", legacy, "acceptLegacy", true,
                "objectType", "ENTERPRISE", "name", "资阳乙公司", "industry", "food", "district", "雁江区",
                "status", "ACTIVE", "registryDepartment", dept));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("idWarning").asText()).isEqualTo("CHECK_CHARACTER_MISMATCH");
        r = http.post("/api/registries/objects", clerk, Map.of("objectType", "PRODUCT", "name", "散装白酒",
                "industry", "liquor", "district", "雁江区", "status", "ACTIVE", "registryDepartment", dept));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String product = r.json().get("objectId").asText();
        assertThat(product).startsWith("obj-");
        r = http.post("/api/registries/inspectors", clerk, Map.of("officerId", "O-1", "department", dept, "name",
                "王明", "certificateNo", "川执001", "certificateExpiry", "2027-06-30", "competentItems",
                List.of("A07-01"), "district", "雁江区", "status", "ACTIVE", "idCardNo", RegistryFiles.idCard(1),
                "phone", RegistryFiles.phone(1)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);

        // a revision, then the same revision again: the second writes nothing
        Map<String, Object> revised = new HashMap<>(Map.of("objectType", "ENTERPRISE", "name", "资阳甲公司",
                "industry", "food", "district", "雁江区", "status", "DEREGISTERED", "registryDepartment", dept));
        r = http.send("PUT", "/api/registries/objects/" + a, clerk, "application/json", Http.toJson(revised));
        assertThat(r.json().get("changed").asBoolean()).as(r.toString()).isTrue();
        long before = events();
        r = http.send("PUT", "/api/registries/objects/" + a, clerk, "application/json", Http.toJson(revised));
        assertThat(r.json().get("changed").asBoolean()).as(r.toString()).isFalse();
        assertThat(events()).isEqualTo(before);

        // CSV: ten enterprises (in the request) and two inspectors
        List<String> rows = RegistryFiles.objects(100, 10, dept);
        r = postCsv("objects", clerk, RegistryFiles.csv(RegistryFiles.OBJECT_HEADER, rows), "");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().at("/rows/written").asLong()).isEqualTo(10);
        r = postCsv("inspectors", clerk, RegistryFiles.csv(RegistryFiles.INSPECTOR_HEADER, List.of(
                RegistryFiles.inspector("O-2", dept, "A07-01;B02-01", a, 2),
                RegistryFiles.inspector("O-3", dept, "A07-01", "", 3))), "");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().at("/rows/written").asLong()).isEqualTo(2);

        Moment first = moment();

        // more changes: three risk classes and a name revised by a re-import as a job, a conflict declared
        List<String> changed = new ArrayList<>(rows);
        changed.set(0, RegistryFiles.object(RegistryFiles.uscc(100), "ENTERPRISE", "资阳测试企业100", "D", dept));
        changed.set(1, RegistryFiles.object(RegistryFiles.uscc(101), "ENTERPRISE", "资阳测试企业101", "A", dept));
        changed.set(2, RegistryFiles.object(RegistryFiles.uscc(102), "ENTERPRISE", "资阳测试企业102", "", dept));
        changed.set(3, RegistryFiles.object(RegistryFiles.uscc(103), "ENTERPRISE", "资阳测试企业壹零叁", "D", dept));
        changed.addAll(RegistryFiles.objects(200, 5, dept));
        r = postCsv("objects", clerk, RegistryFiles.csv(RegistryFiles.OBJECT_HEADER, changed), "async=true");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        JsonNode done = awaitImport(r.json().get("importId").asText(), clerk);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.at("/rows/written").asLong()).isEqualTo(4 + 5);
        assertThat(done.at("/rows/unchanged").asLong()).isEqualTo(6);
        r = http.send("PUT", "/api/registries/inspectors/O-1", clerk, "application/json", Http.toJson(Map.of(
                "department", dept, "name", "王明", "certificateNo", "川执001", "certificateExpiry", "2027-06-30",
                "competentItems", List.of("A07-01"), "district", "雁江区", "status", "ACTIVE", "conflicts",
                List.of(a, product))));
        assertThat(r.json().get("changed").asBoolean()).as(r.toString()).isTrue();

        Moment second = moment();
        assertThat(second.leaves()).isGreaterThan(first.leaves());
        assertThat(second.objects()).isNotEqualTo(first.objects());

        for (Moment m : List.of(first, second)) {
            RegistryFold fold = fold(m.leaves());
            assertThat(fold.objects()).isEqualTo(m.objects());
            assertThat(fold.inspectors()).isEqualTo(m.inspectors());
        }

        // the confidential class is a commitment that opens, through the vault, to what was imported
        RegistryFold now = fold(second.leaves());
        Map<String, String> strata = new TreeMap<>();
        now.objects().forEach((id, o) -> {
            if (Commitments.isCommitment(o.get("creditRiskClass"))) {
                strata.put(id, open(o.get("creditRiskClass").get(Commitments.FIELD).textValue()).orElseThrow());
            }
        });
        assertThat(strata).containsEntry(RegistryFiles.uscc(100), "D").containsEntry(RegistryFiles.uscc(101), "A")
                .containsEntry(RegistryFiles.uscc(104), "A").containsEntry(RegistryFiles.uscc(105), "B")
                .doesNotContainKey(RegistryFiles.uscc(102));
        assertThat(now.objects().get(RegistryFiles.uscc(102)).get("creditRiskClass").isNull()).isTrue();
        assertThat(now.declaredConflicts()).extracting(c -> c.officerId() + ">" + c.entityId())
                .contains("O-1>" + a, "O-1>" + product, "O-2>" + a);
        JsonNode payload = now.objects().get(a);
        assertThat(iterable(payload.fieldNames())).containsExactlyInAnyOrder("objectId", "idKind", "idWarning",
                "objectType", "name", "industry", "district", "address", "status", "creditRiskClass",
                "registryDepartment");
        assertThat(Commitments.isCommitment(payload.get("creditRiskClass"))).isTrue();
        JsonNode officer = now.inspectors().get("O-2");
        assertThat(iterable(officer.fieldNames())).containsExactlyInAnyOrder("officerId", "department", "name",
                "certificateNo", "certificateExpiry", "specialties", "competentItems", "district", "status",
                "assistEligible", "conflicts", "idCardNo", "phone");
        assertThat(Commitments.isCommitment(officer.get("idCardNo"))).isTrue();
        assertThat(Commitments.isCommitment(officer.get("phone"))).isTrue();
        assertThat(now.officerRecords()).hasSize(3);
    }

    record Moment(long leaves, Map<String, JsonNode> objects, Map<String, JsonNode> inspectors) {
    }

    /** Waits until every stored entry is a leaf, then reads the current-state tables. */
    private Moment moment() {
        long stored = events();
        await().atMost(Duration.ofSeconds(60)).until(() -> merkle.size() == stored);
        return new Moment(stored, table("SELECT object_id, state FROM registry_object"),
                table("SELECT officer_id, state FROM registry_inspector"));
    }

    private Map<String, JsonNode> table(String sql) {
        Map<String, JsonNode> out = new TreeMap<>();
        jdbc.query(sql, rs -> {
            out.put(rs.getString(1), CanonicalJson.parse(rs.getString(2).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        });
        return out;
    }

    private RegistryFold fold(long leaves) {
        String ledgerId = jdbc.queryForObject("SELECT ledger_id FROM ledger_info", String.class);
        RegistryFold fold = new RegistryFold();
        jdbc.query(ENTRY_ROWS, rs -> {
            SignedEntry e = StoredEntry.rebuild(new StoredEntry.Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getLong(4), rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getBytes(8)), ledgerId);
            fold.accept(e.entry().type(), e.entry().payload());
        }, leaves);
        return fold;
    }

    private Optional<String> open(String commitment) {
        return vault.open(commitment).map(JsonNode::textValue);
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
