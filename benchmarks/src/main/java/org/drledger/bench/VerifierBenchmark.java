package org.drledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.drledger.core.bundle.LargeBundle;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.crypto.VerifyingKey;
import org.drledger.verifier.BundleVerifier;
import org.drledger.verifier.Report;

/**
 * The verifier benchmark: a generated {@code public-ledger} bundle of 1,000,000 entries (LargeBundle: four
 * departments, 4,000 streams, a checkpoint every 100,000 entries) verified with {@code BundleVerifier} on all
 * cores; figure: entries/s. Baseline, in the same run, alternating with the figure: the bare signature verification
 * of the suite on all cores ({@code VerifyingKey.verify} of 64-byte messages, nothing else), verifications/s. Each
 * entry costs one signature verification plus parsing, canonical check, two hashes, the chain and the Merkle range,
 * so the ratio is the share of the bare rate the verifier keeps (target ≥ 0.7). Medians of the rounds. Usage:
 * {@code java -Xmx2g -jar benchmarks.jar verifier [--entries=N] [--rounds=N] [--suite=ed25519-sha256|sm2-sm3]
 * [--threads=N] [--bundle=path]} (an existing bundle from an earlier run is reused).
 */
public final class VerifierBenchmark {
    private VerifierBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long entries = Long.parseLong(arg(args, "--entries=", "1000000"));
        int rounds = Integer.parseInt(arg(args, "--rounds=", "3"));
        int threads = Integer.parseInt(arg(args, "--threads=",
                String.valueOf(Runtime.getRuntime().availableProcessors())));
        CryptoSuite suite = CryptoSuites.byId(arg(args, "--suite=", "ed25519-sha256"));
        Path bundle = Path.of(arg(args, "--bundle=", "target/verifier-bench-" + suite.id() + "-" + entries + ".zip"));

        long total;
        if (Files.exists(bundle)) {
            total = entries + 5;
            System.out.println("reusing " + bundle + " (" + Files.size(bundle) + " bytes)");
        } else {
            Files.createDirectories(bundle.toAbsolutePath().getParent());
            long g0 = System.nanoTime();
            total = LargeBundle.write(bundle, suite, entries, 100_000, threads);
            System.out.printf("generated %s: %d entries, %d bytes, %.1f s%n", bundle, total, Files.size(bundle),
                    (System.nanoTime() - g0) / 1e9);
        }

        // the baseline's inputs: signatures of the suite over 64-byte messages (an entry's signing input size)
        int sample = 20_000;
        SigningKey key = suite.generateKey(new SecureRandom());
        VerifyingKey vk = key.verifyingKey();
        byte[][] messages = new byte[sample][];
        byte[][] sigs = new byte[sample][];
        SecureRandom r = new SecureRandom();
        for (int i = 0; i < sample; i++) {
            messages[i] = new byte[64];
            r.nextBytes(messages[i]);
            sigs[i] = key.sign(messages[i]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        BundleVerifier.Options options = BundleVerifier.Options.none().withThreads(threads);

        // warm-up
        bare(pool, threads, vk, messages, sigs, sample);
        Report warm = BundleVerifier.verify(bundle, options);
        if (!warm.verified()) {
            throw new IllegalStateException("the generated bundle does not verify:\n" + warm.toText());
        }
        long verifications = warm.get("entry.signature").orElseThrow().passed();

        double[] figure = new double[rounds];
        double[] baseline = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            Report rep = BundleVerifier.verify(bundle, options);
            double s = (System.nanoTime() - t0) / 1e9;
            if (!rep.verified()) {
                throw new IllegalStateException("verification failed in round " + i);
            }
            figure[i] = total / s;
            // the same number of bare verifications as the bundle holds signatures
            long b0 = System.nanoTime();
            bare(pool, threads, vk, messages, sigs, verifications);
            baseline[i] = verifications / ((System.nanoTime() - b0) / 1e9);
            System.out.printf("round %d: verify %.0f entries/s (%.1f s), bare signature verification %.0f/s%n", i,
                    figure[i], s, baseline[i]);
        }
        pool.shutdownNow();
        double f = median(figure);
        double b = median(baseline);
        System.out.println();
        System.out.println("== verifier beside its same-run baseline (medians of " + rounds + " rounds, " + threads
                + " threads, suite " + suite.id() + ", " + total + " entries, heap max "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB) ==");
        System.out.printf("%-40s %14s%n", "figure", "per second");
        System.out.printf("%-40s %14.0f%n", "BundleVerifier.verify (entries)", f);
        System.out.printf("%-40s %14.0f%n", "bare VerifyingKey.verify (signatures)", b);
        System.out.printf("%-40s %14.3f  (target >= 0.7)%n", "ratio", f / b);
    }

    private static void bare(ExecutorService pool, int threads, VerifyingKey vk, byte[][] m, byte[][] s, long count)
            throws Exception {
        List<Future<Integer>> fs = new ArrayList<>();
        long per = (count + threads - 1) / threads;
        for (int t = 0; t < threads; t++) {
            long from = t * per;
            long to = Math.min(count, from + per);
            fs.add(pool.submit(() -> {
                int ok = 0;
                for (long i = from; i < to; i++) {
                    int k = (int) (i % m.length);
                    if (vk.verify(m[k], s[k])) {
                        ok++;
                    }
                }
                return ok;
            }));
        }
        for (Future<Integer> f : fs) {
            f.get();
        }
    }

    private static double median(double[] xs) {
        double[] c = xs.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    private static String arg(String[] args, String prefix, String def) {
        for (String a : args) {
            if (a.startsWith(prefix)) {
                return a.substring(prefix.length());
            }
        }
        return def;
    }
}
