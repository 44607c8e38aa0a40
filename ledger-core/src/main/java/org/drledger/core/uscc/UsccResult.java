package org.drledger.core.uscc;

import java.util.Optional;

/**
 * The result of validating a 统一社会信用代码.
 *
 * @param input    the string as given (may be null)
 * @param status   the outcome
 * @param fault    a stable id of what was found: {@code none} (VALID), {@code organization-code},
 *                 {@code allowlisted}, {@code check-character}, or for MALFORMED one of {@code null},
 *                 {@code whitespace}, {@code length}, {@code non-ascii}, {@code lowercase},
 *                 {@code forbidden-letter}, {@code invalid-character}, {@code region-not-digits}
 * @param position the 1-based position the fault concerns (18 for the check character, 17 for the GB 11714
 *                 check, the first offending character for MALFORMED), 0 when none applies
 * @param expected the computed check character at {@code position} (pos 18 or 17), else null
 * @param actual   the character found at {@code position} when {@code expected} is set, else null
 * @param reason   a human-readable explanation
 */
public record UsccResult(String input, UsccStatus status, String fault, int position, Character expected,
        Character actual, String reason) {

    public boolean isAccepted() {
        return status.isAccepted();
    }

    public boolean isWarning() {
        return status.isWarning();
    }

    /** Registration authority, category, region and subject id; present unless MALFORMED. */
    public Optional<UsccClassification> classification() {
        return status == UsccStatus.MALFORMED ? Optional.empty() : Optional.of(UsccClassification.of(input));
    }
}
