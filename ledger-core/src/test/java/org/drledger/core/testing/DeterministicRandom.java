package org.drledger.core.testing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.drledger.core.crypto.HashAlgorithm;

/**
 * A SecureRandom for tests and vector generation only: SHA-256 in counter mode over a seed string, so keys,
 * salts and commitments in tests are reproducible. Never use outside tests.
 */
public final class DeterministicRandom extends SecureRandom {
    private final byte[] seed;
    private long counter;
    private byte[] block = new byte[0];
    private int used;

    public DeterministicRandom(String seed) {
        super(new byte[0]);
        this.seed = seed.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void nextBytes(byte[] out) {
        for (int i = 0; i < out.length; i++) {
            if (used == block.length) {
                block = HashAlgorithm.SHA_256.newHasher().update(seed)
                        .update(org.drledger.core.bytes.ByteSink.u64Bytes(counter++)).digest();
                used = 0;
            }
            out[i] = block[used++];
        }
    }

    @Override
    public byte[] generateSeed(int numBytes) {
        byte[] b = new byte[numBytes];
        nextBytes(b);
        return b;
    }

    @Override
    public void setSeed(byte[] ignored) {
        // deterministic by construction; SecureRandom's constructor calls this
    }

    @Override
    public void setSeed(long ignored) {
        // deterministic by construction
    }
}
