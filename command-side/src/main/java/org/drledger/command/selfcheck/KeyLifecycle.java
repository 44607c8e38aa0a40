package org.drledger.command.selfcheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.drledger.command.ledger.StoredEntry;
import org.drledger.command.selfcheck.Findings.Where;
import org.drledger.core.FormatException;
import org.drledger.core.checkpoint.NoteKey;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.VerifyingKey;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.KeyBook;
import org.drledger.core.entry.KeyStatus;
import org.drledger.core.entry.LedgerHashing;
import org.drledger.core.entry.SignedEntry;

/**
 * First pass: builds the {@link KeyBook} from the ledger's own key entries, in leaf order, before any entry is
 * verified.
 *
 * <p>Why a separate pass: a compromise is recorded <em>after</em> the fact and names an earlier position
 * ({@code fromLeafIndex}); every signature by the key from there on is invalid, including entries that come
 * before the compromise entry in the log. Verifying while the book is still being built would accept those
 * entries. All other key facts take effect strictly after their own position, so a book that already holds every
 * fact answers {@link KeyBook#statusAt} for any position exactly as the book at that position would, plus the
 * retroactive compromises. The second pass then verifies every entry, key entries included, against the complete
 * book.
 *
 * <p>Only authentic key entries contribute facts: their content must match their hash and their signature must
 * verify under a key valid at their position in the book built so far. A tampered key entry adds nothing (the
 * second pass reports it); trusting it could, say, move a revocation onto another key. Genesis is the trust
 * anchor: its root key is registered from its content; the second pass checks its hash and self-signature.
 */
final class KeyLifecycle {
    static final String GENESIS = "LedgerInitialized";
    static final String REGISTERED = "DepartmentKeyRegistered";
    static final String ROTATED = "DepartmentKeyRotated";
    static final String REVOKED = "DepartmentKeyRevoked";
    static final String COMPROMISED = "DepartmentKeyCompromised";

    private final LedgerRows rows;
    private final CryptoSuite suite;
    private final Findings findings;
    private final LedgerRows.LedgerInfo info;
    private final KeyBook book = new KeyBook();

    KeyLifecycle(LedgerRows rows, CryptoSuite suite, LedgerRows.LedgerInfo info, Findings findings) {
        this.rows = rows;
        this.suite = suite;
        this.info = info;
        this.findings = findings;
    }

    KeyBook build(long leafBound) {
        long after = -1;
        boolean genesisSeen = false;
        while (true) {
            List<LedgerRows.LeafRow> page = rows.keyLeaves(after, leafBound);
            for (LedgerRows.LeafRow leaf : page) {
                after = leaf.leafIndex();
                SignedEntry signed;
                try {
                    signed = StoredEntry.rebuild(leaf.event(), info.ledgerId());
                } catch (StoredEntry.UnreadableEntry e) {
                    continue; // the second pass reports it as row.unreadable
                }
                Where where = Where.entry(signed.entry(), leaf.leafIndex(), leaf.globalIndex());
                String type = signed.entry().type();
                try {
                    if (GENESIS.equals(type)) {
                        genesisSeen |= leaf.leafIndex() == 0;
                        genesis(signed, leaf.leafIndex(), where);
                    } else if (isKeyEvent(type) && authentic(signed, leaf.leafIndex())) {
                        apply(type, signed.entry().payload(), leaf.leafIndex(), where);
                    }
                } catch (IllegalArgumentException | FormatException e) {
                    findings.error("entry.key", where, "a key entry that applies to the keys before it",
                            e.getMessage(), "the key entry cannot be applied");
                }
            }
            if (page.isEmpty()) {
                break;
            }
        }
        if (!genesisSeen && leafBound > 0) {
            findings.error("entry.key", Where.leaf(0), GENESIS + " at leaf 0", "none",
                    "no genesis entry: the root key is unknown, so no entry of the root department can verify");
        }
        return book;
    }

    private static boolean isKeyEvent(String type) {
        return REGISTERED.equals(type) || ROTATED.equals(type) || REVOKED.equals(type) || COMPROMISED.equals(type);
    }

    /** Registers the root key and compares the genesis entry with {@code ledger_info}, which the server trusts. */
    private void genesis(SignedEntry signed, long leaf, Where where) {
        JsonNode p = signed.entry().payload();
        if (leaf != 0) {
            findings.error("entry.ledger", where, "the genesis entry at leaf 0", "a genesis entry at leaf " + leaf,
                    "a second genesis entry; its keys are ignored");
            return;
        }
        compare(where, "ledger_info.ledger_id", info.ledgerId(), text(p, "ledgerId"), "entry.ledger");
        compare(where, "ledger_info.suite", info.suite(), text(p, "suite"), "row.metadata");
        compare(where, "ledger_info.origin", info.origin(), text(p, "origin"), "row.metadata");
        compare(where, "ledger_info.log_key_vkey", info.logKeyVkey(), text(p, "logKey"), "row.metadata");
        compare(where, "ledger_info.root_department", info.rootDepartment(), text(p, "rootDepartmentId"), "row.metadata");
        VerifyingKey root = suite.readPublicKeyPem(text(p, "rootPublicKey"));
        String rootKeyId = text(p, "rootKeyId");
        if (!root.keyId().equals(rootKeyId)) {
            findings.error("entry.key", where, rootKeyId, root.keyId(), "the genesis root key id does not match its key");
        }
        book.registerAtGenesis(text(p, "rootDepartmentId"), root);
    }

    private void compare(Where where, String column, String stored, String signed, String check) {
        if (!stored.equals(signed)) {
            findings.error(check, where, signed, stored, column + " differs from the signed genesis entry");
        }
    }

    /** Hash, key validity (in the book so far) and signature, with the kernel's primitives. */
    private boolean authentic(SignedEntry signed, long position) {
        Entry e = signed.entry();
        byte[] hash = LedgerHashing.entryHash(suite.hash(), signed.canonicalEnvelope());
        if (!Arrays.equals(hash, signed.hash())
                || book.statusAt(e.keyId(), e.actor().department(), position) != KeyStatus.VALID) {
            return false;
        }
        return book.find(e.keyId()).map(r -> r.key().verify(LedgerHashing.signingInput(hash), signed.signature()))
                .orElse(false);
    }

    private void apply(String type, JsonNode p, long position, Where where) {
        String department = text(p, "departmentId");
        switch (type) {
            case REGISTERED -> book.register(department, key(p, "publicKey", text(p, "keyId")), position);
            case ROTATED -> {
                requireOwner(text(p, "oldKeyId"), department);
                book.rotate(text(p, "oldKeyId"), key(p, "publicKey", text(p, "newKeyId")), position);
            }
            case REVOKED -> {
                requireOwner(text(p, "keyId"), department);
                book.revoke(text(p, "keyId"), position);
            }
            case COMPROMISED -> {
                requireOwner(text(p, "keyId"), department);
                JsonNode from = p.get("fromLeafIndex");
                if (from == null || !from.canConvertToLong() || from.asLong() < 0) {
                    throw new IllegalArgumentException("fromLeafIndex is not a leaf index");
                }
                book.markCompromised(text(p, "keyId"), from.asLong());
            }
            default -> throw new IllegalStateException(type);
        }
    }

    private VerifyingKey key(JsonNode p, String pemField, String claimedKeyId) {
        VerifyingKey k = suite.readPublicKeyPem(text(p, pemField));
        if (!k.keyId().equals(claimedKeyId)) {
            throw new IllegalArgumentException("key id " + claimedKeyId + " does not match its public key " + k.keyId());
        }
        return k;
    }

    private void requireOwner(String keyId, String department) {
        Optional<KeyBook.Record> r = book.find(keyId);
        if (r.isEmpty()) {
            throw new IllegalArgumentException("unknown key " + keyId);
        }
        if (!r.get().department().equals(department)) {
            throw new IllegalArgumentException("key " + keyId + " belongs to " + r.get().department() + ", not "
                    + department);
        }
    }

    private static String text(JsonNode p, String field) {
        JsonNode v = p.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("payload field " + field + " is missing");
        }
        return v.textValue();
    }

    /** The log key named by {@code ledger_info}, or empty (reported) when it cannot be read. */
    static Optional<NoteKey> logKey(LedgerRows.LedgerInfo info, Findings findings) {
        try {
            return Optional.of(NoteKey.parseVkey(info.logKeyVkey()));
        } catch (FormatException e) {
            findings.error("row.metadata", new Where(null, null, null, null, null, null), "a log verifier key",
                    info.logKeyVkey(), "ledger_info.log_key_vkey is unreadable: " + e.getMessage());
            findings.unchecked("checkpoint signatures: the log key is unreadable");
            return Optional.empty();
        }
    }
}
