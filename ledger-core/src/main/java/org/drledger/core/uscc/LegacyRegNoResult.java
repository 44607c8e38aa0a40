package org.drledger.core.uscc;

/**
 * The result of validating a 15-digit 注册号.
 *
 * @param input    the string as given (may be null)
 * @param status   the outcome
 * @param fault    {@code none}, {@code check-digit}, or for MALFORMED one of {@code null}, {@code whitespace},
 *                 {@code length}, {@code non-ascii}, {@code not-digit}
 * @param position 1-based position the fault concerns (15 for the check digit), 0 when none applies
 * @param expected the computed check digit when the input is 15 digits, else null
 * @param actual   the 15th digit when the input is 15 digits, else null
 * @param reason   a human-readable explanation
 */
public record LegacyRegNoResult(String input, LegacyRegNoStatus status, String fault, int position,
        Character expected, Character actual, String reason) {

    public boolean isValid() {
        return status == LegacyRegNoStatus.VALID;
    }
}
