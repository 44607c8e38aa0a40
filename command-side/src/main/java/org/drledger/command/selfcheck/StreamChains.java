package org.drledger.command.selfcheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.EntryVerificationException;
import org.drledger.core.entry.EntryVerifier;
import org.drledger.core.entry.KeyBook;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.entry.StreamId;

/**
 * Runs the kernel's {@link EntryVerifier} over the entries in leaf order and keeps going after a failure.
 *
 * <p>The kernel leaves a stream's tip unchanged when an entry fails, so after one bad entry every later entry of
 * that stream would fail {@code chain.sequence} too, and one tampered byte would bury the report. Instead, the
 * first failure in a stream detaches it from the kernel verifier. A detached stream is then checked entry by entry:
 * the content checks (hash, key, signature) by the kernel on a fresh verifier that has never seen the stream (its
 * only possible chain complaint is that the stream does not start here, which is ignored), and the link by the
 * kernel's rules against the last entry of the stream as stored. The tip moves to an entry's <em>stored</em> hash
 * and only forward: the successor of an altered entry links to the hash its signer saw, so only the altered entry
 * is reported; an entry whose predecessor is gone is reported once and the chain continues from it; an entry that
 * appears out of order is reported without rewinding the stream.
 */
final class StreamChains {
    private final CryptoSuite suite;
    private final String ledgerId;
    private final KeyBook keys;
    private final EntryVerifier kernel;
    private final Map<StreamId, Tip> tips = new HashMap<>();

    private record Tip(long seq, String hash, boolean detached) {
    }

    StreamChains(CryptoSuite suite, String ledgerId, KeyBook keys) {
        this.suite = suite;
        this.ledgerId = ledgerId;
        this.keys = keys;
        this.kernel = new EntryVerifier(suite, ledgerId, keys);
    }

    /** Verifies the entry at leaf {@code position}; returns the failures (empty when it verifies). */
    List<EntryVerificationException> verify(SignedEntry signed, long position) {
        Entry e = signed.entry();
        Tip tip = tips.get(e.stream());
        if (tip == null || !tip.detached()) {
            try {
                kernel.verify(signed, position);
                tips.put(e.stream(), new Tip(e.seq(), signed.hashHex(), false));
                return List.of();
            } catch (EntryVerificationException x) {
                advance(e.stream(), tip, signed);
                return List.of(x);
            }
        }
        List<EntryVerificationException> out = new ArrayList<>(1);
        try {
            new EntryVerifier(suite, ledgerId, keys).verify(signed, position);
        } catch (EntryVerificationException x) {
            if (!x.check().startsWith("chain.")) {
                out.add(x);
            }
        }
        String where = "stream " + e.stream() + " seq " + e.seq() + " (leaf " + position + ")";
        if (e.seq() != tip.seq() + 1) {
            out.add(new EntryVerificationException("chain.sequence", where, String.valueOf(tip.seq() + 1),
                    String.valueOf(e.seq()), "stream sequence is not contiguous"));
        } else if (!tip.hash().equals(e.prev())) {
            out.add(new EntryVerificationException("chain.prev", where, tip.hash(), e.prev(),
                    "prev does not link to the stream's previous entry"));
        }
        advance(e.stream(), tip, signed);
        return out;
    }

    /**
     * An entry that could not be read: the stream continues from the hash the sealer recorded for it, so its
     * successor is checked against what was signed instead of failing for the unreadable row.
     */
    void skip(StreamId stream, long seq, String sealedHash) {
        Tip tip = tips.get(stream);
        if (tip == null || seq > tip.seq()) {
            tips.put(stream, new Tip(seq, sealedHash, true));
        } else if (!tip.detached()) {
            tips.put(stream, new Tip(tip.seq(), tip.hash(), true));
        }
    }

    private void advance(StreamId stream, Tip tip, SignedEntry signed) {
        if (tip == null || signed.entry().seq() > tip.seq()) {
            tips.put(stream, new Tip(signed.entry().seq(), Hex.encode(signed.hash()), true));
        } else if (!tip.detached()) {
            tips.put(stream, new Tip(tip.seq(), tip.hash(), true));
        }
    }

    int streams() {
        return tips.size();
    }
}
