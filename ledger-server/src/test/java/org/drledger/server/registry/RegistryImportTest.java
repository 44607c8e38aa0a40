package org.drledger.server.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.drledger.server.registry.RegistryRestTest.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drledger.command.actor.Role;
import org.drledger.command.ledger.LedgerProperties;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.TestDatabases;
import org.drledger.server.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * CSV imports on H2: the per-row report; a file with a rejected row writes nothing unless partial; re-importing
 * writes nothing new; dry runs; jobs with progress and a paged report; batches of 1,000 rows per transaction; files
 * refused as a whole (syntax, header, encoding).
 */
@Import(RegistrationTransactions.class)
class RegistryImportTest extends RegistryTestSupport {
    @Autowired
    RegistrationTransactions transactions;
    @Autowired
    LedgerProperties ledger;

    private String dept;
    private TestUsers.Credentials clerk;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @BeforeEach
    void setUp() {
        dept = department();
        clerk = user(dept, Role.DEPT_CLERK);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private Map<String, Long> writes() {
        Map<String, Long> m = new HashMap<>();
        for (String t : List.of("domain_event_entry", "registry_object", "registry_inspector", "vault_opening")) {
            m.put(t, count(t));
        }
        return m;
    }

    private static Map<Long, JsonNode> rows(JsonNode view) {
        Map<Long, JsonNode> m = new HashMap<>();
        JsonNode report = view.has("import") ? view.get("import").get("report") : view.get("report");
        report.get("rows").forEach(r -> m.put(r.get("row").asLong(), r));
        return m;
    }

    /**
     * Rows 2..8: two good rows and five rejected ones, each with its field and rule. Ids from {@code first}: each test
     * uses its own (the tests share one database, and another department's records would be refused).
     */
    private String mixedFile(long first) {
        List<String> rows = new ArrayList<>(RegistryFiles.objects(first, 2, dept));
        rows.add(RegistryFiles.object("91350100M000100Y4", "ENTERPRISE", "坏代码", "A", dept));
        rows.add(RegistryFiles.object(RegistryFiles.uscc(first + 2), "ENTERPRISE", "", "A", dept));
        rows.add(RegistryFiles.object(RegistryFiles.uscc(first + 3), "FACTORY", "未知类型", "A", dept));
        rows.add(RegistryFiles.uscc(first + 4) + ",ENTERPRISE,少一列");
        rows.add(RegistryFiles.object(RegistryFiles.uscc(first), "ENTERPRISE", "重复", "B", dept));
        return RegistryFiles.csv(RegistryFiles.OBJECT_HEADER, rows);
    }

    @Test
    void theReportNamesEachRowsStatusFieldAndRuleAndARejectedFileWritesNothing() {
        Map<String, Long> before = writes();
        Http.Response r = postCsv("objects", clerk, mixedFile(2000), "");
        problem(r, 422, "file", "rows-rejected");
        assertThat(writes()).isEqualTo(before);
        JsonNode view = r.json().get("import");
        assertThat(view.get("status").asText()).isEqualTo("REJECTED");
        assertThat(view.at("/rows/total").asLong()).isEqualTo(7);
        assertThat(view.at("/rows/accepted").asLong()).as(view.toString()).isEqualTo(2);
        assertThat(view.at("/rows/rejected").asLong()).isEqualTo(5);
        assertThat(view.at("/rows/written").asLong()).isZero();
        Map<Long, JsonNode> rows = rows(r.json());
        assertThat(rows.get(2L).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(rows.get(3L).get("status").asText()).isEqualTo("ACCEPTED");
        assertIssue(rows.get(4L), "objectId", "uscc-malformed");
        assertIssue(rows.get(5L), "name", "required");
        assertIssue(rows.get(6L), "objectType", "unknown-value");
        assertIssue(rows.get(7L), "row", "csv-field-count");
        assertIssue(rows.get(8L), "objectId", "duplicate-in-file");
        assertThat(rows.get(8L).at("/issues/0/message").asText()).contains("row 2");
        assertThat(rows.get(8L).get("id").asText()).isEqualTo(RegistryFiles.uscc(2000));
    }

    private static void assertIssue(JsonNode row, String field, String rule) {
        assertThat(row.get("status").asText()).as(row.toString()).isEqualTo("REJECTED");
        assertThat(row.at("/issues/0/severity").asText()).isEqualTo("ERROR");
        assertThat(row.at("/issues/0/field").asText()).as(row.toString()).isEqualTo(field);
        assertThat(row.at("/issues/0/rule").asText()).as(row.toString()).isEqualTo(rule);
    }

    @Test
    void aPartialImportWritesOnlyTheAcceptedRows() {
        long events = events();
        Http.Response r = postCsv("objects", clerk, mixedFile(2100), "partial=true");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("DONE");
        assertThat(r.json().at("/rows/written").asLong()).isEqualTo(2);
        assertThat(r.json().at("/rows/rejected").asLong()).isEqualTo(5);
        assertThat(events()).isEqualTo(events + 2);
        assertThat(jdbc.queryForList("SELECT object_id FROM registry_object WHERE registry_department = ? "
                + "ORDER BY object_id", String.class, dept))
                .containsExactly(RegistryFiles.uscc(2100), RegistryFiles.uscc(2101));
    }

    @Test
    void reImportingTheSameFileWritesNothingNew() {
        String objects = RegistryFiles.csv(RegistryFiles.OBJECT_HEADER, RegistryFiles.objects(3000, 20, dept));
        String inspectors = RegistryFiles.csv(RegistryFiles.INSPECTOR_HEADER, List.of(
                RegistryFiles.inspector("R-1", dept, "A07-01", RegistryFiles.uscc(3000), 31),
                RegistryFiles.inspector("R-2", dept, "A07-01;B02-01", "", 32)));
        assertThat(postCsv("objects", clerk, objects, "").json().at("/rows/written").asLong()).isEqualTo(20);
        assertThat(postCsv("inspectors", clerk, inspectors, "").json().at("/rows/written").asLong()).isEqualTo(2);
        Map<String, Long> before = writes();
        Http.Response again = postCsv("objects", clerk, objects, "");
        assertThat(again.json().at("/rows/unchanged").asLong()).as(again.toString()).isEqualTo(20);
        assertThat(again.json().at("/rows/written").asLong()).isZero();
        Http.Response againInspectors = postCsv("inspectors", clerk, inspectors, "");
        assertThat(againInspectors.json().at("/rows/unchanged").asLong()).isEqualTo(2);
        assertThat(rows(againInspectors.json()).get(2L).get("status").asText()).isEqualTo("UNCHANGED");
        assertThat(writes()).isEqualTo(before);

        // one changed risk class and one changed address: two revisions, one new opening (the class)
        List<String> rows = new ArrayList<>(RegistryFiles.objects(3000, 20, dept));
        rows.set(5, RegistryFiles.object(RegistryFiles.uscc(3005), "ENTERPRISE", "资阳测试企业3005", "D", dept));
        rows.set(6, rows.get(6).replace("某路", "新路"));
        Http.Response changed = postCsv("objects", clerk, RegistryFiles.csv(RegistryFiles.OBJECT_HEADER, rows), "");
        assertThat(changed.json().at("/rows/written").asLong()).isEqualTo(2);
        assertThat(changed.json().at("/rows/unchanged").asLong()).isEqualTo(18);
        assertThat(count("domain_event_entry")).isEqualTo(before.get("domain_event_entry") + 2);
        assertThat(count("vault_opening")).isEqualTo(before.get("vault_opening") + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, "entity:" + RegistryFiles.uscc(3006))).isEqualTo(2);
    }

    @Test
    void aDryRunReportsWithoutWriting() {
        Map<String, Long> before = writes();
        Http.Response r = postCsv("objects", clerk, mixedFile(2200), "dryRun=true");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("dryRun").asBoolean()).isTrue();
        assertThat(r.json().at("/rows/accepted").asLong()).isEqualTo(2);
        assertThat(r.json().at("/rows/rejected").asLong()).isEqualTo(5);
        assertThat(r.json().get("message").asText()).contains("nothing was written");
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void legacyCodesNeedTheRowsWordAndAreAcceptedWithAWarning() {
        String legacy = RegistryFiles.mistyped(4000);
        String csv = RegistryFiles.csv(RegistryFiles.OBJECT_HEADER_LEGACY, List.of(
                RegistryFiles.object(legacy, "ENTERPRISE", "早期试点企业", "A", dept) + ",true",
                RegistryFiles.object(RegistryFiles.mistyped(4001), "ENTERPRISE", "打错的代码", "A", dept) + ",",
                RegistryFiles.object("91350211M0000XUF46", "ENTERPRISE", "白名单企业", "B", dept) + ",false",
                RegistryFiles.object(RegistryFiles.uscc(4002), "ENTERPRISE", "别的部门", "B", "no-such-dept") + ","));
        Http.Response r = postCsv("objects", clerk, csv, "partial=true");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<Long, JsonNode> rows = rows(r.json());
        assertThat(rows.get(2L).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(rows.get(2L).at("/issues/0/severity").asText()).isEqualTo("WARNING");
        assertThat(rows.get(2L).at("/issues/0/message").asText()).startsWith("CHECK_CHARACTER_MISMATCH");
        assertIssue(rows.get(3L), "objectId", "uscc-check-character");
        assertThat(rows.get(4L).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(rows.get(4L).at("/issues/0/message").asText()).startsWith("LEGACY_ALLOWLISTED");
        assertIssue(rows.get(5L), "registryDepartment", "unknown-department");
        assertThat(r.json().at("/rows/warnings").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT state FROM registry_object WHERE object_id = ?", String.class, legacy))
                .contains("\"idWarning\":\"CHECK_CHARACTER_MISMATCH\"");
    }

    @Test
    void theReportOfAnInspectorsFileNeverRepeatsAnIdCardNumberOrPhone() {
        String good = RegistryFiles.idCard(41);
        String mistyped = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        String csv = RegistryFiles.csv(RegistryFiles.INSPECTOR_HEADER, List.of(
                RegistryFiles.inspector("P-1", dept, "A07-01", "", 41).replace(good, mistyped),
                RegistryFiles.inspector("P-2", dept, "A07-01", "", 42).replace(RegistryFiles.phone(42),
                        "139 0000 0042"),
                RegistryFiles.inspector("P-3", dept, "A07-01", "", 43)));
        Http.Response r = postCsv("inspectors", clerk, csv, "partial=true");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<Long, JsonNode> rows = rows(r.json());
        assertIssue(rows.get(2L), "idCardNo", "id-card-check");
        assertIssue(rows.get(3L), "phone", "phone-format");
        assertThat(rows.get(4L).get("status").asText()).isEqualTo("ACCEPTED");
        String path = "/api/imports/" + r.json().get("importId").asText();
        for (String body : List.of(r.body(), http.get(path, clerk).body(),
                http.get("/api/registries/inspectors/P-3", clerk).body(),
                http.get("/api/registries/inspectors?department=" + dept, clerk).body())) {
            assertThat(body).doesNotContain(mistyped).doesNotContain(good.substring(0, 17))
                    .doesNotContain("139 0000 0042").doesNotContain(RegistryFiles.idCard(43))
                    .doesNotContain(RegistryFiles.phone(43));
        }
        assertThat(jdbc.queryForList("SELECT message FROM import_issue WHERE import_id = ?", String.class,
                r.json().get("importId").asText()))
                .noneMatch(m -> m.contains(good.substring(0, 17)) || m.contains("0042"));
    }

    @Test
    void rowsOfADepartmentTheImporterMayNotActForAreRejected() {
        String other = department();
        Http.Response r = postCsv("objects", clerk, RegistryFiles.csv(RegistryFiles.OBJECT_HEADER,
                RegistryFiles.objects(4100, 1, other)), "");
        problem(r, 422, "file", "rows-rejected");
        assertIssue(rows(r.json()).get(2L), "registryDepartment", "not-authorized");
    }

    @Test
    void aLargeFileIsAJobThatCommitsInBatchesAndReportsProgressAndAPagedReport() throws Exception {
        List<String> rows = RegistryFiles.objects(10_000, 5_200, dept);
        rows.add(2_600, RegistryFiles.object("bad-id", "ENTERPRISE", "坏", "A", dept));
        String csv = RegistryFiles.csv(RegistryFiles.OBJECT_HEADER, rows);
        transactions.reset();
        long events = events();
        Http.Response r = postCsv("objects", clerk, csv, "partial=true");
        assertThat(csv.length()).isGreaterThan(256 * 1024);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        String path = r.header("Location");
        assertThat(path).isEqualTo("/api/imports/" + r.json().get("importId").asText());
        assertThat(r.json().get("status").asText()).isIn("QUEUED", "RUNNING", "DONE");
        assertThat(r.json().at("/rows/total").asLong()).isEqualTo(5_201);

        List<Long> percents = new ArrayList<>();
        JsonNode done = awaitImport(r.json().get("importId").asText(), clerk, percents);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.at("/rows/processed").asLong()).isEqualTo(5_201);
        assertThat(percents).isSorted().last().isEqualTo(100L);
        assertThat(percents.subList(0, percents.size() - 1)).allMatch(p -> p < 100);
        assertThat(done.at("/rows/written").asLong()).isEqualTo(5_200);
        assertThat(done.at("/rows/rejected").asLong()).isEqualTo(1);
        assertThat(done.at("/file/sha256").asText()).isEqualTo(org.drledger.core.bytes.Hex.encode(
                java.security.MessageDigest.getInstance("SHA-256").digest(csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(events()).isEqualTo(events + 5_200);
        // 5,201 rows in batches of 1,000: six transactions, all committed
        assertThat(transactions.started()).isEqualTo(6);
        assertThat(transactions.committed()).isEqualTo(6);

        JsonNode page = http.get(path + "?page=2&size=100", clerk).json();
        assertThat(page.at("/report/matchingRows").asLong()).isEqualTo(5_201);
        assertThat(page.at("/report/rows/0/row").asLong()).isEqualTo(202);
        assertThat(page.at("/report/rows").size()).isEqualTo(100);
        assertThat(page.at("/report/more").asBoolean()).isTrue();
        JsonNode rejected = http.get(path + "?status=REJECTED", clerk).json();
        assertThat(rejected.at("/report/matchingRows").asLong()).isEqualTo(1);
        assertThat(rejected.at("/report/rows/0/row").asLong()).isEqualTo(2_602);
        assertThat(rejected.at("/report/rows/0/issues/0/rule").asText()).isEqualTo("uscc-malformed");
        assertThat(rejected.at("/report/more").asBoolean()).isFalse();

        // the spool copy (plaintext) is gone once the job ends
        try (var files = Files.list(ledger.dataDir().resolve("imports"))) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void aNonPartialJobValidatesTheWholeFileFirst() {
        List<String> rows = RegistryFiles.objects(20_000, 1_500, dept);
        rows.add(RegistryFiles.object(RegistryFiles.uscc(20_000), "ENTERPRISE", "重复在最后", "A", dept));
        long events = events();
        Http.Response r = postCsv("objects", clerk, RegistryFiles.csv(RegistryFiles.OBJECT_HEADER, rows),
                "async=true");
        assertThat(r.status()).isEqualTo(202);
        JsonNode done = awaitImport(r.json().get("importId").asText(), clerk);
        assertThat(done.get("status").asText()).isEqualTo("REJECTED");
        assertThat(done.get("phase").asText()).isEqualTo("FINISHED");
        assertThat(done.at("/rows/rejected").asLong()).isEqualTo(1);
        assertThat(done.get("message").asText()).contains("nothing was written");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void aMultipartUploadWithABomIsImportedToo() {
        String csv = "\uFEFF" + RegistryFiles.csv(RegistryFiles.OBJECT_HEADER, RegistryFiles.objects(5000, 3, dept));
        String boundary = "drl-boundary-7MA4YWxkTrZu0gW";
        Http.Response r = http.send("POST", "/api/registries/objects/imports", clerk,
                "multipart/form-data; boundary=" + boundary, RegistryFiles.multipart(boundary, "名录.csv", csv));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().at("/rows/written").asLong()).isEqualTo(3);
        assertThat(r.json().at("/file/name").asText()).isEqualTo("名录.csv");
    }

    @Test
    void aFileThatIsNotStrictUtf8CsvWithTheDocumentedHeaderIsRefusedAsAWhole() {
        long jobs = count("import_job");
        String good = RegistryFiles.object(RegistryFiles.uscc(6000), "ENTERPRISE", "n", "A", dept);
        Http.Response r = postCsv("objects", clerk, RegistryFiles.OBJECT_HEADER + "\r\n" + good + "\r\n"
                + good.replaceFirst(",n,", ",n\"x,") + "\r\n", "");
        problem(r, 400, "file", "csv-quote-in-field");
        assertThat(r.json().get("row").asLong()).isEqualTo(3);
        assertThat(r.json().get("column").asInt()).isEqualTo(3);
        problem(postCsv("objects", clerk, RegistryFiles.OBJECT_HEADER + "\r\n\"" + good.replace("\"", "") + "\r\n", ""),
                400, "file", "csv-unterminated-quote");
        problem(postCsv("objects", clerk, RegistryFiles.OBJECT_HEADER.replace("name", "名称") + "\r\n" + good, ""),
                400, "名称", "csv-unknown-column");
        problem(postCsv("objects", clerk, RegistryFiles.OBJECT_HEADER.replace(",address", "") + "\r\n" + good, ""),
                400, "address", "csv-missing-column");
        problem(postCsv("objects", clerk, RegistryFiles.OBJECT_HEADER + ",name\r\n" + good, ""), 400, "name",
                "csv-duplicate-column");
        problem(postCsv("objects", clerk, RegistryFiles.OBJECT_HEADER + "\r\n", ""), 400, "file", "csv-no-rows");
        problem(postCsv("objects", clerk, "", ""), 400, "file", "csv-no-header");
        byte[] latin = (RegistryFiles.OBJECT_HEADER + "\r\nname,\u00e9\r\n").getBytes(StandardCharsets.ISO_8859_1);
        problem(postBytes("/api/registries/objects/imports", clerk, "text/csv", latin), 400, "file",
                "csv-encoding");
        problem(http.send("POST", "/api/registries/objects/imports", clerk, "text/csv; charset=GBK", good), 415,
                "file", "charset");
        problem(http.send("POST", "/api/registries/objects/imports", clerk, "application/json", "{}"), 415, "",
                "unsupported-media-type");
        assertThat(count("import_job")).isEqualTo(jobs);
        Path spool = ledger.dataDir().resolve("imports");
        if (Files.isDirectory(spool)) {
            try (var files = Files.list(spool)) {
                assertThat(files.toList()).isEmpty();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
