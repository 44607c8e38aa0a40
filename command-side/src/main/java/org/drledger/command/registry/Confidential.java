package org.drledger.command.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import org.drledger.command.vault.Vault;
import org.springframework.stereotype.Component;

/**
 * Confidential registry values (risk class, ID-card number, phone) and their commitments. A value equal to the one
 * behind the current commitment keeps that commitment — found by opening it in the vault — so re-submitting an
 * unchanged state changes nothing; only a new value is sealed, inside the caller's transaction.
 */
@Component
class Confidential {
    /** Stands for "a new commitment will be needed"; equals no real commitment. */
    static final Commitment PENDING = new Commitment("pending");

    /**
     * A confidential input: a plaintext value, absent (null: none), or {@link #KEEP} (a REST revision that leaves the
     * field out keeps the current commitment).
     */
    record Secret(String value, boolean keep) {
        static final Secret KEEP = new Secret(null, true);
        static final Secret NONE = new Secret(null, false);

        static Secret of(String value) {
            return value == null ? NONE : new Secret(value, false);
        }

        @Override
        public String toString() {
            return keep ? "Secret[keep]" : value == null ? "Secret[none]" : "Secret[***]";
        }
    }

    private final Vault vault;

    Confidential(Vault vault) {
        this.vault = vault;
    }

    /** The commitment the new state gets if nothing is sealed: the existing one, none, or {@link #PENDING}. */
    Commitment resolve(Secret secret, Commitment existing) {
        if (secret.keep()) {
            return existing;
        }
        if (secret.value() == null) {
            return null;
        }
        if (existing != null) {
            Optional<JsonNode> current = vault.open(existing.hex());
            if (current.isPresent() && current.get().isTextual() && current.get().textValue().equals(secret.value())) {
                return existing;
            }
        }
        return PENDING;
    }

    /** Seals the value if {@code resolved} is {@link #PENDING}; otherwise returns it unchanged. */
    Commitment seal(Secret secret, Commitment resolved) {
        if (!PENDING.equals(resolved)) {
            return resolved;
        }
        return Commitment.of(vault.commitmentField(vault.seal(TextNode.valueOf(secret.value()))));
    }
}
