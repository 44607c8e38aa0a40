package org.drledger.command.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.drledger.core.FormatException;
import org.drledger.core.bytes.Hex;
import org.drledger.core.entry.Actor;
import org.drledger.core.entry.Entry;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.entry.StreamId;
import org.drledger.core.json.CanonicalJson;

/**
 * Rebuilds the signed ledger entry of one stored event row: the envelope comes from the row's columns (stream
 * type, aggregate id, sequence, payload type, canonical payload) and its ledger metadata. The stored hash and
 * signature are claims that verification recomputes. Rows that cannot be read raise {@link UnreadableEntry}.
 */
public final class StoredEntry {
    private StoredEntry() {
    }

    /** One row of {@code domain_event_entry}, as stored. */
    public record Row(long globalIndex, String aggregateType, String aggregateId, long sequence, String payloadType,
                      String payloadRevision, byte[] payload, byte[] metaData) {
    }

    /** Selects the columns {@link #ROW_MAPPER} reads; append a WHERE / ORDER BY clause. */
    public static final String SELECT_ROWS = "SELECT global_index, type, aggregate_identifier, sequence_number, "
            + "payload_type, payload_revision, payload, meta_data FROM domain_event_entry ";

    public static final org.springframework.jdbc.core.RowMapper<Row> ROW_MAPPER = (rs, i) -> new Row(rs.getLong(1),
            rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getBytes(7),
            rs.getBytes(8));

    /** A row whose ledger entry cannot even be rebuilt (missing metadata, payload not canonical JSON, ...). */
    public static final class UnreadableEntry extends RuntimeException {
        public UnreadableEntry(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static String eventType(String payloadType) {
        int dot = Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$'));
        return payloadType.substring(dot + 1);
    }

    public static SignedEntry rebuild(Row row, String ledgerId) {
        try {
            JsonNode meta = CanonicalJson.parse(row.metaData());
            JsonNode payload = CanonicalJson.parse(row.payload());
            if (!payload.isObject()) {
                throw new UnreadableEntry("payload is not a JSON object", null);
            }
            int schema = Integer.parseInt(text(meta, LedgerMetaData.SCHEMA));
            Entry e = new Entry(ledgerId, new StreamId(row.aggregateType(), row.aggregateId()), row.sequence(),
                    eventType(row.payloadType()), schema, Instant.parse(text(meta, LedgerMetaData.TIME)),
                    new Actor(text(meta, LedgerMetaData.ACTOR_DEPARTMENT), text(meta, LedgerMetaData.ACTOR_USER)),
                    (ObjectNode) payload, text(meta, LedgerMetaData.PREV), text(meta, LedgerMetaData.KEY));
            return new SignedEntry(e, e.canonicalBytes(), Hex.decode(text(meta, LedgerMetaData.HASH), 32),
                    Hex.decode(text(meta, LedgerMetaData.SIGNATURE)));
        } catch (FormatException | IllegalArgumentException | DateTimeParseException e) {
            throw new UnreadableEntry("event " + row.aggregateType() + "/" + row.aggregateId() + "#" + row.sequence()
                    + " (global index " + row.globalIndex() + ") is not a readable ledger entry: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode meta, String key) {
        JsonNode v = meta.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("ledger metadata " + key + " is missing");
        }
        return v.textValue();
    }
}
