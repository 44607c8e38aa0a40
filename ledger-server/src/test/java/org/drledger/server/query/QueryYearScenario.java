package org.drledger.server.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.drledger.command.actor.Role;
import org.drledger.command.sealer.CheckpointService;
import org.drledger.command.sealer.CheckpointStore;
import org.drledger.core.bytes.Hex;
import org.drledger.core.checkpoint.NoteKey;
import org.drledger.core.checkpoint.NoteVerifier;
import org.drledger.core.checkpoint.SignedNote;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.merkle.InclusionProof;
import org.drledger.core.merkle.MerkleHasher;
import org.drledger.core.merkle.MerkleProofJson;
import org.drledger.core.merkle.MerkleVerifier;
import org.drledger.server.registry.RegistryFiles;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.LedgerReplay;
import org.drledger.server.testing.TestUsers;
import org.drledger.query.projection.Projection;
import org.drledger.query.projection.ProjectionRunner;
import org.drledger.query.projection.ViewDigests;
import org.drledger.server.e2e.DistrictYearScenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The query side over a whole district year (the e2e scenario's entries, driven once per database): rebuilding
 * every view reproduces it row for row. Every {@link Projection} bean in the context is covered, so views added
 * later are checked without changing this test. Written once, run on H2 and PostgreSQL.
 */
public abstract class QueryYearScenario extends DistrictYearScenario {
    private static final Set<Class<?>> YEAR_DRIVEN = ConcurrentHashMap.newKeySet();

    @Autowired
    protected ProjectionRunner runner;
    @Autowired
    protected ViewDigests digests;
    @Autowired
    ApplicationContext context;
    @Autowired
    CheckpointService checkpointService;
    @Autowired
    CheckpointStore checkpointStore;
    @Autowired
    CryptoSuite ledgerSuite;

    /** Not a test here: {@link #yearOnce()} drives it once for all tests of a database. */
    @Override
    public void aYearOfTheDistrictFromListsToPublicationIsRecomputableFromTheLedgerAlone() {
        super.aYearOfTheDistrictFromListsToPublicationIsRecomputableFromTheLedgerAlone();
    }

    /** Drives the district's year on this database once, then waits until every view reflects every entry. */
    protected void yearOnce() {
        if (YEAR_DRIVEN.add(getClass())) {
            aYearOfTheDistrictFromListsToPublicationIsRecomputableFromTheLedgerAlone();
        }
        caughtUp();
    }

    /** Waits for the sealer to seal every stored event and the views to reflect every leaf. */
    protected void caughtUp() {
        long n = events();
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.logSize() >= n);
        await().atMost(Duration.ofSeconds(60)).until(() -> runner.position() >= runner.logSize() - 1);
    }

    @Test
    void rebuildingEveryViewReproducesItRowForRow() {
        yearOnce();
        assertThat(runner.projections()).as("the runner feeds every Projection bean")
                .containsExactlyInAnyOrderElementsOf(context.getBeansOfType(Projection.class).values());
        Map<String, String> before = digests.of(runner.projections());
        long size = runner.logSize();

        ProjectionRunner.Rebuild done = runner.rebuild();

        assertThat(done.error()).isNull();
        assertThat(done.running()).isFalse();
        assertThat(done.applied()).isEqualTo(size);
        assertThat(done.target()).isEqualTo(size);
        assertThat(runner.position()).isEqualTo(size - 1);
        assertThat(digests.of(runner.projections())).isEqualTo(before);
        for (Projection p : runner.projections()) {
            for (String table : p.tables()) {
                assertThat(before).containsKey(table);
            }
        }
    }

    // ---- the audit trail ----

    private static JsonNode ok(Http.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r.json();
    }

    /** Every leaf index the trail returns for a query, walking the pages by keyset. */
    private List<Long> leaves(String query, TestUsers.Credentials who) {
        List<Long> out = new ArrayList<>();
        String after = "";
        while (true) {
            JsonNode page = ok(http.get("/api/audit?size=7&" + query + after, who), 200);
            page.get("items").forEach(i -> out.add(i.get("leafIndex").asLong()));
            if (page.get("nextAfter").isNull()) {
                return out;
            }
            after = "&after=" + page.get("nextAfter").asLong();
        }
    }

    private JsonNode only(String query, TestUsers.Credentials who) {
        JsonNode page = ok(http.get("/api/audit?" + query, who), 200);
        assertThat(page.get("items")).as(query).hasSize(1);
        return page.get("items").get(0);
    }

    @Test
    void theTrailHasEveryEntryOnceAndAnswersEverythingAUserDidIn2023() {
        yearOnce();
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        List<LedgerReplay.Stored> ledger = LedgerReplay.read(jdbc, ledgerSuite);
        assertThat(ok(http.get("/api/audit?size=1", auditor), 200).get("total").asLong()).isEqualTo(ledger.size());
        assertThat(leaves("", auditor)).isEqualTo(ledger.stream().map(LedgerReplay.Stored::leaf).toList());

        // "everything officer X's user did in 2023": the approver who recorded the recusal
        JsonNode recusal = only("eventType=InspectorRecused", auditor);
        String user = recusal.get("user").asText();
        ZoneId china = ZoneId.of("Asia/Shanghai");
        List<Long> expected = ledger.stream().filter(e -> e.signed().entry().actor().user().equals(user))
                .filter(e -> e.signed().entry().time().atZone(china).getYear() == 2023)
                .map(LedgerReplay.Stored::leaf).toList();
        assertThat(expected).hasSizeGreaterThan(3);
        assertThat(leaves("actor=" + user + "&from=2023-01-01&to=2023-12-31", auditor)).isEqualTo(expected);
        assertThat(leaves("actor=" + user + "&from=2024-01-01", auditor)).isEmpty();
        LocalDate drawDay = LocalDate.of(2023, 8, 23);
        assertThat(leaves("actor=" + user + "&from=" + drawDay + "&to=" + drawDay, auditor))
                .isEqualTo(ledger.stream().filter(e -> e.signed().entry().actor().user().equals(user))
                        .filter(e -> e.signed().entry().time().atZone(china).toLocalDate().equals(drawDay))
                        .map(LedgerReplay.Stored::leaf).toList());

        // an officer: registered, drawn, recused, and named by the substitution
        String officer = recusal.get("officerId").asText();
        Set<String> types = new LinkedHashSet<>();
        for (long leaf : leaves("officer=" + officer, auditor)) {
            types.add(ledger.get((int) leaf).type());
        }
        assertThat(types).contains("InspectorRegistered", "DrawExecuted", "InspectorRecused", "SubstituteAssigned");

        // a task: every entry of its stream and of its results' streams
        String task = recusal.get("taskId").asText();
        List<Long> ofTask = leaves("task=" + task, auditor);
        assertThat(ofTask).containsAll(ledger.stream().filter(e -> e.streamId().equals("task:" + task)
                || e.streamId().startsWith("result:" + task + ":")).map(LedgerReplay.Stored::leaf).toList());
        // an entity (USCC): its registration, the draw that picked it, the recusal at it, its result
        String entity = recusal.get("entityId").asText();
        Set<String> entityTypes = new LinkedHashSet<>();
        leaves("entity=" + entity, auditor).forEach(l -> entityTypes.add(ledger.get(l.intValue()).type()));
        assertThat(entityTypes).contains("InspectionObjectRegistered", "DrawExecuted", "InspectorRecused",
                "ResultEntered");
        // offset paging gives the same rows as keyset paging
        JsonNode second = ok(http.get("/api/audit?task=" + task + "&page=1&size=3", auditor), 200);
        assertThat(second.get("items").get(0).get("leafIndex").asLong()).isEqualTo(ofTask.get(3));
    }

    @Test
    void departmentUsersReadOnlyTheirOwnDepartmentsEntries() {
        yearOnce();
        String department = only("eventType=InspectorRecused", user(office, Role.AUDITOR)).get("department").asText();
        TestUsers.Credentials clerk = user(department, Role.DEPT_CLERK);
        JsonNode page = ok(http.get("/api/audit?size=200", clerk), 200);
        assertThat(page.get("items").findValuesAsText("department")).isNotEmpty().containsOnly(department);
        assertThat(page.get("total").asLong()).isEqualTo(LedgerReplay.read(jdbc, ledgerSuite).stream()
                .filter(e -> e.signed().entry().actor().department().equals(department)).count());
        assertThat(http.get("/api/audit?department=" + office, clerk).status()).isEqualTo(403);
        assertThat(http.get("/api/audit/entries/0", clerk).status()).as("the genesis entry is the office's")
                .isEqualTo(403);
        assertThat(http.get("/api/audit/entries/" + page.get("items").get(0).get("leafIndex").asLong(), clerk)
                .status()).isEqualTo(200);
        assertThat(http.get("/api/audit", null).status()).isEqualTo(401);
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        Http.Response badSize = http.get("/api/audit?size=0", auditor);
        assertThat(badSize.status()).isEqualTo(422);
        assertThat(badSize.json().get("field").asText()).isEqualTo("size");
        Http.Response badTime = http.get("/api/audit?from=yesterday", auditor);
        assertThat(badTime.status()).isEqualTo(422);
        assertThat(badTime.json().get("field").asText()).isEqualTo("from");
        assertThat(http.get("/api/audit/entries/99999999", auditor).status()).isEqualTo(404);
    }

    @Test
    void aDrawEntryShowsItsProofVerifiedAgainstACheckpointAndLinksToTheRegistryItUsed() throws Exception {
        yearOnce();
        checkpointService.signIfBehind();
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        long leaf = only("eventType=DrawExecuted&department=" + only("eventType=InspectorRecused", auditor)
                .get("department").asText(), auditor).get("leafIndex").asLong();
        JsonNode d = ok(http.get("/api/audit/entries/" + leaf, auditor), 200);

        assertThat(d.get("leafIndex").asLong()).isEqualTo(leaf);
        assertThat(d.at("/keyStatus/status").asText()).isEqualTo("VALID");
        assertThat(d.at("/verified/ok").asBoolean()).as(d.get("verified").toString()).isTrue();
        long treeSize = d.at("/checkpoint/treeSize").asLong();
        assertThat(treeSize).isGreaterThan(leaf);
        assertThat(checkpointStore.firstCovering(leaf + 1).orElseThrow().treeSize()).isEqualTo(treeSize);
        // the test's own check with the kernel: leaf hash of the signed entry, proof to the checkpoint's root,
        // the checkpoint signed by the log key
        SignedEntry signed = SignedEntry.fromJson(d.get("signedEntry"));
        assertThat(signed.hashHex()).isEqualTo(d.get("entryHash").asText());
        assertThat(Hex.encode(signed.signature())).isEqualTo(d.get("signature").asText());
        InclusionProof proof = MerkleProofJson.parseInclusion(d.get("inclusionProof"));
        MerkleHasher hasher = new MerkleHasher(ledgerSuite.hash());
        assertThat(proof.leafHash()).isEqualTo(hasher.leafHash(signed.leafData()));
        assertThat(proof.root()).isEqualTo(checkpointStore.at(treeSize).orElseThrow().root());
        new MerkleVerifier(hasher).verify(proof);
        String vkey = http.get("/api/log/key", null).body().strip();
        NoteVerifier.verifyCheckpoint(SignedNote.parse(d.at("/checkpoint/note").asText()), NoteKey.parseVkey(vkey),
                List.of());
        // "what did the registry look like when this draw ran?": the registries as of the draw's freeze position
        long asOf = signed.entry().payload().get("asOfLeaf").asLong();
        assertThat(d.at("/links/drawRegistryObjects").asText()).isEqualTo("/app/registries/objects?asOf=" + asOf);
        assertThat(d.at("/links/drawRegistryInspectors").asText())
                .isEqualTo("/app/registries/inspectors?asOf=" + asOf);
    }

    @Test
    void keyStatusAtAPositionFollowsRotationAndCompromiseAndKeysArePublic() {
        yearOnce();
        String dept = department();
        String k1 = ok(http.get("/api/departments/" + dept + "/keys", admin), 200).findValuesAsText("keyId").get(0);
        TestUsers.Credentials clerk = user(dept, Role.DEPT_CLERK);
        String list1 = unique("keys-list");
        ok(http.post("/api/checklists", clerk, Map.of("listId", list1, "ownerDepartment", dept, "kind", "DEPARTMENT",
                "title", "清单一")), 201);
        String k2 = ok(http.post("/api/departments/" + dept + "/keys/" + k1 + "/rotate", admin,
                Map.of("reason", "例行轮换")), 200).get("keyId").asText();
        String list2 = unique("keys-list");
        ok(http.post("/api/checklists", clerk, Map.of("listId", list2, "ownerDepartment", dept, "kind", "DEPARTMENT",
                "title", "清单二")), 201);
        caughtUp();
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        long e1 = only("streamId=checklist:" + list1, auditor).get("leafIndex").asLong();
        long e2 = only("streamId=checklist:" + list2, auditor).get("leafIndex").asLong();
        assertThat(ok(http.get("/api/audit/entries/" + e1, auditor), 200).at("/keyStatus/status").asText())
                .as("rotated later, valid where it signed").isEqualTo("VALID");

        assertThat(http.post("/api/departments/" + dept + "/keys/" + k1 + "/compromised", admin,
                Map.of("fromLeafIndex", e1, "reason", "私钥泄露")).status()).isEqualTo(204);
        caughtUp();

        JsonNode first = ok(http.get("/api/audit/entries/" + e1, auditor), 200);
        assertThat(first.get("keyId").asText()).isEqualTo(k1);
        assertThat(first.at("/keyStatus/status").asText()).isEqualTo("COMPROMISED");
        assertThat(first.at("/keyStatus/compromisedFrom").asLong()).isEqualTo(e1);
        JsonNode second = ok(http.get("/api/audit/entries/" + e2, auditor), 200);
        assertThat(second.get("keyId").asText()).isEqualTo(k2);
        assertThat(second.at("/keyStatus/status").asText()).isEqualTo("VALID");

        Http.Response keys = http.get("/api/public/keys", null);
        assertThat(keys.status()).isEqualTo(200);
        JsonNode old = null;
        JsonNode current = null;
        for (JsonNode k : keys.json()) {
            old = k.get("keyId").asText().equals(k1) ? k : old;
            current = k.get("keyId").asText().equals(k2) ? k : current;
        }
        assertThat(old.get("state").asText()).isEqualTo("COMPROMISED");
        assertThat(old.get("department").asText()).isEqualTo(dept);
        assertThat(old.get("compromisedFrom").asLong()).isEqualTo(e1);
        assertThat(current.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(current.get("replacesKeyId").asText()).isEqualTo(k1);
        assertThat(current.get("validFrom").asLong()).isEqualTo(old.get("rotatedLeaf").asLong() + 1);
        assertThat(old.get("validUntil").asLong()).isEqualTo(old.get("rotatedLeaf").asLong());
        assertThat(current.get("publicKey").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
        Http.Response page = http.get("/public/keys", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(k1, k2, dept);
        // no personal data on the public key endpoints: none of the inspectors' ID numbers or phones
        for (String prefix : List.of("SC", "HJ", "NY")) {
            for (int i = 0; i < 9; i++) {
                long person = Math.abs(prefix.hashCode() % 1000 * 100L + i + 100000);
                for (String secret : List.of(RegistryFiles.idCard(person), RegistryFiles.phone(person))) {
                    assertThat(keys.body()).doesNotContain(secret);
                    assertThat(page.body()).doesNotContain(secret);
                }
            }
        }
    }

    // ---- rebuild as an administrator's action ----

    @Test
    void theAdministratorRebuildsInTheBackgroundWithProgress() {
        yearOnce();
        TestUsers.Credentials auditor = user(office, Role.AUDITOR);
        assertThat(http.get("/api/admin/projections", auditor).status()).isEqualTo(403);
        assertThat(http.post("/api/admin/projections/rebuild", user(office, Role.DEPT_CLERK), null).status())
                .isEqualTo(403);
        caughtUp();
        JsonNode before = ok(http.get("/api/admin/projections?digests=true", admin), 200);
        assertThat(before.get("lag").asLong()).isZero();
        assertThat(before.get("projections").has("audit")).isTrue();
        assertThat(before.get("projections").has("keys")).isTrue();
        assertThat(before.get("digests").get("audit_entry").asText()).endsWith("(" + runner.logSize() + " rows)");

        Http.Response started = http.post("/api/admin/projections/rebuild", admin, null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.header("Location")).endsWith("/api/admin/projections");
        assertThat(started.json().get("status").asText()).isEqualTo("/api/admin/projections");

        await().atMost(Duration.ofSeconds(120)).until(() -> {
            JsonNode s = ok(http.get("/api/admin/projections", admin), 200).get("rebuild");
            return !s.get("running").asBoolean() && !s.get("finishedAt").isNull();
        });
        JsonNode after = ok(http.get("/api/admin/projections?digests=true", admin), 200);
        JsonNode rebuild = after.get("rebuild");
        assertThat(rebuild.get("error").isNull()).as(rebuild.toString()).isTrue();
        assertThat(rebuild.get("applied").asLong()).isEqualTo(rebuild.get("target").asLong());
        assertThat(rebuild.get("target").asLong()).isEqualTo(before.get("logSize").asLong());
        assertThat(after.get("digests")).isEqualTo(before.get("digests"));
    }
}
