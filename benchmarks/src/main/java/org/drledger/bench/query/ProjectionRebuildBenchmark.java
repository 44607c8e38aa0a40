package org.drledger.bench.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.drledger.command.ledger.StoredEntry;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.entry.Actor;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.EntrySigner;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.entry.StreamId;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.merkle.MerkleHasher;
import org.drledger.query.projection.LedgerRecord;
import org.drledger.query.projection.Projection;
import org.drledger.query.projection.ProjectionRunner;
import org.drledger.query.projection.ViewDigests;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Projection rebuild on PostgreSQL: {@link ProjectionRunner#rebuild()} over N sealed entries, beside Axon's default
 * tracking-processor replay of the same events (a {@link TrackingEventProcessor} with default settings: one thread,
 * one segment, batch size 1) whose handler performs the same writes per event (it feeds the same projection beans,
 * one entry per unit of work), in the same run, and the ratio. Both runs start from empty views and must end with
 * identical view digests.
 *
 * <p>BENCHMARK SET-UP (not the append path): the ledger is generated fast — entries signed with the kernel
 * (Ed25519 suite for speed: signatures are not checked by projections), then rows and Merkle leaves written directly
 * with COPY into a scratch schema (leaf i = global index i + 1). The mix resembles a registry-heavy year: 60% entity
 * registrations/revisions, 10% inspector registrations/revisions, 30% result entries, with a genesis entry (key).
 *
 * <p>Usage: {@code java -jar benchmarks/target/benchmarks.jar projection-rebuild [--events=1000000]
 * [--page-size=5000] [--baseline-max-seconds=900] [--keep-schema]}; PostgreSQL from {@code DRL_BENCH_POSTGRES_URL /
 * _USER / _PASSWORD} (else the {@code DRL_TEST_POSTGRES_*} variables). A baseline cut short by its time limit reports
 * its rate over the events it processed.
 */
public final class ProjectionRebuildBenchmark {
    static final String LEDGER = "drl-bench-rebuild";
    private static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index").eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
            .typeColumn("type").timestampColumn("time_stamp").payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
            .build();
    private static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry").setProcessorNameColumn("processor_name").setSegmentColumn("segment")
            .setTokenColumn("token").setTokenTypeColumn("token_type").setTimestampColumn("timestamp")
            .setOwnerColumn("owner").build();
    private static final String[] DEPARTMENTS = {"scjg", "sthj", "nync"};

    private ProjectionRebuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = intArg(args, "--events=", 1_000_000);
        int pageSize = intArg(args, "--page-size=", 5000);
        int baselineSeconds = intArg(args, "--baseline-max-seconds=", 900);
        boolean keep = List.of(args).contains("--keep-schema");
        String url = env("URL");
        String schema = "bench_rebuild_" + Long.toHexString(new SecureRandom().nextLong() & 0xffffffffL);
        try (HikariDataSource admin = pool(url, 1)) {
            new JdbcTemplate(admin).execute("CREATE SCHEMA " + schema);
        }
        // reWriteBatchedInserts: the driver sends a JDBC batch as multi-row INSERTs (recommended for the server too)
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema
                + (List.of(args).contains("--no-rewrite") ? "" : "&reWriteBatchedInserts=true");
        System.out.printf("PostgreSQL %s, scratch schema %s, %d events, runner page size %d%n", url, schema, events,
                pageSize);
        try (HikariDataSource ds = pool(schemaUrl, 4)) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            long t0 = System.nanoTime();
            generate(ds, jdbc, events);
            jdbc.execute("ANALYZE");
            System.out.printf("set-up (benchmark only): %d entries signed and written in %.1f s%n", events,
                    (System.nanoTime() - t0) / 1e9);

            try (AnnotationConfigApplicationContext ctx = context(ds, pageSize)) {
                ProjectionRunner runner = ctx.getBean(ProjectionRunner.class);
                ViewDigests digests = new ViewDigests(jdbc);
                System.out.printf("projections: %s%n", runner.projections().stream().map(Projection::name).toList());

                // the read side alone (page query + rebuilding each signed entry), no projection: where time goes
                ProjectionRunner readOnly = new ProjectionRunner(jdbc, ctx.getBean(TransactionTemplate.class),
                        List.of(), Clock.systemUTC(), pageSize);
                long q0 = System.nanoTime();
                long read = readOnly.rebuild().applied();
                System.out.printf("  reading alone (no projection): %d events in %.1f s%n", read,
                        (System.nanoTime() - q0) / 1e9);

                long r0 = System.nanoTime();
                ProjectionRunner.Rebuild done = runner.rebuild();
                double runnerSeconds = (System.nanoTime() - r0) / 1e9;
                double runnerRate = done.applied() / runnerSeconds;
                System.out.printf("ProjectionRunner.rebuild(): %d events in %.1f s = %.0f events/s%n",
                        done.applied(), runnerSeconds, runnerRate);
                Map<String, String> runnerDigests = digests.of(runner.projections());

                emptyViews(jdbc, runner.projections());
                Baseline b = axonReplay(ds, jdbc, runner.projections(), events, baselineSeconds);
                double baselineRate = b.processed / b.seconds;
                System.out.printf("Axon TrackingEventProcessor (defaults) replay: %d of %d events in %.1f s = %.0f "
                        + "events/s%s%n", b.processed, events, b.seconds, baselineRate,
                        b.processed < events ? " (cut short by --baseline-max-seconds)" : "");
                if (b.processed == events) {
                    System.out.printf("views equal after both: %s%n", digests.of(runner.projections())
                            .equals(runnerDigests));
                }
                System.out.println();
                System.out.println("== figure beside its same-run baseline (ratio = figure / baseline) ==");
                System.out.printf("%-36s %12s %16s %8s%n", "figure", "events/s", "baseline ev/s", "ratio");
                System.out.printf("%-36s %12.0f %16.0f %8.2f%n", "projection rebuild (" + events + ")", runnerRate,
                        baselineRate, runnerRate / baselineRate);
                System.out.printf("target >= 10000 events/s: %s%n", runnerRate >= 10_000 ? "met" : "NOT met");
            }
        } finally {
            if (!keep) {
                try (HikariDataSource admin = pool(url, 1)) {
                    new JdbcTemplate(admin).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        }
    }

    /** Only the projections and the runner (no web, no Axon, no scheduler: nothing polls while we measure). */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = "org.drledger.query", useDefaultFilters = false, includeFilters =
    @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = {Projection.class, ProjectionRunner.class}))
    static class RunnerOnly {
        @Bean
        JdbcTemplate jdbcTemplate(DataSource ds) {
            return new JdbcTemplate(ds);
        }

        @Bean
        TransactionTemplate transactionTemplate(DataSource ds) {
            return new TransactionTemplate(new DataSourceTransactionManager(ds));
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        com.fasterxml.jackson.databind.ObjectMapper objectMapper() {
            return new com.fasterxml.jackson.databind.ObjectMapper();
        }
    }

    private static AnnotationConfigApplicationContext context(DataSource ds, int pageSize) {
        AnnotationConfigApplicationContext ctx = new AnnotationConfigApplicationContext();
        ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("bench", Map.of(
                "ledger.roles", "query", "ledger.query.page-size", Integer.toString(pageSize))));
        ctx.registerBean(DataSource.class, () -> ds);
        ctx.register(RunnerOnly.class);
        ctx.refresh();
        return ctx;
    }

    private static void emptyViews(JdbcTemplate jdbc, List<Projection> projections) {
        List<String> tables = projections.stream().flatMap(p -> p.tables().stream()).toList();
        jdbc.execute("TRUNCATE TABLE " + String.join(", ", tables));
        jdbc.update("UPDATE projection_position SET leaf_index = -1");
    }

    private record Baseline(long processed, double seconds) {
    }

    /**
     * Axon's default: a tracking processor reading the event table through Axon's JDBC storage engine, one event per
     * unit of work, its token in the token store; the handler rebuilds the ledger record from the event message and
     * applies it to the same projection beans (one-event page).
     */
    private static Baseline axonReplay(DataSource ds, JdbcTemplate jdbc, List<Projection> projections, long events,
                                       int maxSeconds) throws InterruptedException {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        SpringTransactionManager txm = new SpringTransactionManager(new DataSourceTransactionManager(ds));
        ConnectionProvider connections = new UnitOfWorkAwareConnectionProviderWrapper(
                new SpringDataSourceConnectionProvider(ds));
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder().connectionProvider(connections)
                .transactionManager(txm).eventSerializer(serializer).snapshotSerializer(serializer)
                .dataType(byte[].class).schema(EVENT_SCHEMA).build();
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        JdbcTokenStore tokens = JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer)
                .schema(TOKEN_SCHEMA).contentType(byte[].class).build();
        AtomicLong processed = new AtomicLong();
        EventMessageHandler handler = new EventMessageHandler() {
            @Override
            public Object handle(EventMessage<?> event) {
                DomainEventMessage<?> e = (DomainEventMessage<?>) event;
                Object p = e.getPayload();
                JsonNode payload = p instanceof UnknownSerializedType u ? u.readData(JsonNode.class)
                        : serializer.getObjectMapper().valueToTree(p);
                String payloadType = p instanceof UnknownSerializedType u ? u.serializedType().getName()
                        : e.getPayloadType().getName();
                ObjectNode meta = JsonNodeFactory.instance.objectNode();
                e.getMetaData().forEach((k, v) -> meta.put(k, String.valueOf(v)));
                long global = ((org.axonframework.eventhandling.TrackedEventMessage<?>) e).trackingToken()
                        .position().orElseThrow();
                SignedEntry signed = StoredEntry.rebuild(new StoredEntry.Row(global, e.getType(),
                        e.getAggregateIdentifier(), e.getSequenceNumber(), payloadType, null,
                        CanonicalJson.write(payload), CanonicalJson.write(meta)), LEDGER);
                LedgerRecord record = new LedgerRecord(global - 1, global, signed); // set-up: leaf = global - 1
                for (Projection pr : projections) {
                    pr.apply(record);
                }
                for (Projection pr : projections) {
                    pr.endOfPage();
                }
                processed.incrementAndGet();
                return null;
            }

            @Override
            public Class<?> getTargetType() {
                return Projection.class;
            }
        };
        TrackingEventProcessor tep = TrackingEventProcessor.builder().name("bench-baseline")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handler).build())
                .messageSource(store).tokenStore(tokens).transactionManager(txm).build();
        long t0 = System.nanoTime();
        tep.start();
        long deadline = t0 + Duration.ofSeconds(maxSeconds).toNanos();
        long lastReport = t0;
        while (processed.get() < events && System.nanoTime() < deadline) {
            Thread.sleep(50); // benchmark driver polling a counter, not test synchronisation
            if (System.nanoTime() - lastReport > 30e9) {
                lastReport = System.nanoTime();
                System.out.printf("  baseline: %d events after %.0f s%n", processed.get(), (lastReport - t0) / 1e9);
            }
        }
        long n = processed.get();
        double seconds = (System.nanoTime() - t0) / 1e9;
        tep.shutDown();
        store.shutDown();
        return new Baseline(n, seconds);
    }

    // ---- benchmark set-up: a signed ledger written straight into the scratch schema ----

    private static void generate(DataSource ds, JdbcTemplate jdbc, int events) throws Exception {
        SigningKey key = CryptoSuites.ED25519_SHA256.generateKey(new SecureRandom(new byte[]{7}));
        MerkleHasher hasher = new MerkleHasher(CryptoSuites.ED25519_SHA256.hash());
        jdbc.update("INSERT INTO ledger_info (ledger_id, suite, origin, log_key_vkey, root_department, genesis_event) "
                + "VALUES (?, 'ed25519-sha256', 'bench/rebuild', 'bench', 'office', 'ev-0')", LEDGER);
        Map<String, String> prevs = new HashMap<>();
        Map<String, Long> seqs = new HashMap<>();
        int entities = Math.max(1, events * 6 / 10 / 3);
        int officers = Math.max(1, events / 100);
        Instant start = Instant.parse("2023-01-01T00:00:00Z");
        StringBuilder rows = new StringBuilder();
        StringBuilder leaves = new StringBuilder();
        try (Connection c = ds.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            c.setAutoCommit(true);
            for (int i = 0; i < events; i++) {
                String type;
                String stream;
                String streamType;
                ObjectNode p = JsonNodeFactory.instance.objectNode();
                String dept = DEPARTMENTS[i % 3];
                int kind = i % 10;
                if (i == 0) {
                    streamType = "Ledger";
                    stream = "ledger:" + LEDGER;
                    type = "LedgerInitialized";
                    p.put("ledgerId", LEDGER).put("suite", "ed25519-sha256").put("origin", "bench/rebuild")
                            .put("logKey", "bench").put("rootDepartmentId", "office").put("rootDepartmentName", "联席办")
                            .put("rootKeyId", key.verifyingKey().keyId())
                            .put("rootPublicKey", key.verifyingKey().toPem());
                } else if (kind <= 5) {
                    int e = (int) ((i * 7919L) % entities);
                    String id = String.format("91510100MA%08d", e);
                    streamType = "InspectionObject";
                    stream = "entity:" + id;
                    type = seqs.containsKey(stream) ? "InspectionObjectRevised" : "InspectionObjectRegistered";
                    p.put("objectId", id).put("idKind", "USCC").put("objectType", "ENTERPRISE")
                            .put("name", "资阳市场主体" + e).put("industry", e % 3 == 0 ? "food" : "retail")
                            .put("district", "宝台镇").put("address", "宝台镇, 某路" + e + "号")
                            .put("status", i % 25 == 7 ? "DEREGISTERED" : "ACTIVE").put("registryDepartment", dept);
                    p.putObject("creditRiskClass").put("drl:commit", Hex.encode(hasher.leafHash(new byte[]{
                            (byte) e, (byte) (e >> 8), (byte) (e >> 16)})));
                } else if (kind == 6) {
                    String id = String.format("SC%06d", i % officers);
                    streamType = "Inspector";
                    stream = "inspector:" + id;
                    type = seqs.containsKey(stream) ? "InspectorRevised" : "InspectorRegistered";
                    p.put("officerId", id).put("department", dept).put("name", "检查员" + id)
                            .put("certificateNo", "川执" + id).put("certificateExpiry", "2027-06-30")
                            .put("district", "松涛镇").put("status", "ACTIVE").put("assistEligible", i % 2 == 0);
                    p.putArray("specialties").add("food").add("retail");
                    p.putArray("competentItems").add("J01-01").add("J01-02");
                    p.putArray("conflicts");
                    p.putObject("idCardNo").put("drl:commit", Hex.encode(hasher.leafHash(new byte[]{(byte) i})));
                    p.putObject("phone").put("drl:commit", Hex.encode(hasher.leafHash(new byte[]{(byte) -i})));
                } else {
                    String task = "zy2023-" + (i % 500);
                    String obj = String.format("91510100MA%08d", (i * 31L) % entities);
                    streamType = "InspectionResult";
                    stream = "result:" + task + ":" + obj + ":J01-0" + (i % 7);
                    type = "ResultEntered";
                    p.put("taskId", task).put("objectId", obj).put("itemCode", "J01-0" + (i % 7))
                            .put("revision", seqs.getOrDefault(stream, 0L) + 1).put("department", dept)
                            .put("enteredBy", "u-" + (i % 50)).put("enteredOn", "2023-09-11").put("method", "ON_SITE")
                            .put("triggerKind", "INSPECTION_ENDED").put("triggerDate", "2023-09-08");
                    p.putArray("resultCodes").add("1");
                    p.putArray("evidence").add("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
                }
                long seq = seqs.merge(stream, 1L, Long::sum) - 1;
                String user = i == 0 ? "system" : "u-" + (i % 50);
                String actorDept = i == 0 ? "office" : dept;
                Entry entry = new Entry(LEDGER, new StreamId(streamType, stream), seq, type, 1,
                        start.plusMillis(i * 10_000L + i % 1000), new Actor(actorDept, user), p,
                        prevs.getOrDefault(stream, Entry.GENESIS_PREV), key.verifyingKey().keyId());
                SignedEntry s = EntrySigner.sign(entry, key);
                prevs.put(stream, s.hashHex());
                ObjectNode meta = JsonNodeFactory.instance.objectNode()
                        .put("drl.actor.department", actorDept).put("drl.actor.user", user)
                        .put("drl.time", entry.timeText()).put("drl.schema", "1").put("drl.prev", entry.prev())
                        .put("drl.key", entry.keyId()).put("drl.hash", s.hashHex())
                        .put("drl.sig", Hex.encode(s.signature()));
                long global = i + 1L;
                rows.append(global).append(",ev-").append(i).append(',').append(stream).append(',').append(seq)
                        .append(',').append(streamType).append(',').append(entry.timeText())
                        .append(",org.drledger.bench.rebuild.").append(type).append(",,\\x")
                        .append(Hex.encode(CanonicalJson.write(p))).append(",\\x")
                        .append(Hex.encode(CanonicalJson.write(meta))).append('\n');
                leaves.append(i).append(',').append(global).append(',').append(stream).append(',').append(seq)
                        .append(',').append(s.hashHex()).append(",\\x")
                        .append(Hex.encode(hasher.leafHash(s.leafData()))).append('\n');
                if (rows.length() > (4 << 20) || i == events - 1) {
                    pg.getCopyAPI().copyIn("COPY domain_event_entry (global_index, event_identifier, "
                            + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, "
                            + "payload, meta_data) FROM STDIN WITH (FORMAT csv)", new StringReader(rows.toString()));
                    pg.getCopyAPI().copyIn("COPY merkle_leaf (leaf_index, global_index, aggregate_identifier, "
                            + "sequence_number, entry_hash, leaf_hash) FROM STDIN WITH (FORMAT csv)",
                            new StringReader(leaves.toString()));
                    rows.setLength(0);
                    leaves.setLength(0);
                    if ((i + 1) % 100_000 < 2000) {
                        System.out.printf("  set-up: %d entries%n", i + 1);
                    }
                }
            }
        }
        // the event table's identity must continue after the copied rows (Axon's storage engine reads by it)
        jdbc.execute("SELECT setval(pg_get_serial_sequence('domain_event_entry', 'global_index'), " + events + ")");
    }

    private static HikariDataSource pool(String url, int size) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(env("USER"));
        ds.setPassword(env("PASSWORD"));
        ds.setMaximumPoolSize(size);
        return ds;
    }

    private static String env(String suffix) {
        String v = System.getenv("DRL_BENCH_POSTGRES_" + suffix);
        if (v == null || v.isBlank()) {
            v = System.getenv("DRL_TEST_POSTGRES_" + suffix);
        }
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("set DRL_BENCH_POSTGRES_" + suffix + " (or DRL_TEST_POSTGRES_" + suffix + ")");
        }
        return v;
    }

    private static int intArg(String[] args, String prefix, int dflt) {
        for (String a : args) {
            if (a.startsWith(prefix)) {
                return Integer.parseInt(a.substring(prefix.length()));
            }
        }
        return dflt;
    }
}
