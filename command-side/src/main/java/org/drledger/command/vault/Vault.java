package org.drledger.command.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.drledger.command.ledger.LedgerProperties;
import org.drledger.command.support.DeferredInserts;
import org.drledger.core.FormatException;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.entry.Commitments;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.EntryVerificationException;
import org.drledger.core.json.CanonicalJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personal-data vault: openings of salted commitments ({@link Commitments}), encrypted at rest in
 * {@code vault_opening} with the suite's {@link VaultCipher} under a fresh random 96-bit nonce, the commitment hex
 * as associated data (a ciphertext moved to another row fails authentication). Joins the caller's transaction.
 * Shredding is not a method here: it is the {@link ShredPersonalData} command, whose entry {@link VaultShredder}
 * applies in the same transaction.
 */
@Service
@Transactional
public class Vault {
    /** Largest canonical value the vault accepts: personal fields are short. */
    public static final int MAX_VALUE_BYTES = 16 * 1024;

    /** A vault row without its secret parts. */
    public record Status(String commitment, String algorithm, String createdAt, String shreddedAt, String shredEvent) {
        public boolean shredded() {
            return shreddedAt != null;
        }
    }

    private record Row(Status status, byte[] nonce, byte[] ciphertext) {
    }

    private final JdbcTemplate jdbc;
    private final DeferredInserts inserts;
    private final CryptoSuite suite;
    private final VaultCipher sealCipher;
    private final VaultKeyFile keyFile;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<VaultCipher, byte[]> subkeys = new EnumMap<>(VaultCipher.class);

    Vault(JdbcTemplate jdbc, DeferredInserts inserts, CryptoSuite suite, LedgerProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.suite = suite;
        this.sealCipher = VaultCipher.forSuite(suite);
        this.keyFile = new VaultKeyFile(properties.keyDir());
        this.clock = clock;
    }

    /**
     * Commits to {@code value} under a fresh random salt and stores the opening, encrypted. Put
     * {@link #commitmentField} into the payload in place of the value.
     */
    public Commitments.Opening seal(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw new IllegalArgumentException("a vault value is a JSON value other than null");
        }
        Commitments.Opening opening = Commitments.open(value.deepCopy(), random);
        byte[] plaintext = CanonicalJson.write(opening.toJson());
        try {
            String commitment = commitment(opening);
            byte[] nonce = new byte[VaultCipher.NONCE_LENGTH];
            random.nextBytes(nonce);
            byte[] ciphertext = sealCipher.encrypt(subkey(sealCipher), nonce, associatedData(commitment), plaintext);
            inserts.insert("INSERT INTO vault_opening (commitment, algorithm, nonce, ciphertext, created_at) "
                    + "VALUES (?, ?, ?, ?, ?)", commitment, sealCipher.algorithm(), nonce, ciphertext,
                    Entry.entryTime(clock.instant()).toString());
            return opening;
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** {@code {"drl:commit": hex}} with the ledger suite's hash. */
    public ObjectNode commitmentField(Commitments.Opening opening) {
        return Commitments.field(suite.hash(), opening);
    }

    public String commitment(Commitments.Opening opening) {
        return Hex.encode(Commitments.commitment(suite.hash(), opening));
    }

    /** The committed value; empty if the vault never held the commitment or its opening is shredded. */
    @Transactional(readOnly = true)
    public Optional<JsonNode> open(String commitment) {
        return opening(commitment).map(Commitments.Opening::value);
    }

    /**
     * The opening (salt and value); empty if unknown or shredded.
     *
     * @throws VaultIntegrityException if the stored ciphertext fails authentication or does not reproduce the
     *                                 commitment
     */
    @Transactional(readOnly = true)
    public Optional<Commitments.Opening> opening(String commitment) {
        Optional<Row> found = row(commitment);
        if (found.isEmpty() || found.get().ciphertext() == null) {
            return Optional.empty();
        }
        Row row = found.get();
        VaultCipher cipher;
        try {
            cipher = VaultCipher.byAlgorithm(row.status().algorithm());
        } catch (IllegalArgumentException e) {
            throw new VaultIntegrityException(commitment, "the opening of " + commitment + " names an unknown algorithm "
                    + row.status().algorithm(), e);
        }
        byte[] plaintext;
        try {
            plaintext = cipher.decrypt(subkey(cipher), row.nonce(), associatedData(commitment), row.ciphertext());
        } catch (InvalidCipherTextException | IllegalArgumentException e) {
            throw new VaultIntegrityException(commitment, "the opening of " + commitment + " fails " + cipher.algorithm()
                    + " authentication: its row was altered or it was sealed under another vault key", e);
        }
        try {
            Commitments.Opening opening = Commitments.Opening.fromJson(CanonicalJson.parse(plaintext));
            Commitments.verify(suite.hash(), JsonNodeFactory.instance.objectNode().put(Commitments.FIELD, commitment),
                    opening);
            return Optional.of(opening);
        } catch (FormatException | EntryVerificationException e) {
            throw new VaultIntegrityException(commitment, "the opening stored for " + commitment
                    + " does not reproduce the commitment", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** Whether the vault holds the commitment, and whether its opening is shredded. */
    @Transactional(readOnly = true)
    public Optional<Status> status(String commitment) {
        return row(commitment).map(Row::status);
    }

    private Optional<Row> row(String commitment) {
        inserts.flush();
        return jdbc.query("SELECT commitment, algorithm, created_at, shredded_at, shred_event, nonce, ciphertext "
                        + "FROM vault_opening WHERE commitment = ?",
                (rs, i) -> new Row(new Status(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), rs.getBytes(6), rs.getBytes(7)), commitment).stream().findFirst();
    }

    static byte[] associatedData(String commitment) {
        return commitment.getBytes(StandardCharsets.US_ASCII);
    }

    private synchronized byte[] subkey(VaultCipher cipher) {
        byte[] k = subkeys.get(cipher);
        if (k == null) {
            byte[] master = masterKey();
            try {
                k = cipher.subkey(master);
            } finally {
                Arrays.fill(master, (byte) 0);
            }
            subkeys.put(cipher, k);
        }
        return k;
    }

    /**
     * Loads the master key, creating it on first use, but never while sealed openings exist: a lost key file must
     * be restored from backup, not silently replaced by a key that opens nothing.
     */
    private byte[] masterKey() {
        if (!keyFile.exists()) {
            inserts.flush();
            Long sealed = jdbc.queryForObject("SELECT COUNT(*) FROM vault_opening WHERE ciphertext IS NOT NULL",
                    Long.class);
            if (sealed != null && sealed > 0) {
                throw new IllegalStateException("the vault key " + keyFile.file() + " is missing while " + sealed
                        + " sealed openings exist; restore it from backup");
            }
        }
        return keyFile.loadOrCreate(random);
    }
}
