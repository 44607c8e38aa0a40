package org.drledger.command.ledger;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code ledger.*}.
 *
 * @param dataDir            where keys (and, for the embedded default, the database) live
 * @param id                 the ledger id written into the genesis entry; generated at first start when empty
 * @param suite              {@code sm2-sm3} (default) or {@code ed25519-sha256}; fixed at genesis
 * @param origin             checkpoint origin and log key name; defaults to {@code drledger.local/<id>}
 * @param rootDepartmentId   the joint-conference office, the root department named in the genesis entry
 * @param rootDepartmentName its name
 * @param checkpointEvery    sign a checkpoint after this many new leaves
 * @param checkpointInterval ... or after this much time with new leaves
 * @param sealerLinger       how long after a commit the event store wakes its readers (the sealer): commits within
 *                           it are sealed in one sealer transaction instead of one each; {@code 0} wakes at once
 */
@ConfigurationProperties(prefix = "ledger")
public record LedgerProperties(Path dataDir, String id, String suite, String origin, String rootDepartmentId,
                               String rootDepartmentName, Integer checkpointEvery, Duration checkpointInterval,
                               Duration sealerLinger) {
    public LedgerProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        suite = suite == null || suite.isBlank() ? "sm2-sm3" : suite;
        rootDepartmentId = rootDepartmentId == null || rootDepartmentId.isBlank() ? "lianxiban" : rootDepartmentId;
        rootDepartmentName = rootDepartmentName == null || rootDepartmentName.isBlank()
                ? "双随机、一公开联席会议办公室" : rootDepartmentName;
        checkpointEvery = checkpointEvery == null ? 256 : checkpointEvery;
        checkpointInterval = checkpointInterval == null ? Duration.ofSeconds(10) : checkpointInterval;
        sealerLinger = sealerLinger == null ? Duration.ofMillis(50) : sealerLinger;
        if (sealerLinger.isNegative() || sealerLinger.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("ledger.sealer-linger must be 0..1s");
        }
    }

    public Path keyDir() {
        return dataDir.resolve("keys");
    }
}
