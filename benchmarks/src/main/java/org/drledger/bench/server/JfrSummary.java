package org.drledger.bench.server;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of {@link ServerAppendBenchmark} (CPU samples, {@code jdk.ExecutionSample}): where the
 * client threads, the sealer and the rest spend CPU, and, inside the append path ({@code appendEvents}), which step.
 * Usage: {@code java -cp benchmarks/target/benchmarks.jar org.drledger.bench.server.JfrSummary recording.jfr
 * ["group | step" [frames]]}; with a group and step, prints that line's most frequent stacks (top frames).
 */
public final class JfrSummary {
    private JfrSummary() {
    }

    /** In priority order: the first rule that matches any frame of a sample (class and method prefix) names it. */
    private static final String[][] STEPS = {
        {"org.springframework.security.crypto.bcrypt", "", "bcrypt password check"},
        {"org.drledger.core.crypto", "readPublicKeyPem", "public key decode (PEM)"},
        {"org.drledger.core.crypto", "publicKeyFromSpki", "public key decode (SPKI, per append)"},
        {"org.drledger.command.ledger.StoredEntry", "rebuild", "prev: rebuild stored predecessor"},
        {"org.drledger.command.ledger.LedgerEventStorageEngine", "prev", "prev: query stored predecessor"},
        {"org.drledger.core.entry.EntrySigner", "sign", "sign (canonical envelope, hash, SM2)"},
        {"org.drledger.core.entry.Entry", "canonicalBytes", "entry canonical form (recompute)"},
        {"org.drledger.core.entry.LedgerHashing", "entryHash", "entry hash (recompute)"},
        {"org.drledger.core.crypto", "verify", "verify own signature"},
        {"org.drledger.command.ledger.CanonicalEventSerializer", "serialize", "payload: serialize + canonicalize"},
        {"org.drledger.core.json.CanonicalJson", "parse", "payload: canonical parse"},
        {"org.drledger.core.json.CanonicalJson", "", "canonical JSON (other)"},
        {"org.drledger.command.ledger.KeyTable", "", "key table (JDBC)"},
        {"org.axonframework.serialization", "", "Axon serialization (Jackson)"},
        {"org.postgresql", "", "JDBC driver (PostgreSQL)"},
        {"com.zaxxer.hikari", "", "connection pool"},
        {"com.fasterxml.jackson", "", "Jackson"},
        {"org.axonframework.eventsourcing.eventstore.jdbc", "", "Axon JDBC engine"},
        {"org.bouncycastle", "", "Bouncy Castle (other)"},
        {"org.apache.tomcat", "", "Tomcat / HTTP"},
        {"org.apache.coyote", "", "Tomcat / HTTP"},
        {"org.springframework.security", "", "Spring Security (other)"},
        {"org.springframework.web", "", "Spring MVC"},
        {"org.springframework.jdbc", "", "Spring JDBC / transactions"},
        {"org.springframework.transaction", "", "Spring JDBC / transactions"},
        {"org.axonframework", "", "Axon (other)"},
        {"java.net.http", "", "benchmark HTTP client"},
        {"jdk.internal.net.http", "", "benchmark HTTP client"},
    };

    public static void main(String[] args) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> stacks = new HashMap<>();
        String detail = args.length > 1 ? args[1] : null;
        int depth = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int total = 0;
        for (var event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace st = event.getStackTrace();
            if (st == null) {
                continue;
            }
            String thread = event.getThread("sampledThread") == null ? "?"
                    : event.getThread("sampledThread").getJavaName();
            List<RecordedFrame> frames = st.getFrames();
            boolean inAppend = frames.stream().anyMatch(f -> f.getMethod().getType().getName()
                    .equals("org.drledger.command.ledger.LedgerEventStorageEngine")
                    && f.getMethod().getName().equals("appendEvents"));
            String group = thread == null ? "?" : thread.startsWith(ServerAppendBenchmark.CLIENT_THREAD)
                    || thread.startsWith("http-nio") ? (inAppend ? "client, in append" : "client, outside append")
                    : thread.contains("ledger-sealer") ? "sealer" : thread.replaceAll("[-0-9]+$", "");
            String line = group + " | " + step(frames);
            counts.merge(line, 1, Integer::sum);
            if (line.equals(detail)) {
                StringBuilder sb = new StringBuilder();
                frames.stream().limit(depth).forEach(f -> sb.append("\n      ").append(f.getMethod().getType().getName())
                        .append('.').append(f.getMethod().getName()));
                stacks.merge(sb.toString(), 1, Integer::sum);
            }
            counts.merge(group + " | (all)", 1, Integer::sum);
            total++;
        }
        int all = total;
        System.out.printf("%d CPU samples%n", all);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .filter(e -> e.getValue() * 1000 >= all) // at least 0.1 %
                .forEach(e -> System.out.printf("%6.1f %%  %6d  %s%n", 100.0 * e.getValue() / all, e.getValue(),
                        e.getKey()));
        stacks.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> System.out.printf("%6d%s%n", e.getValue(), e.getKey()));
    }

    private static String step(List<RecordedFrame> frames) {
        for (String[] rule : STEPS) {
            for (RecordedFrame f : frames) {
                if (f.getMethod().getType().getName().startsWith(rule[0]) && f.getMethod().getName().startsWith(rule[1])) {
                    return rule[2];
                }
            }
        }
        RecordedFrame top = frames.isEmpty() ? null : frames.get(0);
        return top == null ? "?" : "other: " + top.getMethod().getType().getName();
    }
}
