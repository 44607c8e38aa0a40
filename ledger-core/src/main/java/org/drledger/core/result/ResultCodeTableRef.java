package org.drledger.core.result;

import java.util.Objects;

/**
 * Identifies the exact result-code table a result used: its id, version and the SHA-256 (lowercase hex) of the
 * canonical JSON (RFC 8785) of the table document. A result records it, so its codes stay explainable after the
 * table is superseded.
 */
public record ResultCodeTableRef(String tableId, int version, String sha256) {
    public ResultCodeTableRef {
        Objects.requireNonNull(tableId, "tableId");
        Objects.requireNonNull(sha256, "sha256");
        if (version < 1) {
            throw new IllegalArgumentException("table version must be >= 1: " + version);
        }
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits: " + sha256);
        }
    }
}
