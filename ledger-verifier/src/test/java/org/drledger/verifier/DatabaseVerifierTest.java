package org.drledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.drledger.core.bundle.TaskLedgerScenario;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.verifier.cli.Main;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code verify --jdbc-url} on an H2 database holding the task ledger in the server's tables. */
class DatabaseVerifierTest {
    private static final TaskLedgerScenario S = new TaskLedgerScenario(CryptoSuites.ED25519_SHA256);
    private LedgerDatabase db;

    @BeforeEach
    void database() throws Exception {
        db = new LedgerDatabase();
        db.write(S.suite, TaskLedgerScenario.LEDGER, TaskLedgerScenario.ORIGIN, S.log.noteKey().vkey(),
                TaskLedgerScenario.ROOT, S.entries, S.checkpoints);
    }

    @Test
    void aDatabaseVerifiesWithTheChecksOfAPublicLedgerBundle() throws Exception {
        Report r = DatabaseVerifier.verify(db.url, null, null, BundleVerifier.Options.none());
        assertThat(r.verified()).as(r.toText()).isTrue();
        for (String c : new String[]{"entry.signature", "chain.prev", "checkpoint.root", "checkpoint.consistency",
                "cosignature.signature", "bundle.trust", "task.timing", "task.reveals", "task.population",
                "task.draw", "task.publication"}) {
            assertThat(r.get(c).orElseThrow().status()).as(c + "\n" + r.toText()).isEqualTo(Report.Status.PASS);
        }
        assertThat(r.get("checkpoint.consistency").orElseThrow().passed()).isEqualTo(S.checkpoints.size() - 1);
        assertThat(r.get("bundle.manifest").orElseThrow().reason()).contains("database has no manifest");
    }

    @Test
    void anEditedRowIsCaughtAndTheDatabaseIsNotWritten() throws Exception {
        db.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                new String(org.drledger.core.json.CanonicalJson.write(S.entries.get(12).entry().payload()),
                        java.nio.charset.StandardCharsets.UTF_8).replace("ACTIVE", "CLOSED")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), 100 + 2L * 12);
        Report r = DatabaseVerifier.verify(db.url, null, null, BundleVerifier.Options.none());
        assertThat(r.verified()).isFalse();
        assertThat(r.firstFailure()).contains("entry.hash");
        assertThat(r.get("entry.hash").orElseThrow().failures().get(0).leaf()).isEqualTo(12L);
    }

    /**
     * H2 ignores {@code setReadOnly} (PostgreSQL enforces it), so this proves it the other way: the connection is
     * switched to read-only before any statement, and every statement is a SELECT.
     */
    @Test
    void theConnectionIsReadOnlyAndOnlySelects() throws Exception {
        java.util.List<String> calls = new java.util.ArrayList<>();
        try (Connection real = DriverManager.getConnection(db.url)) {
            Connection spy = (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, m, args) -> {
                        if (m.getName().equals("setReadOnly")) {
                            calls.add("readOnly=" + args[0]);
                        } else if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
                            calls.add(args == null ? "statement" : String.valueOf(args[0]).strip()
                                    .split("\\s+")[0].toUpperCase(java.util.Locale.ROOT));
                        }
                        try {
                            return m.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            try (DatabaseSource s = new DatabaseSource(spy)) {
                Report r = BundleVerifier.verify(s, "spy", BundleVerifier.Options.none());
                assertThat(r.verified()).isTrue();
            }
        }
        assertThat(calls.get(0)).isEqualTo("readOnly=true");
        assertThat(calls.subList(1, calls.size())).isNotEmpty().containsOnly("SELECT");
    }

    @Test
    void theCommandLineTakesAJdbcUrl() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Clock clock = Clock.fixed(Instant.parse("2026-03-03T00:00:00Z"), ZoneOffset.UTC);
        int rc = Main.run(new String[]{"verify", "--jdbc-url", db.url}, new PrintWriter(out), new PrintWriter(err),
                clock);
        assertThat(rc).as(out + "" + err).isZero();
        assertThat(out.toString()).contains("RESULT: VERIFIED").contains("PASS      task.draw");
        rc = Main.run(new String[]{"verify", "--jdbc-url", "jdbc:h2:mem:empty-" + System.nanoTime()},
                new PrintWriter(out), new PrintWriter(err), clock);
        assertThat(rc).isEqualTo(2);
        rc = Main.run(new String[]{"verify", "--jdbc-url", db.url, "--password-env", "DRL_NO_SUCH_VARIABLE_X"},
                new PrintWriter(out), new PrintWriter(err), clock);
        assertThat(rc).isEqualTo(2);
    }
}
