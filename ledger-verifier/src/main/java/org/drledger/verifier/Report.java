package org.drledger.verifier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drledger.core.entry.Entry;

/**
 * The outcome of a verification: every named check with its status, and for a failure where it happened (stream,
 * sequence, leaf index) with the expected and computed values. A check nobody could perform is UNCHECKED with a
 * reason, never left out. Failures per check are capped so a ruined million-entry bundle still fits in memory; the
 * count stays exact.
 */
public final class Report {
    public static final String FORMAT = "drl-verify-report/1";
    static final int MAX_FAILURES_PER_CHECK = 20;

    public enum Status { PASS, FAIL, UNCHECKED }

    /** One failed item. {@code stream}, {@code seq} and {@code leaf} are null when they do not apply. */
    public record Failure(String stream, Long seq, Long leaf, String where, String expected, String computed,
                          String message) {
        static Failure at(Entry e, long leaf, String expected, String computed, String message) {
            return new Failure(e.stream().toString(), e.seq(), leaf, null, expected, computed, message);
        }

        static Failure at(String where, String expected, String computed, String message) {
            return new Failure(null, null, null, where, expected, computed, message);
        }

        String location() {
            StringBuilder sb = new StringBuilder();
            if (stream != null) {
                sb.append("stream ").append(stream).append(" seq ").append(seq);
            }
            if (leaf != null) {
                sb.append(sb.length() > 0 ? " " : "").append("leaf ").append(leaf);
            }
            if (where != null) {
                sb.append(sb.length() > 0 ? " " : "").append(where);
            }
            return sb.toString();
        }
    }

    /** One named check. */
    public static final class Check {
        private final String name;
        private long passed;
        private long failed;
        private final List<Failure> failures = new ArrayList<>();
        private String uncheckedReason;

        Check(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public Status status() {
            if (failed > 0) {
                return Status.FAIL;
            }
            return passed == 0 ? Status.UNCHECKED : Status.PASS;
        }

        public long passed() {
            return passed;
        }

        public long failed() {
            return failed;
        }

        public List<Failure> failures() {
            return Collections.unmodifiableList(failures);
        }

        /** Why (part of) this check was not performed, or null. */
        public String reason() {
            return uncheckedReason == null && passed == 0 && failed == 0 ? "nothing of this kind in the input"
                    : uncheckedReason;
        }
    }

    private final String subject;
    private final Map<String, Check> checks = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private String firstFailure;

    Report(String subject, List<String> checkNames) {
        this.subject = subject;
        checkNames.forEach(this::check);
    }

    private Check check(String name) {
        return checks.computeIfAbsent(name, Check::new);
    }

    void pass(String name) {
        check(name).passed++;
    }

    void fail(String name, Failure f) {
        Check c = check(name);
        c.failed++;
        if (c.failures.size() < MAX_FAILURES_PER_CHECK) {
            c.failures.add(f);
        }
        if (firstFailure == null) {
            firstFailure = name;
        }
    }

    void unchecked(String name, String reason) {
        Check c = check(name);
        c.uncheckedReason = c.uncheckedReason == null ? reason : c.uncheckedReason + "; " + reason;
    }

    void note(String text) {
        notes.add(text);
    }

    public boolean verified() {
        return firstFailure == null;
    }

    /** The check that failed first in processing order: the root cause, later failures may follow from it. */
    public Optional<String> firstFailure() {
        return Optional.ofNullable(firstFailure);
    }

    public Optional<Check> get(String name) {
        return Optional.ofNullable(checks.get(name));
    }

    public List<Check> checks() {
        return List.copyOf(checks.values());
    }

    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("format", FORMAT).put("subject", subject).put("result", verified() ? "VERIFIED" : "FAILED");
        if (firstFailure != null) {
            o.put("firstFailure", firstFailure);
        }
        ArrayNode cs = o.putArray("checks");
        for (Check c : checks.values()) {
            ObjectNode j = cs.addObject().put("check", c.name).put("status", c.status().name())
                    .put("passed", c.passed).put("failed", c.failed);
            if (c.reason() != null) {
                j.put("reason", c.reason());
            }
            if (!c.failures.isEmpty()) {
                ArrayNode fs = j.putArray("failures");
                for (Failure f : c.failures) {
                    ObjectNode fj = fs.addObject();
                    if (f.stream() != null) {
                        fj.put("stream", f.stream()).put("seq", f.seq());
                    }
                    if (f.leaf() != null) {
                        fj.put("leaf", f.leaf());
                    }
                    if (f.where() != null) {
                        fj.put("where", f.where());
                    }
                    fj.put("expected", f.expected()).put("computed", f.computed()).put("message", f.message());
                }
            }
        }
        ArrayNode ns = o.putArray("notes");
        notes.forEach(ns::add);
        return o;
    }

    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("drl verify: ").append(subject).append('\n');
        for (Check c : checks.values()) {
            sb.append(String.format("%-9s %-24s", c.status(), c.name));
            if (c.status() == Status.UNCHECKED) {
                sb.append(' ').append(c.reason());
            } else {
                sb.append(' ').append(c.passed).append(" ok");
                if (c.failed > 0) {
                    sb.append(", ").append(c.failed).append(" failed");
                }
                if (c.uncheckedReason != null) {
                    sb.append(" (not checked: ").append(c.uncheckedReason).append(')');
                }
            }
            sb.append('\n');
            for (Failure f : c.failures) {
                sb.append("          at ").append(f.location()).append(": ").append(f.message()).append('\n');
                sb.append("            expected ").append(f.expected()).append('\n');
                sb.append("            computed ").append(f.computed()).append('\n');
            }
            if (c.failed > c.failures.size()) {
                sb.append("          … and ").append(c.failed - c.failures.size()).append(" more\n");
            }
        }
        for (String n : notes) {
            sb.append("note: ").append(n).append('\n');
        }
        sb.append(verified() ? "RESULT: VERIFIED" : "RESULT: FAILED (first failing check: " + firstFailure + ")")
                .append('\n');
        return sb.toString();
    }
}
