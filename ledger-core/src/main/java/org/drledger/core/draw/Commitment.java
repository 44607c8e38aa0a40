package org.drledger.core.draw;

import java.util.Arrays;
import java.util.Objects;
import org.drledger.core.bytes.Hex;

/** A party's recorded commitment {@code C_j} (32 bytes). */
public record Commitment(String partyId, byte[] commitment) {
    public Commitment {
        commitment = commitment == null ? null : commitment.clone();
    }

    @Override
    public byte[] commitment() {
        return commitment == null ? null : commitment.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Commitment c && Objects.equals(partyId, c.partyId) && Arrays.equals(commitment, c.commitment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partyId, Arrays.hashCode(commitment));
    }

    @Override
    public String toString() {
        return "Commitment[" + partyId + " " + (commitment == null ? null : Hex.encode(commitment)) + "]";
    }
}
