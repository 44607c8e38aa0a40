package org.drledger.core.bundle;

import org.drledger.core.FormatException;

/**
 * A bundle that is not in the {@code drl-bundle/1} format (bundle-format.md). {@link #rule()} names the rule, e.g.
 * {@code not-a-zip}, {@code missing-file}, {@code unexpected-file}, {@code bad-manifest}, {@code line-too-long},
 * {@code no-final-newline}, {@code bad-line}; {@link #where()} names the file and line.
 */
public final class BundleFormatException extends FormatException {
    public BundleFormatException(String rule, String where, String message) {
        super(rule, where, message + (where == null || where.isEmpty() ? "" : " (" + where + ")"));
    }

    public BundleFormatException(String rule, String where, String message, Throwable cause) {
        super(rule, where, message + (where == null || where.isEmpty() ? "" : " (" + where + ")"), cause);
    }
}
