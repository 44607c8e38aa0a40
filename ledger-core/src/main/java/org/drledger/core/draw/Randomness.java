package org.drledger.core.draw;

import java.util.Arrays;
import java.util.Objects;
import org.drledger.core.bytes.Hex;

/**
 * The randomness recorded after the plan's round (docs/draw-spec.md §6). For {@code drand-quicknet}: the 48-byte BLS
 * signature and the published 32-byte {@code randomness}, {@code value} null. For {@code cwl-ssq}: the canonical
 * {@code value} string, {@code signature} and {@code randomness} null.
 */
public record Randomness(String source, long round, byte[] signature, byte[] randomness, String value) {

    public Randomness {
        signature = signature == null ? null : signature.clone();
        randomness = randomness == null ? null : randomness.clone();
    }

    public static Randomness drandQuicknet(long round, byte[] signature, byte[] randomness) {
        return new Randomness(RandomnessSources.DRAND_QUICKNET, round, signature, randomness, null);
    }

    public static Randomness cwlSsq(long round, String value) {
        return new Randomness(RandomnessSources.CWL_SSQ, round, null, null, value);
    }

    @Override
    public byte[] signature() {
        return signature == null ? null : signature.clone();
    }

    @Override
    public byte[] randomness() {
        return randomness == null ? null : randomness.clone();
    }

    /** {@code rand} of the seed: SHA-256(signature) for drand, SHA-256(UTF-8(value)) for a lottery. */
    public byte[] rand() {
        return RandomnessSources.rand(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Randomness r && Objects.equals(source, r.source) && round == r.round
                && Arrays.equals(signature, r.signature) && Arrays.equals(randomness, r.randomness)
                && Objects.equals(value, r.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, round, Arrays.hashCode(signature), Arrays.hashCode(randomness), value);
    }

    @Override
    public String toString() {
        return "Randomness[" + source + " round " + round
                + (signature != null ? " signature " + Hex.encode(signature) : "")
                + (value != null ? " value " + value : "") + "]";
    }
}
