package org.drledger.server.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.drledger.command.actor.Role;
import org.drledger.command.sealer.CheckpointService;
import org.drledger.command.sealer.MerkleStore;
import org.drledger.core.bytes.Hex;
import org.drledger.core.checkpoint.Checkpoint;
import org.drledger.core.checkpoint.NoteSigner;
import org.drledger.core.checkpoint.SignedNote;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.HashAlgorithm;
import org.drledger.core.draw.DrawHashes;
import org.drledger.core.testing.DeterministicRandom;
import org.drledger.server.checklist.SeedItems;
import org.drledger.server.registry.RegistryFiles;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.MutableClock;
import org.drledger.server.testing.ServerTestSupport;
import org.drledger.server.testing.TestUsers;
import org.drledger.verifier.BundleVerifier;
import org.drledger.verifier.Report;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * One small district workflow, run once per database (subclasses): a department list, registries imported by CSV
 * (ID card numbers and phones sealed in the vault), an ad hoc joint task frozen, committed, sealed before drand
 * quicknet round 123, drawn, a recusal; a result entered with sealed findings and a follow-up, reviewed, published,
 * the follow-up done; everything checkpointed. The export tests download bundles of it and verify them with the
 * offline verifier.
 */
@Import(ExportScenario.Clocks.class)
@TestPropertySource(properties = "ledger.export.page-size=3") // many keyset pages even on a small ledger
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExportScenario extends ServerTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SIGNATURE = "b75c69d0b72a5d906e854e808ba7e2accb1542ac355ae486d591aa9d43765482e26cd02df835d3546d23c4b13e0dfc92";
    static final String RANDOMNESS = "fb8f7bc29bf24db51871ec8c79f3a1e4bd0557bc0dfcee9ed1d924e69d1c60dc";
    static final String ORG = "organizer";
    static final String DIO = "discipline-office";
    static final String FINDINGS = "经营场所存放过期食品三批次（导出测试）";
    static final String[] CLASSES = {"A", "B", "C", "D"};

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MutableClock exportClock() {
            return new MutableClock(LocalDate.of(2023, 8, 1));
        }
    }

    @Autowired
    MutableClock clock;
    @Autowired
    MerkleStore merkle;
    @Autowired
    CheckpointService checkpoints;
    @Autowired
    CryptoSuite suite;

    /** What the workflow made; built once per class. */
    record World(String market, String env, TestUsers.Credentials marketClerk, TestUsers.Credentials marketApprover,
                 TestUsers.Credentials envClerk, String listId, String taskId, List<String> entities,
                 List<String> personal, String target, String notDrawn, long sealedSize) {
    }

    World world;

    @BeforeEach
    void workflowOnce() {
        if (world == null) {
            world = workflow();
        }
    }

    private World workflow() {
        clock.setToday(LocalDate.of(2023, 8, 1));
        String market = department();
        String env = department();
        TestUsers.Credentials marketClerk = user(market, Role.DEPT_CLERK);
        TestUsers.Credentials marketApprover = user(market, Role.DEPT_APPROVER);
        TestUsers.Credentials envClerk = user(env, Role.DEPT_CLERK);
        String listId = market + "-list";
        ok(http.post("/api/checklists", marketClerk, Map.of("listId", listId, "ownerDepartment", market, "kind",
                "DEPARTMENT", "title", "随机抽查事项清单")), 201);
        ok(http.post("/api/checklists/" + listId + "/items", marketClerk, SeedItems.item("A01-01")), 200);
        ok(http.post("/api/checklists/" + listId + "/publish", marketApprover, null), 200);

        // registries: 40 objects of the market department, 4 + 4 officers with sealed ID card numbers and phones
        List<String> entities = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = RegistryFiles.uscc(9100 + i + Math.abs(market.hashCode() % 1000) * 100L);
            entities.add(id);
            rows.add(String.join(",", id, "ENTERPRISE", "导出测试企业" + i, i % 2 == 0 ? "food" : "retail",
                    "D" + (i % 3), "资阳区某路" + i + "号", "ACTIVE", CLASSES[i % 4], market));
        }
        ok(http.send("POST", "/api/registries/objects/imports", marketClerk, "text/csv; charset=UTF-8",
                RegistryFiles.csv(RegistryFiles.OBJECT_HEADER, rows)), 200);
        List<String> personal = new ArrayList<>();
        officers(market, marketClerk, "MK", personal);
        officers(env, envClerk, "EV", personal);
        sealAndCheckpoint();

        // a witness cosigns a checkpoint; the market department rotates its key before the task
        NoteSigner witness = NoteSigner.witness("witness.export.example",
                suite.generateKey(new DeterministicRandom("export witness")));
        ok(http.post("/api/witnesses", admin, Map.of("vkey", witness.noteKey().vkey())), 201);
        String marketKey = jdbc.queryForObject("SELECT key_id FROM ledger_key WHERE department = ? AND status = "
                + "'ACTIVE'", String.class, market);
        ok(http.post("/api/departments/" + market + "/keys/" + marketKey + "/rotate", admin,
                Map.of("reason", "annual")), 200);
        long cosigned = sealAndCheckpoint();
        Checkpoint cp = Checkpoint.parse(SignedNote.parse(http.get("/api/log/checkpoints/" + cosigned, null).body())
                .text());
        ok(http.send("POST", "/api/log/checkpoints/" + cosigned + "/cosignatures", null, "text/plain",
                witness.cosign(cp, cp.time().orElseThrow() + 1).line()), 201);

        // an ad hoc joint task on the draw day, sealed and checkpointed before round 123
        clock.set(Instant.parse("2023-08-23T02:00:00Z"));
        String taskId = unique("export-task");
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("taskId", taskId);
        task.put("source", "AD_HOC");
        task.put("adHocApproval", Map.of("approver", "区政府分管领导", "document", "资市监〔2023〕18号", "date",
                "2023-08-22"));
        task.put("leadDepartment", market);
        task.put("assistingDepartments", List.of(env));
        task.put("category", "ROUTINE");
        task.put("items", List.of(Map.of("listId", listId, "code", "A01-01")));
        task.put("drawPlan", drawPlan(taskId, market, env));
        ok(http.post("/api/tasks", marketApprover, task), 201);
        String path = "/api/tasks/" + taskId;
        ok(http.post(path + "/freeze", marketClerk, null), 200);
        ok(http.post(path + "/commitments", marketClerk, Map.of("partyId", ORG, "commitment",
                Hex.encode(DrawHashes.commitment(taskId, ORG, secret(taskId, ORG))))), 200);
        ok(http.post(path + "/commitments", envClerk, Map.of("partyId", DIO, "commitment",
                Hex.encode(DrawHashes.commitment(taskId, DIO, secret(taskId, DIO))))), 200);
        sealAndCheckpoint();

        clock.set(Instant.parse("2023-08-23T15:20:00Z"));
        ok(http.post(path + "/randomness", marketClerk, Map.of("source", "drand-quicknet", "round", 123,
                "signature", SIGNATURE, "randomness", RANDOMNESS)), 200);
        ok(http.post(path + "/reveals", marketClerk, Map.of("partyId", ORG, "secret",
                Hex.encode(secret(taskId, ORG)))), 200);
        ok(http.post(path + "/reveals", envClerk, Map.of("partyId", DIO, "secret",
                Hex.encode(secret(taskId, DIO)))), 200);
        JsonNode draw = ok(http.post(path + "/draw", marketClerk, null), 200);
        sealAndCheckpoint();
        JsonNode drawn = draw.has("draw") ? draw.get("draw") : draw;
        JsonNode team = drawn.at("/teams/0");
        if (team.isMissingNode()) {
            team = taskEntry(taskId, "DrawExecuted").at("/teams/0");
        }
        String target = team.get("entityId").asText();
        ok(http.post(path + "/recusals", marketApprover, Map.of("objectId", target, "officerId",
                team.at("/slots/1/officerId").asText(), "reason", "与检查对象负责人系近亲属", "decidedBy", "局长 王某")),
                200);
        List<String> targets = taskEntry(taskId, "DrawExecuted").get("targets").findValuesAsText("entityId");
        String notDrawn = entities.stream().filter(e -> !targets.contains(e)).findFirst().orElseThrow();

        // the result: entered with sealed findings and a follow-up, reviewed, published; the follow-up done
        clock.setToday(LocalDate.of(2023, 9, 11));
        String result = "/api/results/" + taskId + "/" + target + "/A01-01";
        Map<String, Object> entry = new HashMap<>();
        entry.put("method", "ON_SITE");
        entry.put("resultCodes", List.of("A"));
        entry.put("findings", FINDINGS);
        entry.put("evidence", List.of("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        entry.put("followUps", List.of(Map.of("measure", "ORDER_CORRECTION", "state", "OPEN")));
        entry.put("triggerKind", "INSPECTION_ENDED");
        entry.put("triggerDate", "2023-09-08");
        ok(http.send("PUT", result, marketClerk, "application/json", Http.toJson(entry)), 200);
        clock.setToday(LocalDate.of(2023, 9, 12));
        ok(http.post(result + "/review", marketApprover, Map.of("decision", "APPROVED")), 200);
        ok(http.post(result + "/publish", marketApprover, "{}"), 200);
        clock.setToday(LocalDate.of(2023, 9, 20));
        ok(http.post(result + "/follow-ups/1", marketClerk, Map.of("state", "DONE", "completedOn", "2023-09-19")),
                200);
        long sealed = sealAndCheckpoint();
        return new World(market, env, marketClerk, marketApprover, envClerk, listId, taskId, entities, personal,
                target, notDrawn, sealed);
    }

    private void officers(String department, TestUsers.Credentials clerk, String prefix, List<String> personal) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = prefix + Math.abs(department.hashCode() % 1000) + "x" + i;
            long person = Math.abs((long) department.hashCode()) % 100000 * 10 + i + 100000;
            String idCard = RegistryFiles.idCard(person);
            String phone = RegistryFiles.phone(person);
            personal.add(idCard);
            personal.add(phone);
            rows.add(String.join(",", id, department, "检查员" + id, "川执" + id, "2027-06-30", "food;retail",
                    "A01-01", "D" + (i % 3), "ACTIVE", "false", "", idCard, phone));
        }
        ok(http.send("POST", "/api/registries/inspectors/imports", clerk, "text/csv; charset=UTF-8",
                RegistryFiles.csv(RegistryFiles.INSPECTOR_HEADER, rows)), 200);
    }

    private static Map<String, Object> drawPlan(String taskId, String lead, String assisting) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("algorithm", "drl-draw/1");
        p.put("taskId", taskId);
        p.put("stratifyBy", "creditRiskClass");
        p.put("strata", List.of(
                Map.of("stratum", "A", "ratio", Map.of("num", 1, "den", 10), "min", 1),
                Map.of("stratum", "B", "ratio", Map.of("num", 1, "den", 10)),
                Map.of("stratum", "C", "ratio", Map.of("num", 1, "den", 5)),
                Map.of("stratum", "D", "ratio", Map.of("num", 1, "den", 5))));
        p.put("populationFilter", Map.of("items", List.of("A01-01"), "frequencyCap", Map.of("maxPerYear", 2, "year",
                2023, "exemptCategories", List.of("COMPLAINT"))));
        p.put("officerCap", 4);
        p.put("teamTemplate", List.of(Map.of("allowedDepartments", List.of(lead)),
                Map.of("allowedDepartments", List.of(assisting))));
        p.put("matchingRules", Map.of("distinctDepartments", true, "avoidSameDistrict", false));
        p.put("relaxationLadder", List.of());
        p.put("randomness", Map.of("source", "drand-quicknet", "round", 123));
        p.put("parties", List.of(ORG, DIO));
        p.put("revealDeadline", "2023-08-23T16:00:00Z");
        p.put("plannedDates", Map.of("from", "2023-09-01", "to", "2023-09-30"));
        return p;
    }

    static byte[] secret(String taskId, String party) {
        return HashAlgorithm.SHA_256.digest(("export secret of " + party + " for " + taskId)
                .getBytes(StandardCharsets.UTF_8));
    }

    long sealAndCheckpoint() {
        long n = events();
        await().atMost(Duration.ofSeconds(60)).until(() -> merkle.size() == n);
        checkpoints.signIfBehind();
        return n;
    }

    JsonNode taskEntry(String taskId, String type) {
        return jdbc.query("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type "
                        + "LIKE ? ORDER BY sequence_number", (rs, i) -> readTree(rs.getBytes(1)), "task:" + taskId,
                "%" + type).get(0);
    }

    static JsonNode readTree(byte[] b) {
        try {
            return JSON.readTree(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode ok(Http.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        return r.status() == 204 || r.body().isEmpty() ? null : r.json();
    }

    // ---- downloads and bundle reading ----

    record Download(int status, String contentType, Map<String, List<String>> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    Download download(String method, String path, TestUsers.Credentials who) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (who != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (who.username() + ":" + who.password()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.headers().map(),
                    r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Downloads a bundle (200, application/zip), verifies it offline and returns the report and the members. */
    Bundle bundle(String path, TestUsers.Credentials who) {
        Download d = download("GET", path, who);
        assertThat(d.status()).as(d.status() + " " + d.text()).isEqualTo(200);
        assertThat(d.contentType()).startsWith("application/zip");
        return Bundle.of(d.body());
    }

    record Bundle(Report report, Map<String, String> members) {
        static Bundle of(byte[] zip) {
            try {
                Path file = Files.createTempFile("drl-export-", ".zip");
                Files.write(file, zip);
                Report report = BundleVerifier.verify(file, BundleVerifier.Options.none());
                Map<String, String> members = new LinkedHashMap<>();
                try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
                    for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                        members.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
                Files.delete(file);
                return new Bundle(report, members);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (org.drledger.verifier.UnusableInputException e) {
                throw new AssertionError("the bundle is not usable: " + e.getMessage(), e);
            }
        }

        JsonNode manifest() {
            return readTree(members.get("manifest.json").getBytes(StandardCharsets.UTF_8));
        }

        List<JsonNode> lines(String member) {
            List<JsonNode> out = new ArrayList<>();
            for (String l : members.getOrDefault(member, "").split("\n")) {
                if (!l.isEmpty()) {
                    out.add(readTree(l.getBytes(StandardCharsets.UTF_8)));
                }
            }
            return out;
        }

        List<String> types(String member) {
            return lines(member).stream().map(l -> l.at("/signed/entry/type").asText()).toList();
        }

        List<String> streams(String member) {
            return lines(member).stream().map(l -> l.at("/signed/entry/stream/id").asText()).toList();
        }

        String allText() {
            return String.join("\n", members.values());
        }

        /** Verified, no check failed, and the named checks passed. */
        void verifiedWith(String... passing) {
            assertThat(report.verified()).as(report.toText()).isTrue();
            for (Report.Check c : report.checks()) {
                assertThat(c.status()).as(c.name() + "\n" + report.toText()).isNotEqualTo(Report.Status.FAIL);
            }
            for (String name : passing) {
                assertThat(report.get(name).orElseThrow().status()).as(name + "\n" + report.toText())
                        .isEqualTo(Report.Status.PASS);
            }
        }
    }

    static void problem(Download d, int status, String field, String rule) {
        assertThat(d.status()).as(d.text()).isEqualTo(status);
        assertThat(d.contentType()).as(d.text()).startsWith("application/problem+json");
        assertThat(d.json().get("field").asText()).as(d.text()).isEqualTo(field);
        assertThat(d.json().get("rule").asText()).as(d.text()).isEqualTo(rule);
        assertThat(d.text()).as("no stack trace").doesNotContain("at org.", "Exception");
    }

    TestUsers.Credentials auditor() {
        return user(office, Role.AUDITOR);
    }
}
