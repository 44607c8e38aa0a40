package org.drledger.command.registry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code ledger.registry.import.*}.
 *
 * @param batchSize     rows per transaction when writing (one commit per batch)
 * @param writers       batches written at the same time, each in its own transaction (the batches of a file are
 *                      independent: each row is a different record); 1 writes them one after another in file order.
 *                      PostgreSQL only: on H2 the batches of a department would wait for each other's key-row lock
 * @param syncMaxBytes  files up to this size are imported within the request (200 with the report); larger ones
 *                      run as a job (202, progress at {@code GET /api/imports/{id}}); {@code async=true} forces a job
 * @param maxBytes      the largest file accepted
 * @param maxRows       the most data rows a file may have
 * @param maxFieldChars the longest CSV field accepted
 * @param staleAfter    at start-up, a queued or running job without progress for this long is marked failed (its
 *                      node stopped); re-importing the file finishes it, since unchanged rows write nothing
 */
@ConfigurationProperties(prefix = "ledger.registry.import")
public record ImportProperties(Integer batchSize, Integer writers, Long syncMaxBytes, Long maxBytes, Integer maxRows,
                               Integer maxFieldChars, Duration staleAfter) {
    public ImportProperties {
        batchSize = batchSize == null ? 1000 : batchSize;
        writers = writers == null ? 2 : writers;
        syncMaxBytes = syncMaxBytes == null ? 256L * 1024 : syncMaxBytes;
        maxBytes = maxBytes == null ? 1024L * 1024 * 1024 : maxBytes;
        maxRows = maxRows == null ? 5_000_000 : maxRows;
        maxFieldChars = maxFieldChars == null ? 10_000 : maxFieldChars;
        staleAfter = staleAfter == null ? Duration.ofMinutes(5) : staleAfter;
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("ledger.registry.import.batch-size must be 1..10000");
        }
        if (writers < 1 || writers > 16) {
            throw new IllegalArgumentException("ledger.registry.import.writers must be 1..16");
        }
    }
}
