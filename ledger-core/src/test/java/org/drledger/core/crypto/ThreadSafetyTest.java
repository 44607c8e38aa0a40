package org.drledger.core.crypto;

import org.drledger.core.testing.DeterministicRandom;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One key shared by 4 threads: every signature verifies, wrong ones never do (per-thread SM2 signers). */
class ThreadSafetyTest {
    private static final int THREADS = 4;
    private static final int PER_THREAD = 100;

    @ParameterizedTest
    @ValueSource(strings = {"sm2-sm3", "ed25519-sha256"})
    void oneKeyManyThreads(String suiteId) throws Exception {
        CryptoSuite suite = CryptoSuites.byId(suiteId);
        SigningKey key = suite.generateKey(new DeterministicRandom("threads/" + suiteId));
        VerifyingKey pub = key.verifyingKey();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<byte[][]>>> signed = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                signed.add(pool.submit(() -> {
                    List<byte[][]> out = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        byte[] m = ("thread " + thread + " message " + i).getBytes(StandardCharsets.UTF_8);
                        byte[] sig = key.sign(m);
                        // interleave verification of good and bad input on the same thread and key
                        if (!pub.verify(m, sig) || pub.verify(m, new byte[] {0x30, 0x00}) || !pub.verify(m, sig)) {
                            throw new AssertionError("in-thread verification failed at " + thread + "/" + i);
                        }
                        out.add(new byte[][] {m, sig});
                    }
                    return out;
                }));
            }
            List<byte[][]> all = new ArrayList<>();
            for (Future<List<byte[][]>> f : signed) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(THREADS * PER_THREAD);

            // verify everything again, concurrently, and cross-check against the wrong message
            List<Callable<Integer>> checks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int from = t * PER_THREAD;
                checks.add(() -> {
                    int ok = 0;
                    for (int i = from; i < from + PER_THREAD; i++) {
                        byte[][] ms = all.get(i);
                        byte[] wrong = all.get((i + 1) % all.size())[0];
                        if (pub.verify(ms[0], ms[1]) && !pub.verify(wrong, ms[1])) {
                            ok++;
                        }
                    }
                    return ok;
                });
            }
            int ok = 0;
            for (Future<Integer> f : pool.invokeAll(checks)) {
                ok += f.get();
            }
            assertThat(ok).isEqualTo(THREADS * PER_THREAD);
        } finally {
            pool.shutdownNow();
        }
    }
}
