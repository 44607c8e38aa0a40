package org.drledger.core.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;
import org.drledger.core.json.CanonicalJson;

/**
 * Salted commitments for personal and confidential fields. The entry carries only
 * {@code {"drl:commit": hex(H("drl-commit/1" || 0x00 || salt || canonical(value)))}}; the opening (salt, value)
 * lives in the vault. Shredding the opening leaves every hash and proof valid. The 32-byte random salt makes
 * low-entropy values (phone numbers, ID numbers, risk classes) infeasible to guess from the commitment.
 */
public final class Commitments {
    public static final String FIELD = "drl:commit";
    public static final int SALT_LENGTH = 32;

    private Commitments() {
    }

    /** A salt and the committed value. */
    public record Opening(byte[] salt, JsonNode value) {
        public Opening {
            if (salt == null || salt.length != SALT_LENGTH) {
                throw new EntryFormatException("bad-hex", "salt", "a commitment salt is " + SALT_LENGTH + " bytes");
            }
            if (value == null) {
                throw new EntryFormatException("missing-field", "value", "required");
            }
            salt = salt.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        public ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("salt", Hex.encode(salt));
            o.set("value", value);
            return o;
        }

        public static Opening fromJson(JsonNode o) {
            if (o == null || !o.isObject() || !o.path("salt").isTextual() || !o.has("value") || o.size() != 2) {
                throw new EntryFormatException("wrong-type", "opening", "an opening is {\"salt\": hex, \"value\": json}");
            }
            try {
                return new Opening(Hex.decode(o.get("salt").textValue(), SALT_LENGTH), o.get("value"));
            } catch (IllegalArgumentException e) {
                throw new EntryFormatException("bad-hex", "salt", e.getMessage(), e);
            }
        }
    }

    public static Opening open(JsonNode value, SecureRandom random) {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        return new Opening(salt, value);
    }

    public static byte[] commitment(HashAlgorithm h, Opening opening) {
        return h.newHasher().update(LedgerHashing.COMMIT_TAG).update(opening.salt)
                .update(CanonicalJson.write(opening.value())).digest();
    }

    /** The JSON that stands in the payload in place of the value. */
    public static ObjectNode field(HashAlgorithm h, Opening opening) {
        return JsonNodeFactory.instance.objectNode().put(FIELD, Hex.encode(commitment(h, opening)));
    }

    public static boolean isCommitment(JsonNode node) {
        return node != null && node.isObject() && node.size() == 1 && node.path(FIELD).isTextual();
    }

    /** Checks that an opening matches the commitment field found in an entry. */
    public static void verify(HashAlgorithm h, JsonNode field, Opening opening) throws EntryVerificationException {
        if (!isCommitment(field)) {
            throw new EntryVerificationException("commitment.form", "", "{\"" + FIELD + "\": hex}",
                    String.valueOf(field), "not a commitment field");
        }
        String computed = Hex.encode(commitment(h, opening));
        String claimed = field.get(FIELD).textValue();
        if (!computed.equals(claimed)) {
            throw new EntryVerificationException("commitment.opening", "", claimed, computed,
                    "opening does not match the commitment");
        }
    }
}
