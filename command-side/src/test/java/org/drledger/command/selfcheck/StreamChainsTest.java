package org.drledger.command.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.entry.Actor;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.EntrySigner;
import org.drledger.core.entry.EntryVerificationException;
import org.drledger.core.entry.KeyBook;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.entry.StreamId;
import org.drledger.core.testing.DeterministicRandom;
import org.junit.jupiter.api.Test;

/** After a failure the self-check keeps verifying a stream usefully: one damaged entry, one finding. */
class StreamChainsTest {
    static final CryptoSuite SUITE = CryptoSuites.ED25519_SHA256;
    static final SigningKey KEY = SUITE.generateKey(new DeterministicRandom("stream-chains"));
    static final StreamId A = new StreamId("Department", "a");
    static final StreamId B = new StreamId("Department", "b");

    final KeyBook keys = new KeyBook();
    final StreamChains chains;

    StreamChainsTest() {
        keys.registerAtGenesis("office", KEY.verifyingKey());
        chains = new StreamChains(SUITE, "ledger-1", keys);
    }

    static List<SignedEntry> stream(StreamId s, int n) {
        List<SignedEntry> out = new ArrayList<>();
        String prev = Entry.GENESIS_PREV;
        for (int i = 0; i < n; i++) {
            Entry e = new Entry("ledger-1", s, i, "Happened", 1, Instant.parse("2026-01-01T00:00:00.000Z").plusSeconds(i),
                    new Actor("office", "u"), JsonNodeFactory.instance.objectNode().put("i", i), prev,
                    KEY.verifyingKey().keyId());
            SignedEntry signed = EntrySigner.sign(e, KEY);
            out.add(signed);
            prev = signed.hashHex();
        }
        return out;
    }

    /** The same entry with its content changed but the stored hash and signature kept. */
    static SignedEntry altered(SignedEntry s) {
        Entry e = s.entry();
        Entry changed = new Entry(e.ledgerId(), e.stream(), e.seq(), e.type(), e.schema(), e.time(),
                new Actor("office", "intruder"), e.payload(), e.prev(), e.keyId());
        return new SignedEntry(changed, changed.canonicalBytes(), s.hash(), s.signature());
    }

    List<String> run(List<SignedEntry> inLeafOrder) {
        List<String> out = new ArrayList<>();
        for (int leaf = 0; leaf < inLeafOrder.size(); leaf++) {
            for (EntryVerificationException x : chains.verify(inLeafOrder.get(leaf), leaf)) {
                out.add(x.check() + "@" + leaf);
            }
        }
        return out;
    }

    @Test
    void anIntactStreamVerifiesThroughTheKernel() {
        assertThat(run(stream(A, 4))).isEmpty();
        assertThat(chains.streams()).isEqualTo(1);
    }

    @Test
    void anAlteredEntryIsTheOnlyFindingItsSuccessorsLinkToTheSignedHash() {
        List<SignedEntry> a = new ArrayList<>(stream(A, 5));
        a.set(1, altered(a.get(1)));
        assertThat(run(a)).containsExactly("entry.hash@1");
    }

    @Test
    void aMissingEntryBreaksTheChainOnceAndTheStreamContinues() {
        List<SignedEntry> a = new ArrayList<>(stream(A, 5));
        a.remove(2);
        assertThat(run(a)).containsExactly("chain.sequence@2");
    }

    @Test
    void anEntryOutOfOrderIsReportedWithoutRewindingTheStream() {
        List<SignedEntry> a = stream(A, 4);
        assertThat(run(List.of(a.get(0), a.get(2), a.get(1), a.get(3)))).containsExactly("chain.sequence@1",
                "chain.sequence@2");
    }

    @Test
    void anotherStreamIsUnaffectedByABrokenOne() {
        List<SignedEntry> a = stream(A, 3);
        List<SignedEntry> b = stream(B, 3);
        SignedEntry wrongPrev = stream(new StreamId("Department", "a"), 3).get(2);
        Entry e = wrongPrev.entry();
        Entry relinked = new Entry(e.ledgerId(), e.stream(), e.seq(), e.type(), e.schema(), e.time(), e.actor(),
                e.payload(), "1".repeat(64), e.keyId());
        assertThat(run(List.of(a.get(0), b.get(0), a.get(1), b.get(1), EntrySigner.sign(relinked, KEY), b.get(2))))
                .containsExactly("chain.prev@4");
    }

    @Test
    void anUnreadableEntryIsSkippedWithItsSealedHash() {
        List<SignedEntry> a = stream(A, 3);
        assertThat(chains.verify(a.get(0), 0)).isEmpty();
        chains.skip(A, 1, a.get(1).hashHex());
        assertThat(chains.verify(a.get(2), 2)).isEmpty();
    }

    @Test
    void aRevokedKeyIsReportedByTheKernelAtItsPosition() {
        keys.revoke(KEY.verifyingKey().keyId(), 1);
        assertThat(run(stream(A, 4))).containsExactly("entry.key@2", "entry.key@3");
    }
}
