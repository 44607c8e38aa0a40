package org.drledger.command.ledger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.entry.Actor;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.EntrySigner;
import org.drledger.core.entry.LedgerHashing;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.entry.StreamId;
import org.drledger.core.json.CanonicalJson;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one door: every event becomes a signed, chained ledger entry here, and only here, before it is stored.
 * It wraps the JDBC storage engine (which is not a bean of its own, so nothing can store around it), takes the
 * actor from the event's metadata, the time from the injected clock, {@code prev} from the stream's stored
 * predecessor (whose hash it recomputes from content, so a tampered chain is never extended), and signs with the
 * acting department's active key. It verifies its own signature before anything is stored. A batch is chained
 * and hashed in order; only signing and verifying, independent per entry, run on all cores for a large batch.
 */
public final class LedgerEventStorageEngine implements EventStorageEngine {
    private final EventStorageEngine delegate;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;
    private final KeyTable keys;
    private final KeyFiles keyFiles;
    private final Clock clock;
    private final CryptoSuite suite;
    private final Signer signer;
    private volatile String ledgerId;

    /** Signs an entry; a seam so tests can prove a bad signature is never stored. */
    @FunctionalInterface
    public interface Signer {
        SignedEntry sign(Entry entry, SigningKey key);
    }

    public LedgerEventStorageEngine(EventStorageEngine delegate, Serializer serializer, JdbcTemplate jdbc,
                                    KeyFiles keyFiles, Clock clock, boolean postgres) {
        this(delegate, serializer, jdbc, keyFiles, clock, postgres, EntrySigner::sign);
    }

    LedgerEventStorageEngine(EventStorageEngine delegate, Serializer serializer, JdbcTemplate jdbc, KeyFiles keyFiles,
                             Clock clock, boolean postgres, Signer signer) {
        this.delegate = delegate;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.keyFiles = keyFiles;
        this.suite = keyFiles.suite();
        this.keys = new KeyTable(jdbc, suite, postgres);
        this.clock = clock;
        this.signer = signer;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        List<Prepared> prepared = new ArrayList<>(events.size());
        Map<String, Prepared> batchTips = new HashMap<>();
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domain)) {
                throw new LedgerIntegrityException("only aggregate events are recorded; got " + event.getPayloadType());
            }
            prepared.add(prepare(domain, batchTips));
        }
        SignedEntry[] signed = new SignedEntry[prepared.size()];
        RuntimeException[] failed = new RuntimeException[prepared.size()];
        IntStream indexes = IntStream.range(0, prepared.size());
        // a large batch (a registry import's) is signed on every core; entries are independent once chained
        (prepared.size() >= PARALLEL_SIGNING ? indexes.parallel() : indexes).forEach(i -> {
            try {
                signed[i] = signAndCheck(prepared.get(i));
            } catch (RuntimeException e) {
                failed[i] = e;
            }
        });
        List<EventMessage<?>> sealed = new ArrayList<>(events.size());
        for (int i = 0; i < prepared.size(); i++) {
            if (failed[i] != null) {
                throw failed[i]; // the first failure in order; nothing of the batch is stored
            }
            sealed.add(sealed(prepared.get(i), signed[i]));
        }
        delegate.appendEvents(sealed);
    }

    /** Batches of at least this many events are signed in parallel. */
    static final int PARALLEL_SIGNING = 32;

    /** An event made an entry, chained and hashed, with the key that must sign it; not yet signed. */
    private record Prepared(DomainEventMessage<?> event, Entry entry, byte[] hash, KeyTable.ActiveKey key,
                            SigningKey signingKey) {
    }

    /**
     * Everything that depends on order, in order: metadata checks, the actor, the active key (a key lifecycle
     * event changes it for the events after it), the entry with its {@code prev}, and its hash for the next link.
     */
    private Prepared prepare(DomainEventMessage<?> event, Map<String, Prepared> batchTips) {
        for (String k : LedgerMetaData.SEALED) {
            if (event.getMetaData().containsKey(k)) {
                throw new LedgerIntegrityException("event " + event.getPayloadType().getSimpleName()
                        + " arrives with ledger metadata " + k + "; only the append path seals events");
            }
        }
        Actor actor = actor(event);
        if (event.getPayload() instanceof GenesisEvent genesis) {
            startLedger(genesis, event.getIdentifier());
        }
        String ledger = ledgerId();
        KeyTable.ActiveKey active = keys.activeKey(actor.department())
                .orElseThrow(() -> new NoActiveKeyException(actor.department()));
        SigningKey signingKey = keyFiles.load(active.keyId()).orElseThrow(() -> new LedgerIntegrityException(
                "the private key " + active.keyId() + " of " + actor.department() + " is not in " + keyFiles.directory()));

        SerializedType type = serializer.typeForClass(event.getPayloadType());
        byte[] payload = serializer.serialize(event.getPayload(), byte[].class).getData();
        Entry entry = new Entry(ledger, new StreamId(event.getType(), event.getAggregateIdentifier()),
                event.getSequenceNumber(), StoredEntry.eventType(type.getName()), schema(type),
                Entry.entryTime(clock.instant()), actor, (ObjectNode) CanonicalJson.parse(payload),
                prev(event, batchTips, ledger), active.keyId());
        Prepared p = new Prepared(event, entry, LedgerHashing.entryHash(suite.hash(), entry.canonicalBytes()), active,
                signingKey);
        batchTips.put(event.getAggregateIdentifier(), p);
        if (event.getPayload() instanceof KeyLifecycleEvent lifecycle && !(event.getPayload() instanceof GenesisEvent)) {
            lifecycle.keyChanges().forEach(c -> keys.apply(c, event.getIdentifier()));
        }
        return p;
    }

    /** Signs, and verifies the signature against the hash the chain was built on: a bad signature is never stored. */
    private SignedEntry signAndCheck(Prepared p) {
        SignedEntry signed = signer.sign(p.entry(), p.signingKey());
        if (!java.util.Arrays.equals(p.hash(), signed.hash())
                || !p.key().key().verify(LedgerHashing.signingInput(p.hash()), signed.signature())) {
            throw new LedgerIntegrityException("the signature of " + p.entry().stream() + "#" + p.entry().seq()
                    + " does not verify under " + p.key().keyId() + "; nothing is stored");
        }
        return signed;
    }

    private static DomainEventMessage<?> sealed(Prepared p, SignedEntry signed) {
        Entry entry = p.entry();
        Map<String, String> seal = new HashMap<>();
        seal.put(LedgerMetaData.TIME, entry.timeText());
        seal.put(LedgerMetaData.SCHEMA, Integer.toString(entry.schema()));
        seal.put(LedgerMetaData.PREV, entry.prev());
        seal.put(LedgerMetaData.KEY, entry.keyId());
        seal.put(LedgerMetaData.HASH, signed.hashHex());
        seal.put(LedgerMetaData.SIGNATURE, Hex.encode(signed.signature()));
        return p.event().andMetaData(seal);
    }

    private static Actor actor(DomainEventMessage<?> event) {
        Object dept = event.getMetaData().get(LedgerMetaData.ACTOR_DEPARTMENT);
        Object user = event.getMetaData().get(LedgerMetaData.ACTOR_USER);
        if (!(dept instanceof String d) || !(user instanceof String u)) {
            throw new LedgerIntegrityException("event " + event.getPayloadType().getSimpleName()
                    + " has no actor; every entry records who acted");
        }
        return new Actor(d, u);
    }

    private static int schema(SerializedType type) {
        String revision = type.getRevision();
        return revision == null ? 1 : Integer.parseInt(revision);
    }

    /**
     * The hash of the stream's previous entry, recomputed from its stored content and compared with its stored
     * hash: a stream whose tip was altered is refused rather than extended.
     */
    private String prev(DomainEventMessage<?> event, Map<String, Prepared> batchTips, String ledger) {
        long seq = event.getSequenceNumber();
        if (seq == 0) {
            return Entry.GENESIS_PREV;
        }
        Prepared inBatch = batchTips.get(event.getAggregateIdentifier());
        if (inBatch != null && inBatch.entry().seq() == seq - 1) {
            return Hex.encode(inBatch.hash());
        }
        List<StoredEntry.Row> rows = jdbc.query(StoredEntry.SELECT_ROWS + "WHERE aggregate_identifier = ? AND sequence_number = ?",
                StoredEntry.ROW_MAPPER, event.getAggregateIdentifier(), seq - 1);
        if (rows.size() != 1) {
            throw new LedgerIntegrityException("stream " + event.getType() + "/" + event.getAggregateIdentifier()
                    + " has no stored entry #" + (seq - 1) + " to link entry #" + seq + " to");
        }
        SignedEntry previous;
        try {
            previous = StoredEntry.rebuild(rows.get(0), ledger);
        } catch (StoredEntry.UnreadableEntry e) {
            throw new LedgerIntegrityException(e.getMessage());
        }
        byte[] recomputed = LedgerHashing.entryHash(suite.hash(), previous.canonicalEnvelope());
        if (!java.util.Arrays.equals(recomputed, previous.hash())) {
            throw new LedgerIntegrityException("stored entry " + previous.entry().stream() + "#" + (seq - 1)
                    + " does not match its hash (stored " + previous.hashHex() + ", computed " + Hex.encode(recomputed)
                    + "); refusing to extend a tampered stream");
        }
        return previous.hashHex();
    }

    private void startLedger(GenesisEvent genesis, String eventId) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_info", Integer.class);
        if (existing != null && existing > 0) {
            throw new LedgerIntegrityException("the ledger already has a genesis entry");
        }
        if (!suite.id().equals(genesis.suite())) {
            throw new LedgerIntegrityException("genesis names suite " + genesis.suite() + " but keys are " + suite.id());
        }
        jdbc.update("INSERT INTO ledger_info (ledger_id, suite, origin, log_key_vkey, root_department, genesis_event) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", genesis.ledgerId(), genesis.suite(), genesis.origin(),
                genesis.logKey(), genesis.rootDepartmentId(), eventId);
        keys.apply(new KeyChange(genesis.rootKeyId(), genesis.rootDepartmentId(), genesis.rootPublicKey(),
                KeyChange.KeyState.ACTIVE), eventId);
    }

    private String ledgerId() {
        String id = ledgerId;
        if (id == null) {
            List<String> ids = jdbc.queryForList("SELECT ledger_id FROM ledger_info", String.class);
            if (ids.isEmpty()) {
                throw new LedgerIntegrityException("the ledger has no genesis entry yet");
            }
            id = ids.get(0);
            ledgerId = id;
        }
        return id;
    }

    // Reads and snapshots pass through: they do not create entries.

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(java.time.Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
