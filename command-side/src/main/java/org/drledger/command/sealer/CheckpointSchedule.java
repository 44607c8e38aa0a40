package org.drledger.command.sealer;

import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Signs a checkpoint every {@code ledger.checkpoint-interval} when leaves were sealed since the last one. */
@Component
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class CheckpointSchedule {
    private final CheckpointService checkpoints;

    CheckpointSchedule(CheckpointService checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(fixedDelayString = "${ledger.checkpoint-interval:10s}", initialDelayString = "${ledger.checkpoint-interval:10s}")
    void tick() {
        checkpoints.signIfBehind();
    }
}
