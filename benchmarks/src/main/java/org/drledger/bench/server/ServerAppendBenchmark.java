package org.drledger.bench.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.drledger.bench.server.plain.PlainAxonBaseline;
import org.drledger.command.actor.ActorMetaData;
import org.drledger.command.actor.Role;
import org.drledger.command.sealer.MerkleStore;
import org.drledger.command.sealer.Sealer;
import org.drledger.server.LedgerServerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The server append path on PostgreSQL beside a plain Axon baseline, in one JVM run. Starts the real ledger server
 * ({@link LedgerServerApplication}, profile {@code postgres}, a fresh private schema, a temporary data directory) and
 * a plain Axon application ({@link PlainAxonBaseline}: Axon's JDBC engine, Jackson, no ledger) on another fresh
 * schema of the same database, then sends the same one-event command ({@link RecordTick} to {@link BenchCounter})
 * from the same client threads to both: through the {@link CommandGateway} with the actor's metadata, and over HTTP
 * (the ledger behind its HTTP Basic security). Prints events/s for each, the ratio ledger / baseline, and the
 * sealer's lag (time until every entry is in the Merkle log).
 *
 * <p>Usage: {@code java -jar benchmarks/target/benchmarks.jar server-append [options]} with PostgreSQL from
 * {@code DRL_BENCH_POSTGRES_URL/_USER/_PASSWORD}, else {@code DRL_TEST_POSTGRES_*}. Options (defaults):
 * {@code --clients=1,8 --paths=gateway,http --rounds=3 --ids=1000 --gateway-commands=1:5000,8:20000
 * --http-commands=1:200,8:800 --warmup-gateway=5000 --warmup-http=100 --catch-up-commands=10000 --only=both --profile
 * --keep-schemas}; options
 * starting with {@code spring. logging. ledger. axon. server. management.} are settings for the applications.
 */
public final class ServerAppendBenchmark {
    public static final String TICK_PATH = "/api/bench/counters/{counterId}/ticks";
    static final String DEPARTMENT = "bench";
    static final String CLERK = "bench-clerk";
    static final String CLIENT_THREAD = "bench-client";
    private static final String FMT = "%-36s %-15s %14.0f %14.0f %-28s %7.3f";

    private ServerAppendBenchmark() {
    }

    record Options(List<Integer> clients, List<String> paths, int rounds, int ids, Map<Integer, Integer> gatewayCommands,
                   Map<Integer, Integer> httpCommands, int warmupGateway, int warmupHttp, String only, boolean profile,
                   boolean keepSchemas, int catchUpCommands, Map<String, String> settings) {
        /** Options with these prefixes are Spring settings for both applications (e.g. --logging.level.x=DEBUG). */
        static final List<String> SETTING_PREFIXES = List.of("spring.", "logging.", "ledger.", "axon.", "server.",
                "management.");

        static Options parse(String[] args) {
            Map<String, String> o = new LinkedHashMap<>();
            Map<String, String> settings = new LinkedHashMap<>();
            for (String a : args) {
                if (!a.startsWith("--")) {
                    continue;
                }
                int eq = a.indexOf('=');
                String key = eq < 0 ? a.substring(2) : a.substring(2, eq);
                String value = eq < 0 ? "true" : a.substring(eq + 1);
                (SETTING_PREFIXES.stream().anyMatch(key::startsWith) ? settings : o).put(key, value);
            }
            return new Options(
                    Arrays.stream(o.getOrDefault("clients", "1,8").split(",")).map(Integer::parseInt).toList(),
                    List.of(o.getOrDefault("paths", "gateway,http").split(",")),
                    Integer.parseInt(o.getOrDefault("rounds", "3")),
                    Integer.parseInt(o.getOrDefault("ids", "1000")),
                    counts(o.getOrDefault("gateway-commands", "1:5000,8:20000")),
                    counts(o.getOrDefault("http-commands", "1:200,8:800")),
                    Integer.parseInt(o.getOrDefault("warmup-gateway", "5000")),
                    Integer.parseInt(o.getOrDefault("warmup-http", "100")),
                    o.getOrDefault("only", "both"),
                    Boolean.parseBoolean(o.getOrDefault("profile", "false")),
                    Boolean.parseBoolean(o.getOrDefault("keep-schemas", "false")),
                    Integer.parseInt(o.getOrDefault("catch-up-commands", "10000")),
                    settings);
        }

        private static Map<Integer, Integer> counts(String spec) {
            Map<Integer, Integer> m = new LinkedHashMap<>();
            for (String p : spec.split(",")) {
                String[] kv = p.split(":");
                m.put(Integer.parseInt(kv[0]), Integer.parseInt(kv[1]));
            }
            return m;
        }

        int commands(String path, int clients) {
            Map<Integer, Integer> m = path.equals("http") ? httpCommands : gatewayCommands;
            return m.getOrDefault(clients, m.values().iterator().next());
        }

        boolean ledger() {
            return !only.equals("plain");
        }

        boolean plain() {
            return !only.equals("ledger");
        }
    }

    /** One way of sending the tick command: one call, one event. */
    @FunctionalInterface
    interface Target {
        void send(String counterId) throws Exception;
    }

    record Run(int commands, double seconds, double p50ms, double p99ms) {
        double opsPerSecond() {
            return commands / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("disable-axoniq-console-message", "true");
        Options opt = Options.parse(args);
        Database db = Database.fromEnvironment();
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String ledgerSchema = "bench_ledger_" + run;
        String plainSchema = "bench_plain_" + run;
        Path dataDir = Files.createTempDirectory("drl-bench-");
        System.out.printf(Locale.ROOT, "server append benchmark: %d cores, %s %s, load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), loadAverage());
        System.out.printf("PostgreSQL %s, schemas %s (ledger) and %s (plain baseline)%n", db.url(), ledgerSchema, plainSchema);

        AppendProfile ledgerProfile = opt.profile() ? new AppendProfile("ledger") : null;
        AppendProfile plainProfile = opt.profile() ? new AppendProfile("plain") : null;
        ConfigurableApplicationContext plain = null;
        ConfigurableApplicationContext ledger = null;
        AtomicInteger threadCount = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(
                opt.clients().stream().max(Integer::compare).orElse(1), r -> {
                    Thread t = new Thread(r, CLIENT_THREAD + "-" + threadCount.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        int exit = 0;
        try {
            Map<String, Target> targets = new LinkedHashMap<>();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            if (opt.plain()) {
                long t0 = System.nanoTime();
                plain = startPlain(db, plainSchema, plainProfile, opt.settings());
                System.out.printf(Locale.ROOT, "plain Axon baseline ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
                CommandGateway gw = plain.getBean(CommandGateway.class);
                int port = port(plain);
                targets.put("plain gateway", id -> gw.sendAndWait(new RecordTick(id, 1)));
                targets.put("plain http", id -> post(http, port, tickPath(id), "{\"n\":1}", null, 204));
            }
            if (opt.ledger()) {
                long t0 = System.nanoTime();
                ledger = startLedger(db, ledgerSchema, dataDir, ledgerProfile, opt.settings());
                System.out.printf(Locale.ROOT, "ledger server ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
                String clerkAuth = setUpDepartment(ledger, http);
                CommandGateway gw = ledger.getBean(CommandGateway.class);
                int port = port(ledger);
                Map<String, String> actor = ActorMetaData.of(DEPARTMENT, CLERK);
                targets.put("ledger gateway", id -> gw.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new RecordTick(id, 1)).andMetaData(actor)));
                targets.put("ledger http", id -> post(http, port, tickPath(id), "{\"n\":1}", clerkAuth, 204));
                bcryptCost(ledger);
            }

            int stallSeconds = 60;
            Map<String, List<Run>> results = new LinkedHashMap<>();
            List<String> lags = new ArrayList<>();
            List<String> profiles = new ArrayList<>();
            boolean caughtUp = false;
            for (int c : opt.clients()) {
                if (c > 1 && !caughtUp && targets.containsKey("ledger gateway") && opt.catchUpCommands() > 0) {
                    // before the first concurrent run: concurrent runs may stall the sealer (see docs/benchmarks.md)
                    lags.add(sealerCatchUp(ledger, clients, targets.get("ledger gateway"), c, opt.catchUpCommands(),
                            "cu" + run, opt.ids()));
                    caughtUp = true;
                }
                for (String path : opt.paths()) {
                    String key = path + "|" + c;
                    int warm = path.equals("http") ? opt.warmupHttp() : opt.warmupGateway();
                    for (String engine : List.of("plain", "ledger")) {
                        Target t = targets.get(engine + " " + path);
                        if (t != null) {
                            run(clients, t, c, warm, "w" + c + path + engine + run, opt.ids());
                            if (Double.isNaN(awaitSealed(ledger, stallSeconds)[1])) {
                                stallSeconds = 5; // stalled once: do not wait a minute each time
                            }
                        }
                    }
                    int n = opt.commands(path, c);
                    for (int r = 0; r < opt.rounds(); r++) {
                        List<String> order = r % 2 == 0 ? List.of("plain", "ledger") : List.of("ledger", "plain");
                        for (String engine : order) {
                            Target t = targets.get(engine + " " + path);
                            if (t == null) {
                                continue;
                            }
                            String prefix = "m" + r + "c" + c + path + engine + run;
                            AppendProfile profile = engine.equals("ledger") ? ledgerProfile : plainProfile;
                            if (profile != null) {
                                profile.start();
                            }
                            Run result = run(clients, t, c, n, prefix, opt.ids());
                            if (profile != null) {
                                profiles.add(String.format("%s, %s, %d client(s), round %d:", engine, path, c, r + 1));
                                profiles.addAll(profile.stop(result.commands()));
                            }
                            results.computeIfAbsent(engine + "|" + key, k -> new ArrayList<>()).add(result);
                            System.out.printf(Locale.ROOT, "  %-6s %-7s clients=%d round %d: %6d commands in %6.2f s = %8.0f events/s"
                                            + "  (latency p50 %.2f ms, p99 %.2f ms)  load %s%n", engine, path, c, r + 1,
                                    result.commands(), result.seconds(), result.opsPerSecond(), result.p50ms(),
                                    result.p99ms(), loadAverage());
                            ConfigurableApplicationContext ctx = engine.equals("ledger") ? ledger : plain;
                            checkStored(ctx, prefix, result.commands());
                            if (engine.equals("ledger")) {
                                double[] lag = awaitSealed(ledger, stallSeconds);
                                if (Double.isNaN(lag[1])) {
                                    stallSeconds = 5; // stalled once: do not wait a minute each time
                                }
                                lags.add(String.format(Locale.ROOT, "%-7s clients=%d round %d: %6.0f entries unsealed when the "
                                                + "last command returned, %s", path, c, r + 1, lag[0],
                                        Double.isNaN(lag[1]) ? "sealer STALLED (no progress)"
                                                : String.format(Locale.ROOT, "all sealed %.2f s later (%.0f entries/s)",
                                                lag[1], lag[1] > 0 ? lag[0] / lag[1] : Double.NaN)));
                            }
                        }
                    }
                }
            }
            if (ledger != null) {
                // give a stalled sealer one last chance, then say what the Merkle log holds
                awaitSealed(ledger, 5);
                lags.add(sealedSummary(ledger));
            }
            report(opt, results, lags, profiles);
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            clients.shutdownNow();
            if (ledger != null) {
                ledger.close();
            }
            if (plain != null) {
                plain.close();
            }
            if (!opt.keepSchemas()) {
                db.dropSchema(ledgerSchema);
                db.dropSchema(plainSchema);
            }
            deleteTree(dataDir);
            System.out.println("load average at end: " + loadAverage());
        }
        // Axon's non-daemon threads would keep the JVM alive
        System.exit(exit);
    }

    private static void report(Options opt, Map<String, List<Run>> results, List<String> lags, List<String> profiles) {
        System.out.println();
        System.out.println("== server append path beside the plain Axon baseline (median of " + opt.rounds()
                + " rounds; ratio = ledger / baseline) ==");
        System.out.println(String.format("%-36s %-15s %14s %14s %-28s %7s", "figure", "param", "ops/s",
                "baseline ops/s", "baseline", "ratio"));
        for (String path : opt.paths()) {
            for (int c : opt.clients()) {
                double l = median(results.get("ledger|" + path + "|" + c));
                double p = median(results.get("plain|" + path + "|" + c));
                String figure = path.equals("http") ? "ServerAppend.ledgerHttpBasic" : "ServerAppend.ledgerGateway";
                String baseline = path.equals("http") ? "ServerAppend.plainHttp" : "ServerAppend.plainGateway";
                System.out.println(String.format(Locale.ROOT, FMT, figure, "clients=" + c, l, p, baseline, l / p));
            }
        }
        System.out.println();
        System.out.println("== per round (events/s: ledger / plain) ==");
        for (String path : opt.paths()) {
            for (int c : opt.clients()) {
                List<Run> l = results.getOrDefault("ledger|" + path + "|" + c, List.of());
                List<Run> p = results.getOrDefault("plain|" + path + "|" + c, List.of());
                StringBuilder sb = new StringBuilder(String.format("%-7s clients=%d:", path, c));
                for (int i = 0; i < Math.max(l.size(), p.size()); i++) {
                    sb.append(String.format(Locale.ROOT, "  %.0f / %.0f", i < l.size() ? l.get(i).opsPerSecond() : Double.NaN,
                            i < p.size() ? p.get(i).opsPerSecond() : Double.NaN));
                }
                System.out.println(sb);
            }
        }
        if (!lags.isEmpty()) {
            System.out.println();
            System.out.println("== sealer lag (ledger runs) ==");
            lags.forEach(System.out::println);
        }
        if (!profiles.isEmpty()) {
            System.out.println();
            System.out.println("== simple timers (--profile; per measured run) ==");
            profiles.forEach(System.out::println);
        }
        if (opt.ledger() && opt.plain() && opt.paths().contains("gateway")) {
            System.out.println();
            int most = opt.clients().stream().max(Integer::compare).orElse(1);
            for (int c : opt.clients()) {
                double ratio = median(results.get("ledger|gateway|" + c)) / median(results.get("plain|gateway|" + c));
                System.out.printf(Locale.ROOT, "target ratio >= 0.80 (gateway, clients=%d): %.3f %s%n", c, ratio,
                        ratio >= 0.8 ? "MET" : "NOT MET");
            }
            for (String path : opt.paths()) {
                double l = median(results.get("ledger|" + path + "|" + most));
                System.out.printf(Locale.ROOT, "target >= 3,000 events/s (%s, clients=%d): %.0f %s%n", path, most, l,
                        l >= 3000 ? "MET" : "NOT MET");
            }
        }
    }

    private static double median(List<Run> runs) {
        if (runs == null || runs.isEmpty()) {
            return Double.NaN;
        }
        double[] v = runs.stream().mapToDouble(Run::opsPerSecond).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Sends {@code commands} commands from {@code clients} threads, each over its own share of the counters. */
    static Run run(ExecutorService pool, Target target, int clients, int commands, String prefix, int ids)
            throws Exception {
        int perClient = commands / clients;
        int idsPerClient = Math.max(1, ids / clients);
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String clientPrefix = prefix + "-" + c + "-";
            futures.add(pool.submit(() -> {
                long[] latencies = new long[perClient];
                ready.countDown();
                go.await();
                for (int k = 0; k < perClient; k++) {
                    long t0 = System.nanoTime();
                    target.send(clientPrefix + (k % idsPerClient));
                    latencies[k] = System.nanoTime() - t0;
                }
                return latencies;
            }));
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get(30, TimeUnit.MINUTES));
        }
        long end = System.nanoTime();
        long[] lat = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Run(lat.length, (end - start) / 1e9, lat[lat.length / 2] / 1e6,
                lat[(int) Math.min(lat.length - 1, Math.ceil(lat.length * 0.99) - 1)] / 1e6);
    }

    /** Every command left exactly one event. */
    private static void checkStored(ConfigurableApplicationContext ctx, String prefix, int commands) {
        Long n = ctx.getBean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?", Long.class, prefix + "-%");
        if (n == null || n != commands) {
            throw new IllegalStateException(commands + " commands but " + n + " events stored for " + prefix);
        }
    }

    /**
     * Waits until the sealer has put every stored entry into the Merkle log. Returns {unsealed entries when called,
     * seconds until all were sealed}, or seconds = NaN when the sealer made no progress for {@code stallSeconds}
     * (a stalled sealer is reported, not waited for).
     */
    static double[] awaitSealed(ConfigurableApplicationContext ledger, int stallSeconds) {
        if (ledger == null) {
            return new double[]{0, 0};
        }
        MerkleStore merkle = ledger.getBean(MerkleStore.class);
        JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
        long t0 = System.nanoTime();
        long sealed = merkle.size();
        Long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        long unsealed = events - sealed;
        long lastProgress = t0;
        while (sealed < events) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            long now = merkle.size();
            if (now > sealed) {
                sealed = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(stallSeconds)) {
                System.out.printf("  sealer STALLED: %d of %d entries sealed, no progress for %d s%n", sealed, events,
                        stallSeconds);
                return new double[]{unsealed, Double.NaN};
            }
        }
        return new double[]{unsealed, (System.nanoTime() - t0) / 1e9};
    }

    /** What the Merkle log holds at the end: every entry exactly once, leaf indexes without holes? */
    static String sealedSummary(ConfigurableApplicationContext ledger) {
        JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
        Map<String, Object> m = jdbc.queryForMap("SELECT (SELECT COUNT(*) FROM domain_event_entry) AS events, "
                + "(SELECT COUNT(*) FROM merkle_leaf) AS leaves, "
                + "(SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM merkle_leaf) AS size, "
                + "(SELECT COUNT(*) FROM domain_event_entry e WHERE NOT EXISTS (SELECT 1 FROM merkle_leaf l WHERE "
                + "l.aggregate_identifier = e.aggregate_identifier AND l.sequence_number = e.sequence_number)) AS unsealed");
        return String.format("at the end: %s entries, %s leaves, log size (max leaf index + 1) %s, %s entries without a leaf",
                m.get("events"), m.get("leaves"), m.get("size"), m.get("unsealed"));
    }

    /**
     * The sealer's own throughput: with the sealer processor stopped, {@code commands} ledger commands from
     * {@code clients} threads; then the sealer is started again and timed from its first new leaf to the last.
     * All entries are committed before it reads them, so out-of-order commits play no part here.
     */
    static String sealerCatchUp(ConfigurableApplicationContext ledger, ExecutorService pool, Target target, int clients,
                                int commands, String prefix, int ids) throws Exception {
        awaitSealed(ledger, 60);
        TrackingEventProcessor sealer = ledger.getBean(EventProcessingConfiguration.class)
                .eventProcessor(Sealer.GROUP, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no tracking processor " + Sealer.GROUP));
        sealer.shutDown();
        Run appended = run(pool, target, clients, commands, prefix, ids);
        MerkleStore merkle = ledger.getBean(MerkleStore.class);
        long events = ledger.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        long before = merkle.size();
        long t0 = System.nanoTime();
        sealer.start();
        long first = 0;
        long sealed = before;
        while (sealed < events) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            long now = merkle.size();
            if (now > before && first == 0) {
                first = System.nanoTime();
                before = now; // rate from the first sealed batch on (excludes the token claim)
            }
            sealed = now;
            if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("the sealer did not catch up within 10 minutes");
            }
        }
        long end = System.nanoTime();
        double rate = first == 0 || end == first ? Double.NaN : (sealed - before) / ((end - first) / 1e9);
        return String.format(Locale.ROOT, "catch-up: %d entries appended by %d clients with the sealer stopped (%.0f events/s);"
                        + " restarted, all sealed %.2f s later; sealing rate %.0f entries/s", commands, clients,
                appended.opsPerSecond(), (end - t0) / 1e9, rate);
    }

    /**
     * The office administrator registers the department {@value #DEPARTMENT} and generates its key over HTTP (real
     * endpoints); a clerk of that department is created. Returns the clerk's Basic authorization header.
     */
    static String setUpDepartment(ConfigurableApplicationContext ledger, HttpClient http) throws Exception {
        JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
        PasswordEncoder encoder = ledger.getBean(PasswordEncoder.class);
        String office = jdbc.queryForObject("SELECT root_department FROM ledger_info", String.class);
        String admin = basic("bench-admin", createUser(jdbc, encoder, "bench-admin", office, Role.OFFICE_ADMIN));
        int port = port(ledger);
        post(http, port, "/api/departments", "{\"departmentId\":\"" + DEPARTMENT + "\",\"name\":\"基准测试部门\"}", admin, 201);
        post(http, port, "/api/departments/" + DEPARTMENT + "/keys", "{}", admin, 201);
        return basic(CLERK, createUser(jdbc, encoder, CLERK, DEPARTMENT, Role.DEPT_CLERK));
    }

    /** Prints what one bcrypt password check costs: every HTTP Basic request pays it once. */
    private static void bcryptCost(ConfigurableApplicationContext ledger) {
        PasswordEncoder encoder = ledger.getBean(PasswordEncoder.class);
        String hash = encoder.encode("a-benchmark-password");
        for (int i = 0; i < 3; i++) {
            encoder.matches("a-benchmark-password", hash);
        }
        int n = 20;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            encoder.matches("a-benchmark-password", hash);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / n;
        System.out.printf(Locale.ROOT, "password check (%s, %s): %.1f ms per call, one per HTTP Basic request "
                + "(at most ~%.0f requests/s per core)%n", encoder.getClass().getSimpleName(),
                hash.substring(0, 7), ms, 1000 / ms);
    }

    private static String createUser(JdbcTemplate jdbc, PasswordEncoder encoder, String username, String department,
                                     Role role) {
        String password = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO app_user (username, password_hash, department, roles, enabled, created_at) "
                + "VALUES (?, ?, ?, ?, TRUE, '2026-01-01T00:00:00Z')", username, encoder.encode(password), department,
                role.name());
        return password;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String tickPath(String counterId) {
        return TICK_PATH.replace("{counterId}", counterId);
    }

    private static void post(HttpClient http, int port, String path, String json, String authorization, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getRequiredProperty("local.server.port"));
    }

    static ConfigurableApplicationContext startLedger(Database db, String schema, Path dataDir, AppendProfile profile,
                                                      Map<String, String> overrides) {
        Map<String, String> settings = db.settings(schema);
        settings.put("ledger.data-dir", dataDir.toString());
        settings.putAll(overrides);
        return new SpringApplicationBuilder(LedgerServerApplication.class)
                .profiles("postgres")
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("benchExcludesPlainBaseline", new ExcludePlainBaseline());
                    if (profile != null) {
                        ctx.getBeanFactory().addBeanPostProcessor(profile);
                    }
                })
                .run(args(settings));
    }

    static ConfigurableApplicationContext startPlain(Database db, String schema, AppendProfile profile,
                                                     Map<String, String> overrides) {
        Map<String, String> settings = db.settings(schema);
        settings.put("spring.config.name", "drl-bench-plain-baseline"); // no application.yml: only these settings
        settings.put("springdoc.api-docs.enabled", "false");
        settings.put("springdoc.swagger-ui.enabled", "false");
        settings.put("spring.flyway.target", "1"); // V1: the event store tables only
        settings.put("axon.axonserver.enabled", "false");
        settings.put("axon.update-check.disabled", "true");
        settings.put("axon.serializer.general", "jackson");
        settings.put("axon.serializer.events", "jackson");
        settings.put("axon.serializer.messages", "jackson");
        settings.put("management.endpoints.web.exposure.include", "health");
        overrides.forEach((k, v) -> {
            if (!k.startsWith("ledger.")) {
                settings.put(k, v);
            }
        });
        return new SpringApplicationBuilder(PlainAxonBaseline.class)
                .initializers(ctx -> {
                    if (profile != null) {
                        ctx.getBeanFactory().addBeanPostProcessor(profile);
                    }
                })
                .run(args(settings));
    }

    private static String[] args(Map<String, String> settings) {
        return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** Keeps the baseline's package out of the ledger server's component scan (which covers all of org.drledger). */
    static final class ExcludePlainBaseline extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getClassMetadata().getClassName().startsWith(PlainAxonBaseline.class.getPackageName() + ".");
        }

        @Override
        public boolean equals(Object o) {
            return o != null && o.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }

    /** The PostgreSQL to use, from the environment. */
    record Database(String url, String user, String password) {
        static Database fromEnvironment() {
            String url = env("URL");
            if (url == null) {
                throw new IllegalStateException("set DRL_BENCH_POSTGRES_URL, _USER and _PASSWORD (or DRL_TEST_POSTGRES_*)");
            }
            return new Database(url, env("USER"), env("PASSWORD"));
        }

        private static String env(String suffix) {
            String v = System.getenv("DRL_BENCH_POSTGRES_" + suffix);
            if (v == null || v.isBlank()) {
                v = System.getenv("DRL_TEST_POSTGRES_" + suffix);
            }
            return v == null || v.isBlank() ? null : v;
        }

        Map<String, String> settings(String schema) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            m.put("spring.datasource.username", user);
            m.put("spring.datasource.password", password);
            m.put("spring.flyway.schemas", schema);
            m.put("spring.flyway.create-schemas", "true");
            m.put("server.port", "0");
            m.put("spring.main.banner-mode", "off");
            m.put("logging.level.root", "WARN");
            m.put("logging.level.org.axonframework", "ERROR");
            m.put("logging.level.org.springdoc", "ERROR");
            m.put("logging.level.org.springframework.core.annotation.AnnotationTypeMapping", "ERROR");
            return m;
        }

        void dropSchema(String schema) {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (Exception e) {
                System.err.println("could not drop schema " + schema + ": " + e.getMessage());
            }
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
