package org.drledger.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.drledger.core.uscc.Uscc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Registry import at scale (issue "The double-random workflow", quality bar): {@code --entities} (default 1,000,000)
 * market entities as one CSV file, uploaded as a department clerk to the real ledger server on PostgreSQL
 * ({@code POST /api/registries/objects/imports?async=true}) and imported into signed, chained events — validation
 * pass, write pass, one command per row through the append path, credit class into the vault — timed from upload to
 * the job's DONE, then until the sealer has made every entry a leaf.
 *
 * <p>Baseline, same run, same database: the same file parsed and its rows inserted unsigned into a plain table with
 * JDBC batches of the import's batch size, one commit per batch — what storing the rows at all costs.
 *
 * <p>Options: {@code --entities=N --batch-size=N --profile --keep-schemas}; settings starting with {@code ledger.},
 * {@code spring.}, {@code axon.}, {@code logging.} go to the server.
 */
public final class ImportBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "objectId,objectType,name,industry,district,address,status,creditRiskClass,"
            + "registryDepartment";

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("disable-axoniq-console-message", "true");
        int entities = 1_000_000;
        int batchSize = 1000;
        boolean keep = false;
        boolean profileSql = false;
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (String a : args) {
            if (a.startsWith("--entities=")) {
                entities = Integer.parseInt(a.substring(11).replace("_", ""));
            } else if (a.startsWith("--batch-size=")) {
                batchSize = Integer.parseInt(a.substring(13));
            } else if (a.equals("--profile")) {
                profileSql = true;
            } else if (a.equals("--keep-schemas")) {
                keep = true;
            } else if (a.startsWith("--") && a.contains("=")) {
                settings.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                System.err.println("unknown option " + a);
                System.exit(2);
            }
        }
        settings.put("ledger.registry.import.batch-size", Integer.toString(batchSize));
        ServerAppendBenchmark.Database db = ServerAppendBenchmark.Database.fromEnvironment();
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String ledgerSchema = "bench_import_" + run;
        String plainSchema = "bench_import_plain_" + run;
        Path dataDir = Files.createTempDirectory("drl-bench-import-");
        Path csv = dataDir.resolve("objects.csv");
        System.out.printf(Locale.ROOT, "import benchmark: %,d entities, batch %d, %d cores, load average %s%n", entities,
                batchSize, Runtime.getRuntime().availableProcessors(), ServerAppendBenchmark.loadAverage());
        ConfigurableApplicationContext ledger = null;
        int exit = 0;
        try {
            long t0 = System.nanoTime();
            writeCsv(csv, entities);
            System.out.printf(Locale.ROOT, "CSV written: %,d bytes in %.1f s%n", Files.size(csv), secs(t0));

            double baseline = baseline(db, plainSchema, csv, batchSize);
            System.out.printf(Locale.ROOT, "baseline (parse + plain JDBC batch insert, %d rows/commit): %,.0f rows/s%n",
                    batchSize, baseline);

            t0 = System.nanoTime();
            AppendProfile profile = profileSql ? new AppendProfile("ledger") : null;
            ledger = ServerAppendBenchmark.startLedger(db, ledgerSchema, dataDir.resolve("ledger"), profile, settings);
            System.out.printf(Locale.ROOT, "ledger server ready in %.1f s%n", secs(t0));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String clerk = ServerAppendBenchmark.setUpDepartment(ledger, http);
            int port = ServerAppendBenchmark.port(ledger);
            JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
            long leavesBefore = leaves(jdbc);

            if (profile != null) {
                profile.start();
            }
            t0 = System.nanoTime();
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/registries/objects/imports?async=true&fileName=objects.csv"))
                    .header("Content-Type", "text/csv; charset=UTF-8").header("Authorization", clerk)
                    .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("upload answered " + accepted.statusCode() + ": " + accepted.body());
            }
            String importId = JSON.readTree(accepted.body()).path("importId").asText();
            System.out.printf(Locale.ROOT, "upload accepted in %.1f s (import %s)%n", secs(t0), importId);
            JsonNode job;
            String lastPhase = "";
            long lastPrint = 0;
            while (true) {
                job = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/api/imports/" + importId)).header("Authorization", clerk).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                String status = job.path("status").asText();
                String phase = job.path("phase").asText();
                if (!phase.equals(lastPhase) || System.nanoTime() - lastPrint > 30e9) {
                    System.out.printf(Locale.ROOT, "  %6.1f s  %-8s %-10s %s  load %s%n", secs(t0), status, phase,
                            job.path("rows"),
                            ServerAppendBenchmark.loadAverage());
                    lastPhase = phase;
                    lastPrint = System.nanoTime();
                }
                if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                    break;
                }
                Thread.sleep(1000); // polling a running job's progress (a benchmark, not a test)
            }
            double importSeconds = secs(t0);
            if (profile != null) {
                System.out.println("simple timers (all threads; per row):");
                profile.stop(entities).forEach(System.out::println);
            }
            if (!job.path("status").asText().equals("DONE")) {
                throw new IllegalStateException("import ended " + job);
            }
            long expected = leavesBefore + entities;
            long stored = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
            while (leaves(jdbc) < Math.min(expected, stored)) {
                Thread.sleep(200); // waiting for the sealer to catch up (a benchmark measuring it, not a test)
            }
            double sealedSeconds = secs(t0);
            double rate = entities / importSeconds;
            System.out.println();
            System.out.println("== registry import beside its same-run baseline (ratio = figure / baseline) ==");
            System.out.printf(Locale.ROOT, "%-44s %14s %14s %7s%n", "figure", "entities/s", "baseline/s", "ratio");
            System.out.printf(Locale.ROOT, "%-44s %,14.0f %,14.0f %7.3f%n", "CSV import into signed events (to DONE)",
                    rate, baseline, rate / baseline);
            System.out.printf(Locale.ROOT, "%-44s %,14.0f %,14.0f %7.3f%n", "  ... and every entry sealed as a leaf",
                    entities / sealedSeconds, baseline, entities / sealedSeconds / baseline);
            System.out.printf(Locale.ROOT, "import of %,d entities: %.1f s to DONE (%.1f min; target < 5 min: %s), "
                            + "%.1f s until sealed; %,d events stored%n", entities, importSeconds, importSeconds / 60,
                    importSeconds < 300 ? "met" : "NOT met", sealedSeconds, stored);
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            if (ledger != null) {
                ledger.close();
            }
            if (!keep) {
                db.dropSchema(ledgerSchema);
                db.dropSchema(plainSchema);
            }
            ServerAppendBenchmark.deleteTree(dataDir);
            System.out.println("load average at end: " + ServerAppendBenchmark.loadAverage());
        }
        System.exit(exit);
    }

    private static long leaves(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM merkle_leaf", Long.class);
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Rows without quoted fields, so the baseline's parser can be a plain split. */
    private static void writeCsv(Path csv, int entities) throws Exception {
        String[] classes = {"A", "B", "C", "D"};
        String[] industries = {"food", "drugs", "special-equipment", "retail", "construction"};
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write("\r\n");
            for (int i = 0; i < entities; i++) {
                w.write(String.join(",", syntheticUscc(i), "ENTERPRISE", "资阳基准企业" + i, industries[i % 5], "雁江区",
                        "雁江区某路" + (i % 9973) + "号", "ACTIVE", classes[i % 4], ServerAppendBenchmark.DEPARTMENT));
                w.write("\r\n");
            }
        }
    }

    /** The i-th of a run of distinct valid USCCs (GB 32100 check character and GB 11714 organisation code hold). */
    static String syntheticUscc(long i) {
        char[] body = new char[8];
        long v = i + 29_791; // never an all-zero body
        for (int k = 7; k >= 0; k--) {
            body[k] = Uscc.CHARSET.charAt((int) (v % 31));
            v /= 31;
        }
        String code = new String(body);
        String first17 = "91512002" + code + Uscc.organizationCheckCharacter(code);
        return first17 + Uscc.checkCharacter(first17);
    }

    private static double baseline(ServerAppendBenchmark.Database db, String schema, Path csv, int batchSize)
            throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
                s.execute("CREATE TABLE " + schema + ".plain_object (object_id VARCHAR(32) PRIMARY KEY, object_type "
                        + "VARCHAR(32), name VARCHAR(200), industry VARCHAR(64), district VARCHAR(64), address "
                        + "VARCHAR(500), status VARCHAR(16), credit_risk_class VARCHAR(8), department VARCHAR(64))");
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            long rows = 0;
            try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                 PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema + ".plain_object VALUES "
                         + "(?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                r.readLine();
                String line;
                int inBatch = 0;
                while ((line = r.readLine()) != null) {
                    String[] f = line.split(",", -1);
                    if (f.length != 9 || Uscc.validate(f[0]).status() != org.drledger.core.uscc.UsccStatus.VALID) {
                        throw new IllegalStateException("bad baseline row " + line);
                    }
                    for (int k = 0; k < 9; k++) {
                        ps.setString(k + 1, f[k]);
                    }
                    ps.addBatch();
                    rows++;
                    if (++inBatch == batchSize) {
                        ps.executeBatch();
                        c.commit();
                        inBatch = 0;
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            return rows / secs(t0);
        }
    }
}
