package org.drledger.server.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drledger.command.actor.ActorMetaData;
import org.drledger.command.actor.Role;
import org.drledger.command.ledger.LedgerProperties;
import org.drledger.command.ledger.StoredEntry;
import org.drledger.command.sealer.CheckpointService;
import org.drledger.command.sealer.MerkleStore;
import org.drledger.command.vault.PersonalData;
import org.drledger.command.vault.ShredPersonalData;
import org.drledger.command.vault.VaultCipher;
import org.drledger.core.bytes.Hex;
import org.drledger.core.checkpoint.NoteKey;
import org.drledger.core.checkpoint.NoteVerifier;
import org.drledger.core.checkpoint.SignedNote;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.VerifyingKey;
import org.drledger.core.entry.Commitments;
import org.drledger.core.entry.LedgerHashing;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.merkle.InclusionProof;
import org.drledger.core.merkle.MerkleHasher;
import org.drledger.core.merkle.MerkleProofJson;
import org.drledger.core.merkle.MerkleVerifier;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The vault on a running server, written once and run on H2 and PostgreSQL (subclasses): a clerk seals a value,
 * an entry carries its commitment, the sealer logs it under a signed checkpoint, the office administrator shreds
 * the opening by a ledger entry, and afterwards the entry, its signature and its inclusion proof still verify
 * while no byte of the plaintext is left in the database. Roles: auditors and the administrator open, clerks seal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.checkpoint-every=1000000", "ledger.checkpoint-interval=1h"})
abstract class VaultScenario {
    private static final String ID_CARD = "110101199003074477";
    private static final String PHONE = "13912345678";
    private static final String EVENT_ROW = "SELECT global_index, type, aggregate_identifier, sequence_number, "
            + "payload_type, payload_revision, payload, meta_data FROM domain_event_entry ";

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
    CommandGateway commands;
    @Autowired
    CryptoSuite suite;
    @Autowired
    LedgerProperties properties;

    private final ObjectMapper json = new ObjectMapper();
    String office;
    String ledgerId;
    TestUsers.Credentials admin;
    TestUsers.Credentials auditor;
    TestUsers.Credentials clerk;

    @BeforeEach
    void users() {
        office = jdbc.queryForObject("SELECT root_department FROM ledger_info", String.class);
        ledgerId = jdbc.queryForObject("SELECT ledger_id FROM ledger_info", String.class);
        String n = Long.toString(System.nanoTime());
        admin = TestUsers.create(jdbc, encoder, "office-admin-" + n, office, Role.OFFICE_ADMIN);
        auditor = TestUsers.create(jdbc, encoder, "auditor-" + n, office, Role.AUDITOR);
        clerk = TestUsers.create(jdbc, encoder, "clerk-" + n, "scjgj", Role.DEPT_CLERK);
    }

    @Test
    void aShreddedOpeningIsGoneWhileItsEntryAndProofsStillVerify() throws Exception {
        // A clerk seals a value; the vault stores it encrypted under the suite's cipher.
        ObjectNode value = json.createObjectNode().put("idCard", ID_CARD).put("phone", PHONE);
        ResponseEntity<String> sealed = call(clerk, HttpMethod.POST, "/api/vault/openings", Map.of("value", value));
        assertThat(sealed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode sealedBody = json.readTree(sealed.getBody());
        String commitment = sealedBody.get("commitment").textValue();
        JsonNode field = sealedBody.get("field");
        assertThat(commitment).matches("[0-9a-f]{64}");
        assertThat(field).isEqualTo(json.createObjectNode().put(Commitments.FIELD, commitment));
        assertThat(jdbc.queryForObject("SELECT algorithm FROM vault_opening WHERE commitment = ?", String.class,
                commitment)).isEqualTo(VaultCipher.forSuite(suite).algorithm());
        assertThat(jdbc.queryForObject("SELECT nonce FROM vault_opening WHERE commitment = ?", byte[].class, commitment))
                .hasSize(12);

        // An entry carries the commitment field in place of the value.
        String noteId = "note-" + commitment.substring(0, 8);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ConfidentialNote.RecordConfidentialNote(noteId,
                "inspector contact", (ObjectNode) field)).andMetaData(ActorMetaData.of(office, admin.username())));
        SignedEntry note = entry(noteId);
        assertThat(note.entry().payload().get("phone")).isEqualTo(field);

        // The auditor opens it; the opening reproduces the entry's commitment.
        ResponseEntity<String> opened = call(auditor, HttpMethod.GET, "/api/vault/openings/" + commitment, null);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode openedBody = json.readTree(opened.getBody());
        assertThat(openedBody.get("value")).isEqualTo(value);
        Commitments.Opening opening = Commitments.Opening.fromJson(json.createObjectNode()
                .put("salt", openedBody.get("salt").textValue()).set("value", openedBody.get("value")));
        Commitments.verify(suite.hash(), note.entry().payload().get("phone"), opening);
        assertThat(call(admin, HttpMethod.GET, "/api/vault/openings/" + commitment, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // Only auditors and the administrator open; only the administrator shreds.
        assertThat(call(clerk, HttpMethod.GET, "/api/vault/openings/" + commitment, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(null, HttpMethod.GET, "/api/vault/openings/" + commitment, null).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        Map<String, String> shredBody = Map.of("reason", "inspector left the roster; retention ended",
                "legalBasis", "个人信息保护法 第四十七条");
        assertThat(call(auditor, HttpMethod.POST, "/api/vault/openings/" + commitment + "/shred", shredBody)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(clerk, HttpMethod.POST, "/api/vault/openings/" + commitment + "/shred", shredBody)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(auditor, HttpMethod.POST, "/api/vault/openings", Map.of("value", "x")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // The sealer logs everything so far; a checkpoint is signed.
        long size = sealAll();
        assertThat(checkpoints.signIfBehind()).contains(size);
        NoteKey logKey = NoteKey.parseVkey(http.getForObject("/api/log/key", String.class).strip());
        NoteVerifier.VerifiedCheckpoint cp = NoteVerifier.verifyCheckpoint(
                SignedNote.parse(http.getForObject("/api/log/checkpoint", String.class)), logKey, List.of());
        assertThat(cp.checkpoint().size()).isEqualTo(size);
        assertNoPlaintextAnywhere();

        // The administrator shreds: a ledger entry, applied to the vault in the same transaction.
        ResponseEntity<String> shred = call(admin, HttpMethod.POST, "/api/vault/openings/" + commitment + "/shred",
                shredBody);
        assertThat(shred.getStatusCode()).isEqualTo(HttpStatus.OK);
        SignedEntry shredEntry = entry("pd:" + commitment);
        assertThat(shredEntry.entry().stream().type()).isEqualTo(PersonalData.TYPE);
        assertThat(shredEntry.entry().type()).isEqualTo("PersonalDataShredded");
        assertThat(shredEntry.entry().actor().user()).isEqualTo(admin.username());
        assertThat(shredEntry.entry().payload()).isEqualTo(json.createObjectNode().put("commitment", commitment)
                .put("reason", shredBody.get("reason")).put("legalBasis", shredBody.get("legalBasis")));
        verifyHashAndSignature(shredEntry);

        Map<String, Object> row = jdbc.queryForMap("SELECT nonce, ciphertext, shredded_at, shred_event FROM vault_opening "
                + "WHERE commitment = ?", commitment);
        assertThat(row.get("nonce")).isNull();
        assertThat(row.get("ciphertext")).isNull();
        assertThat(row.get("shredded_at")).isEqualTo(shredEntry.entry().timeText());
        assertThat(row.get("shred_event")).isEqualTo(jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, "pd:" + commitment));
        JsonNode shredReply = json.readTree(shred.getBody());
        assertThat(shredReply.get("shreddedAt").textValue()).isEqualTo(row.get("shredded_at"));
        assertThat(shredReply.get("shredEvent").textValue()).isEqualTo(row.get("shred_event"));

        // The opening is gone for everyone; a second shred is a conflict.
        ResponseEntity<String> gone = call(auditor, HttpMethod.GET, "/api/vault/openings/" + commitment, null);
        assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(gone.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json.readTree(gone.getBody()).get("rule").textValue()).isEqualTo("shredded");
        assertThat(json.readTree(gone.getBody()).get("field").textValue()).isEqualTo("commitment");
        assertThat(json.readTree(gone.getBody()).get("shredEvent").textValue()).isEqualTo(row.get("shred_event"));
        ResponseEntity<String> again = call(admin, HttpMethod.POST, "/api/vault/openings/" + commitment + "/shred",
                shredBody);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json.readTree(again.getBody()).get("rule").textValue()).isEqualTo("already-shredded");

        // The note's entry still verifies, and so does its inclusion proof against the earlier checkpoint.
        SignedEntry noteAfter = entry(noteId);
        assertThat(noteAfter.hash()).isEqualTo(note.hash());
        verifyHashAndSignature(noteAfter);
        Commitments.verify(suite.hash(), noteAfter.entry().payload().get("phone"), opening);
        InclusionProof inclusion = MerkleProofJson.parseInclusion(http.getForObject("/api/log/proof/inclusion?entryHash="
                + noteAfter.hashHex() + "&size=" + size, String.class).getBytes(StandardCharsets.UTF_8));
        assertThat(inclusion.leafHash()).isEqualTo(new MerkleHasher(suite.hash()).leafHash(noteAfter.leafData()));
        assertThat(inclusion.root()).isEqualTo(cp.checkpoint().root());
        new MerkleVerifier(suite.hash()).verify(inclusion);

        // The shred itself is an entry of the log.
        long grown = sealAll();
        assertThat(merkle.leafByEntryHash(shredEntry.hashHex())).isPresent();
        assertThat(checkpoints.signIfBehind()).contains(grown);
        InclusionProof shredInclusion = MerkleProofJson.parseInclusion(http.getForObject(
                "/api/log/proof/inclusion?entryHash=" + shredEntry.hashHex(), String.class).getBytes(StandardCharsets.UTF_8));
        new MerkleVerifier(suite.hash()).verify(shredInclusion);
        assertThat(shredInclusion.leafHash()).isEqualTo(new MerkleHasher(suite.hash()).leafHash(shredEntry.leafData()));

        assertNoPlaintextAnywhere();
    }

    @Test
    void badRequestsAreProblemsNamingFieldAndRuleAndWriteNothing() throws Exception {
        long events = count("domain_event_entry");
        long openings = count("vault_opening");
        assertProblem(call(clerk, HttpMethod.POST, "/api/vault/openings", Map.of()), 400, "value", "required");
        assertProblem(call(clerk, HttpMethod.POST, "/api/vault/openings", json.readTree("{\"value\":null}")), 400,
                "value", "required");
        assertThat(call(clerk, HttpMethod.POST, "/api/vault/openings", json.readTree("{\"value\":1.5}"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertProblem(call(clerk, HttpMethod.POST, "/api/vault/openings", Map.of("value", "x".repeat(20_000))), 400,
                "value", "too-large");
        assertProblem(call(auditor, HttpMethod.GET, "/api/vault/openings/NOT-HEX", null), 400, "commitment",
                "commitment-format");
        String unknown = "ab".repeat(32);
        assertProblem(call(auditor, HttpMethod.GET, "/api/vault/openings/" + unknown, null), 404, "commitment",
                "unknown-commitment");
        assertProblem(call(admin, HttpMethod.POST, "/api/vault/openings/" + unknown + "/shred",
                Map.of("reason", "r", "legalBasis", "b")), 404, "commitment", "unknown-commitment");

        String commitment = json.readTree(call(admin, HttpMethod.POST, "/api/vault/openings", Map.of("value", PHONE))
                .getBody()).get("commitment").textValue();
        assertProblem(call(admin, HttpMethod.POST, "/api/vault/openings/" + commitment + "/shred",
                Map.of("legalBasis", "b")), 400, "reason", "NotBlank");
        assertProblem(call(admin, HttpMethod.POST, "/api/vault/openings/" + commitment + "/shred",
                Map.of("reason", "r", "legalBasis", " ")), 400, "legalBasis", "NotBlank");
        assertThat(count("domain_event_entry")).isEqualTo(events);
        assertThat(count("vault_opening")).isEqualTo(openings + 1);
        assertThat(call(auditor, HttpMethod.GET, "/api/vault/openings/" + commitment, null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aTamperedOrMovedCiphertextIsRefusedNotOpened() throws Exception {
        String a = json.readTree(call(admin, HttpMethod.POST, "/api/vault/openings", Map.of("value", ID_CARD))
                .getBody()).get("commitment").textValue();
        String b = json.readTree(call(admin, HttpMethod.POST, "/api/vault/openings", Map.of("value", PHONE))
                .getBody()).get("commitment").textValue();

        byte[] ct = jdbc.queryForObject("SELECT ciphertext FROM vault_opening WHERE commitment = ?", byte[].class, a);
        ct[3] ^= 0x01;
        jdbc.update("UPDATE vault_opening SET ciphertext = ? WHERE commitment = ?", ct, a);
        ResponseEntity<String> tampered = call(auditor, HttpMethod.GET, "/api/vault/openings/" + a, null);
        assertProblem(tampered, 500, "commitment", "vault-integrity");
        assertThat(tampered.getBody()).doesNotContain(ID_CARD).doesNotContain("Exception");

        // b's ciphertext and nonce moved into another row: the associated data (the commitment) no longer matches.
        Map<String, Object> rowB = jdbc.queryForMap("SELECT nonce, ciphertext FROM vault_opening WHERE commitment = ?", b);
        jdbc.update("UPDATE vault_opening SET nonce = ?, ciphertext = ? WHERE commitment = ?", rowB.get("nonce"),
                rowB.get("ciphertext"), a);
        ResponseEntity<String> moved = call(auditor, HttpMethod.GET, "/api/vault/openings/" + a, null);
        assertProblem(moved, 500, "commitment", "vault-integrity");
        assertThat(moved.getBody()).doesNotContain(PHONE);
        assertThat(call(auditor, HttpMethod.GET, "/api/vault/openings/" + b, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aShredTheVaultCannotApplyIsNotRecorded() {
        long events = count("domain_event_entry");
        String unknown = "cd".repeat(32);
        assertThatThrownBy(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new ShredPersonalData(unknown, "no such opening", "test")).andMetaData(ActorMetaData.of(office,
                admin.username())))).hasMessageContaining("no unshredded opening");
        assertThat(count("domain_event_entry")).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, unknown)).isZero();
    }

    @Test
    void theVaultKeyIsAnOwnerOnlyFileOutsideTheDatabase() throws Exception {
        call(clerk, HttpMethod.POST, "/api/vault/openings", Map.of("value", "k"));
        Path key = properties.keyDir().resolve("vault.key");
        assertThat(key).exists();
        byte[] master = Files.readAllBytes(key);
        assertThat(master).hasSize(32);
        if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        }
        assertNotInDatabase(List.of(master, HexFormat.of().formatHex(master).getBytes(StandardCharsets.US_ASCII)));
    }

    private void assertProblem(ResponseEntity<String> r, int status, String field, String rule) throws Exception {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode p = json.readTree(r.getBody());
        assertThat(p.get("field").textValue()).isEqualTo(field);
        assertThat(p.get("rule").textValue()).isEqualTo(rule);
        assertThat(r.getBody()).doesNotContain("at org.");
    }

    /** Waits until the sealer has logged every stored event; returns the log size. */
    private long sealAll() {
        long events = count("domain_event_entry");
        await().atMost(Duration.ofSeconds(30)).until(() -> merkle.size() == events);
        return events;
    }

    private SignedEntry entry(String aggregateId) {
        StoredEntry.Row row = jdbc.queryForObject(EVENT_ROW + "WHERE aggregate_identifier = ? AND sequence_number = 0",
                (rs, i) -> new StoredEntry.Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getBytes(8)), aggregateId);
        return StoredEntry.rebuild(row, ledgerId);
    }

    private void verifyHashAndSignature(SignedEntry e) {
        byte[] hash = LedgerHashing.entryHash(suite.hash(), e.canonicalEnvelope());
        assertThat(Hex.encode(hash)).isEqualTo(e.hashHex());
        VerifyingKey key = suite.publicKeyFromSpki(jdbc.queryForObject("SELECT public_key FROM ledger_key WHERE key_id = ?",
                byte[].class, e.entry().keyId()));
        assertThat(key.verify(LedgerHashing.signingInput(hash), e.signature())).isTrue();
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private void assertNoPlaintextAnywhere() {
        List<byte[]> needles = new ArrayList<>();
        for (String s : List.of(ID_CARD, PHONE)) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            needles.add(utf8);
            needles.add(HexFormat.of().formatHex(utf8).getBytes(StandardCharsets.US_ASCII));
        }
        Map<String, Long> scanned = assertNotInDatabase(needles);
        assertThat(scanned.get("vault_opening")).isPositive();
        assertThat(scanned.get("domain_event_entry")).isPositive();
    }

    /** Scans every column of every row of every table of the ledger's schema; returns rows scanned per table. */
    private Map<String, Long> assertNotInDatabase(List<byte[]> needles) {
        return jdbc.execute((ConnectionCallback<Map<String, Long>>) c -> {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : tables) {
                long n = 0;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        n++;
                        for (int i = 1; i <= columns; i++) {
                            Object v = rs.getObject(i);
                            byte[] bytes = v instanceof byte[] b ? b : String.valueOf(v).getBytes(StandardCharsets.UTF_8);
                            for (byte[] needle : needles) {
                                assertThat(indexOf(bytes, needle)).as("secret found in %s.%s", table,
                                        rs.getMetaData().getColumnName(i)).isEqualTo(-1);
                            }
                        }
                    }
                }
                rows.put(table.toLowerCase(java.util.Locale.ROOT), n);
            }
            return rows;
        });
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private ResponseEntity<String> call(TestUsers.Credentials user, HttpMethod method, String path, Object body) {
        HttpHeaders h = new HttpHeaders();
        if (user != null) {
            h.setBasicAuth(user.username(), user.password());
        }
        if (body != null) {
            h.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, h), String.class);
    }
}
