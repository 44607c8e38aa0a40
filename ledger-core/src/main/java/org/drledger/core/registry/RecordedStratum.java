package org.drledger.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Set;
import org.drledger.core.entry.Commitments;

/**
 * How a {@code DrawExecuted} entry of schema 2 records a target's stratum (docs/workflow.md §4 "Draw"): exactly as the
 * registry recorded the plan's stratification attribute for that object as of the freeze position — the registry's
 * own commitment {@code {"drl:commit": hex}} when the attribute is confidential (the credit-risk class), the clear
 * stratum otherwise. So no entry shows a confidential value that the registry entries do not already show, the
 * recorded form is a pure function of the ledger (the server at draw and at substitution time and a verifier get the
 * same bytes), the opening is the one the vault already holds, and a verifier without openings can still check the
 * committed stratum against the registry. Schema 1 recorded the clear stratum.
 */
public final class RecordedStratum {
    /** Registry attributes a plan may stratify by whose values are public; any other (e.g. creditRiskClass) is not. */
    public static final Set<String> PUBLIC_ATTRIBUTES = Set.of("", "district", "industry", "objectType");

    private RecordedStratum() {
    }

    /** Whether the plan's stratification attribute is confidential (its per-entity values are never public). */
    public static boolean confidential(String stratifyBy) {
        return !PUBLIC_ATTRIBUTES.contains(stratifyBy == null ? "" : stratifyBy);
    }

    /**
     * The recorded stratum of a target: {@code registryObject}'s attribute {@code stratifyBy} when it is a commitment
     * (a copy), else the kernel's clear {@code stratum}.
     */
    public static JsonNode of(JsonNode registryObject, String stratifyBy, String stratum) {
        if (stratifyBy != null && !stratifyBy.isEmpty() && registryObject != null) {
            JsonNode v = registryObject.get(stratifyBy);
            if (Commitments.isCommitment(v)) {
                return v.deepCopy();
            }
        }
        return TextNode.valueOf(stratum);
    }

    /** Whether a recorded stratum is a commitment (else it is the clear stratum). */
    public static boolean committed(JsonNode recorded) {
        return Commitments.isCommitment(recorded);
    }

    /** The commitment hex of a committed stratum, else null. */
    public static String commitment(JsonNode recorded) {
        return committed(recorded) ? recorded.get(Commitments.FIELD).textValue() : null;
    }
}
