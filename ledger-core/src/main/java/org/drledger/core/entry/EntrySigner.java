package org.drledger.core.entry;

import org.drledger.core.crypto.SigningKey;

/** Computes an entry's canonical bytes and hash and signs it. The one kernel routine behind the append path. */
public final class EntrySigner {
    private EntrySigner() {
    }

    /**
     * @throws IllegalArgumentException when the envelope names a different key than the one signing, or the key's
     *                                  suite is not the ledger's
     */
    public static SignedEntry sign(Entry entry, SigningKey key) {
        String keyId = key.verifyingKey().keyId();
        if (!keyId.equals(entry.keyId())) {
            throw new IllegalArgumentException("entry names key " + entry.keyId() + " but is signed with " + keyId);
        }
        byte[] canonical = entry.canonicalBytes();
        byte[] hash = LedgerHashing.entryHash(key.suite().hash(), canonical);
        byte[] signature = key.sign(LedgerHashing.signingInput(hash));
        return new SignedEntry(entry, canonical, hash, signature);
    }
}
