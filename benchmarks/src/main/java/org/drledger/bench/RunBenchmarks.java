package org.drledger.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a benchmark group and prints each figure beside the baseline measured in the same run, with the ratio.
 * Usage: {@code java -jar benchmarks/target/benchmarks.jar [include-regex] [--quick]}; the default runs the kernel
 * benchmarks ({@code EntryBenchmarks|MerkleBenchmarks}). {@code draw [options]} runs {@link DrawBenchmark};
 * {@code verifier [options]} runs {@link VerifierBenchmark};
 * {@code projection-rebuild [options]} runs {@link org.drledger.bench.query.ProjectionRebuildBenchmark};
 * {@code server-append [options]} runs
 * {@link org.drledger.bench.server.ServerAppendBenchmark} (the server append path on PostgreSQL) instead.
 */
public final class RunBenchmarks {
    private RunBenchmarks() {
    }

    /** figure, baseline: pairs printed as a ratio. */
    private static final String[][] PAIRS = {
        {"EntryBenchmarks.kernelHashAndSign", "EntryBenchmarks.bareSign"},
        {"EntryBenchmarks.kernelVerify", "EntryBenchmarks.bareVerify"},
        {"MerkleBenchmarks.append", "MerkleBenchmarks.bareLeafHash"},
        {"MerkleBenchmarks.inclusionProof", "MerkleBenchmarks.bareLeafHash"},
        {"MerkleBenchmarks.consistencyProof", "MerkleBenchmarks.bareLeafHash"},
    };

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("draw")) {
            DrawBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("import")) {
            org.drledger.bench.server.ImportBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("verifier")) {
            VerifierBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("entity-lookup")) {
            org.drledger.bench.server.EntityLookupBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("projection-rebuild")) {
            org.drledger.bench.query.ProjectionRebuildBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("server-append")) {
            org.drledger.bench.server.ServerAppendBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        boolean quick = List.of(args).contains("--quick");
        String include = List.of(args).stream().filter(a -> !a.startsWith("--")).findFirst()
                .orElse("EntryBenchmarks|MerkleBenchmarks");
        ChainedOptionsBuilder opts = new OptionsBuilder()
                .include("org.drledger.bench.(" + include + ")")
                .forks(quick ? 1 : 2)
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(quick ? 1 : 3))
                .threads(1)
                .jvmArgsAppend("-Xmx2g");
        Collection<RunResult> results = new Runner(opts.build()).run();
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replace("org.drledger.bench.", "");
            String param = r.getParams().getParamsKeys().isEmpty() ? ""
                    : r.getParams().getParam(r.getParams().getParamsKeys().iterator().next());
            scores.put(name + "|" + param, new double[]{r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-36s %-15s %14s %14s %-28s %7s", "figure", "param", "ops/s", "baseline ops/s", "baseline", "ratio"));
        for (String[] pair : PAIRS) {
            for (Map.Entry<String, double[]> e : scores.entrySet()) {
                String[] key = e.getKey().split("\\|", -1);
                if (!key[0].equals(pair[0])) {
                    continue;
                }
                double[] base = scores.get(pair[1] + "|" + key[1]);
                double ratio = base == null ? Double.NaN : e.getValue()[0] / base[0];
                lines.add(String.format("%-36s %-15s %14.0f %14.0f %-28s %7.3f", key[0], key[1], e.getValue()[0],
                        base == null ? Double.NaN : base[0], pair[1], ratio));
            }
        }
        System.out.println();
        System.out.println("== figures beside their same-run baselines (ratio = figure / baseline) ==");
        lines.forEach(System.out::println);
    }
}
