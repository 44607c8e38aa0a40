package org.drledger.core.entry;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuite;

/**
 * Verifies signed entries in ledger order: each entry's hash and signature, the key's validity at the entry's
 * position, and the entry's link into its stream (contiguous sequence, {@code prev} = hash of the predecessor).
 * Keeps one small record per stream, so a ledger streams through it. Not thread-safe.
 */
public final class EntryVerifier {
    private final CryptoSuite suite;
    private final String ledgerId;
    private final KeyBook keys;
    private final Map<StreamId, Tip> tips = new HashMap<>();

    private record Tip(long seq, byte[] hash) {
    }

    public EntryVerifier(CryptoSuite suite, String ledgerId, KeyBook keys) {
        this.suite = suite;
        this.ledgerId = ledgerId;
        this.keys = keys;
    }

    /**
     * Checks ledger id, hash, key validity and signature but not the stream chain: for exports that hold only some
     * entries of a stream (a per-task bundle), whose chains a caller checks where consecutive entries are present.
     *
     * @return the recomputed entry hash
     */
    public byte[] verifyAuthentic(SignedEntry signed, long position) throws EntryVerificationException {
        Entry e = signed.entry();
        String where = where(e, position);
        if (!ledgerId.equals(e.ledgerId())) {
            throw new EntryVerificationException("entry.ledger", where, ledgerId, e.ledgerId(),
                    "entry belongs to another ledger");
        }
        byte[] computed = LedgerHashing.entryHash(suite.hash(), signed.canonicalEnvelope());
        if (!Arrays.equals(computed, signed.hash())) {
            throw new EntryVerificationException("entry.hash", where, signed.hashHex(), Hex.encode(computed),
                    "entry hash does not match its content");
        }
        KeyStatus status = keys.statusAt(e.keyId(), e.actor().department(), position);
        if (status != KeyStatus.VALID) {
            throw new EntryVerificationException("entry.key", where, "VALID key of " + e.actor().department(),
                    status + " " + e.keyId(), "entry is signed with a key that may not sign here");
        }
        KeyBook.Record key = keys.find(e.keyId()).orElseThrow();
        if (!key.key().verify(LedgerHashing.signingInput(computed), signed.signature())) {
            throw new EntryVerificationException("entry.signature", where, "a valid signature by " + e.keyId(),
                    Hex.encode(signed.signature()), "signature does not verify");
        }
        return computed;
    }

    private static String where(Entry e, long position) {
        return "stream " + e.stream() + " seq " + e.seq() + " (leaf " + position + ")";
    }

    /**
     * Verifies the entry at Merkle leaf {@code position}. On failure the stream's tip is left unchanged.
     */
    public void verify(SignedEntry signed, long position) throws EntryVerificationException {
        Entry e = signed.entry();
        String where = where(e, position);
        byte[] computed = verifyAuthentic(signed, position);
        Tip tip = tips.get(e.stream());
        long expectedSeq = tip == null ? 0 : tip.seq() + 1;
        if (e.seq() != expectedSeq) {
            throw new EntryVerificationException("chain.sequence", where, String.valueOf(expectedSeq),
                    String.valueOf(e.seq()), "stream sequence is not contiguous");
        }
        String expectedPrev = tip == null ? Entry.GENESIS_PREV : Hex.encode(tip.hash());
        if (!expectedPrev.equals(e.prev())) {
            throw new EntryVerificationException("chain.prev", where, expectedPrev, e.prev(),
                    "prev does not link to the stream's previous entry");
        }
        tips.put(e.stream(), new Tip(e.seq(), computed));
    }

    /** The hash of the last verified entry of a stream, for continuing a chain or for a later prev check. */
    public java.util.Optional<String> tipHash(StreamId stream) {
        Tip t = tips.get(stream);
        return t == null ? java.util.Optional.empty() : java.util.Optional.of(Hex.encode(t.hash()));
    }

    public int streamCount() {
        return tips.size();
    }
}
