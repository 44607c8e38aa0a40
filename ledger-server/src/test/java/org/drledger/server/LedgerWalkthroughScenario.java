package org.drledger.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.command.sealer.CheckpointService;
import org.drledger.command.sealer.MerkleStore;
import org.drledger.core.checkpoint.NoteKey;
import org.drledger.core.checkpoint.NoteVerifier;
import org.drledger.core.checkpoint.SignedNote;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The walk-through on a running server: the office administrator registers a department and its key; the
 * entries are sealed; the checkpoint, an inclusion proof and a consistency proof all verify with the kernel.
 * Runs on H2 and on PostgreSQL (subclasses).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.checkpoint-every=1000000", "ledger.checkpoint-interval=1h"})
abstract class LedgerWalkthroughScenario {
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

    TestUsers.Credentials admin;

    @BeforeEach
    void officeAdministrator() {
        String office = jdbc.queryForObject("SELECT root_department FROM ledger_info", String.class);
        admin = TestUsers.create(jdbc, encoder, "office-admin-" + System.nanoTime(), office, Role.OFFICE_ADMIN);
    }

    @Test
    void anAdministratorRegistersADepartmentAndItsKeyAndEverythingIsProvable() throws Exception {
        ResponseEntity<String> created = post("/api/departments", Map.of("departmentId", "scjgj", "name", "资阳区市场监督管理局"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<String> key = post("/api/departments/scjgj/keys", Map.of());
        assertThat(key.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> merkle.size() == events);
        assertThat(checkpoints.signIfBehind()).contains(events);

        NoteKey logKey = NoteKey.parseVkey(http.getForObject("/api/log/key", String.class).strip());
        String note = http.getForObject("/api/log/checkpoint", String.class);
        NoteVerifier.VerifiedCheckpoint cp = NoteVerifier.verifyCheckpoint(SignedNote.parse(note), logKey, List.of());
        assertThat(cp.checkpoint().size()).isEqualTo(events);

        MerkleVerifier verifier = new MerkleVerifier(checkpoints.suiteHash());
        for (long leaf = 0; leaf < events; leaf++) {
            String proof = http.getForObject("/api/log/proof/inclusion?leaf=" + leaf + "&size=" + events, String.class);
            var inclusion = MerkleProofJson.parseInclusion(proof.getBytes(StandardCharsets.UTF_8));
            assertThat(inclusion.root()).isEqualTo(cp.checkpoint().root());
            verifier.verify(inclusion);
        }
        var consistency = MerkleProofJson.parseConsistency(http.getForObject(
                "/api/log/proof/consistency?from=1&to=" + events, String.class).getBytes(StandardCharsets.UTF_8));
        verifier.verify(consistency);
        assertThat(consistency.root2()).isEqualTo(cp.checkpoint().root());
    }

    @Test
    void badInputIsAProblemNamingFieldAndRuleAndWritesNothing() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        ResponseEntity<String> bad = post("/api/departments", Map.of("departmentId", "no spaces allowed", "name", ""));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(bad.getBody()).contains("\"field\":\"").contains("\"rule\":\"").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class)).isEqualTo(before);
    }

    ResponseEntity<String> post(String path, Object body) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(admin.username(), admin.password());
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, h), String.class);
    }
}
