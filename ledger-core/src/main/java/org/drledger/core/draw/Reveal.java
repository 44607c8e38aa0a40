package org.drledger.core.draw;

import java.util.Arrays;
import java.util.Objects;

/** A party's revealed secret {@code s_j} (32 bytes), recorded by the plan's reveal deadline. */
public record Reveal(String partyId, byte[] secret) {
    public Reveal {
        secret = secret == null ? null : secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret == null ? null : secret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reveal r && Objects.equals(partyId, r.partyId) && Arrays.equals(secret, r.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partyId, Arrays.hashCode(secret));
    }

    @Override
    public String toString() {
        return "Reveal[" + partyId + "]"; // the secret stays out of logs
    }
}
