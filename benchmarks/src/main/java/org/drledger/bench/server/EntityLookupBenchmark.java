package org.drledger.bench.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The public lookup of an entity's inspections by USCC ({@code GET /api/public/entities/{uscc}/inspections}) on
 * PostgreSQL with a 1,000,000-entity registry view, beside its baseline: the same three SQL statements the lookup
 * runs, issued directly over JDBC, at the same rate, in the same run.
 *
 * <p>Set-up: the real ledger server (profile {@code postgres}, a fresh private schema, migrations V26/V27), then the
 * query views populated directly with SQL: {@code qtask_entity} (1,000,000 entities), 100 drawn tasks of 1,000
 * targets each ({@code qtask_target}, 100,000 rows) and a published result for every second target
 * ({@code qresult_result}, 50,000 rows), then ANALYZE. Load: an open-loop generator on loopback sends lookups at a
 * fixed rate (default 200/s) for a fixed duration after a warm-up, half of them for drawn entities; each latency is
 * measured from the request's scheduled time, so a stall is not hidden by waiting (no coordinated omission).
 *
 * <p>Usage: {@code java -jar benchmarks/target/benchmarks.jar entity-lookup [--rate=200] [--seconds=60]
 * [--warmup=15] [--entities=1000000]} with PostgreSQL from {@code DRL_BENCH_POSTGRES_*} (else {@code DRL_TEST_POSTGRES_*}).
 */
public final class EntityLookupBenchmark {
    static final String ENTITY = "SELECT entity_id, name, object_type, district, registry_department FROM qtask_entity "
            + "WHERE entity_id = ?";
    static final String DRAWS = "SELECT t.task_id, t.order_no, t.ticket, k.lead_department, k.status, k.drawn_at "
            + "FROM qtask_target t JOIN qtask_task k ON k.task_id = t.task_id WHERE t.entity_id = ? ORDER BY t.task_id";
    static final String RESULTS = "SELECT r.*, e.name AS entity_name FROM qresult_result r LEFT JOIN qtask_entity e "
            + "ON e.entity_id = r.object_id WHERE r.state = 'PUBLISHED' AND r.object_id = ? "
            + "ORDER BY r.published_on DESC, r.task_id, r.object_id, r.item_code";

    private EntityLookupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        int rate = Integer.parseInt(o.getOrDefault("rate", "200"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "15"));
        int entities = Integer.parseInt(o.getOrDefault("entities", "1000000"));
        ServerAppendBenchmark.Database db = ServerAppendBenchmark.Database.fromEnvironment();
        String schema = "bench_lookup_" + UUID.randomUUID().toString().substring(0, 8);
        Path dataDir = Files.createTempDirectory("drl-bench-lookup");
        System.out.printf("PostgreSQL %s, schema %s, %d entities, %d lookups/s for %d s after %d s warm-up%n",
                db.url(), schema, entities, rate, seconds, warmup);
        ConfigurableApplicationContext server = ServerAppendBenchmark.startLedger(db, schema, dataDir, null, Map.of());
        try {
            int port = Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
            String url = db.url() + (db.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
            long t0 = System.nanoTime();
            populate(url, db, entities);
            System.out.printf("set-up: views populated in %.1f s%n", (System.nanoTime() - t0) / 1e9);

            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(16))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + port + "/api/public/entities/";
            Lookup http = uscc -> {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + uscc + "/inspections"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + r.statusCode() + " for " + uscc);
                }
            };
            BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(16);
            for (int i = 0; i < 16; i++) {
                pool.add(DriverManager.getConnection(url, db.user(), db.password()));
            }
            Lookup jdbc = uscc -> {
                Connection c = pool.take();
                try {
                    for (String sql : List.of(ENTITY, DRAWS, RESULTS)) {
                        try (PreparedStatement ps = c.prepareStatement(sql)) {
                            ps.setString(1, uscc);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    rs.getString(1);
                                }
                            }
                        }
                    }
                } finally {
                    pool.add(c);
                }
            };
            // service times, one request at a time: HTTP, the lookup's bean called in-process, the bare SQL
            Object bean = server.getBean("entityInspections");
            java.lang.reflect.Method of = bean.getClass().getDeclaredMethod("of", String.class);
            of.setAccessible(true);
            Lookup inProcess = uscc -> of.invoke(bean, uscc);
            for (Object[] serial : new Object[][]{{"serial http", http}, {"serial in-process", inProcess},
                    {"serial jdbc", jdbc}}) {
                Stats s = run((String) serial[0], (Lookup) serial[1], 1_000_000, 0, entities, 9, 300);
                System.out.printf("%-20s p50 %7.2f ms  p99 %7.2f ms%n", serial[0], s.p(0.5), s.p(0.99));
            }
            run("warm-up http", http, rate, warmup, entities, 1);
            run("warm-up jdbc", jdbc, rate, warmup, entities, 2);
            Stats h = run("lookup over HTTP", http, rate, seconds, entities, 3);
            Stats j = run("baseline: same SQL over JDBC", jdbc, rate, seconds, entities, 4);
            System.out.println();
            System.out.println("== public lookup by USCC beside its same-run baseline (latency ms) ==");
            System.out.printf("%-30s %8s %8s %8s %8s %8s %8s%n", "figure", "requests", "errors", "p50", "p99", "max",
                    "rate/s");
            for (Stats s : List.of(h, j)) {
                System.out.printf("%-30s %8d %8d %8.2f %8.2f %8.2f %8.1f%n", s.name, s.count, s.errors, s.p(0.50),
                        s.p(0.99), s.p(1.0), s.achieved);
            }
            System.out.printf("p99 ratio HTTP / JDBC: %.2f; target p99 < 50 ms: %s%n", h.p(0.99) / j.p(0.99),
                    h.p(0.99) < 50 ? "met" : "NOT met");
            pool.forEach(c -> {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing
                }
            });
        } finally {
            server.close();
            if (!"true".equals(o.get("keep-schema"))) {
                db.dropSchema(schema);
            }
        }
        System.exit(0);
    }

    interface Lookup {
        void lookup(String uscc) throws Exception;
    }

    static final class Stats {
        final String name;
        final long[] nanos;
        final int count;
        final int errors;
        final double achieved;

        Stats(String name, long[] nanos, int count, int errors, double achieved) {
            this.name = name;
            this.nanos = nanos;
            this.count = count;
            this.errors = errors;
            this.achieved = achieved;
        }

        double p(double q) {
            if (count == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(count - 1, Math.max(0, Math.ceil(q * count) - 1));
            return nanos[i] / 1e6;
        }
    }

    /** Open loop: request i is due at start + i/rate; its latency counts from that time. */
    static Stats run(String name, Lookup lookup, int rate, int seconds, int entities, long seed) throws Exception {
        return run(name, lookup, rate, seconds, entities, seed, rate * seconds);
    }

    /** {@code n} lookups; a rate of 1,000,000/s with {@code seconds} 0 means one at a time, back to back. */
    static Stats run(String name, Lookup lookup, int rate, int seconds, int entities, long seed, int n)
            throws Exception {
        boolean serial = seconds == 0;
        long[] latencies = new long[n];
        AtomicInteger errors = new AtomicInteger();
        SplittableRandom random = new SplittableRandom(seed);
        ExecutorService workers = Executors.newFixedThreadPool(64);
        List<CompletableFuture<Void>> all = new ArrayList<>(n);
        long start = System.nanoTime() + 50_000_000L;
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            // half drawn entities (targets are the entities t*7919 + o*104729), half any entity
            String uscc = random.nextBoolean() ? uscc(drawn(random.nextInt(1, 101), random.nextInt(1, 1001), entities))
                    : uscc(random.nextInt(1, entities + 1));
            long wait = due - System.nanoTime();
            if (wait > 0 && !serial) {
                LockSupport.parkNanos(wait);
            }
            int k = i;
            if (serial) {
                long t = System.nanoTime();
                try {
                    lookup.lookup(uscc);
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                latencies[k] = System.nanoTime() - t;
                continue;
            }
            all.add(CompletableFuture.runAsync(() -> {
                try {
                    lookup.lookup(uscc);
                } catch (Exception e) {
                    if (errors.getAndIncrement() < 3) {
                        System.err.println(name + ": " + e);
                    }
                }
                latencies[k] = System.nanoTime() - due;
            }, workers));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        double achieved = n / ((System.nanoTime() - start) / 1e9);
        workers.shutdown();
        Arrays.sort(latencies);
        return new Stats(name, latencies, n, errors.get(), achieved);
    }

    static long drawn(int task, int order, int entities) {
        return (task * 7919L + order * 104729L) % entities + 1;
    }

    static String uscc(long n) {
        return "9151" + String.format("%014d", n);
    }

    /** The registry view and the task and result views, populated directly with SQL (benchmark set-up). */
    static void populate(String url, ServerAppendBenchmark.Database db, int entities) throws Exception {
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO qtask_entity (entity_id, name, object_type, district, registry_department) "
                    + "SELECT '9151' || lpad(g::text, 14, '0'), '市场主体' || g, 'ENTERPRISE', 'D' || (g % 10), "
                    + "'bench' FROM generate_series(1, " + entities + ") g");
            s.execute("INSERT INTO qtask_task (task_id, status, source, lead_department, assisting_json, items_json, "
                    + "draw_plan_json, plan_hash, stratify_by, planned_leaf, planned_at, target_count, drawn_at) "
                    + "SELECT 'bench-task-' || lpad(t::text, 3, '0'), 'DRAWN', 'PLAN', 'bench', '[]', '[]', '{}', "
                    + "md5(t::text), '', t, '2025-03-01T02:00:00Z', 1000, '2025-03-02T02:00:00Z' "
                    + "FROM generate_series(1, 100) t");
            s.execute("INSERT INTO qtask_target (task_id, order_no, entity_id, stratum, district, ticket) "
                    + "SELECT 'bench-task-' || lpad(t::text, 3, '0'), o, "
                    + "'9151' || lpad(((t * 7919::bigint + o * 104729::bigint) % " + entities + " + 1)::text, 14, '0'), "
                    + "'', 'D1', md5(t::text || ':' || o::text) || md5(o::text) "
                    + "FROM generate_series(1, 100) t, generate_series(1, 1000) o");
            s.execute("INSERT INTO qresult_result (task_id, object_id, item_code, department, state, revision, method, "
                    + "result_codes, code_table_version, evidence_count, trigger_kind, trigger_date, deadline, "
                    + "entered_by, entered_on, entered_leaf, published_on, published_by, late, working_days_late) "
                    + "SELECT task_id, entity_id, 'A01-01', 'bench', 'PUBLISHED', 1, 'ON_SITE', '1', 1, 1, "
                    + "'INSPECTION_ENDED', '2025-04-01', '2025-04-30', 'bench-clerk', '2025-04-02', order_no, "
                    + "'2025-04-10', 'bench-approver', FALSE, 0 FROM qtask_target WHERE order_no % 2 = 0");
            s.execute("ANALYZE");
        }
    }
}
