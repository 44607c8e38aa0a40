package org.drledger.server.sealer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drledger.command.actor.ActorMetaData;
import org.drledger.command.department.Commands.RegisterDepartment;
import org.drledger.command.ledger.LedgerMetaData;
import org.drledger.command.sealer.CheckpointStore;
import org.drledger.command.sealer.MerkleStore;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.entry.LedgerHashing;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.merkle.CompactRange;
import org.drledger.core.merkle.MerkleHasher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sealer fails in the middle of a batch (a database fault on one leaf insert, after earlier leaves of the same
 * batch were written): the batch rolls back, the processor retries, and the log ends with every event sealed
 * exactly once, in event-store order, with roots that match a recomputation from the events.
 */
@SpringBootTest(properties = {"ledger.checkpoint-every=4", "ledger.checkpoint-interval=1h",
        "axon.eventhandling.processors.ledger-sealer.batch-size=50"})
abstract class SealerCrashScenario {
    static final long FAIL_AT = 7;

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MerkleStore merkle;
    @Autowired
    CheckpointStore checkpoints;
    @Autowired
    CryptoSuite suite;

    abstract void installFault(long leafIndex);

    abstract int faultsFired();

    @Test
    void concurrentWritersCommittingOutOfOrderAreEachSealedOnce() throws Exception {
        String office = jdbc.queryForObject("SELECT root_department FROM ledger_info", String.class);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterDepartment(
                                "c" + thread + "-" + i, "dept", false, null)).andMetaData(ActorMetaData.of(office, "w" + thread)));
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> merkle.size() == events);
        assertThat(jdbc.queryForList("SELECT global_index FROM merkle_leaf ORDER BY global_index", Long.class))
                .isEqualTo(jdbc.queryForList("SELECT global_index FROM domain_event_entry ORDER BY global_index", Long.class));
        assertThat(jdbc.queryForList("SELECT leaf_index FROM merkle_leaf ORDER BY leaf_index", Long.class))
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, events).boxed().toList());
    }

    @Test
    void aCrashMidBatchNeitherSkipsNorDuplicatesALeaf() {
        installFault(FAIL_AT);
        String office = jdbc.queryForObject("SELECT root_department FROM ledger_info", String.class);
        for (int i = 0; i < 25; i++) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterDepartment("d" + i, "dept " + i, false, null))
                    .andMetaData(ActorMetaData.of(office, "tester")));
        }
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> merkle.size() == events);
        assertThat(faultsFired()).isGreaterThanOrEqualTo(1);

        List<Long> globals = jdbc.queryForList("SELECT global_index FROM merkle_leaf ORDER BY leaf_index", Long.class);
        List<Long> eventOrder = jdbc.queryForList("SELECT global_index FROM domain_event_entry ORDER BY global_index", Long.class);
        assertThat(globals).isEqualTo(eventOrder);
        assertThat(jdbc.queryForList("SELECT leaf_index FROM merkle_leaf ORDER BY leaf_index", Long.class))
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, events).boxed().toList());

        MerkleHasher hasher = new MerkleHasher(suite.hash());
        CompactRange recomputed = new CompactRange(hasher);
        java.util.Map<Long, byte[]> rootAt = new java.util.HashMap<>();
        jdbc.query("SELECT meta_data FROM domain_event_entry ORDER BY global_index", rs -> {
            var meta = CanonicalJson.parse(rs.getBytes(1));
            recomputed.append(LedgerHashing.leafData(Hex.decode(meta.get(LedgerMetaData.HASH).asText()),
                    Hex.decode(meta.get(LedgerMetaData.SIGNATURE).asText())));
            rootAt.put(recomputed.size(), recomputed.root());
        });
        List<CheckpointStore.StoredCheckpoint> all = checkpoints.all();
        assertThat(all).isNotEmpty();
        for (CheckpointStore.StoredCheckpoint c : all) {
            assertThat(c.treeSize() % 4).isZero();
            assertThat(c.root()).as("root at %d", c.treeSize()).isEqualTo(rootAt.get(c.treeSize()));
        }
    }
}
