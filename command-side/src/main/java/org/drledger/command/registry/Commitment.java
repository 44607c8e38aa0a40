package org.drledger.command.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.drledger.core.entry.Commitments;

/**
 * A confidential value as it stands in a registry entry: {@code {"drl:commit": hex}} (ledger-format §4.5). The
 * opening lives in the vault; entries, tables and logs only ever hold this.
 */
public record Commitment(@JsonProperty(Commitments.FIELD) String hex) {
    static final String HEX = "[0-9a-f]{64}";

    public static Commitment of(JsonNode field) {
        if (!Commitments.isCommitment(field)) {
            throw new IllegalArgumentException("not a commitment field");
        }
        return new Commitment(field.get(Commitments.FIELD).textValue());
    }

    boolean wellFormed() {
        return hex != null && hex.matches(HEX);
    }
}
