package org.drledger.command.vault;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.drledger.command.department.DepartmentDirectory;
import org.drledger.command.ledger.LedgerMetaData;
import org.drledger.command.support.DeferredInserts;
import org.drledger.core.json.CanonicalJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies a {@link PersonalDataShredded} entry to the vault in the appending transaction (subscribing group
 * {@code command-directory}): the nonce and ciphertext are deleted, the row keeps the commitment and records the
 * entry's time and event id. If the row cannot be shredded the handler throws, the error propagates
 * ({@link VaultConfiguration}) and the entry is not stored either.
 */
@Component
@ProcessingGroup(DepartmentDirectory.GROUP)
class VaultShredder {
    private final JdbcTemplate jdbc;
    private final DeferredInserts inserts;

    VaultShredder(JdbcTemplate jdbc, DeferredInserts inserts) {
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    @EventHandler
    void on(PersonalDataShredded e, EventMessage<?> message, @SequenceNumber long sequence) {
        inserts.flush();
        int n = jdbc.update("UPDATE vault_opening SET nonce = NULL, ciphertext = NULL, shredded_at = ?, shred_event = ? "
                        + "WHERE commitment = ? AND shredded_at IS NULL", entryTime(PersonalData.STREAM_PREFIX + e.commitment(), sequence),
                message.getIdentifier(), e.commitment());
        if (n != 1) {
            throw new IllegalStateException("the vault holds no unshredded opening of " + e.commitment());
        }
    }

    /** The time of the stored entry (the append path wrote it just before subscribers run). */
    private String entryTime(String aggregateId, long sequence) {
        List<byte[]> meta = jdbc.query("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", (rs, i) -> rs.getBytes(1), aggregateId, sequence);
        if (meta.size() != 1) {
            throw new IllegalStateException("the shred entry of " + aggregateId + " is not stored");
        }
        JsonNode time = CanonicalJson.parse(meta.get(0)).get(LedgerMetaData.TIME);
        if (time == null || !time.isTextual()) {
            throw new IllegalStateException("the shred entry of " + aggregateId + " has no time");
        }
        return time.textValue();
    }
}
