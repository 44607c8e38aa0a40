package org.drledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.drledger.core.FormatException;
import org.drledger.core.bytes.Hex;
import org.drledger.core.calendar.CalendarRef;
import org.drledger.core.calendar.PublicationDeadline;
import org.drledger.core.calendar.WorkingDayCalendar;
import org.drledger.core.draw.Commitment;
import org.drledger.core.draw.Draw;
import org.drledger.core.draw.DrawHashes;
import org.drledger.core.draw.DrawInput;
import org.drledger.core.draw.DrawPlan;
import org.drledger.core.draw.DrawResult;
import org.drledger.core.draw.Randomness;
import org.drledger.core.draw.RandomnessSources;
import org.drledger.core.draw.Recusal;
import org.drledger.core.draw.Reveal;
import org.drledger.core.entry.Entry;
import org.drledger.core.registry.InspectionHistory;
import org.drledger.core.registry.RecordedStratum;

/**
 * The task checks (docs/workflow.md §4-5, docs/verifying.md "Task checks"). While the entries stream by, it keeps
 * each task's own entries (small) and checks every {@code ResultPublished} against the kernel calendar; at the end,
 * for every task, in this order so that the first failure names the cause: timing (plan, freeze and commitments
 * sealed by a checkpoint signed before the round's time), randomness (what can be checked offline), reveals against
 * commitments, population and roster re-derived from the ledger's registry entries as of the freeze position (a
 * second pass over the entries, {@link TaskFreezes}), and the draw re-run with the kernel and compared field by field
 * with {@code DrawExecuted} and every {@code SubstituteAssigned}.
 */
final class TaskChecks {
    static final String POPULATION_FROZEN = "PopulationFrozen";
    static final String SEED_COMMITTED = "SeedCommitted";
    static final String RANDOMNESS = "RandomnessRecorded";
    static final String SEED_REVEALED = "SeedRevealed";
    static final String REVEAL_MISSED = "RevealMissed";
    static final String RECUSED = "InspectorRecused";
    static final String SUBSTITUTE = "SubstituteAssigned";
    static final String MANUAL_ADJUSTMENT = "ManualAdjustmentRecorded";
    static final String PUBLISHED = "ResultPublished";
    static final String EXEMPTION = "PublicationExemptionRecorded";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** A checkpoint verified by its log signature: size and signing time (unix seconds, or null). */
    record SignedCheckpoint(long size, Long time) {
    }

    /** Streams the ledger's entries again, in leaf order, for the freeze (full bundles and databases only). */
    interface Replay {
        void run(EntrySink sink) throws IOException;
    }

    interface EntrySink {
        void accept(long leaf, String type, JsonNode payload);
    }

    /** One recorded entry of a task: where it is and what it says. */
    record Rec(Entry entry, long leaf) {
        JsonNode p() {
            return entry.payload();
        }
    }

    /** Everything recorded for one task, in ledger order. */
    static final class Task {
        final String taskId;
        Rec planned;
        Rec frozen;
        final Map<String, Rec> commitments = new LinkedHashMap<>();
        Rec randomness;
        final Map<String, Rec> reveals = new LinkedHashMap<>();
        final Map<String, Rec> missed = new LinkedHashMap<>();
        Rec draw;
        final List<Rec> recusals = new ArrayList<>();
        final List<Rec> substitutions = new ArrayList<>();
        boolean voided;
        DrawPlan plan;

        Task(String taskId) {
            this.taskId = taskId;
        }
    }

    private final Report report;
    private final boolean full;
    private final Function<String, Optional<String>> open;
    private final Map<String, Long> drawLeaf = new HashMap<>();
    private final Map<String, Integer> voidsByOrganizer = new LinkedHashMap<>();
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private long draws;
    private long nonRandom;
    private long published;
    private long flaggedLate;

    TaskChecks(Report report, boolean full, Function<String, Optional<String>> open) {
        this.report = report;
        this.full = full;
        this.open = open;
    }

    private Task task(String taskId) {
        return tasks.computeIfAbsent(taskId, Task::new);
    }

    void accept(Entry e, long leaf) {
        JsonNode p = e.payload();
        String taskId = p.path("taskId").asText("?");
        Rec r = new Rec(e, leaf);
        switch (e.type()) {
            case InspectionHistory.TASK_PLANNED -> task(taskId).planned = r;
            case POPULATION_FROZEN -> task(taskId).frozen = r;
            case SEED_COMMITTED -> task(taskId).commitments.putIfAbsent(p.path("partyId").asText(), r);
            case RANDOMNESS -> task(taskId).randomness = r;
            case SEED_REVEALED -> task(taskId).reveals.putIfAbsent(p.path("partyId").asText(), r);
            case REVEAL_MISSED -> task(taskId).missed.put(p.path("partyId").asText(), r);
            case RECUSED -> task(taskId).recusals.add(r);
            case SUBSTITUTE -> task(taskId).substitutions.add(r);
            case InspectionHistory.DRAW_EXECUTED -> {
                draws++;
                Long first = drawLeaf.putIfAbsent(taskId, leaf);
                if (first != null) {
                    report.fail("task.one-draw", Report.Failure.at(e, leaf, "one draw for task " + taskId
                                    + " (first at leaf " + first + ")", "a second DrawExecuted",
                            "a task has at most one draw; a voided draw needs a new task"));
                } else {
                    report.pass("task.one-draw");
                    task(taskId).draw = r;
                }
            }
            case InspectionHistory.DRAW_VOIDED -> {
                nonRandom++;
                task(taskId).voided = true;
                voidsByOrganizer.merge(e.actor().department(), 1, Integer::sum);
                report.note("non-random: draw of task " + taskId + " voided at leaf " + leaf + " by "
                        + e.actor().department() + "/" + e.actor().user() + ", reason: " + p.path("reason").asText(""));
            }
            case MANUAL_ADJUSTMENT -> {
                nonRandom++;
                report.note("non-random: manual adjustment in task " + taskId + " at leaf " + leaf + " (object "
                        + p.path("objectId").asText("?") + ", slot " + p.path("slot").asText("?") + ", officer "
                        + p.path("previousOfficerId").asText("?") + " -> " + p.path("officerId").asText("?")
                        + "), reason: " + p.path("reason").asText("") + ", approver: " + p.path("approver").asText("?"));
            }
            case PUBLISHED -> publication(r);
            case EXEMPTION -> report.note("publication exemption for task " + taskId + " object "
                    + p.path("objectId").asText("?") + " item " + p.path("itemCode").asText("?") + " at leaf " + leaf
                    + ": " + p.path("legalBasis").asText("") + " (" + p.path("approval").path("authority").asText("")
                    + ", " + p.path("approval").path("document").asText("") + ")");
            default -> {
            }
        }
    }

    // ---- publication (streamed) -------------------------------------------------------------------------------

    private void publication(Rec r) {
        published++;
        JsonNode p = r.p();
        String what = "result " + p.path("taskId").asText("?") + "/" + p.path("objectId").asText("?") + "/"
                + p.path("itemCode").asText("?");
        LocalDate trigger;
        LocalDate deadline;
        LocalDate on;
        WorkingDayCalendar cal;
        try {
            trigger = LocalDate.parse(p.path("triggerDate").asText());
            deadline = LocalDate.parse(p.path("deadline").asText());
            on = LocalDate.parse(p.path("publishedOn").asText());
            JsonNode c = p.path("calendar");
            cal = WorkingDayCalendar.prc(new CalendarRef(c.path("calendarId").asText(), c.path("version").asInt(),
                    c.path("sha256").asText()));
        } catch (RuntimeException e) {
            report.fail("task.publication", Report.Failure.at(r.entry(), r.leaf(), "triggerDate, deadline, "
                    + "publishedOn and a built-in calendar ref", String.valueOf(e.getMessage()),
                    what + ": the publication facts cannot be read"));
            return;
        }
        PublicationDeadline d;
        int wdLate;
        try {
            d = PublicationDeadline.compute(trigger, cal);
            wdLate = d.isOverdue(on) ? cal.workingDaysBetween(d.deadline(), on) : 0;
        } catch (FormatException | IllegalArgumentException e) {
            report.unchecked("task.publication", what + " at leaf " + r.leaf() + ": " + e.getMessage());
            return;
        }
        if (!d.deadline().equals(deadline)) {
            report.fail("task.publication", Report.Failure.at(r.entry(), r.leaf(), d.deadline().toString(),
                    deadline.toString(), what + ": the recorded deadline is not trigger " + trigger + " + "
                            + PublicationDeadline.WORKING_DAYS + " working days on calendar " + cal.ref()));
            return;
        }
        boolean late = d.isOverdue(on);
        boolean recordedLate = p.path("late").asBoolean(false);
        if (late != recordedLate) {
            report.fail("task.publication", Report.Failure.at(r.entry(), r.leaf(), "late=" + late + " (published "
                    + on + ", deadline " + deadline + ")", "late=" + recordedLate, what + (late
                    ? ": published after the 20-working-day deadline and not flagged late"
                    : ": flagged late although published by the deadline")));
            return;
        }
        if (p.path("workingDaysLate").asInt(-1) != wdLate) {
            report.fail("task.publication", Report.Failure.at(r.entry(), r.leaf(), "workingDaysLate=" + wdLate,
                    "workingDaysLate=" + p.path("workingDaysLate").asText(), what + ": working days late miscounted"));
            return;
        }
        if (late) {
            flaggedLate++;
            report.note("flagged late (the ledger records it): " + what + " published " + on + ", deadline "
                    + deadline + ", " + wdLate + " working day(s) late, leaf " + r.leaf());
        }
        report.pass("task.publication");
    }

    // ---- at the end -------------------------------------------------------------------------------------------

    void finish(List<SignedCheckpoint> checkpoints, long logSize, Replay replay) throws IOException {
        if (draws == 0) {
            report.unchecked("task.one-draw", "the bundle holds no DrawExecuted entry");
        }
        report.pass("task.non-random");
        if (nonRandom == 0) {
            report.note("non-random: no manual adjustment and no voided draw");
        }
        voidsByOrganizer.forEach((dept, n) -> report.note("voided draws by " + dept + ": " + n));

        List<Task> checkable = new ArrayList<>();
        List<TaskFreezes.Request> requests = new ArrayList<>();
        for (Task t : tasks.values()) {
            if (plan(t)) {
                checkable.add(t);
                if (t.frozen != null && full) {
                    java.util.Set<String> targets = new java.util.HashSet<>();
                    if (t.draw != null) {
                        t.draw.p().path("targets").forEach(x -> targets.add(x.path("entityId").asText()));
                    }
                    requests.add(new TaskFreezes.Request(t.taskId, t.frozen.p().path("asOfLeaf").asLong(), t.plan,
                            t.planned.p().path("leadDepartment").asText(), targets));
                }
            }
        }
        Map<String, TaskFreezes.Frozen> frozen = Map.of();
        if (!requests.isEmpty() && replay != null) {
            TaskFreezes f = new TaskFreezes(requests, open);
            replay.run(f::accept);
            frozen = f.finish(logSize);
        }
        for (Task t : checkable) {
            timing(t, checkpoints);
            randomness(t);
            reveals(t);
            TaskFreezes.Frozen f = frozen.get(t.taskId);
            TaskFreezes.Frozen lists = population(t, f);
            draw(t, lists, f == null ? null : f.targetObjects());
        }
        if (checkable.isEmpty()) {
            String none = tasks.isEmpty() ? "the bundle holds no task" : "no task carries a drl-draw/1 plan";
            for (String c : List.of("task.timing", "task.randomness", "task.reveals", "task.population",
                    "task.draw")) {
                report.unchecked(c, none);
            }
        }
        if (published == 0) {
            report.unchecked("task.publication", "the bundle holds no published result");
        } else if (flaggedLate > 0) {
            report.note(flaggedLate + " result(s) published after the deadline and flagged late by the ledger");
        }
    }

    /** Parses the task's plan; a task without a workflow §4 plan is listed and left UNCHECKED. */
    private boolean plan(Task t) {
        if (t.planned == null) {
            String why = "task " + t.taskId + ": the bundle holds no TaskPlanned entry";
            if (t.draw != null) {
                report.fail("task.draw", Report.Failure.at(t.draw.entry(), t.draw.leaf(), "a TaskPlanned entry",
                        "none", why + " but a draw"));
            } else {
                report.unchecked("task.draw", why);
            }
            return false;
        }
        JsonNode dp = t.planned.p().get("drawPlan");
        if (dp == null || !dp.has("algorithm") || !t.planned.p().has("planHash")) {
            report.unchecked("task.draw", "task " + t.taskId + " (leaf " + t.planned.leaf() + ") carries no "
                    + "drl-draw/1 plan with its planHash (not the docs/workflow.md §4 shape): its draw cannot be "
                    + "re-derived");
            return false;
        }
        try {
            t.plan = DrawPlan.fromJson(dp);
        } catch (FormatException e) {
            report.fail("task.draw", Report.Failure.at(t.planned.entry(), t.planned.leaf(), "a drl-draw/1 plan",
                    e.rule() + " at " + e.where(), "task " + t.taskId + ": " + e.getMessage()));
            return false;
        }
        String planHash = Hex.encode(t.plan.hash());
        if (!planHash.equals(t.planned.p().path("planHash").asText())) {
            report.fail("task.draw", Report.Failure.at(t.planned.entry(), t.planned.leaf(), planHash,
                    t.planned.p().path("planHash").asText(), "task " + t.taskId + ": planHash is not the hash of "
                            + "the recorded plan (draw-spec §3)"));
        }
        return true;
    }

    private static Instant roundTime(JsonNode r) {
        if (RandomnessSources.DRAND_QUICKNET.equals(r.path("source").asText())) {
            return RandomnessSources.drandQuicknetRoundTime(r.path("round").asLong());
        }
        return LocalDate.parse(r.path("drawDate").asText()).atStartOfDay(CHINA).toInstant();
    }

    private void timing(Task t, List<SignedCheckpoint> checkpoints) {
        if (t.randomness == null) {
            if (t.draw != null) {
                report.fail("task.timing", Report.Failure.at(t.draw.entry(), t.draw.leaf(),
                        "a RandomnessRecorded entry before the draw", "none", "task " + t.taskId
                                + ": a draw without recorded randomness"));
            } else {
                report.unchecked("task.timing", "task " + t.taskId + ": no randomness recorded yet");
            }
            return;
        }
        JsonNode r = t.randomness.p();
        Instant roundTime;
        try {
            roundTime = roundTime(r);
        } catch (RuntimeException e) {
            report.fail("task.timing", Report.Failure.at(t.randomness.entry(), t.randomness.leaf(),
                    "a round time for source " + r.path("source").asText(), String.valueOf(e.getMessage()),
                    "task " + t.taskId + ": the round's time cannot be computed"));
            return;
        }
        if (!roundTime.toString().equals(r.path("roundTime").asText())) {
            report.fail("task.timing", Report.Failure.at(t.randomness.entry(), t.randomness.leaf(),
                    roundTime.toString(), r.path("roundTime").asText(), "task " + t.taskId
                            + ": the recorded round time is not the source's time for round "
                            + r.path("round").asText()));
            return;
        }
        long through = t.planned.leaf();
        String what = "TaskPlanned";
        if (t.frozen == null) {
            report.fail("task.timing", Report.Failure.at(t.randomness.entry(), t.randomness.leaf(),
                    "PopulationFrozen before the randomness", "none", "task " + t.taskId
                            + ": randomness recorded before the population was frozen"));
            return;
        }
        if (t.frozen.leaf() > through) {
            through = t.frozen.leaf();
            what = "PopulationFrozen";
        }
        for (String party : t.plan.parties()) {
            Rec c = t.commitments.get(party);
            if (c == null || c.leaf() > t.randomness.leaf()) {
                report.fail("task.timing", Report.Failure.at(t.randomness.entry(), t.randomness.leaf(),
                        "a SeedCommitted of " + party + " before the randomness", c == null ? "none"
                                : "leaf " + c.leaf(), "task " + t.taskId + ": a party had not committed when the "
                                + "randomness was recorded"));
                return;
            }
            if (c.leaf() > through) {
                through = c.leaf();
                what = "SeedCommitted of " + party;
            }
        }
        SignedCheckpoint first = null;
        for (SignedCheckpoint cp : checkpoints) {
            if (cp.size() > through && cp.time() != null && (first == null || cp.time() < first.time())) {
                first = cp;
            }
        }
        String sealedBy = "sealedBy " + r.path("sealedBy").path("treeSize").asText("?") + " signed "
                + r.path("sealedBy").path("signedAt").asText("?");
        if (first == null) {
            if (full) {
                report.fail("task.timing", Report.Failure.at(t.randomness.entry(), t.randomness.leaf(),
                        "a signed checkpoint covering leaf " + through + " (" + what + ") before " + roundTime,
                        "none", "task " + t.taskId + ": no checkpoint seals the plan, freeze and commitments"));
            } else {
                report.unchecked("task.timing", "task " + t.taskId + ": this partial bundle holds no checkpoint "
                        + "covering leaf " + through + " (" + what + "); the ledger records " + sealedBy
                        + ", before the round's time " + roundTime + " (check it in the public-ledger bundle)");
            }
            return;
        }
        Instant signed = Instant.ofEpochSecond(first.time());
        if (!signed.isBefore(roundTime)) {
            if (full || first.size() <= r.path("sealedBy").path("treeSize").asLong(Long.MAX_VALUE)) {
                report.fail("task.timing", Report.Failure.at(t.randomness.entry(), t.randomness.leaf(),
                        "a checkpoint covering leaf " + through + " (" + what + ") signed before " + roundTime,
                        "earliest covering checkpoint: size " + first.size() + " signed " + signed,
                        "task " + t.taskId + ": the draw's inputs were not sealed before the randomness was known"));
            } else {
                report.unchecked("task.timing", "task " + t.taskId + ": the bundle's checkpoints are all later "
                        + "than the round's time; the ledger records " + sealedBy);
            }
            return;
        }
        report.pass("task.timing");
    }

    private Randomness recordedRandomness(JsonNode r) {
        return RandomnessSources.DRAND_QUICKNET.equals(r.path("source").asText())
                ? Randomness.drandQuicknet(r.path("round").asLong(), Hex.decode(r.path("signature").asText()),
                Hex.decode(r.path("randomness").asText()))
                : Randomness.cwlSsq(r.path("round").asLong(), r.path("value").asText());
    }

    private void randomness(Task t) {
        if (t.randomness == null) {
            report.unchecked("task.randomness", "task " + t.taskId + ": no randomness recorded");
            return;
        }
        JsonNode r = t.randomness.p();
        Rec at = t.randomness;
        DrawPlan.RandomnessSpec spec = t.plan.randomness();
        if (!spec.source().equals(r.path("source").asText()) || spec.round() != r.path("round").asLong()) {
            report.fail("task.randomness", Report.Failure.at(at.entry(), at.leaf(), spec.source() + " round "
                    + spec.round(), r.path("source").asText() + " round " + r.path("round").asText(),
                    "task " + t.taskId + ": not the source and round the plan fixed"));
            return;
        }
        Randomness rec;
        try {
            rec = recordedRandomness(r);
            RandomnessSources.validate(rec);
        } catch (FormatException | IllegalArgumentException e) {
            report.fail("task.randomness", Report.Failure.at(at.entry(), at.leaf(), "a well-formed " + spec.source()
                    + " record" + (spec.source().equals(RandomnessSources.DRAND_QUICKNET)
                    ? " with randomness = SHA-256(signature)" : ""), String.valueOf(e.getMessage()),
                    "task " + t.taskId + ": the recorded randomness is inconsistent"));
            return;
        }
        String rand = Hex.encode(rec.rand());
        if (!rand.equals(r.path("rand").asText())) {
            report.fail("task.randomness", Report.Failure.at(at.entry(), at.leaf(), rand, r.path("rand").asText(),
                    "task " + t.taskId + ": rand is not the hash of the recorded randomness (draw-spec §6)"));
            return;
        }
        if (t.draw != null && !rand.equals(t.draw.p().path("rand").asText())) {
            report.fail("task.randomness", Report.Failure.at(t.draw.entry(), t.draw.leaf(), rand,
                    t.draw.p().path("rand").asText(), "task " + t.taskId + ": the draw used other randomness than "
                            + "the recorded round " + spec.round()));
            return;
        }
        String online = RandomnessSources.DRAND_QUICKNET.equals(spec.source())
                ? "drand quicknet round " + spec.round() + ": signature " + r.path("signature").asText()
                + ", randomness " + r.path("randomness").asText() + " — compare at https://api.drand.sh/"
                + RandomnessSources.QUICKNET_CHAIN_HASH + "/public/" + spec.round()
                : "双色球 期号 " + spec.round() + ": value " + r.path("value").asText() + ", draw date "
                + r.path("drawDate").asText() + " — compare at https://www.cwl.gov.cn/ygkj/wqkjgg/ssq/";
        report.note("randomness for task " + t.taskId + " at leaf " + at.leaf() + ": " + online);
        report.unchecked("task.randomness", "task " + t.taskId + ": offline parts hold (source and round as "
                + "planned, " + (RandomnessSources.DRAND_QUICKNET.equals(spec.source())
                ? "randomness = SHA-256(signature), " : "value well-formed, ") + "rand used by the draw); "
                + (RandomnessSources.DRAND_QUICKNET.equals(spec.source())
                ? "the drand BLS signature is NOT verified offline (not built): check round " + spec.round()
                + " online, see the notes" : "a lottery value cannot be proved offline: check 期号 "
                + spec.round() + " online, see the notes"));
    }

    /** The reveals usable by the draw: opening their commitment and dated by the deadline. */
    private void reveals(Task t) {
        Instant deadline = Instant.parse(t.plan.revealDeadline());
        boolean ok = true;
        for (Rec rv : t.reveals.values()) {
            String party = rv.p().path("partyId").asText();
            Rec c = t.commitments.get(party);
            if (c == null) {
                report.fail("task.reveals", Report.Failure.at(rv.entry(), rv.leaf(), "a SeedCommitted of " + party,
                        "none", "task " + t.taskId + ": a reveal without a commitment"));
                ok = false;
                continue;
            }
            String computed;
            try {
                computed = Hex.encode(DrawHashes.commitment(t.taskId, party, Hex.decode(rv.p().path("secret")
                        .asText())));
            } catch (RuntimeException e) {
                computed = "unreadable secret: " + e.getMessage();
            }
            if (!computed.equals(c.p().path("commitment").asText())) {
                report.fail("task.reveals", Report.Failure.at(rv.entry(), rv.leaf(), c.p().path("commitment")
                        .asText() + " (committed at leaf " + c.leaf() + ")", computed, "task " + t.taskId
                        + ": the revealed secret of " + party + " does not open its commitment"));
                ok = false;
            } else {
                report.pass("task.reveals");
            }
        }
        if (t.draw == null) {
            return;
        }
        Map<String, Boolean> flags = new HashMap<>();
        t.draw.p().path("commitments").forEach(f -> flags.put(f.path("partyId").asText(),
                f.path("revealed").asBoolean()));
        for (String party : t.plan.parties()) {
            Rec rv = t.reveals.get(party);
            boolean onTime = rv != null && rv.leaf() < t.draw.leaf() && !rv.entry().time().isAfter(deadline);
            Boolean flag = flags.get(party);
            if (flag == null || flag != onTime) {
                report.fail("task.reveals", Report.Failure.at(t.draw.entry(), t.draw.leaf(), party + " revealed="
                        + onTime, party + " revealed=" + flag, "task " + t.taskId + ": the draw's flag for "
                        + party + " disagrees with the reveals dated by the deadline " + deadline));
                ok = false;
            }
            Rec m = t.missed.get(party);
            String expectMissed = onTime ? null : rv == null ? "NOT_REVEALED" : "LATE";
            String gotMissed = m == null ? null : m.p().path("reason").asText();
            if (!Objects.equals(expectMissed, gotMissed)) {
                report.fail("task.reveals", Report.Failure.at(t.draw.entry(), t.draw.leaf(), "RevealMissed of "
                        + party + ": " + expectMissed, String.valueOf(gotMissed), "task " + t.taskId
                        + ": missed reveals are recorded as RevealMissed (draw-spec §6.3)"));
                ok = false;
            }
        }
        if (ok) {
            report.pass("task.reveals");
        }
    }

    private TaskFreezes.Frozen population(Task t, TaskFreezes.Frozen f) {
        if (t.frozen == null) {
            report.unchecked("task.population", "task " + t.taskId + ": not frozen");
            return null;
        }
        if (!full) {
            report.unchecked("task.population", "task " + t.taskId + ": a partial bundle does not hold the "
                    + "registry entries before leaf " + t.frozen.p().path("asOfLeaf").asText()
                    + " (verify the public-ledger bundle)");
            return null;
        }
        if (f == null || f.unavailable() != null) {
            report.unchecked("task.population", "task " + t.taskId + ": " + (f == null
                    ? "the entries could not be read again" : f.unavailable()));
            return null;
        }
        JsonNode p = t.frozen.p();
        Map<String, Long> counts = new TreeMap<>();
        p.path("countsByStratum").forEach(c -> counts.put(c.path("stratum").asText(), c.path("count").asLong()));
        Map<String, Long> computedCounts = new TreeMap<>();
        f.population().countsByStratum().forEach((s, n) -> computedCounts.put(s, n.longValue()));
        List<String[]> diffs = new ArrayList<>();
        diff(diffs, "popHash", Hex.encode(f.population().hash()), p.path("popHash").asText());
        diff(diffs, "populationSize", f.population().size(), p.path("populationSize").asLong());
        diff(diffs, "countsByStratum", computedCounts, counts);
        diff(diffs, "rosterHash", Hex.encode(f.roster().hash()), p.path("rosterHash").asText());
        diff(diffs, "rosterSize", f.roster().officers().size(), p.path("rosterSize").asLong());
        diff(diffs, "conflicts", f.roster().conflicts().size(), p.path("conflicts").asLong());
        diff(diffs, "assistOfficers", f.roster().assistCount(), p.path("assistOfficers").asLong());
        diff(diffs, "registryObjects", f.registryObjects(), p.path("registryObjects").asLong());
        diff(diffs, "registryInspectors", f.registryInspectors(), p.path("registryInspectors").asLong());
        diff(diffs, "cappedEntities", f.cappedEntities(), p.path("cappedEntities").asLong());
        if (diffs.isEmpty()) {
            report.pass("task.population");
            return f;
        }
        StringBuilder exp = new StringBuilder();
        StringBuilder got = new StringBuilder();
        for (String[] d : diffs) {
            exp.append(exp.isEmpty() ? "" : ", ").append(d[0]).append('=').append(d[1]);
            got.append(got.isEmpty() ? "" : ", ").append(d[0]).append('=').append(d[2]);
        }
        report.fail("task.population", Report.Failure.at(t.frozen.entry(), t.frozen.leaf(), exp.toString(),
                got.toString(), "task " + t.taskId + ": the population/roster re-derived from the registry entries "
                        + "before leaf " + p.path("asOfLeaf").asText() + " is not what the freeze recorded "
                        + "(expected = re-derived, computed = recorded)"));
        return f;
    }

    private static void diff(List<String[]> out, String field, Object computed, Object recorded) {
        if (!String.valueOf(computed).equals(String.valueOf(recorded))) {
            out.add(new String[]{field, String.valueOf(computed), String.valueOf(recorded)});
        }
    }

    /**
     * {@code lists}: the re-derived population and roster (null when they cannot be); {@code registry}: the registry
     * payload as of the freeze of each recorded target (null when the bundle holds no registry entries).
     */
    private void draw(Task t, TaskFreezes.Frozen lists, Map<String, JsonNode> registry) {
        if (t.draw == null) {
            report.unchecked("task.draw", "task " + t.taskId + ": no draw yet");
            return;
        }
        Rec d = t.draw;
        JsonNode p = d.p();
        if (t.randomness == null || t.frozen == null) {
            report.fail("task.draw", Report.Failure.at(d.entry(), d.leaf(), "a freeze and randomness before the "
                    + "draw", (t.frozen == null ? "no PopulationFrozen " : "") + (t.randomness == null
                    ? "no RandomnessRecorded" : ""), "task " + t.taskId + ": the draw's inputs are not recorded"));
            return;
        }
        Instant deadline = Instant.parse(t.plan.revealDeadline());
        List<Commitment> commitments = new ArrayList<>();
        List<Reveal> reveals = new ArrayList<>();
        List<DrawHashes.SeedContribution> contributions = new ArrayList<>();
        for (String party : new java.util.TreeSet<>(t.commitments.keySet())) {
            byte[] c = Hex.decode(t.commitments.get(party).p().path("commitment").asText());
            commitments.add(new Commitment(party, c));
            Rec rv = t.reveals.get(party);
            byte[] secret = rv != null && rv.leaf() < d.leaf() && !rv.entry().time().isAfter(deadline)
                    ? Hex.decode(rv.p().path("secret").asText()) : null;
            if (secret != null) {
                reveals.add(new Reveal(party, secret));
            }
            contributions.add(new DrawHashes.SeedContribution(party, c, secret));
        }
        Randomness randomness = recordedRandomness(t.randomness.p());
        List<String[]> diffs = new ArrayList<>();
        JsonNode fr = t.frozen.p();
        diff(diffs, "asOfLeaf", fr.path("asOfLeaf").asLong(), p.path("asOfLeaf").asLong());
        diff(diffs, "planHash", Hex.encode(t.plan.hash()), p.path("planHash").asText());
        diff(diffs, "popHash", fr.path("popHash").asText(), p.path("popHash").asText());
        diff(diffs, "rosterHash", fr.path("rosterHash").asText(), p.path("rosterHash").asText());
        if (lists == null) {
            // without the lists: the seed from the recorded hashes, and every recorded target's ticket
            byte[] seed = DrawHashes.seed(t.taskId, t.plan.hash(), Hex.decode(fr.path("popHash").asText()),
                    Hex.decode(fr.path("rosterHash").asText()), randomness.source(), randomness.round(),
                    randomness.rand(), contributions);
            diff(diffs, "seed", Hex.encode(seed), p.path("seed").asText());
            for (JsonNode target : p.path("targets")) {
                String id = target.path("entityId").asText();
                diff(diffs, "ticket of " + id, Hex.encode(DrawHashes.ticket(seed, id)), target.path("ticket").asText());
            }
            int committed = 0;
            if (registry != null) {
                committed = recordedTargets(t, d, registry, diffs);
            }
            if (!failDraw(t, d, diffs, null)) {
                report.pass("task.draw");
            }
            int n = p.path("targets").size();
            if (registry == null) {
                report.unchecked("task.draw", "task " + t.taskId + ": seed and " + n + " ticket(s) recomputed; the "
                        + "selection, teams, relaxations and substitutions need the frozen population and roster, "
                        + "which this input cannot re-derive (see task.population)");
            } else {
                report.unchecked("task.draw", "task " + t.taskId + ": seed; entity, ticket, visiting order and "
                        + "district of " + n + " target(s) checked against the registry as of leaf "
                        + fr.path("asOfLeaf").asText() + (committed > 0 ? "; the stratum of " + committed
                        + " target(s) (confidential attribute " + t.plan.stratifyBy() + ") checked only by "
                        + "commitment (it is the registry's commitment), not against its opening" : "")
                        + "; the selection within strata, teams, relaxations and substitutions need the frozen "
                        + "population and roster, which this bundle cannot re-derive (see task.population; an "
                        + "auditor-full bundle holds the openings)");
            }
            return;
        }
        List<Recusal> recusals = new ArrayList<>();
        for (Rec r : t.recusals) {
            recusals.add(new Recusal(r.p().path("objectId").asText(), r.p().path("officerId").asText(),
                    r.p().path("slot").asInt()));
        }
        DrawResult result;
        try {
            result = Draw.run(new DrawInput(t.plan, lists.population(), lists.roster(), commitments, randomness,
                    reveals, recusals));
        } catch (FormatException e) {
            report.fail("task.draw", Report.Failure.at(d.entry(), d.leaf(), "a draw the kernel can run",
                    e.rule() + " at " + e.where(), "task " + t.taskId + ": " + e.getMessage()));
            return;
        }
        diff(diffs, "rand", Hex.encode(result.rand()), p.path("rand").asText());
        diff(diffs, "seed", Hex.encode(result.seed()), p.path("seed").asText());
        List<String> flags = new ArrayList<>();
        result.contributions().forEach(c -> flags.add(c.partyId() + ":" + Hex.encode(c.commitment()) + ":"
                + c.revealed()));
        List<String> recFlags = new ArrayList<>();
        p.path("commitments").forEach(c -> recFlags.add(c.path("partyId").asText() + ":"
                + c.path("commitment").asText() + ":" + c.path("revealed").asBoolean()));
        diff(diffs, "commitments", flags, recFlags);
        List<String> strata = new ArrayList<>();
        result.strata().forEach(s -> strata.add(s.stratum() + ":" + s.populationCount() + ":" + s.targetCount()));
        List<String> recStrata = new ArrayList<>();
        p.path("strata").forEach(s -> recStrata.add(s.path("stratum").asText() + ":" + s.path("populationCount")
                .asLong() + ":" + s.path("targetCount").asLong()));
        diff(diffs, "strata", strata, recStrata);
        int n = Math.max(result.targets().size(), p.path("targets").size());
        boolean schema1 = d.entry().schema() < 2;
        int committed = 0;
        for (int i = 0; i < n; i++) {
            String c = "none";
            if (i < result.targets().size()) {
                DrawResult.Target kt = result.targets().get(i);
                // schema 2 records the registry's representation (a confidential stratum stays its commitment, whose
                // opening gave the kernel's stratum above); schema 1 recorded the clear stratum
                JsonNode expected = schema1 ? com.fasterxml.jackson.databind.node.TextNode.valueOf(kt.stratum())
                        : RecordedStratum.of(registry == null ? null : registry.get(kt.entityId()),
                        t.plan.stratifyBy(), kt.stratum());
                committed += RecordedStratum.committed(expected) ? 1 : 0;
                c = kt.order() + " " + kt.entityId() + " " + shown(expected) + " " + kt.district() + " "
                        + Hex.encode(kt.ticket());
            }
            JsonNode rt = p.path("targets").path(i);
            String r = rt.isMissingNode() ? "none" : rt.path("order").asInt() + " " + rt.path("entityId").asText()
                    + " " + shown(rt.path("stratum")) + " " + rt.path("district").asText() + " "
                    + rt.path("ticket").asText();
            diff(diffs, "targets[" + i + "]", c, r);
        }
        if (schema1 && RecordedStratum.confidential(t.plan.stratifyBy()) && p.path("targets").size() > 0) {
            report.note("task " + t.taskId + ": its DrawExecuted (schema 1, leaf " + d.leaf() + ") records the "
                    + "strata of the confidential attribute " + t.plan.stratifyBy() + " in clear; schema 2 records "
                    + "commitments");
        }
        n = Math.max(result.teams().size(), p.path("teams").size());
        for (int i = 0; i < n; i++) {
            String c = i < result.teams().size() ? team(result.teams().get(i)) : "none";
            JsonNode rt = p.path("teams").path(i);
            StringBuilder r = new StringBuilder(rt.isMissingNode() ? "none" : rt.path("entityId").asText());
            rt.path("slots").forEach(s -> r.append(" [").append(s.path("slot").asInt()).append(' ')
                    .append(s.path("officerId").asText("-")).append(' ').append(s.path("department").asText("-"))
                    .append(s.path("leader").asBoolean() ? " leader" : "").append(" step ")
                    .append(s.path("relaxationStep").asInt()).append(']'));
            diff(diffs, "teams[" + i + "]", c, r.toString());
        }
        List<String> unfilled = new ArrayList<>();
        result.unfilledSlots().forEach(u -> unfilled.add(u.entityId() + "#" + u.slot()));
        List<String> recUnfilled = new ArrayList<>();
        p.path("unfilled").forEach(u -> recUnfilled.add(u.path("entityId").asText() + "#" + u.path("slot").asInt()));
        diff(diffs, "unfilled", unfilled, recUnfilled);
        if (failDraw(t, d, diffs, null)) {
            return;
        }
        // substitutions: the i-th SubstituteAssigned is the kernel's i-th substitution (draw-spec §10)
        int m = Math.max(result.substitutions().size(), t.substitutions.size());
        for (int i = 0; i < m; i++) {
            Rec s = i < t.substitutions.size() ? t.substitutions.get(i) : t.recusals.get(i);
            String c = i < result.substitutions().size() ? substitution(result.substitutions().get(i)) : "none";
            String r = i < t.substitutions.size() ? s.p().path("recusal").asInt() + " "
                    + s.p().path("objectId").asText() + " slot " + s.p().path("slot").asInt() + " "
                    + s.p().path("recusedOfficerId").asText() + " -> " + s.p().path("officerId").asText("-") + " "
                    + s.p().path("department").asText("-") + (s.p().path("leader").asBoolean() ? " leader" : "")
                    + " step " + s.p().path("relaxationStep").asInt() : "none";
            if (!c.equals(r)) {
                report.fail("task.draw", Report.Failure.at(s.entry(), s.leaf(), c, r, "task " + t.taskId
                        + ": substitution " + (i + 1) + " is not the kernel's (draw-spec §10)"));
                return;
            }
        }
        report.pass("task.draw");
        if (committed > 0) {
            report.note("task " + t.taskId + ": the committed stratum of " + committed + " target(s) (confidential "
                    + "attribute " + t.plan.stratifyBy() + ") is the registry's commitment, checked against its "
                    + "opening");
        }
        report.note("task " + t.taskId + ": draw re-derived: seed " + p.path("seed").asText() + ", "
                + result.targets().size() + " target(s), " + result.teams().size() + " team(s), "
                + result.unfilledSlots().size() + " unfilled slot(s), " + result.substitutions().size()
                + " substitution(s)");
    }

    /**
     * Without the frozen lists: what the draw recorded of each target that the registry as of the freeze and the
     * recorded tickets decide — the entity is a registry object, its district, its recorded stratum (schema 2: the
     * registry's commitment when the attribute is committed, else the registry's clear value), the visiting order
     * (1, 2, … by ticket, then id) and that the strata's target counts add up. Returns how many strata were committed.
     */
    private int recordedTargets(Task t, Rec d, Map<String, JsonNode> registry, List<String[]> diffs) {
        JsonNode p = d.p();
        String by = t.plan.stratifyBy();
        int committed = 0;
        String prevTicket = null;
        String prevId = null;
        int i = 0;
        for (JsonNode target : p.path("targets")) {
            String id = target.path("entityId").asText();
            String ticket = target.path("ticket").asText();
            diff(diffs, "order of " + id, i + 1, target.path("order").asInt());
            if (prevTicket != null && (ticket.compareTo(prevTicket) < 0
                    || ticket.equals(prevTicket) && id.compareTo(prevId) <= 0)) {
                diff(diffs, "visiting order at " + id, "after " + prevId + " by (ticket, id)", "before it");
            }
            prevTicket = ticket;
            prevId = id;
            i++;
            JsonNode o = registry.get(id);
            if (o == null) {
                diff(diffs, "entity " + id, "an object of the registry as of leaf " + p.path("asOfLeaf").asText(),
                        "none");
                continue;
            }
            diff(diffs, "district of " + id, o.path("district").asText(), target.path("district").asText());
            JsonNode recorded = target.path("stratum");
            if (by.isEmpty()) {
                diff(diffs, "stratum of " + id, "\"\"", shown(recorded));
            } else if (RecordedStratum.committed(o.get(by))) {
                committed++;
                if (d.entry().schema() >= 2) {
                    diff(diffs, "stratum of " + id, shown(o.get(by)), shown(recorded));
                }
            } else {
                diff(diffs, "stratum of " + id, o.path(by).asText(), shown(recorded));
            }
        }
        long counted = 0;
        for (JsonNode s : p.path("strata")) {
            counted += s.path("targetCount").asLong();
        }
        diff(diffs, "targets per strata", counted, p.path("targets").size());
        return committed;
    }

    /** A recorded stratum as the report shows it: the clear value, or {@code commit:<hex>} (never an opening). */
    private static String shown(JsonNode stratum) {
        if (RecordedStratum.committed(stratum)) {
            return "commit:" + RecordedStratum.commitment(stratum);
        }
        return stratum == null || stratum.isMissingNode() ? "none" : stratum.asText();
    }

    private boolean failDraw(Task t, Rec d, List<String[]> diffs, String why) {
        if (diffs.isEmpty()) {
            return false;
        }
        String[] first = diffs.get(0);
        report.fail("task.draw", Report.Failure.at(d.entry(), d.leaf(), first[0] + " = " + first[1],
                first[0] + " = " + first[2], "task " + t.taskId + ": the draw re-run with the kernel differs from "
                        + "DrawExecuted in " + diffs.size() + " field(s), first " + first[0]
                        + " (expected = recomputed, computed = recorded)"));
        return true;
    }

    private static String team(DrawResult.Team t) {
        StringBuilder sb = new StringBuilder(t.entityId());
        for (DrawResult.SlotAssignment s : t.slots()) {
            sb.append(" [").append(s.slot()).append(' ').append(s.officerId() == null ? "-" : s.officerId())
                    .append(' ').append(s.department() == null ? "-" : s.department())
                    .append(s.leader() ? " leader" : "").append(" step ").append(s.relaxationStep()).append(']');
        }
        return sb.toString();
    }

    private static String substitution(DrawResult.Substitution s) {
        return s.recusal() + " " + s.entityId() + " slot " + s.slot() + " " + s.recusedOfficerId() + " -> "
                + (s.substituteOfficerId() == null ? "-" : s.substituteOfficerId()) + " "
                + (s.department() == null ? "-" : s.department()) + (s.slot() == 1 ? " leader" : "") + " step "
                + s.relaxationStep(); // slot 1 leads the team (draw-spec §9)
    }
}
