package org.drledger.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.drledger.core.crypto.HashAlgorithm;
import org.drledger.core.draw.Commitment;
import org.drledger.core.draw.Draw;
import org.drledger.core.draw.DrawHashes;
import org.drledger.core.draw.DrawInput;
import org.drledger.core.draw.DrawPlan;
import org.drledger.core.draw.DrawResult;
import org.drledger.core.draw.Population;
import org.drledger.core.draw.PopulationMember;
import org.drledger.core.draw.Randomness;
import org.drledger.core.draw.RandomnessSources;
import org.drledger.core.draw.Relaxation;
import org.drledger.core.draw.Reveal;
import org.drledger.core.draw.Roster;
import org.drledger.core.draw.RosterOfficer;

/**
 * The draw: 1,000,000 entities in 4 strata (1 % each → 10,000 targets), 5,000 officers in 20 departments,
 * three slots restricted to department subsets, district avoidance and conflicts with a relaxation ladder. Figure:
 * {@code Draw.run} (seed, every ticket, selection, visiting order, matching). Baseline, in the same run: the bare
 * hashing of the same 1,000,000 tickets ({@code SHA-256(STR(label) || seed || STR(entity_id))}) on all cores with
 * a plain {@code MessageDigest}, nothing else. Seconds are medians of the measured rounds, figure and baseline
 * alternating. Usage: {@code java -Xmx3g -jar benchmarks.jar draw [--entities=N] [--officers=N] [--rounds=N]}.
 */
public final class DrawBenchmark {
    private DrawBenchmark() {
    }

    public static void main(String[] args) {
        int entities = intArg(args, "--entities=", 1_000_000);
        int officers = intArg(args, "--officers=", 5_000);
        int rounds = intArg(args, "--rounds=", 5);
        int warmups = intArg(args, "--warmups=", 2);

        DrawInput in = input(entities, officers);
        DrawResult first = Draw.run(in);
        byte[] seed = first.seed();
        List<String> ids = in.population().members().stream().map(PopulationMember::entityId).toList();

        for (int i = 0; i < warmups; i++) {
            Draw.run(in);
            bareTickets(seed, ids);
        }
        double[] draw = new double[rounds];
        double[] bare = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            DrawResult r = Draw.run(in);
            long t1 = System.nanoTime();
            long sink = bareTickets(seed, ids);
            long t2 = System.nanoTime();
            if (!Arrays.equals(r.seed(), seed) || r.targets().size() != first.targets().size() || sink == 42) {
                throw new IllegalStateException("the draw is not deterministic");
            }
            draw[i] = (t1 - t0) / 1e9;
            bare[i] = (t2 - t1) / 1e9;
        }
        long filled = first.teams().stream().flatMap(t -> t.slots().stream())
                .filter(DrawResult.SlotAssignment::filled).count();
        double d = median(draw);
        double b = median(bare);
        System.out.printf("draw: %,d entities, %,d officers, %,d targets, %,d of %,d slots filled, %d cores%n",
                entities, officers, first.targets().size(), filled, first.targets().size() * 3L,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("rounds (draw s / bare tickets s): %s%n", rounds(draw, bare));
        System.out.println();
        System.out.println("== figures beside their same-run baselines ==");
        System.out.printf("%-32s %10s %22s %12s %8s%n", "figure", "seconds", "baseline", "baseline s", "ratio");
        System.out.printf("%-32s %10.3f %22s %12.3f %8.2f%n", "Draw.run (median)", d, "bare ticket hashing", b, d / b);
        System.out.printf("(ratio = draw time / baseline time: how many times the bare hashing the whole draw costs;"
                + " target: draw under 2 s)%n");
    }

    static DrawInput input(int entities, int officers) {
        SplittableRandom r = new SplittableRandom(1);
        List<String> deps = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            deps.add("dep-" + i);
        }
        List<DrawPlan.Stratum> strata = new ArrayList<>();
        for (String s : List.of("A", "B", "C", "D")) {
            strata.add(new DrawPlan.Stratum(s, new DrawPlan.Ratio(1, 100), 0, null));
        }
        DrawPlan plan = new DrawPlan("benchmark", "creditRiskClass", strata,
                new DrawPlan.PopulationFilter(List.of(), List.of(), List.of(), List.of("item"), null), 8,
                List.of(new DrawPlan.Slot(deps.subList(0, 4)), new DrawPlan.Slot(deps.subList(4, 10)),
                        new DrawPlan.Slot(deps.subList(10, 20))), new DrawPlan.MatchingRules(true, true),
                List.of(Relaxation.DROP_AVOID_SAME_DISTRICT, Relaxation.USE_ASSIST_POOL),
                new DrawPlan.RandomnessSpec(RandomnessSources.DRAND_QUICKNET, 5_000_000), List.of("dio", "org"),
                "2026-03-01T00:00:00Z", new DrawPlan.PlannedDates(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 31)));
        List<PopulationMember> pop = new ArrayList<>(entities);
        for (int i = 0; i < entities; i++) {
            pop.add(new PopulationMember(String.format("91430902MA%08d", i), "ABCD".substring(i % 4, i % 4 + 1),
                    "district-" + r.nextInt(30)));
        }
        List<RosterOfficer> roster = new ArrayList<>();
        for (int i = 0; i < officers; i++) {
            roster.add(new RosterOfficer("officer-" + i, deps.get(r.nextInt(20)), "district-" + r.nextInt(30),
                    1 + r.nextInt(8), r.nextInt(20) == 0));
        }
        byte[] s1 = HashAlgorithm.SHA_256.digest("a".getBytes(StandardCharsets.UTF_8));
        byte[] s2 = HashAlgorithm.SHA_256.digest("b".getBytes(StandardCharsets.UTF_8));
        byte[] sig = new byte[48];
        r.nextBytes(sig);
        return new DrawInput(plan, Population.of(plan, pop), Roster.of(roster, List.of()),
                List.of(new Commitment("dio", DrawHashes.commitment("benchmark", "dio", s2)),
                        new Commitment("org", DrawHashes.commitment("benchmark", "org", s1))),
                Randomness.drandQuicknet(5_000_000, sig, HashAlgorithm.SHA_256.digest(sig)),
                List.of(new Reveal("dio", s2), new Reveal("org", s1)), List.of());
    }

    /** The tickets and nothing else: one SHA-256 per entity over the spec's preimage, chunks across all cores. */
    static long bareTickets(byte[] seed, List<String> ids) {
        byte[] prefix = concat(str(DrawHashes.TICKET_LABEL), seed);
        int chunk = 8192;
        int chunks = (ids.size() + chunk - 1) / chunk;
        return IntStream.range(0, chunks).parallel().mapToLong(c -> {
            MessageDigest md = sha256();
            long x = 0;
            for (int i = c * chunk, end = Math.min(ids.size(), (c + 1) * chunk); i < end; i++) {
                md.update(prefix);
                md.update(str(ids.get(i)));
                x ^= md.digest()[0];
            }
            return x;
        }).sum();
    }

    private static byte[] str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] o = new byte[4 + b.length];
        o[0] = (byte) (b.length >>> 24);
        o[1] = (byte) (b.length >>> 16);
        o[2] = (byte) (b.length >>> 8);
        o[3] = (byte) b.length;
        System.arraycopy(b, 0, o, 4, b.length);
        return o;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] o = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, o, a.length, b.length);
        return o;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String rounds(double[] a, double[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format("%.3f/%.3f", a[i], b[i]));
        }
        return sb.toString();
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
