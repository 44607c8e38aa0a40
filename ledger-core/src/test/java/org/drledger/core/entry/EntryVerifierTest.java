package org.drledger.core.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drledger.core.entry.EntryFixtures.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.testing.DeterministicRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EntryVerifierTest {
    private static final StreamId CHECKLIST = new StreamId("InspectionChecklist", "scjgj-2026");

    static List<CryptoSuite> suites() {
        return List.of(CryptoSuites.SM2_SM3, CryptoSuites.ED25519_SHA256);
    }

    private static SigningKey key(CryptoSuite suite, String seed) {
        return suite.generateKey(new DeterministicRandom(suite.id() + seed));
    }

    private static KeyBook book(SigningKey... keys) {
        KeyBook b = new KeyBook();
        b.registerAtGenesis("scjgj", keys[0].verifyingKey());
        for (int i = 1; i < keys.length; i++) {
            b.register("scjgj", keys[i].verifyingKey(), 0);
        }
        return b;
    }

    @ParameterizedTest
    @MethodSource("suites")
    void aWellFormedStreamVerifies(CryptoSuite suite) throws Exception {
        SigningKey k = key(suite, "a");
        EntryVerifier v = new EntryVerifier(suite, LEDGER, book(k));
        List<SignedEntry> s = stream(CHECKLIST, 5, "scjgj", k);
        for (int i = 0; i < s.size(); i++) {
            v.verify(s.get(i), i);
        }
        assertThat(v.tipHash(CHECKLIST)).contains(s.get(4).hashHex());
    }

    @ParameterizedTest
    @MethodSource("suites")
    void changedPayloadIsCaughtByTheEntryHash(CryptoSuite suite) {
        SigningKey k = key(suite, "a");
        SignedEntry good = stream(CHECKLIST, 1, "scjgj", k).get(0);
        ObjectNode json = good.toJson();
        ((ObjectNode) json.get("entry").get("payload")).put("item", "A07-X");
        SignedEntry tampered = SignedEntry.fromJson(json);
        assertFails(suite, k, tampered, 0, "entry.hash");
    }

    @ParameterizedTest
    @MethodSource("suites")
    void changedActorOrTimeIsCaughtByTheEntryHash(CryptoSuite suite) {
        SigningKey k = key(suite, "a");
        SignedEntry good = stream(CHECKLIST, 1, "scjgj", k).get(0);
        ObjectNode byActor = good.toJson();
        ((ObjectNode) byActor.get("entry").get("actor")).put("user", "someone-else");
        ObjectNode byTime = good.toJson();
        ((ObjectNode) byTime.get("entry")).put("time", "2026-03-02T01:30:00.001Z");
        assertFails(suite, k, SignedEntry.fromJson(byActor), 0, "entry.hash");
        assertFails(suite, k, SignedEntry.fromJson(byTime), 0, "entry.hash");
    }

    @ParameterizedTest
    @MethodSource("suites")
    void rehashedButUnsignedChangeIsCaughtByTheSignature(CryptoSuite suite) {
        SigningKey k = key(suite, "a");
        SignedEntry good = stream(CHECKLIST, 1, "scjgj", k).get(0);
        Entry changed = entry(CHECKLIST, 0, Entry.GENESIS_PREV, "scjgj", k, payload("item", "forged"));
        byte[] canonical = changed.canonicalBytes();
        byte[] hash = LedgerHashing.entryHash(suite.hash(), canonical);
        SignedEntry forged = new SignedEntry(changed, canonical, hash, good.signature());
        assertFails(suite, k, forged, 0, "entry.signature");
    }

    @ParameterizedTest
    @MethodSource("suites")
    void droppedOrReorderedEntriesBreakTheChain(CryptoSuite suite) throws Exception {
        SigningKey k = key(suite, "a");
        List<SignedEntry> s = stream(CHECKLIST, 3, "scjgj", k);
        EntryVerifier dropped = new EntryVerifier(suite, LEDGER, book(k));
        dropped.verify(s.get(0), 0);
        assertThatThrownBy(() -> dropped.verify(s.get(2), 1))
                .isInstanceOfSatisfying(EntryVerificationException.class, e -> {
                    assertThat(e.check()).isEqualTo("chain.sequence");
                    assertThat(e.where()).contains("InspectionChecklist/scjgj-2026").contains("seq 2").contains("leaf 1");
                    assertThat(e.expected()).isEqualTo("1");
                    assertThat(e.computed()).isEqualTo("2");
                });
        EntryVerifier reordered = new EntryVerifier(suite, LEDGER, book(k));
        assertFails(reordered, s.get(1), 0, "chain.sequence");
    }

    @ParameterizedTest
    @MethodSource("suites")
    void aSignedEntryWithAWrongPrevIsCaught(CryptoSuite suite) throws Exception {
        SigningKey k = key(suite, "a");
        SignedEntry first = stream(CHECKLIST, 1, "scjgj", k).get(0);
        SignedEntry wrongPrev = EntrySigner.sign(entry(CHECKLIST, 1, "ab".repeat(32), "scjgj", k, payload("x", "y")), k);
        EntryVerifier v = new EntryVerifier(suite, LEDGER, book(k));
        v.verify(first, 0);
        assertThatThrownBy(() -> v.verify(wrongPrev, 1))
                .isInstanceOfSatisfying(EntryVerificationException.class, e -> {
                    assertThat(e.check()).isEqualTo("chain.prev");
                    assertThat(e.expected()).isEqualTo(first.hashHex());
                    assertThat(e.computed()).isEqualTo("ab".repeat(32));
                });
    }

    @ParameterizedTest
    @MethodSource("suites")
    void keysAreValidOnlyWithinTheirLifecycle(CryptoSuite suite) throws Exception {
        SigningKey root = key(suite, "root");
        SigningKey k = key(suite, "dept");
        SigningKey next = key(suite, "dept-next");
        KeyBook b = new KeyBook();
        b.registerAtGenesis("office", root.verifyingKey());
        b.register("scjgj", k.verifyingKey(), 10);
        assertThat(b.statusAt(k.verifyingKey().keyId(), "scjgj", 10)).isEqualTo(KeyStatus.NOT_YET_VALID);
        assertThat(b.statusAt(k.verifyingKey().keyId(), "scjgj", 11)).isEqualTo(KeyStatus.VALID);
        assertThat(b.statusAt(k.verifyingKey().keyId(), "office", 11)).isEqualTo(KeyStatus.WRONG_DEPARTMENT);
        assertThat(b.statusAt("00".repeat(32), "scjgj", 11)).isEqualTo(KeyStatus.UNKNOWN);
        b.rotate(k.verifyingKey().keyId(), next.verifyingKey(), 20);
        assertThat(b.statusAt(k.verifyingKey().keyId(), "scjgj", 20)).isEqualTo(KeyStatus.VALID);
        assertThat(b.statusAt(k.verifyingKey().keyId(), "scjgj", 21)).isEqualTo(KeyStatus.ROTATED_OUT);
        assertThat(b.statusAt(next.verifyingKey().keyId(), "scjgj", 21)).isEqualTo(KeyStatus.VALID);
        b.revoke(next.verifyingKey().keyId(), 30);
        assertThat(b.statusAt(next.verifyingKey().keyId(), "scjgj", 31)).isEqualTo(KeyStatus.REVOKED);
        b.markCompromised(k.verifyingKey().keyId(), 15);
        assertThat(b.statusAt(k.verifyingKey().keyId(), "scjgj", 14)).isEqualTo(KeyStatus.VALID);
        assertThat(b.statusAt(k.verifyingKey().keyId(), "scjgj", 15)).isEqualTo(KeyStatus.COMPROMISED);
    }

    @ParameterizedTest
    @MethodSource("suites")
    void aRevokedKeyCannotSignLaterEntries(CryptoSuite suite) throws Exception {
        SigningKey k = key(suite, "a");
        KeyBook b = book(k);
        List<SignedEntry> s = stream(CHECKLIST, 2, "scjgj", k);
        EntryVerifier v = new EntryVerifier(suite, LEDGER, b);
        v.verify(s.get(0), 5);
        b.revoke(k.verifyingKey().keyId(), 5);
        assertThatThrownBy(() -> v.verify(s.get(1), 6))
                .isInstanceOfSatisfying(EntryVerificationException.class, e -> {
                    assertThat(e.check()).isEqualTo("entry.key");
                    assertThat(e.computed()).startsWith("REVOKED");
                });
    }

    @ParameterizedTest
    @MethodSource("suites")
    void anEntryOfAnotherLedgerIsRejected(CryptoSuite suite) {
        SigningKey k = key(suite, "a");
        SignedEntry e = stream(CHECKLIST, 1, "scjgj", k).get(0);
        EntryVerifier v = new EntryVerifier(suite, "another-ledger", book(k));
        assertFails(v, e, 0, "entry.ledger");
    }

    @ParameterizedTest
    @MethodSource("suites")
    void signedEntriesRoundTripThroughCanonicalJson(CryptoSuite suite) {
        SigningKey k = key(suite, "a");
        SignedEntry e = stream(CHECKLIST, 2, "scjgj", k).get(1);
        byte[] bytes = e.toCanonicalJson();
        assertThat(SignedEntry.parse(bytes)).isEqualTo(e);
        assertThat(org.drledger.core.json.CanonicalJson.isCanonical(bytes)).isTrue();
        assertThat(Hex.encode(LedgerHashing.entryHash(suite.hash(), e.canonicalEnvelope()))).isEqualTo(e.hashHex());
    }

    private static void assertFails(CryptoSuite suite, SigningKey k, SignedEntry e, long pos, String check) {
        assertFails(new EntryVerifier(suite, LEDGER, book(k)), e, pos, check);
    }

    private static void assertFails(EntryVerifier v, SignedEntry e, long pos, String check) {
        assertThatThrownBy(() -> v.verify(e, pos))
                .isInstanceOfSatisfying(EntryVerificationException.class, ex -> assertThat(ex.check()).isEqualTo(check));
    }
}
