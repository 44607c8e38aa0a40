package org.drledger.command.selfcheck;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of a ledger self-check: plain records, serialized as JSON, so that the offline verifier can report in
 * the same shape. {@code ok} is true when there is no {@link Severity#ERROR} finding; what could not be checked is
 * listed in {@code unchecked}, never silently skipped.
 *
 * @param findingsOmitted findings beyond the report's limit; they are still counted in {@code counts}
 */
public record SelfCheckReport(boolean ok, String ledgerId, String suite, Instant checkedAt, Counts counts,
                              List<Finding> findings, long findingsOmitted, List<String> unchecked) {

    public enum Severity {
        /** The ledger is not intact. */
        ERROR,
        /** Worth a look, but an honest ledger can show it (see the check's description). */
        WARNING
    }

    /**
     * What was examined.
     *
     * @param leaves          rows of {@code merkle_leaf} read
     * @param entries         entries rebuilt and verified in leaf order
     * @param streams         distinct streams seen
     * @param keys            department keys known from the ledger's key entries
     * @param checkpoints     checkpoints examined
     * @param cosignatures    witness cosignatures examined
     * @param unsealedEvents  events the sealer has not reached yet (not verified; see {@code unchecked})
     * @param byCheck         number of findings per check name (including omitted ones)
     */
    public record Counts(long leaves, long entries, long streams, long keys, long checkpoints, long cosignatures,
                         long unsealedEvents, long errors, long warnings, Map<String, Long> byCheck) {
    }

    /**
     * One failed check at one place. Location fields are null where they do not apply or are unknown (a missing
     * leaf has no stream; a checkpoint finding has a tree size). {@code expected} is the stored or claimed value,
     * {@code computed} what recomputation gave.
     *
     * @param check the stable check name: the kernel's ({@code entry.hash}, {@code entry.signature},
     *              {@code entry.key}, {@code entry.ledger}, {@code entry.canonical}, {@code chain.sequence},
     *              {@code chain.prev}) or the self-check's ({@code log.*}, {@code checkpoint.*},
     *              {@code cosignature.signature}, {@code row.unreadable}, {@code row.metadata})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Finding(String check, Severity severity, String streamType, String streamId, Long sequence,
                          Long leafIndex, Long globalIndex, Long treeSize, String expected, String computed,
                          String message) {

        /** The location as one line, e.g. {@code Department/scjgj#0 leaf 3 (global index 4)}. */
        public String location() {
            StringBuilder sb = new StringBuilder();
            if (streamId != null) {
                sb.append(streamType == null ? "?" : streamType).append('/').append(streamId);
                if (sequence != null) {
                    sb.append('#').append(sequence);
                }
            }
            if (leafIndex != null) {
                sb.append(sb.isEmpty() ? "" : " ").append("leaf ").append(leafIndex);
            }
            if (globalIndex != null) {
                sb.append(sb.isEmpty() ? "" : " ").append("(global index ").append(globalIndex).append(')');
            }
            if (treeSize != null) {
                sb.append(sb.isEmpty() ? "" : " ").append("checkpoint ").append(treeSize);
            }
            return sb.toString();
        }

        /** One log line: check, location, expected and computed. */
        public String describe() {
            return check + " at " + location() + ": " + message
                    + (expected != null || computed != null ? " (expected " + expected + ", computed " + computed + ")" : "");
        }
    }
}
