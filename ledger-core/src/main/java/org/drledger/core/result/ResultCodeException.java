package org.drledger.core.result;

import org.drledger.core.FormatException;

/**
 * A result (a set of codes) the table refuses. {@link #rule()} is one of {@code empty-result},
 * {@code unknown-code}, {@code duplicate-code}, {@code parent-required}, {@code no-problem-excludes-problem};
 * {@link #where()} is the offending code (empty for {@code empty-result}).
 */
public final class ResultCodeException extends FormatException {
    ResultCodeException(String rule, String code, String message) {
        super(rule, code, message);
    }
}
