package org.drledger.query.keys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.entry.KeyBook;
import org.drledger.core.entry.KeyStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the keys view. A key's status at a position is the kernel's {@link KeyBook} verdict over every key entry
 * the view reflects (so a compromise marked later invalidates earlier positions from its start, as the verifier
 * would say now).
 */
@Component
public class KeyDirectory {
    private final JdbcTemplate jdbc;

    KeyDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One key as the view holds it; positions are leaf indexes, times the entries' signed times (UTC). */
    public record KeyInfo(String keyId, String department, String suite, String publicKey, long registeredLeaf,
                          String registeredAt, long validFrom, String replacesKeyId, Long rotatedLeaf,
                          String rotatedAt, Long revokedLeaf, String revokedAt, Long compromisedFrom,
                          Long compromisedLeaf, String compromisedAt) {

        /** The last position the key may sign at, when it was rotated out or revoked. */
        public Long validUntil() {
            if (rotatedLeaf == null) {
                return revokedLeaf;
            }
            return revokedLeaf == null ? rotatedLeaf : Math.min(rotatedLeaf, revokedLeaf);
        }

        /** The key's state now: ACTIVE, ROTATED, REVOKED or COMPROMISED. */
        public String state() {
            if (compromisedFrom != null) {
                return "COMPROMISED";
            }
            if (revokedLeaf != null) {
                return "REVOKED";
            }
            return rotatedLeaf != null ? "ROTATED" : "ACTIVE";
        }
    }

    /** A key's verdict at a position, with the key (empty when the view does not know it). */
    public record StatusAt(KeyStatus status, Optional<KeyInfo> key) {
    }

    public List<KeyInfo> all() {
        return jdbc.query("SELECT key_id, department, suite, public_key, registered_leaf, registered_at, valid_from, "
                + "replaces_key_id, rotated_leaf, rotated_at, revoked_leaf, revoked_at, compromised_from, "
                + "compromised_leaf, compromised_at FROM key_view ORDER BY registered_leaf, key_id", (rs, i) ->
                new KeyInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getLong(7), rs.getString(8), (Long) rs.getObject(9, Long.class),
                        rs.getString(10), rs.getObject(11, Long.class), rs.getString(12),
                        rs.getObject(13, Long.class), rs.getObject(14, Long.class), rs.getString(15)));
    }

    /** The kernel's verdict on {@code keyId} signing for {@code department} at {@code position}. */
    public StatusAt statusAt(String keyId, String department, long position) {
        List<KeyInfo> keys = all();
        KeyBook book = new KeyBook();
        Map<String, KeyInfo> byId = new LinkedHashMap<>();
        for (KeyInfo k : keys) {
            byId.put(k.keyId(), k);
            CryptoSuite suite = CryptoSuites.byId(k.suite());
            var key = suite.readPublicKeyPem(k.publicKey());
            if (k.registeredLeaf() == 0 && k.validFrom() == 0) {
                book.registerAtGenesis(k.department(), key);
            } else if (k.replacesKeyId() != null && byId.containsKey(k.replacesKeyId())) {
                book.rotate(k.replacesKeyId(), key, k.registeredLeaf());
            } else {
                book.register(k.department(), key, k.registeredLeaf());
            }
        }
        List<KeyInfo> ordered = new ArrayList<>(byId.values());
        for (KeyInfo k : ordered) {
            if (k.revokedLeaf() != null) {
                book.revoke(k.keyId(), k.revokedLeaf());
            }
            if (k.compromisedFrom() != null) {
                book.markCompromised(k.keyId(), k.compromisedFrom());
            }
        }
        return new StatusAt(book.statusAt(keyId, department, position), Optional.ofNullable(byId.get(keyId)));
    }
}
