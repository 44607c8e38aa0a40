package org.drledger.command.sealer;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.drledger.command.ledger.LedgerMetaData;
import org.drledger.command.ledger.LedgerProperties;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.entry.LedgerHashing;
import org.drledger.core.merkle.CompactRange;
import org.drledger.core.merkle.MerkleHasher;
import org.drledger.core.merkle.ProofGenerator;
import org.springframework.stereotype.Component;

/**
 * Seals every entry, in event-store order, into the global Merkle log: the next leaf index, the leaf and the
 * completed nodes are stored in the same transaction as the processor's token, so a crash or restart neither
 * skips nor duplicates a leaf. Runs as one tracking processor with one segment: exactly one active sealer
 * across nodes. Signs a checkpoint every {@code ledger.checkpoint-every} leaves.
 */
@Component
@ProcessingGroup(Sealer.GROUP)
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
public class Sealer {
    public static final String GROUP = "ledger-sealer";

    private final MerkleStore store;
    private final CheckpointService checkpoints;
    private final MerkleHasher hasher;
    private final int every;
    /** The in-memory tail of the log; null means "reload from the store" (at start and after a rollback). */
    private CompactRange range;

    Sealer(MerkleStore store, CheckpointService checkpoints, CryptoSuite suite, LedgerProperties properties) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.hasher = new MerkleHasher(suite.hash());
        this.every = properties.checkpointEvery();
    }

    /** Rows of the processor's current batch, written in two JDBC batches just before it commits. */
    private static final class Pending {
        final List<MerkleStore.PendingLeaf> leaves = new ArrayList<>();
        final List<MerkleStore.PendingNode> nodes = new ArrayList<>();
    }

    /** The batch the node listener adds to (the processor has one thread: one batch at a time). */
    private Pending current;

    private Pending pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("the sealer runs inside the processor's unit of work");
        }
        UnitOfWork<?> uow = CurrentUnitOfWork.get().root();
        Pending p = uow.getOrComputeResource(Sealer.class.getName() + ".pending", k -> {
            Pending fresh = new Pending();
            uow.onPrepareCommit(u -> store.insertAll(fresh.leaves, fresh.nodes));
            uow.onRollback(u -> range = null);
            return fresh;
        });
        current = p;
        return p;
    }

    @EventHandler
    void seal(Object payload, EventMessage<?> message,
              @MetaDataValue(LedgerMetaData.HASH) String entryHash,
              @MetaDataValue(LedgerMetaData.SIGNATURE) String signature) {
        if (!(message instanceof DomainEventMessage<?> event) || entryHash == null || signature == null) {
            throw new IllegalStateException("event " + message.getIdentifier() + " is not a sealed ledger entry");
        }
        Pending pending = pending();
        if (range == null) {
            long size = store.size();
            range = CompactRange.restore(hasher, size, new ProofGenerator(hasher, store).subtreeHashesAt(size),
                    (level, index, hash) -> {
                        if (level > 0) {
                            current.nodes.add(new MerkleStore.PendingNode(level, index, hash));
                        }
                    });
        }
        CompactRange r = range;
        long leafIndex = r.size();
        byte[] leafHash = hasher.leafHash(LedgerHashing.leafData(Hex.decode(entryHash), Hex.decode(signature)));
        // The leaf's global index is the stored event's (read in the insert), not token.position(): a gap-aware
        // token reports the highest index seen, and an event that commits after a later one would claim another's.
        pending.leaves.add(new MerkleStore.PendingLeaf(leafIndex, event.getAggregateIdentifier(),
                event.getSequenceNumber(), entryHash, leafHash));
        r.appendLeafHash(leafHash);
        if (r.size() % every == 0) {
            checkpoints.sign(r.size(), r.root());
        }
    }
}
