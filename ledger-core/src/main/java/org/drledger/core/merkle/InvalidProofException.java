package org.drledger.core.merkle;

import org.drledger.core.VerificationException;

/**
 * A Merkle proof that does not verify. {@link #check()} is {@code merkle.inclusion} or {@code merkle.consistency};
 * {@link #reason()} says why, one of:
 * <ul>
 *   <li>{@code size-out-of-range} — a negative index or size;</li>
 *   <li>{@code index-out-of-range} — leaf index ≥ tree size;</li>
 *   <li>{@code size-order} — size1 &gt; size2;</li>
 *   <li>{@code hash-length} — a leaf hash, root or proof hash that is not 32 bytes;</li>
 *   <li>{@code proof-length} — not the number of proof hashes the sizes call for;</li>
 *   <li>{@code root-mismatch} — the inclusion proof leads to another root, or equal-size roots differ;</li>
 *   <li>{@code root1-mismatch} / {@code root2-mismatch} — the consistency proof leads to another old / new
 *   root.</li>
 * </ul>
 * {@link #expected()} and {@link #computed()} carry the roots in hex, or the counts, that disagree.
 */
public final class InvalidProofException extends VerificationException {
    public static final String INCLUSION = "merkle.inclusion";
    public static final String CONSISTENCY = "merkle.consistency";

    private final String reason;

    InvalidProofException(String check, String reason, String where, String expected, String computed,
            String message) {
        super(check, where, expected, computed, message);
        this.reason = reason;
    }

    /** A stable identifier of the failure, listed in the class comment. */
    public String reason() {
        return reason;
    }
}
