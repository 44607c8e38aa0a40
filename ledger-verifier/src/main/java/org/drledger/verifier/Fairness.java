package org.drledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.drledger.core.FormatException;
import org.drledger.core.bundle.BundleFormatException;
import org.drledger.core.bundle.BundleKind;
import org.drledger.core.bundle.BundleLines;
import org.drledger.core.bundle.BundleManifest;
import org.drledger.core.bundle.BundleReader;
import org.drledger.core.draw.DrawPlan;
import org.drledger.core.draw.PopulationMember;
import org.drledger.core.entry.Commitments;
import org.drledger.core.entry.Entry;
import org.drledger.core.registry.InspectionHistory;

/**
 * Selection statistics across the draws of a ledger bundle (docs/verifying.md "Fairness statistics"). Per stratum
 * (by name, across tasks): every entity's selection count {@code O} against what uniform sampling predicts,
 * {@code E = Σ k/n} over the draws whose frozen population held it in that stratum, with the variance of a
 * without-replacement draw {@code V = Σ p(1-p)·n/(n-1)} ({@code p = k/n}); the statistic {@code X² = Σ (O-E)²/V}
 * is approximately chi-square with (entities − 1) degrees of freedom (exactly so, under the normal approximation,
 * when every draw of the stratum saw the same population). Populations are re-derived from the registry entries
 * ({@link TaskFreezes}), so a full bundle is needed; a draw whose population cannot be re-derived is listed and
 * left out. Voided draws are left out. Officers: slots per officer as drawn and after substitutions.
 */
public final class Fairness {
    public static final String FORMAT = "drl-fairness-report/1";

    /** One entity's line in a stratum. */
    public record EntityStat(String entityId, long observed, double expected, double variance) {
        double z() {
            return variance > 0 ? (observed - expected) / Math.sqrt(variance) : 0;
        }
    }

    /** One stratum across tasks. */
    public record StratumStat(String stratum, int draws, long populationTotal, long targetsTotal,
                              List<EntityStat> entities, double chiSquare, long df, double pValue) {
    }

    /** One officer: slots drawn, and after substitutions. */
    public record OfficerStat(String officerId, String department, long drawn, long effective) {
    }

    /** The whole analysis. */
    public record Result(String subject, boolean ledgerVerified, String firstFailure, int draws, int voided,
                         List<String> excluded, List<StratumStat> strata, List<OfficerStat> officers,
                         double alpha) {
        public boolean suspicious() {
            return strata.stream().anyMatch(s -> s.df() > 0 && s.pValue() < alpha);
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("format", FORMAT).put("subject", subject).put("ledgerVerified", ledgerVerified);
            if (firstFailure != null) {
                o.put("firstFailure", firstFailure);
            }
            o.put("draws", draws).put("voidedDraws", voided).put("alpha", alpha).put("suspicious", suspicious());
            ArrayNode ex = o.putArray("excluded");
            excluded.forEach(ex::add);
            ArrayNode ss = o.putArray("strata");
            for (StratumStat s : strata) {
                ObjectNode j = ss.addObject().put("stratum", s.stratum()).put("draws", s.draws())
                        .put("populationTotal", s.populationTotal()).put("targetsTotal", s.targetsTotal())
                        .put("entities", s.entities().size()).put("chiSquare", round(s.chiSquare()))
                        .put("df", s.df()).put("pValue", round(s.pValue()));
                ArrayNode es = j.putArray("perEntity");
                s.entities().forEach(e -> es.addObject().put("entityId", e.entityId()).put("observed", e.observed())
                        .put("expected", round(e.expected())).put("z", round(e.z())));
            }
            ArrayNode os = o.putArray("officers");
            officers.forEach(f -> os.addObject().put("officerId", f.officerId()).put("department", f.department())
                    .put("drawnSlots", f.drawn()).put("effectiveSlots", f.effective()));
            return o;
        }

        public String toText() {
            StringBuilder sb = new StringBuilder("drl fairness: ").append(subject).append('\n');
            sb.append("ledger: ").append(ledgerVerified ? "VERIFIED" : "FAILED (first failing check: "
                    + firstFailure + ") — statistics over an unverified ledger mean nothing").append('\n');
            sb.append("draws analysed: ").append(draws).append(", voided (left out): ").append(voided).append('\n');
            excluded.forEach(e -> sb.append("left out: ").append(e).append('\n'));
            for (StratumStat s : strata) {
                sb.append(String.format(Locale.ROOT, "stratum %-12s draws %d, population Σn %d, targets Σk %d, "
                                + "entities %d, X² %.3f, df %d, p %.4f%s%n", "'" + s.stratum() + "'", s.draws(),
                        s.populationTotal(), s.targetsTotal(), s.entities().size(), s.chiSquare(), s.df(),
                        s.pValue(), s.df() > 0 && s.pValue() < alpha ? "  << below alpha " + alpha : ""));
                if (s.draws() < 5) {
                    sb.append("  (few draws: the test has little power; it gains meaning over many tasks)\n");
                }
                s.entities().stream().sorted(Comparator.comparingDouble((EntityStat e) -> -Math.abs(e.z()))).limit(5)
                        .forEach(e -> sb.append(String.format(Locale.ROOT, "  %-20s selected %d, expected %.3f, "
                                + "z %+.2f%n", e.entityId(), e.observed(), e.expected(), e.z())));
            }
            if (!officers.isEmpty()) {
                sb.append("officers (slots drawn / after substitutions):\n");
                Map<String, long[]> byDept = new TreeMap<>();
                for (OfficerStat f : officers) {
                    sb.append(String.format(Locale.ROOT, "  %-20s %-10s %d / %d%n", f.officerId(), f.department(),
                            f.drawn(), f.effective()));
                    long[] d = byDept.computeIfAbsent(f.department(), k -> new long[2]);
                    d[0] += f.drawn();
                    d[1] += f.effective();
                }
                byDept.forEach((d, n) -> sb.append(String.format(Locale.ROOT, "  department %-10s %d / %d%n", d,
                        n[0], n[1])));
            }
            sb.append("RESULT: ").append(!ledgerVerified ? "FAILED (ledger)" : suspicious()
                    ? "SUSPICIOUS (a stratum's p-value is below alpha " + alpha + ")" : "no evidence against uniform "
                    + "selection at alpha " + alpha).append('\n');
            return sb.toString();
        }

        private static double round(double d) {
            return Double.isFinite(d) ? Math.round(d * 1e6) / 1e6 : -1;
        }
    }

    private static final class TaskData {
        JsonNode planned;
        long asOfLeaf = -1;
        JsonNode draw;
        final List<JsonNode> substitutions = new ArrayList<>();
        boolean voided;
    }

    private Fairness() {
    }

    public static Result analyse(Path bundle, double alpha) throws UnusableInputException {
        Report verdict = BundleVerifier.verify(bundle, BundleVerifier.Options.none());
        try (BundleReader reader = BundleReader.open(bundle)) {
            return analyse(reader, bundle.getFileName().toString(), verdict, alpha);
        } catch (BundleFormatException e) {
            throw new UnusableInputException(e.rule(), e.where(), "not a usable drl-bundle/1: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UnusableInputException("unreadable", bundle.toString(), "cannot read " + bundle + ": "
                    + e.getMessage(), e);
        }
    }

    private static Result analyse(BundleReader reader, String name, Report verdict, double alpha) throws IOException {
        BundleManifest m = reader.manifest();
        Map<String, Commitments.Opening> openings = new HashMap<>();
        if (m.kind() == BundleKind.AUDITOR_FULL) {
            try (BundleReader.Lines lines = reader.lines(BundleManifest.OPENINGS)) {
                while (lines.hasNext()) {
                    BundleLines.OpeningLine o = BundleLines.opening(lines.next(), "openings");
                    openings.put(o.commitment(), o.opening());
                }
            }
        }
        Map<String, TaskData> tasks = new LinkedHashMap<>();
        long size = 0;
        try (BundleReader.Lines lines = reader.lines(BundleManifest.ENTRIES)) {
            while (lines.hasNext()) {
                size++;
                Entry e;
                try {
                    e = BundleLines.entry(lines.next(), "entries").signed().entry();
                } catch (BundleFormatException x) {
                    continue; // the verdict reports it
                }
                String taskId = e.payload().path("taskId").asText(null);
                if (taskId == null) {
                    continue;
                }
                switch (e.type()) {
                    case InspectionHistory.TASK_PLANNED -> tasks.computeIfAbsent(taskId, k -> new TaskData()).planned =
                            e.payload();
                    case TaskChecks.POPULATION_FROZEN -> tasks.computeIfAbsent(taskId, k -> new TaskData()).asOfLeaf =
                            e.payload().path("asOfLeaf").asLong();
                    case InspectionHistory.DRAW_EXECUTED -> {
                        TaskData t = tasks.computeIfAbsent(taskId, k -> new TaskData());
                        if (t.draw == null) {
                            t.draw = e.payload();
                        }
                    }
                    case TaskChecks.SUBSTITUTE -> tasks.computeIfAbsent(taskId, k -> new TaskData()).substitutions
                            .add(e.payload());
                    case InspectionHistory.DRAW_VOIDED -> tasks.computeIfAbsent(taskId, k -> new TaskData()).voided =
                            true;
                    default -> {
                    }
                }
            }
        }
        List<String> excluded = new ArrayList<>();
        List<TaskFreezes.Request> requests = new ArrayList<>();
        Map<String, DrawPlan> plans = new HashMap<>();
        int voided = 0;
        for (Map.Entry<String, TaskData> en : tasks.entrySet()) {
            TaskData t = en.getValue();
            if (t.draw == null) {
                continue;
            }
            if (t.voided) {
                voided++;
                continue;
            }
            if (!m.kind().isFull()) {
                excluded.add("task " + en.getKey() + ": a " + m.kind().id() + " bundle does not hold the registry "
                        + "entries its population is re-derived from");
                continue;
            }
            if (t.asOfLeaf < 0) {
                excluded.add("task " + en.getKey() + ": no PopulationFrozen entry");
                continue;
            }
            try {
                DrawPlan plan = DrawPlan.fromJson(t.planned == null ? null : t.planned.path("drawPlan"));
                plans.put(en.getKey(), plan);
                requests.add(new TaskFreezes.Request(en.getKey(), t.asOfLeaf, plan,
                        t.planned.path("leadDepartment").asText()));
            } catch (FormatException | NullPointerException e) {
                excluded.add("task " + en.getKey() + ": no drl-draw/1 plan (" + e.getMessage() + ")");
            }
        }
        Map<String, TaskFreezes.Frozen> frozen = Map.of();
        if (!requests.isEmpty()) {
            TaskFreezes f = new TaskFreezes(requests, c -> Optional.ofNullable(openings.get(c))
                    .map(o -> o.value().asText()));
            try (BundleReader.Lines lines = reader.lines(BundleManifest.ENTRIES)) {
                long leaf = 0;
                while (lines.hasNext()) {
                    byte[] raw = lines.next();
                    long at = leaf++;
                    if (!FreezeFilter.mayMatter(raw)) {
                        f.accept(at, "", null);
                        continue;
                    }
                    try {
                        Entry e = BundleLines.entry(raw, "entries").signed().entry();
                        f.accept(at, e.type(), e.payload());
                    } catch (BundleFormatException x) {
                        f.accept(at, "", null);
                    }
                }
            }
            frozen = f.finish(size);
        }

        // per stratum name: entity -> {O, E, V}
        Map<String, Map<String, double[]>> acc = new TreeMap<>();
        Map<String, long[]> stratumTotals = new TreeMap<>(); // draws, Σn, Σk
        Map<String, OfficerStat> officers = new TreeMap<>();
        int draws = 0;
        for (Map.Entry<String, TaskData> en : tasks.entrySet()) {
            TaskData t = en.getValue();
            if (t.draw == null || t.voided) {
                continue;
            }
            officerCounts(t, officers);
            TaskFreezes.Frozen fz = frozen.get(en.getKey());
            if (!plans.containsKey(en.getKey())) {
                continue;
            }
            if (fz == null || fz.unavailable() != null) {
                excluded.add("task " + en.getKey() + ": " + (fz == null ? "not frozen" : fz.unavailable()));
                continue;
            }
            draws++;
            Map<String, long[]> nk = new HashMap<>();
            t.draw.path("strata").forEach(s -> nk.put(s.path("stratum").asText(),
                    new long[]{s.path("populationCount").asLong(), s.path("targetCount").asLong()}));
            for (Map.Entry<String, long[]> s : nk.entrySet()) {
                long[] tot = stratumTotals.computeIfAbsent(s.getKey(), k -> new long[3]);
                tot[0]++;
                tot[1] += s.getValue()[0];
                tot[2] += s.getValue()[1];
            }
            for (PopulationMember pm : fz.population().members()) {
                long[] s = nk.get(pm.stratum());
                if (s == null || s[0] == 0) {
                    continue;
                }
                double p = (double) s[1] / s[0];
                double[] a = acc.computeIfAbsent(pm.stratum(), k -> new TreeMap<>())
                        .computeIfAbsent(pm.entityId(), k -> new double[3]);
                a[1] += p;
                a[2] += s[0] > 1 ? p * (1 - p) * s[0] / (s[0] - 1) : 0;
            }
            Map<String, String> strata = new HashMap<>(); // the re-derived stratum: a recorded one may be committed
            fz.population().members().forEach(pm -> strata.put(pm.entityId(), pm.stratum()));
            for (JsonNode target : t.draw.path("targets")) {
                String st = strata.getOrDefault(target.path("entityId").asText(), target.path("stratum").asText());
                double[] a = acc.computeIfAbsent(st, k -> new TreeMap<>())
                        .computeIfAbsent(target.path("entityId").asText(), k -> new double[3]);
                a[0]++;
            }
        }
        List<StratumStat> strata = new ArrayList<>();
        acc.forEach((st, es) -> strata.add(summarize(st, stratumTotals.getOrDefault(st, new long[3]), es)));
        return new Result(name + " (" + m.kind().id() + ", ledger " + m.ledgerId() + ")", verdict.verified(),
                verdict.firstFailure().orElse(null), draws, voided, excluded, strata,
                new ArrayList<>(officers.values()), alpha);
    }

    /**
     * One stratum's statistic from its totals {@code {draws, Σn, Σk}} and, per entity, {@code {O, E, V}}: entities
     * with zero variance (never at risk, or always certain) carry no information and are left out of X² and df.
     */
    static StratumStat summarize(String stratum, long[] totals, Map<String, double[]> entities) {
        List<EntityStat> es = new ArrayList<>();
        double x2 = 0;
        long n = 0;
        for (Map.Entry<String, double[]> e : entities.entrySet()) {
            double[] a = e.getValue();
            es.add(new EntityStat(e.getKey(), (long) a[0], a[1], a[2]));
            if (a[2] > 0) {
                x2 += (a[0] - a[1]) * (a[0] - a[1]) / a[2];
                n++;
            }
        }
        long df = Math.max(0, n - 1);
        return new StratumStat(stratum, (int) totals[0], totals[1], totals[2], es, x2, df,
                df > 0 ? ChiSquare.upperTail(x2, df) : Double.NaN);
    }

    private static void officerCounts(TaskData t, Map<String, OfficerStat> officers) {
        Map<String, String[]> effective = new HashMap<>();
        for (JsonNode team : t.draw.path("teams")) {
            List<String> ids = new ArrayList<>();
            for (JsonNode s : team.path("slots")) {
                String id = s.path("officerId").asText(null);
                ids.add(id);
                if (id != null) {
                    add(officers, id, s.path("department").asText("?"), 1, 0);
                }
            }
            effective.put(team.path("entityId").asText(), ids.toArray(String[]::new));
        }
        Map<String, String> depts = new HashMap<>();
        for (JsonNode s : t.substitutions) {
            String[] team = effective.get(s.path("objectId").asText());
            int slot = s.path("slot").asInt() - 1;
            if (team != null && slot >= 0 && slot < team.length) {
                team[slot] = s.path("officerId").asText(null);
                if (team[slot] != null) {
                    depts.put(team[slot], s.path("department").asText("?"));
                }
            }
        }
        for (String[] team : effective.values()) {
            for (String id : team) {
                if (id != null) {
                    OfficerStat o = officers.get(id);
                    add(officers, id, o != null ? o.department() : depts.getOrDefault(id, "?"), 0, 1);
                }
            }
        }
    }

    private static void add(Map<String, OfficerStat> officers, String id, String dept, long drawn, long effective) {
        OfficerStat o = officers.get(id);
        officers.put(id, o == null ? new OfficerStat(id, dept, drawn, effective)
                : new OfficerStat(id, o.department(), o.drawn() + drawn, o.effective() + effective));
    }
}
