package org.drledger.core.testing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import org.drledger.core.bytes.ByteSink;
import org.drledger.core.crypto.HashAlgorithm;

/**
 * A deterministic {@link SecureRandom} for tests and vector generation: the stream SHA-256(seed || u64 counter) for
 * counter = 0, 1, ... Independent of JDK provider defaults, so generated keys are the same on every platform.
 * Never use outside tests.
 */
public final class DeterministicRandom extends SecureRandom {
    public DeterministicRandom(String seed) {
        super(new Spi(seed.getBytes(StandardCharsets.UTF_8)), null);
    }

    private static final class Spi extends SecureRandomSpi {
        private final byte[] seed;
        private long counter;
        private byte[] block = new byte[0];
        private int used;

        Spi(byte[] seed) {
            this.seed = seed;
        }

        @Override
        protected synchronized void engineNextBytes(byte[] out) {
            for (int i = 0; i < out.length; i++) {
                if (used == block.length) {
                    block = HashAlgorithm.SHA_256.digest(seed, new ByteSink().u64(counter++).toByteArray());
                    used = 0;
                }
                out[i] = block[used++];
            }
        }

        @Override
        protected void engineSetSeed(byte[] s) {
            throw new UnsupportedOperationException("seeded at construction only");
        }

        @Override
        protected byte[] engineGenerateSeed(int n) {
            byte[] out = new byte[n];
            engineNextBytes(out);
            return out;
        }
    }
}
