package org.drledger.command.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.drledger.command.actor.ActorMetaData;
import org.drledger.command.department.Events.DepartmentKeyRegistered;
import org.drledger.command.department.Events.DepartmentKeyRevoked;
import org.drledger.command.department.Events.DepartmentRegistered;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.entry.EntrySigner;
import org.drledger.core.entry.LedgerHashing;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.testing.DeterministicRandom;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one door, on a real (in-memory H2) event store: what it writes is a signed, chained entry, and it refuses to
 * store anything that would not verify.
 */
class AppendPathTest {
    private static final Instant NOW = Instant.parse("2026-03-02T01:30:00.123Z");
    private final CryptoSuite suite = CryptoSuites.SM2_SM3;
    private JdbcTemplate jdbc;
    private JdbcEventStorageEngine raw;
    private Serializer serializer;
    private KeyFiles keyFiles;
    private SigningKey office;
    private SigningKey scjgj;

    @BeforeEach
    void setUp() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        serializer = CanonicalEventSerializer.create(new ObjectMapper().findAndRegisterModules());
        raw = JdbcEventStorageEngine.builder().connectionProvider(new DataSourceConnectionProvider(ds))
                .transactionManager(NoTransactionManager.INSTANCE).eventSerializer(serializer)
                .snapshotSerializer(serializer).dataType(byte[].class).schema(LedgerConfiguration.EVENT_SCHEMA).build();
        Path dir = Files.createTempDirectory("keys");
        keyFiles = new KeyFiles(dir, suite);
        office = suite.generateKey(new DeterministicRandom("office"));
        scjgj = suite.generateKey(new DeterministicRandom("scjgj"));
        keyFiles.store(office.verifyingKey().keyId(), office);
        keyFiles.store(scjgj.verifyingKey().keyId(), scjgj);
        door(EntrySigner::sign).appendEvents(msg("Ledger", "L", 0, new LedgerInitialized("L", suite.id(), "o", "vkey",
                "office", "Office", office.verifyingKey().keyId(), office.verifyingKey().toPem()), "office"));
    }

    private LedgerEventStorageEngine door(LedgerEventStorageEngine.Signer signer) {
        return new LedgerEventStorageEngine(raw, serializer, jdbc, keyFiles, Clock.fixed(NOW, ZoneOffset.UTC), false, signer);
    }

    private static GenericDomainEventMessage<?> msg(String type, String id, long seq, Object payload, String dept) {
        return new GenericDomainEventMessage<>(type, id, seq, payload, ActorMetaData.of(dept, "u1"));
    }

    private long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    @Test
    void storedEventsAreSignedEntriesChainedToTheirPredecessor() {
        LedgerEventStorageEngine door = door(EntrySigner::sign);
        door.appendEvents(msg("Department", "scjgj", 0, new DepartmentRegistered("scjgj", "市场监管局", false, null), "office"));
        door.appendEvents(msg("Department", "scjgj", 1, new DepartmentKeyRegistered("scjgj",
                scjgj.verifyingKey().keyId(), scjgj.verifyingKey().toPem()), "office"));
        SignedEntry first = row("scjgj", 0);
        SignedEntry second = row("scjgj", 1);
        assertThat(first.entry().prev()).isEqualTo("0".repeat(64));
        assertThat(second.entry().prev()).isEqualTo(first.hashHex());
        assertThat(second.entry().actor().department()).isEqualTo("office");
        assertThat(second.entry().time()).isEqualTo(NOW);
        assertThat(second.entry().keyId()).isEqualTo(office.verifyingKey().keyId());
        assertThat(second.entry().type()).isEqualTo("DepartmentKeyRegistered");
        for (SignedEntry e : new SignedEntry[]{first, second}) {
            byte[] hash = LedgerHashing.entryHash(suite.hash(), e.canonicalEnvelope());
            assertThat(hash).isEqualTo(e.hash());
            assertThat(office.verifyingKey().verify(LedgerHashing.signingInput(hash), e.signature())).isTrue();
        }
    }

    @Test
    void anEventWhoseSignatureDoesNotVerifyIsNeverStored() {
        long before = rows();
        LedgerEventStorageEngine forging = door((entry, key) -> {
            SignedEntry good = EntrySigner.sign(entry, key);
            byte[] sig = good.signature();
            sig[sig.length - 1] ^= 1;
            return new SignedEntry(good.entry(), good.canonicalEnvelope(), good.hash(), sig);
        });
        assertThatThrownBy(() -> forging.appendEvents(msg("Department", "scjgj", 0,
                new DepartmentRegistered("scjgj", "x", false, null), "office")))
                .isInstanceOf(LedgerIntegrityException.class).hasMessageContaining("does not verify");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aLargeBatchIsSignedInParallelYetChainedInItsOrder() {
        int n = LedgerEventStorageEngine.PARALLEL_SIGNING + 9;
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(msg("Department", "big", i, new DepartmentRegistered("big", "第" + i + "次", false, null), "office"));
        }
        door(EntrySigner::sign).appendEvents(batch);
        String prev = "0".repeat(64);
        for (int i = 0; i < n; i++) {
            SignedEntry e = row("big", i);
            assertThat(e.entry().prev()).as("seq %d", i).isEqualTo(prev);
            byte[] hash = LedgerHashing.entryHash(suite.hash(), e.canonicalEnvelope());
            assertThat(hash).isEqualTo(e.hash());
            assertThat(office.verifyingKey().verify(LedgerHashing.signingInput(hash), e.signature())).isTrue();
            prev = e.hashHex();
        }
    }

    @Test
    void oneBadSignatureInALargeBatchStoresNothingOfIt() {
        long before = rows();
        LedgerEventStorageEngine forging = door((entry, key) -> {
            SignedEntry good = EntrySigner.sign(entry, key);
            if (entry.seq() != 17) {
                return good;
            }
            byte[] sig = good.signature();
            sig[sig.length - 1] ^= 1;
            return new SignedEntry(good.entry(), good.canonicalEnvelope(), good.hash(), sig);
        });
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < LedgerEventStorageEngine.PARALLEL_SIGNING * 2; i++) {
            batch.add(msg("Department", "bad-batch", i, new DepartmentRegistered("bad-batch", "x", false, null), "office"));
        }
        assertThatThrownBy(() -> forging.appendEvents(batch)).isInstanceOf(LedgerIntegrityException.class)
                .hasMessageContaining("bad-batch#17").hasMessageContaining("does not verify");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void anEventSignedByAnotherKeyThanTheActiveOneIsNeverStored() {
        long before = rows();
        LedgerEventStorageEngine wrongKey = door((entry, key) -> {
            SignedEntry good = EntrySigner.sign(entry, key);
            byte[] sig = scjgj.sign(LedgerHashing.signingInput(good.hash()));
            return new SignedEntry(good.entry(), good.canonicalEnvelope(), good.hash(), sig);
        });
        assertThatThrownBy(() -> wrongKey.appendEvents(msg("Department", "scjgj", 0,
                new DepartmentRegistered("scjgj", "x", false, null), "office")))
                .isInstanceOf(LedgerIntegrityException.class);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aStreamWhoseStoredPredecessorWasAlteredIsNotExtended() {
        LedgerEventStorageEngine door = door(EntrySigner::sign);
        door.appendEvents(msg("Department", "scjgj", 0, new DepartmentRegistered("scjgj", "市场监管局", false, null), "office"));
        byte[] payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = 'scjgj'",
                byte[].class);
        String altered = new String(payload, StandardCharsets.UTF_8).replace("市场监管局", "市场监管所");
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = 'scjgj'",
                (Object) altered.getBytes(StandardCharsets.UTF_8));
        long before = rows();
        assertThatThrownBy(() -> door.appendEvents(msg("Department", "scjgj", 1, new DepartmentKeyRegistered("scjgj",
                scjgj.verifyingKey().keyId(), scjgj.verifyingKey().toPem()), "office")))
                .isInstanceOf(LedgerIntegrityException.class)
                .hasMessageContaining("refusing to extend a tampered stream");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void anEventMissingItsPredecessorIsNotStored() {
        assertThatThrownBy(() -> door(EntrySigner::sign).appendEvents(msg("Department", "nyj", 1,
                new DepartmentRegistered("nyj", "x", false, null), "office")))
                .isInstanceOf(LedgerIntegrityException.class).hasMessageContaining("no stored entry #0");
    }

    @Test
    void anEventThatArrivesPreSealedIsRefused() {
        GenericDomainEventMessage<?> forged = new GenericDomainEventMessage<>("Department", "scjgj", 0,
                new DepartmentRegistered("scjgj", "x", false, null),
                Map.of("drl.actor.department", "office", "drl.actor.user", "u1", LedgerMetaData.SIGNATURE, "00"));
        assertThatThrownBy(() -> door(EntrySigner::sign).appendEvents(forged))
                .isInstanceOf(LedgerIntegrityException.class).hasMessageContaining("only the append path seals events");
    }

    @Test
    void anEventWithoutAnActorIsRefused() {
        GenericDomainEventMessage<?> anonymous = new GenericDomainEventMessage<>("Department", "scjgj", 0,
                new DepartmentRegistered("scjgj", "x", false, null));
        assertThatThrownBy(() -> door(EntrySigner::sign).appendEvents(anonymous))
                .isInstanceOf(LedgerIntegrityException.class).hasMessageContaining("has no actor");
    }

    @Test
    void aRevokedKeyCanNoLongerSign() {
        LedgerEventStorageEngine door = door(EntrySigner::sign);
        door.appendEvents(msg("Department", "scjgj", 0, new DepartmentRegistered("scjgj", "x", false, null), "office"));
        door.appendEvents(msg("Department", "scjgj", 1, new DepartmentKeyRegistered("scjgj",
                scjgj.verifyingKey().keyId(), scjgj.verifyingKey().toPem()), "office"));
        door.appendEvents(msg("Thing", "t1", 0, new DepartmentRegistered("t1", "signed by scjgj", false, null), "scjgj"));
        assertThat(row("t1", 0).entry().keyId()).isEqualTo(scjgj.verifyingKey().keyId());
        door.appendEvents(msg("Department", "scjgj", 2, new DepartmentKeyRevoked("scjgj",
                scjgj.verifyingKey().keyId(), "leaked"), "office"));
        assertThatThrownBy(() -> door.appendEvents(msg("Thing", "t1", 1,
                new DepartmentRegistered("t1", "after revocation", false, null), "scjgj")))
                .isInstanceOf(NoActiveKeyException.class);
    }

    @Test
    void aSecondGenesisIsRefused() {
        assertThatThrownBy(() -> door(EntrySigner::sign).appendEvents(msg("Ledger", "L2", 0, new LedgerInitialized("L2",
                suite.id(), "o", "vkey", "office", "Office", scjgj.verifyingKey().keyId(), scjgj.verifyingKey().toPem()),
                "office")))
                .isInstanceOf(LedgerIntegrityException.class).hasMessageContaining("already has a genesis entry");
    }

    private SignedEntry row(String aggregateId, long seq) {
        StoredEntry.Row r = jdbc.queryForObject(StoredEntry.SELECT_ROWS + "WHERE aggregate_identifier = ? AND sequence_number = ?",
                StoredEntry.ROW_MAPPER, aggregateId, seq);
        return StoredEntry.rebuild(r, "L");
    }
}
