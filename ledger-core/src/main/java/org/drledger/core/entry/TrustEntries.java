package org.drledger.core.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.drledger.core.FormatException;
import org.drledger.core.checkpoint.NoteKey;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.crypto.VerifyingKey;

/**
 * The entries a verifier must read before any other: the genesis entry (ledger id, suite, origin, log key, root
 * department key), the department key lifecycle (ledger-format §5) and the witness directory. Folds them, in leaf
 * order, into a {@link KeyBook} and a set of witness verifier keys.
 *
 * <p>Only authentic entries contribute: a key entry whose hash does not match or whose signature does not verify
 * under a key valid at its position in the book built so far is ignored here (the caller's entry checks report
 * it), because trusting it could, say, move a revocation onto another key. Genesis is the trust anchor; its
 * self-signature is checked like every other entry's. The event type names are those the command side writes.
 * Not thread-safe.
 */
public final class TrustEntries {
    public static final String GENESIS = "LedgerInitialized";
    public static final String KEY_REGISTERED = "DepartmentKeyRegistered";
    public static final String KEY_ROTATED = "DepartmentKeyRotated";
    public static final String KEY_REVOKED = "DepartmentKeyRevoked";
    public static final String KEY_COMPROMISED = "DepartmentKeyCompromised";
    public static final String WITNESS_REGISTERED = "WitnessRegistered";
    public static final String WITNESS_RETIRED = "WitnessRetired";

    /** What the genesis entry fixes. */
    public record Genesis(String ledgerId, CryptoSuite suite, String origin, String logKeyVkey, NoteKey logKey,
                          String rootDepartmentId, VerifyingKey rootKey) {
    }

    /** A trust entry that cannot be applied (unknown key, key of another department, key id not its key). */
    public static final class TrustEntryException extends FormatException {
        public TrustEntryException(String rule, String where, String message) {
            super(rule, where, message);
        }
    }

    private final KeyBook book = new KeyBook();
    private final Map<String, NoteKey> witnesses = new LinkedHashMap<>();
    private Genesis genesis;

    /** Whether entries of this type change who may sign (entries or cosignatures). */
    public static boolean isTrustEntry(String type) {
        return GENESIS.equals(type) || KEY_REGISTERED.equals(type) || KEY_ROTATED.equals(type)
                || KEY_REVOKED.equals(type) || KEY_COMPROMISED.equals(type) || WITNESS_REGISTERED.equals(type)
                || WITNESS_RETIRED.equals(type);
    }

    /** Reads a genesis payload without applying it. */
    public static Genesis genesis(JsonNode p) {
        CryptoSuite suite;
        try {
            suite = CryptoSuites.byId(text(p, "suite"));
        } catch (FormatException e) {
            throw new TrustEntryException("unknown-suite", "suite", e.getMessage());
        }
        VerifyingKey root = suite.readPublicKeyPem(text(p, "rootPublicKey"));
        if (!root.keyId().equals(text(p, "rootKeyId"))) {
            throw new TrustEntryException("key-id-mismatch", "rootKeyId",
                    "root key id " + text(p, "rootKeyId") + " is not the id of its key " + root.keyId());
        }
        String vkey = text(p, "logKey");
        return new Genesis(text(p, "ledgerId"), suite, text(p, "origin"), vkey, NoteKey.parseVkey(vkey),
                text(p, "rootDepartmentId"), root);
    }

    /**
     * Applies one trust entry at leaf {@code position}; entries must come in leaf order, genesis at 0.
     *
     * @return false if the entry was not authentic and was ignored
     * @throws TrustEntryException if an authentic entry cannot be applied
     * @throws FormatException     if its payload is malformed
     */
    public boolean accept(SignedEntry signed, long position) {
        Entry e = signed.entry();
        JsonNode p = e.payload();
        if (GENESIS.equals(e.type())) {
            if (position != 0 || genesis != null) {
                throw new TrustEntryException("second-genesis", "leaf " + position, "a genesis entry after leaf 0");
            }
            genesis = genesis(p);
            book.registerAtGenesis(genesis.rootDepartmentId(), genesis.rootKey());
            return authentic(signed, position);
        }
        if (genesis == null) {
            throw new TrustEntryException("no-genesis", "leaf " + position, "a trust entry before the genesis entry");
        }
        if (!isTrustEntry(e.type()) || !authentic(signed, position)) {
            return false;
        }
        try {
            apply(e.type(), p, position);
        } catch (IllegalArgumentException ex) {
            throw new TrustEntryException("not-applicable", "leaf " + position, ex.getMessage());
        }
        return true;
    }

    private void apply(String type, JsonNode p, long position) {
        CryptoSuite suite = genesis.suite();
        switch (type) {
            case KEY_REGISTERED -> book.register(text(p, "departmentId"), key(suite, p, "publicKey", text(p, "keyId")),
                    position);
            case KEY_ROTATED -> {
                requireOwner(text(p, "oldKeyId"), text(p, "departmentId"));
                book.rotate(text(p, "oldKeyId"), key(suite, p, "publicKey", text(p, "newKeyId")), position);
            }
            case KEY_REVOKED -> {
                requireOwner(text(p, "keyId"), text(p, "departmentId"));
                book.revoke(text(p, "keyId"), position);
            }
            case KEY_COMPROMISED -> {
                requireOwner(text(p, "keyId"), text(p, "departmentId"));
                JsonNode from = p.get("fromLeafIndex");
                if (from == null || !from.canConvertToLong() || from.asLong() < 0) {
                    throw new TrustEntryException("wrong-type", "fromLeafIndex", "not a leaf index");
                }
                book.markCompromised(text(p, "keyId"), from.asLong());
            }
            case WITNESS_REGISTERED -> {
                NoteKey k = NoteKey.parseVkey(text(p, "vkey"));
                if (!k.name().equals(text(p, "name"))) {
                    throw new TrustEntryException("key-id-mismatch", "vkey", "witness vkey names " + k.name());
                }
                witnesses.put(k.name(), k);
            }
            case WITNESS_RETIRED -> witnesses.remove(text(p, "name"));
            default -> throw new IllegalStateException(type);
        }
    }

    public Optional<Genesis> genesis() {
        return Optional.ofNullable(genesis);
    }

    public KeyBook keyBook() {
        return book;
    }

    /** Verifier keys of the currently registered witnesses, by name. */
    public Map<String, NoteKey> witnesses() {
        return java.util.Collections.unmodifiableMap(witnesses);
    }

    private boolean authentic(SignedEntry signed, long position) {
        Entry e = signed.entry();
        byte[] hash = LedgerHashing.entryHash(genesis.suite().hash(), signed.canonicalEnvelope());
        if (!Arrays.equals(hash, signed.hash()) || !genesis.ledgerId().equals(e.ledgerId())
                || book.statusAt(e.keyId(), e.actor().department(), position) != KeyStatus.VALID) {
            return false;
        }
        return book.find(e.keyId()).map(r -> r.key().verify(LedgerHashing.signingInput(hash), signed.signature()))
                .orElse(false);
    }

    private static VerifyingKey key(CryptoSuite suite, JsonNode p, String pemField, String claimedKeyId) {
        VerifyingKey k = suite.readPublicKeyPem(text(p, pemField));
        if (!k.keyId().equals(claimedKeyId)) {
            throw new TrustEntryException("key-id-mismatch", pemField,
                    "key id " + claimedKeyId + " is not the id of its public key " + k.keyId());
        }
        return k;
    }

    private void requireOwner(String keyId, String department) {
        KeyBook.Record r = book.find(keyId)
                .orElseThrow(() -> new TrustEntryException("unknown-key", "keyId", "unknown key " + keyId));
        if (!r.department().equals(department)) {
            throw new TrustEntryException("wrong-department", "departmentId",
                    "key " + keyId + " belongs to " + r.department() + ", not " + department);
        }
    }

    private static String text(JsonNode p, String field) {
        JsonNode v = p == null ? null : p.get(field);
        if (v == null || !v.isTextual()) {
            throw new TrustEntryException("missing-field", field, "payload field " + field + " is missing");
        }
        return v.textValue();
    }
}
