package org.drledger.server.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.drledger.command.actor.Role;
import org.drledger.command.ledger.KeyFiles;
import org.drledger.command.ledger.LedgerMetaData;
import org.drledger.command.sealer.CheckpointService;
import org.drledger.command.sealer.MerkleStore;
import org.drledger.command.selfcheck.LedgerIntegrity;
import org.drledger.command.selfcheck.SelfCheck;
import org.drledger.command.selfcheck.SelfCheckReport;
import org.drledger.command.selfcheck.SelfCheckReport.Finding;
import org.drledger.command.selfcheck.SelfCheckReport.Severity;
import org.drledger.core.bytes.Hex;
import org.drledger.core.checkpoint.Checkpoint;
import org.drledger.core.checkpoint.NoteSigner;
import org.drledger.core.checkpoint.SignedNote;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.entry.Actor;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.EntrySigner;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.entry.StreamId;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.merkle.MerkleHasher;
import org.drledger.core.testing.DeterministicRandom;
import org.drledger.server.testing.TestUsers;
import org.drledger.verifier.BundleVerifier;
import org.drledger.verifier.DatabaseVerifier;
import org.drledger.verifier.Report;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The self-check on a real ledger, on H2 and on PostgreSQL (subclasses). A small ledger is built once per context
 * through the REST API: genesis, five departments, keys, a rotation of the office's root key and of a department
 * key, a revocation, a witness and three checkpoints (one cosigned). Each tampering test then changes the stored
 * rows directly with SQL inside a transaction, runs the self-check in that transaction (so it sees the damage) and
 * rolls back, so every test starts from the same intact ledger; {@link #theLedgerIsIntactAgain()} proves it.
 *
 * <p>Every test asserts the exact set of findings, each by check name and location (leaf index or checkpoint
 * size), and the stream, sequence and global index of the main finding.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.checkpoint-every=1000000", "ledger.checkpoint-interval=1h"})
@ExtendWith(OutputCaptureExtension.class)
abstract class SelfCheckScenario {
    static final String PAYLOAD_TYPE_PREFIX = "org.drledger.command.department.Events$";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    MerkleStore merkle;
    @Autowired
    CheckpointService checkpoints;
    @Autowired
    SelfCheck selfCheck;
    @Autowired
    LedgerIntegrity integrity;
    @Autowired
    KeyFiles keyFiles;
    @Autowired
    CryptoSuite suite;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ObjectMapper json;
    @Autowired
    Environment env;

    TestUsers.Credentials admin;
    String office;
    long lastAppendedGlobalIndex;
    List<Long> cps;

    @BeforeEach
    void ledger() {
        office = jdbc.queryForObject("SELECT root_department FROM ledger_info", String.class);
        admin = TestUsers.create(jdbc, encoder, "office-admin-" + UUID.randomUUID(), office, Role.OFFICE_ADMIN);
        Integer built = jdbc.queryForObject("SELECT COUNT(*) FROM department WHERE department_id = 'dept-e'",
                Integer.class);
        if (built == 0) {
            build();
        }
        cps = jdbc.queryForList("SELECT tree_size FROM checkpoint ORDER BY tree_size", Long.class);
    }

    private void build() {
        created(post("/api/departments", Map.of("departmentId", "scjgj", "name", "资阳区市场监督管理局")));
        created(post("/api/departments/scjgj/keys", Map.of()));
        created(post("/api/departments", Map.of("departmentId", "dept-b", "name", "资阳区卫生健康局")));
        String keyB = jsonOf(created(post("/api/departments/dept-b/keys", Map.of()))).get("keyId").asText();
        sealAndCheckpoint();

        NoteSigner witness = NoteSigner.witness("jiwei.example", suite.generateKey(new DeterministicRandom("witness")));
        created(post("/api/witnesses", Map.of("vkey", witness.noteKey().vkey())));
        ok(post("/api/departments/" + office + "/keys/" + activeKey(office) + "/rotate", Map.of("reason", "annual")));
        created(post("/api/departments", Map.of("departmentId", "dept-c", "name", "资阳区应急管理局")));
        created(post("/api/departments", Map.of("departmentId", "dept-d", "name", "资阳区农业农村局")));
        created(post("/api/departments/dept-c/keys", Map.of()));
        ok(post("/api/departments/scjgj/keys/" + activeKey("scjgj") + "/rotate", Map.of("reason", "staff change")));
        long cosigned = sealAndCheckpoint();
        Checkpoint cp = Checkpoint.parse(SignedNote.parse(http.getForObject("/api/log/checkpoints/" + cosigned,
                String.class)).text());
        HttpHeaders text = new HttpHeaders();
        text.setContentType(MediaType.TEXT_PLAIN);
        assertThat(http.exchange("/api/log/checkpoints/" + cosigned + "/cosignatures", HttpMethod.POST,
                new HttpEntity<>(witness.cosign(cp, cp.time().orElseThrow() + 1).line(), text), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(post("/api/departments/dept-b/keys/" + keyB + "/revoke", Map.of("reason", "device lost"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        created(post("/api/departments", Map.of("departmentId", "dept-e", "name", "资阳区商务局")));
        created(post("/api/departments/dept-d/keys", Map.of()));
        sealAndCheckpoint();
    }

    private long sealAndCheckpoint() {
        long events = count("SELECT COUNT(*) FROM domain_event_entry");
        await().atMost(Duration.ofSeconds(30)).until(() -> merkle.size() == events);
        assertThat(checkpoints.signIfBehind()).contains(events);
        return events;
    }

    @AfterEach
    void theLedgerIsIntactAgain() {
        SelfCheckReport r = selfCheck.run();
        assertThat(r.findings()).isEmpty();
        assertThat(r.ok()).isTrue();
    }

    // --- the intact ledger ------------------------------------------------------------------------------------

    @Test
    void anIntactLedgerPassesWithEverythingCounted() {
        SelfCheckReport r = selfCheck.run();
        long events = count("SELECT COUNT(*) FROM domain_event_entry");
        assertThat(r.ok()).isTrue();
        assertThat(r.findings()).isEmpty();
        assertThat(r.unchecked()).isEmpty();
        assertThat(r.counts().leaves()).isEqualTo(events);
        assertThat(r.counts().entries()).isEqualTo(events);
        assertThat(r.counts().checkpoints()).isEqualTo(3);
        assertThat(cps).hasSize(3).last().isEqualTo(events);
        assertThat(r.counts().cosignatures()).isEqualTo(1);
        // root key, its successor, scjgj (2), dept-b, dept-c, dept-d
        assertThat(r.counts().keys()).isEqualTo(7);
        // the ledger, the witness and six departments
        assertThat(r.counts().streams()).isEqualTo(8);
        assertThat(r.ledgerId()).isEqualTo(jdbc.queryForObject("SELECT ledger_id FROM ledger_info", String.class));
    }

    // --- entries ----------------------------------------------------------------------------------------------

    @Test
    void oneChangedPayloadByteIsReportedAtItsEntryLeafAndEveryLaterCheckpoint() {
        long leaf = leaf("scjgj", 0);
        SelfCheckReport r = tampered(() -> {
            byte[] payload = payload("scjgj", 0);
            byte[] yang = "阳".getBytes(StandardCharsets.UTF_8);
            int at = indexOf(payload, yang);
            payload[at + 2]++; // 阳 U+9633 -> 阴 U+9634: one byte
            setColumn("payload", "scjgj", 0, payload);
            assertThat(new String(payload, StandardCharsets.UTF_8)).contains("资阴区");
        });
        assertFindings(r, atLeaf("entry.hash", leaf), atLeaf("log.leaf-hash", leaf), atCheckpoints("checkpoint.root", 0));
        assertLocated(only(r, "entry.hash"), "Department", "scjgj", 0, leaf);
        assertThat(only(r, "entry.hash").expected()).isEqualTo(storedMeta("scjgj", 0).get(LedgerMetaData.HASH).asText());
    }

    @Test
    void aChangedActorIsReportedAtItsEntry() {
        long leaf = leaf("dept-e", 0);
        SelfCheckReport r = tampered(() -> editMeta("dept-e", 0, m -> m.put(LedgerMetaData.ACTOR_USER, "someone-else")));
        assertFindings(r, atLeaf("entry.hash", leaf), atLeaf("log.leaf-hash", leaf), atCheckpoints("checkpoint.root", 2));
        assertLocated(only(r, "entry.hash"), "Department", "dept-e", 0, leaf);
    }

    @Test
    void aChangedTimeIsReportedAtItsEntry() {
        String witness = "witness:jiwei.example";
        long leaf = leaf(witness, 0);
        DateTimeFormatter canonical = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        SelfCheckReport r = tampered(() -> editMeta(witness, 0, m -> m.put(LedgerMetaData.TIME,
                canonical.format(Instant.parse(m.get(LedgerMetaData.TIME).asText()).plusMillis(1)))));
        assertFindings(r, atLeaf("entry.hash", leaf), atLeaf("log.leaf-hash", leaf), atCheckpoints("checkpoint.root", 1));
        assertLocated(only(r, "entry.hash"), "Witness", witness, 0, leaf);
    }

    @Test
    void aTimeTextThatIsNotCanonicalIsAMetadataFinding() {
        long leaf = leaf("dept-c", 1);
        SelfCheckReport r = tampered(() -> editMeta("dept-c", 1, m -> {
            String t = m.get(LedgerMetaData.TIME).asText(); // yyyy-MM-ddTHH:mm:ss.SSSZ, same instant with a +00:00
            m.put(LedgerMetaData.TIME, t.substring(0, t.length() - 1) + "+00:00");
        }));
        assertFindings(r, atLeaf("row.metadata", leaf));
        assertLocated(only(r, "row.metadata"), "Department", "dept-c", 1, leaf);
    }

    @Test
    void anUnreadableRowIsReportedAndItsStreamContinuesFromTheSealedHash() {
        long leaf = leaf("dept-c", 0);
        SelfCheckReport r = tampered(() -> editMeta("dept-c", 0, m -> m.remove(LedgerMetaData.HASH)));
        // dept-c#1 links to the hash the sealer recorded for #0: no chain finding after the unreadable row
        assertFindings(r, atLeaf("row.unreadable", leaf));
        assertLocated(only(r, "row.unreadable"), "Department", "dept-c", 0, leaf);
    }

    @Test
    void aPayloadThatIsNotCanonicalIsReportedThoughItsHashStillMatches() {
        long leaf = leaf("dept-d", 1);
        SelfCheckReport r = tampered(() -> {
            byte[] p = payload("dept-d", 1);
            byte[] spaced = new byte[p.length + 1];
            spaced[0] = p[0];
            spaced[1] = ' ';
            System.arraycopy(p, 1, spaced, 2, p.length - 1);
            setColumn("payload", "dept-d", 1, spaced);
        });
        assertFindings(r, atLeaf("entry.canonical", leaf));
        assertLocated(only(r, "entry.canonical"), "Department", "dept-d", 1, leaf);
    }

    @Test
    void swappedSignaturesAreReportedAtBothEntries() {
        long c = leaf("dept-c", 0);
        long d = leaf("dept-d", 0);
        SelfCheckReport r = tampered(() -> {
            String sigC = storedMeta("dept-c", 0).get(LedgerMetaData.SIGNATURE).asText();
            String sigD = storedMeta("dept-d", 0).get(LedgerMetaData.SIGNATURE).asText();
            editMeta("dept-c", 0, m -> m.put(LedgerMetaData.SIGNATURE, sigD));
            editMeta("dept-d", 0, m -> m.put(LedgerMetaData.SIGNATURE, sigC));
        });
        assertFindings(r, atLeaf("entry.signature", c), atLeaf("entry.signature", d), atLeaf("log.leaf-hash", c),
                atLeaf("log.leaf-hash", d), atCheckpoints("checkpoint.root", 1));
        assertLocated(findings(r, "entry.signature").get(0), "Department", "dept-c", 0, c);
        assertLocated(findings(r, "entry.signature").get(1), "Department", "dept-d", 0, d);
    }

    @Test
    void anEntrySignedWithARevokedKeyAfterItsRevocationIsReportedAsRevoked() {
        String keyB = jdbc.queryForObject("SELECT key_id FROM ledger_key WHERE department = 'dept-b'", String.class);
        assertThat(jdbc.queryForObject("SELECT status FROM ledger_key WHERE key_id = ?", String.class, keyB))
                .isEqualTo("REVOKED");
        long revokedAt = leaf("dept-b", 2);
        long[] appended = new long[1];
        SelfCheckReport r = tampered(() -> {
            ObjectNode payload = JsonNodeFactory.instance.objectNode().put("itemId", "item-1")
                    .put("title", "食品安全抽查");
            Entry e = new Entry(ledgerId(), new StreamId("Checklist", "dept-b-checklist"), 0, "ChecklistItemPublished",
                    1, Instant.parse("2026-03-02T08:00:00.000Z"), new Actor("dept-b", "clerk-b"), payload,
                    Entry.GENESIS_PREV, keyB);
            appended[0] = append(e, keyFiles.load(keyB).orElseThrow(),
                    "org.drledger.command.checklist.ChecklistItemPublished");
        });
        assertThat(appended[0]).isGreaterThan(revokedAt);
        assertFindings(r, atLeaf("entry.key", appended[0]));
        Finding f = only(r, "entry.key");
        assertLocated(f, "Checklist", "dept-b-checklist", 0, appended[0], lastAppendedGlobalIndex);
        assertThat(f.computed()).isEqualTo("REVOKED " + keyB);
    }

    @Test
    void aCompromiseRecordedLaterInvalidatesTheEarlierEntriesOfThatKey() {
        String oldRoot = jdbc.queryForObject("SELECT key_id FROM ledger_key WHERE department = ? AND status = 'ROTATED'",
                String.class, office);
        long from = leaf("scjgj", 0);
        long rotation = leaf(office, 1);
        List<Long> signedByOldRootFromThere = new ArrayList<>();
        for (long l = from; l <= rotation; l++) {
            long g = jdbc.queryForObject("SELECT global_index FROM merkle_leaf WHERE leaf_index = ?", Long.class, l);
            if (metaAt(g).get(LedgerMetaData.KEY).asText().equals(oldRoot)) {
                signedByOldRootFromThere.add(l);
            }
        }
        assertThat(signedByOldRootFromThere).hasSize((int) (rotation - from + 1));
        long[] appended = new long[1];
        SelfCheckReport r = tampered(() -> {
            ObjectNode payload = JsonNodeFactory.instance.objectNode().put("departmentId", office).put("keyId", oldRoot)
                    .put("fromLeafIndex", from).put("reason", "the old root key was copied");
            ObjectNode lastMeta = storedMeta(office, 1);
            Entry e = new Entry(ledgerId(), new StreamId("Department", office), 2, "DepartmentKeyCompromised", 1,
                    Instant.parse("2026-03-02T09:00:00.000Z"), new Actor(office, "admin"), payload,
                    lastMeta.get(LedgerMetaData.HASH).asText(), activeKey(office));
            appended[0] = append(e, keyFiles.load(activeKey(office)).orElseThrow(),
                    PAYLOAD_TYPE_PREFIX + "DepartmentKeyCompromised");
        });
        assertThat(appended[0]).isGreaterThan(rotation);
        assertFindings(r, signedByOldRootFromThere.stream().map(l -> atLeaf("entry.key", l)).toArray(String[]::new));
        assertThat(findings(r, "entry.key")).allSatisfy(f -> assertThat(f.computed()).isEqualTo("COMPROMISED " + oldRoot));
        assertLocated(findings(r, "entry.key").get(0), "Department", "scjgj", 0, from);
    }

    // --- the log ----------------------------------------------------------------------------------------------

    @Test
    void aDeletedEventRowIsAMissingEventAtItsLeafAndBreaksItsStreamOnce() {
        long leaf = leaf("dept-c", 0);
        long next = leaf("dept-c", 1);
        long g = globalIndex("dept-c", 0);
        SelfCheckReport r = tampered(() -> jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", g));
        assertFindings(r, atLeaf("log.missing-event", leaf), atLeaf("chain.sequence", next));
        Finding missing = only(r, "log.missing-event");
        assertThat(missing.streamId()).isEqualTo("dept-c");
        assertThat(missing.sequence()).isZero();
        assertThat(missing.globalIndex()).isEqualTo(g);
        assertLocated(only(r, "chain.sequence"), "Department", "dept-c", 1, next);
        assertThat(only(r, "chain.sequence").expected()).isEqualTo("0");
    }

    @Test
    void aDeletedEventWithItsLeafIsAHoleInTheLogAndEveryLaterCheckpointFails() {
        long leaf = leaf("dept-c", 0);
        long next = leaf("dept-c", 1);
        long g = globalIndex("dept-c", 0);
        SelfCheckReport r = tampered(() -> {
            jdbc.update("DELETE FROM merkle_leaf WHERE global_index = ?", g);
            jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", g);
        });
        assertFindings(r, atLeaf("log.missing-leaf", leaf), atLeaf("chain.sequence", next),
                atCheckpoints("checkpoint.root", 1));
        assertLocated(only(r, "chain.sequence"), "Department", "dept-c", 1, next);
    }

    @Test
    void aDeletedLeafLeavesAnEventTheSealerHasPassedWithoutALeaf() {
        long leaf = leaf("dept-c", 0);
        long next = leaf("dept-c", 1);
        long g = globalIndex("dept-c", 0);
        SelfCheckReport r = tampered(() -> jdbc.update("DELETE FROM merkle_leaf WHERE global_index = ?", g));
        Finding orphan = r.findings().stream().filter(f -> f.check().equals("log.missing-leaf") && f.leafIndex() == null)
                .findFirst().orElseThrow();
        assertThat(orphan.globalIndex()).isEqualTo(g);
        assertThat(orphan.streamType() + "/" + orphan.streamId() + "#" + orphan.sequence()).isEqualTo("Department/dept-c#0");
        assertFindings(r, atLeaf("log.missing-leaf", leaf), atGlobal("log.missing-leaf", g),
                atLeaf("chain.sequence", next), atCheckpoints("checkpoint.root", 1));
    }

    @Test
    void anEventTheSealerHasNotReachedIsUncheckedNotAFinding() {
        SelfCheckReport r = tampered(() -> insertEvent(maxGlobalIndex() + 1, "Checklist", "later", 0,
                "org.drledger.command.checklist.ChecklistItemPublished", "{}".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.ok()).isTrue();
        assertThat(r.findings()).isEmpty();
        assertThat(r.counts().unsealedEvents()).isEqualTo(1);
        assertThat(r.unchecked()).singleElement().asString().contains("1 events after the sealer's position");
    }

    @Test
    void aDeletedTailIsCaughtAgainstTheStoredCheckpoint() {
        long size = cps.get(2);
        SelfCheckReport r = tampered(() -> {
            for (long l = size - 2; l < size; l++) {
                long g = jdbc.queryForObject("SELECT global_index FROM merkle_leaf WHERE leaf_index = ?", Long.class, l);
                jdbc.update("DELETE FROM merkle_leaf WHERE leaf_index = ?", l);
                jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", g);
            }
        });
        assertFindings(r, atCheckpoint("checkpoint.beyond-log", size));
        Finding f = only(r, "checkpoint.beyond-log");
        assertThat(f.leafIndex()).isEqualTo(size - 2);
        assertThat(f.expected()).isEqualTo(size + " leaves");
        assertThat(f.computed()).isEqualTo((size - 2) + " leaves");
    }

    @Test
    void swappedEventRowsAreReportedAtBothLeaves() {
        long c = leaf("dept-c", 0);
        long d = leaf("dept-d", 0);
        long gc = globalIndex("dept-c", 0);
        long gd = globalIndex("dept-d", 0);
        assertThat(d).isEqualTo(c + 1);
        SelfCheckReport r = tampered(() -> swapGlobalIndexes("domain_event_entry", gc, gd));
        assertFindings(r, atLeaf("log.leaf-order", c), atLeaf("log.leaf-order", d), atLeaf("log.leaf-hash", c),
                atLeaf("log.leaf-hash", d), atCheckpoints("checkpoint.root", 1));
        Finding first = findings(r, "log.leaf-order").get(0);
        assertLocated(first, "Department", "dept-d", 0, c);
        assertThat(first.globalIndex()).isEqualTo(gc);
        assertThat(first.expected()).isEqualTo("dept-c#0");
        assertThat(first.computed()).isEqualTo("dept-d#0");
    }

    @Test
    void swappedLeafAssignmentsAreReportedAtBothLeaves() {
        long c = leaf("dept-c", 0);
        long d = leaf("dept-d", 0);
        long gc = globalIndex("dept-c", 0);
        long gd = globalIndex("dept-d", 0);
        SelfCheckReport r = tampered(() -> swapGlobalIndexes("merkle_leaf", gc, gd));
        assertFindings(r, atLeaf("log.leaf-order", c), atLeaf("log.leaf-order", d), atLeaf("log.leaf-order", d),
                atLeaf("log.leaf-hash", c), atLeaf("log.leaf-hash", d), atCheckpoints("checkpoint.root", 1));
        assertThat(findings(r, "log.leaf-order")).extracting(Finding::severity)
                .containsExactlyInAnyOrder(Severity.ERROR, Severity.ERROR, Severity.WARNING);
    }

    @Test
    void renumberedGlobalIndexesWithTheLogUnchangedAreOnlyAWarning() {
        long d = leaf("dept-d", 0);
        long gc = globalIndex("dept-c", 0);
        long gd = globalIndex("dept-d", 0);
        SelfCheckReport r = tampered(() -> {
            swapGlobalIndexes("domain_event_entry", gc, gd);
            swapGlobalIndexes("merkle_leaf", gc, gd);
        });
        assertFindings(r, atLeaf("log.leaf-order", d));
        assertThat(only(r, "log.leaf-order").severity()).isEqualTo(Severity.WARNING);
        assertThat(r.ok()).isTrue();
    }

    // --- checkpoints ------------------------------------------------------------------------------------------

    @Test
    void aCheckpointNoteWithAnotherCheckpointsSignatureFailsItsSignature() {
        long first = cps.get(0);
        SelfCheckReport r = tampered(() -> {
            String note1 = note(first);
            String note2 = note(cps.get(1));
            String forged = SignedNote.parse(note1).text() + "\n" + signatureLines(note2);
            jdbc.update("UPDATE checkpoint SET note = ? WHERE tree_size = ?", forged, first);
        });
        assertFindings(r, atCheckpoint("checkpoint.signature", first));
    }

    @Test
    void aChangedRootColumnIsReportedAgainstTheSignedNote() {
        long first = cps.get(0);
        SelfCheckReport r = tampered(() -> {
            byte[] root = jdbc.queryForObject("SELECT root FROM checkpoint WHERE tree_size = ?", byte[].class, first);
            root[0] ^= 1;
            jdbc.update("UPDATE checkpoint SET root = ? WHERE tree_size = ?", root, first);
        });
        assertFindings(r, atCheckpoint("checkpoint.root", first));
    }

    @Test
    void aChangedCosignatureFailsItsWitnessKey() {
        long size = cps.get(1);
        SelfCheckReport r = tampered(() -> {
            String line = jdbc.queryForObject("SELECT signature_line FROM checkpoint_cosignature WHERE tree_size = ?",
                    String.class, size);
            int sp = line.lastIndexOf(' ');
            byte[] sig = Base64.getDecoder().decode(line.substring(sp + 1));
            sig[sig.length - 1] ^= 1;
            jdbc.update("UPDATE checkpoint_cosignature SET signature_line = ? WHERE tree_size = ?",
                    line.substring(0, sp + 1) + Base64.getEncoder().encodeToString(sig), size);
        });
        assertFindings(r, atCheckpoint("cosignature.signature", size));
    }

    // --- endpoint, health, log --------------------------------------------------------------------------------

    @Test
    void administratorsAndAuditorsRunItOverHttpOthersMayNot() throws Exception {
        ResponseEntity<String> asAdmin = get("/api/admin/self-check", admin);
        assertThat(asAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = json.readTree(asAdmin.getBody());
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(report.get("counts").get("leaves").asLong()).isEqualTo(count("SELECT COUNT(*) FROM merkle_leaf"));
        assertThat(report.get("findings")).isEmpty();

        var auditor = TestUsers.create(jdbc, encoder, "auditor-" + UUID.randomUUID(), office, Role.AUDITOR);
        assertThat(get("/api/admin/self-check", auditor).getStatusCode()).isEqualTo(HttpStatus.OK);
        var clerk = TestUsers.create(jdbc, encoder, "clerk-" + UUID.randomUUID(), "scjgj", Role.DEPT_CLERK);
        ResponseEntity<String> asClerk = get("/api/admin/self-check", clerk);
        assertThat(asClerk.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asClerk.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(http.getForEntity("/api/admin/self-check", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aFailedCheckIsLoggedWithEachFindingAndTurnsTheHealthIndicatorDown(CapturedOutput output) throws Exception {
        long leaf = leaf("scjgj", 0);
        integrity.check();
        assertThat(healthAsAdmin().get("status").asText()).isEqualTo("UP");

        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            editMeta("scjgj", 0, m -> m.put(LedgerMetaData.ACTOR_USER, "intruder"));
            integrity.check();
            tx.setRollbackOnly();
        });
        assertThat(output.getOut()).contains("Ledger self-check FAILED")
                .contains("entry.hash at Department/scjgj#0 leaf " + leaf);
        JsonNode health = healthAsAdmin();
        assertThat(health.get("status").asText()).isEqualTo("DOWN");
        assertThat(health.get("details").get("findings").findValuesAsText("check")).contains("entry.hash");
        ResponseEntity<String> anonymous = http.getForEntity("/actuator/health", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(anonymous.getBody()).doesNotContain("findings").doesNotContain("scjgj");

        integrity.check();
        assertThat(healthAsAdmin().get("status").asText()).isEqualTo("UP");
    }

    private JsonNode healthAsAdmin() throws Exception {
        ResponseEntity<String> h = get("/actuator/health", admin);
        return json.readTree(h.getBody()).get("components").get("ledgerIntegrity");
    }

    // --- ledger-verifier on the database itself (verify --jdbc-url) --------------------------------------------

    @Test
    void theIndependentVerifierReadsTheDatabaseDirectlyAndFindsItIntact() throws Exception {
        Report r = verifyDatabase();
        long leaves = count("SELECT COUNT(*) FROM merkle_leaf");
        assertThat(r.verified()).as(r.toText()).isTrue();
        assertThat(r.get("entry.hash").orElseThrow().passed()).isEqualTo(leaves);
        assertThat(r.get("entry.signature").orElseThrow().passed()).isEqualTo(leaves);
        assertThat(r.get("checkpoint.root").orElseThrow().passed()).isEqualTo(cps.stream().filter(s -> s > 0).count());
    }

    @Test
    void theIndependentVerifierLocatesAPayloadByteChangedThroughSql() throws Exception {
        long leaf = leaf("scjgj", 0);
        byte[] original = payload("scjgj", 0);
        byte[] changed = original.clone();
        changed[indexOf(changed, "阳".getBytes(StandardCharsets.UTF_8)) + 2]++;
        // committed, not rolled back: the verifier reads through its own connection; restored below
        setColumn("payload", "scjgj", 0, changed);
        Report r;
        try {
            r = verifyDatabase();
        } finally {
            setColumn("payload", "scjgj", 0, original);
        }
        assertThat(r.verified()).isFalse();
        assertThat(r.firstFailure()).contains("entry.hash");
        Report.Failure f = r.get("entry.hash").orElseThrow().failures().get(0);
        assertThat(f.leaf()).isEqualTo(leaf);
        assertThat(f.stream()).contains("scjgj");
        assertThat(f.seq()).isZero();
        assertThat(f.expected()).isEqualTo(storedMeta("scjgj", 0).get(LedgerMetaData.HASH).asText());
        assertThat(f.computed()).isNotEqualTo(f.expected());
        // the leaf commits to the stored hash and signature, so the log itself still matches its checkpoints; the
        // stream continues from the entry's stored hash, to which its successor links: one fault, one finding
        assertThat(r.checks().stream().filter(c -> c.status() == Report.Status.FAIL).map(Report.Check::name))
                .containsExactly("entry.hash");
        assertThat(r.get("entry.hash").orElseThrow().failures()).hasSize(1);
        assertThat(leaf("scjgj", 1)).as("the stream has a later entry, checked and passed").isGreaterThan(leaf);
    }

    private Report verifyDatabase() throws Exception {
        return DatabaseVerifier.verify(env.getRequiredProperty("spring.datasource.url"),
                env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"),
                BundleVerifier.Options.none());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** Tampers inside a transaction, runs the self-check in it (so it sees the damage), then rolls back. */
    SelfCheckReport tampered(Runnable tamper) {
        return new TransactionTemplate(transactions).execute(tx -> {
            tamper.run();
            SelfCheckReport r = selfCheck.run();
            tx.setRollbackOnly();
            return r;
        });
    }

    static String atLeaf(String check, long leaf) {
        return check + " @leaf " + leaf;
    }

    static String atGlobal(String check, long globalIndex) {
        return check + " @global " + globalIndex;
    }

    static String atCheckpoint(String check, long size) {
        return check + " @checkpoint " + size;
    }

    /** The finding at every checkpoint from the {@code from}-th (0-based) on. */
    String[] atCheckpoints(String check, int from) {
        return cps.subList(from, cps.size()).stream().map(s -> atCheckpoint(check, s)).toArray(String[]::new);
    }

    static String located(Finding f) {
        if (f.treeSize() != null) {
            return atCheckpoint(f.check(), f.treeSize());
        }
        return f.leafIndex() != null ? atLeaf(f.check(), f.leafIndex()) : atGlobal(f.check(), f.globalIndex());
    }

    static void assertFindings(SelfCheckReport r, Object... expected) {
        List<String> flat = new ArrayList<>();
        for (Object o : expected) {
            if (o instanceof String[] many) {
                flat.addAll(List.of(many));
            } else {
                flat.add((String) o);
            }
        }
        assertThat(r.findings()).extracting(SelfCheckScenario::located).containsExactlyInAnyOrderElementsOf(flat);
        assertThat(r.findingsOmitted()).isZero();
    }

    static List<Finding> findings(SelfCheckReport r, String check) {
        return r.findings().stream().filter(f -> f.check().equals(check)).toList();
    }

    static Finding only(SelfCheckReport r, String check) {
        List<Finding> all = findings(r, check);
        assertThat(all).as(check).hasSize(1);
        return all.get(0);
    }

    void assertLocated(Finding f, String streamType, String streamId, long seq, long leaf) {
        assertLocated(f, streamType, streamId, seq, leaf, jdbc.queryForObject(
                "SELECT global_index FROM merkle_leaf WHERE leaf_index = ?", Long.class, leaf));
    }

    static void assertLocated(Finding f, String streamType, String streamId, long seq, long leaf, long globalIndex) {
        assertThat(f.streamType()).isEqualTo(streamType);
        assertThat(f.streamId()).isEqualTo(streamId);
        assertThat(f.sequence()).isEqualTo(seq);
        assertThat(f.leafIndex()).isEqualTo(leaf);
        assertThat(f.globalIndex()).isEqualTo(globalIndex);
    }

    long leaf(String aggregateId, long seq) {
        return jdbc.queryForObject("SELECT leaf_index FROM merkle_leaf WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", Long.class, aggregateId, seq);
    }

    long globalIndex(String aggregateId, long seq) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", Long.class, aggregateId, seq);
    }

    long maxGlobalIndex() {
        return count("SELECT MAX(global_index) FROM domain_event_entry");
    }

    long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    String ledgerId() {
        return jdbc.queryForObject("SELECT ledger_id FROM ledger_info", String.class);
    }

    String activeKey(String department) {
        return jdbc.queryForObject("SELECT key_id FROM ledger_key WHERE department = ? AND status = 'ACTIVE'",
                String.class, department);
    }

    byte[] payload(String aggregateId, long seq) {
        return jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", byte[].class, aggregateId, seq);
    }

    ObjectNode storedMeta(String aggregateId, long seq) {
        return metaAt(globalIndex(aggregateId, seq));
    }

    ObjectNode metaAt(long globalIndex) {
        return (ObjectNode) CanonicalJson.parse(jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE global_index = ?", byte[].class, globalIndex));
    }

    /** Reads the metadata bytes, edits them as JSON and writes them back in canonical form. */
    void editMeta(String aggregateId, long seq, java.util.function.Consumer<ObjectNode> edit) {
        ObjectNode meta = storedMeta(aggregateId, seq);
        edit.accept(meta);
        setColumn("meta_data", aggregateId, seq, CanonicalJson.write(meta));
    }

    void setColumn(String column, String aggregateId, long seq, byte[] bytes) {
        assertThat(jdbc.update("UPDATE domain_event_entry SET " + column + " = ? WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", bytes, aggregateId, seq)).isEqualTo(1);
    }

    /** Swaps the global indexes of two rows of {@code table}, through a free value (unique constraints). */
    void swapGlobalIndexes(String table, long a, long b) {
        long free = -1 - a;
        String sql = "UPDATE " + table + " SET global_index = ? WHERE global_index = ?";
        assertThat(jdbc.update(sql, free, a)).isEqualTo(1);
        assertThat(jdbc.update(sql, a, b)).isEqualTo(1);
        assertThat(jdbc.update(sql, b, free)).isEqualTo(1);
    }

    String note(long size) {
        return jdbc.queryForObject("SELECT note FROM checkpoint WHERE tree_size = ?", String.class, size);
    }

    static String signatureLines(String note) {
        return note.substring(note.lastIndexOf("\n\n") + 2);
    }

    /**
     * Appends a signed entry directly with SQL, as someone with database access and a private key could: a new
     * event row with explicit global index and its leaf at the end of the log. Returns the leaf index.
     */
    long append(Entry e, SigningKey key, String payloadType) {
        SignedEntry signed = EntrySigner.sign(e, key);
        ObjectNode meta = JsonNodeFactory.instance.objectNode()
                .put(LedgerMetaData.ACTOR_DEPARTMENT, e.actor().department())
                .put(LedgerMetaData.ACTOR_USER, e.actor().user())
                .put(LedgerMetaData.TIME, e.timeText())
                .put(LedgerMetaData.SCHEMA, Integer.toString(e.schema()))
                .put(LedgerMetaData.PREV, e.prev())
                .put(LedgerMetaData.KEY, e.keyId())
                .put(LedgerMetaData.HASH, signed.hashHex())
                .put(LedgerMetaData.SIGNATURE, Hex.encode(signed.signature()));
        long global = maxGlobalIndex() + 1;
        long leaf = merkle.size();
        lastAppendedGlobalIndex = global;
        insertEvent(global, e.stream().type(), e.stream().id(), e.seq(), payloadType, CanonicalJson.write(e.payload()),
                CanonicalJson.write(meta));
        jdbc.update("INSERT INTO merkle_leaf (leaf_index, global_index, aggregate_identifier, sequence_number, "
                        + "entry_hash, leaf_hash) VALUES (?, ?, ?, ?, ?, ?)", leaf, global, e.stream().id(), e.seq(),
                signed.hashHex(), new MerkleHasher(suite.hash()).leafHash(signed.leafData()));
        return leaf;
    }

    void insertEvent(long global, String type, String aggregateId, long seq, String payloadType, byte[] payload,
                     byte[] meta) {
        jdbc.update("INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                        + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)", global, UUID.randomUUID().toString(), aggregateId,
                seq, type, "2026-03-02T08:00:00Z", payloadType, payload, meta);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    JsonNode jsonOf(ResponseEntity<String> r) {
        try {
            return json.readTree(r.getBody());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static ResponseEntity<String> created(ResponseEntity<String> r) {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.CREATED);
        return r;
    }

    static ResponseEntity<String> ok(ResponseEntity<String> r) {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        return r;
    }

    ResponseEntity<String> post(String path, Object body) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(admin.username(), admin.password());
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, h), String.class);
    }

    ResponseEntity<String> get(String path, TestUsers.Credentials user) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user.username(), user.password());
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(h), String.class);
    }
}
