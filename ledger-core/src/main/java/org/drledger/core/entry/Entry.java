package org.drledger.core.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Set;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.json.CanonicalJsonException;

/**
 * The envelope of one ledger entry ({@code drl-entry/1}): everything the entry hash covers. See
 * {@code docs/ledger-format.md} §Entries.
 *
 * @param ledgerId the ledger this entry belongs to (prevents replay into another ledger)
 * @param stream   the aggregate instance
 * @param seq      0-based position in the stream; contiguous
 * @param type     the event type, a past-tense fact such as {@code ChecklistItemRevised}
 * @param schema   the event payload's schema version, from 1
 * @param time     when it was recorded, UTC, millisecond precision
 * @param actor    who acted
 * @param payload  the event payload, a JSON object in the canonical value space
 * @param prev     lowercase hex of the previous entry hash in this stream; 64 zeros for {@code seq} 0
 * @param keyId    the key id of the department key that signs this entry
 */
public record Entry(String ledgerId, StreamId stream, long seq, String type, int schema, Instant time, Actor actor,
                    ObjectNode payload, String prev, String keyId) {

    public static final String FORMAT = "drl-entry/1";
    public static final String GENESIS_PREV = "0".repeat(64);

    private static final Set<String> FIELDS =
            Set.of("format", "ledger", "stream", "seq", "type", "schema", "time", "actor", "payload", "prev", "key");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    public Entry {
        Identifiers.require(ledgerId, "ledger");
        if (stream == null) {
            throw new EntryFormatException("missing-field", "stream", "required");
        }
        if (seq < 0 || seq > CanonicalJson.MAX_SAFE_INTEGER) {
            throw new EntryFormatException("negative-sequence", "seq", "must be within 0..2^53-1, was " + seq);
        }
        Identifiers.require(type, "type");
        if (schema < 1) {
            throw new EntryFormatException("wrong-type", "schema", "must be >= 1, was " + schema);
        }
        if (time == null) {
            throw new EntryFormatException("missing-field", "time", "required");
        }
        if (time.getNano() % 1_000_000 != 0) {
            throw new EntryFormatException("bad-time", "time", "must have millisecond precision");
        }
        if (actor == null) {
            throw new EntryFormatException("missing-field", "actor", "required");
        }
        if (payload == null) {
            throw new EntryFormatException("missing-field", "payload", "required");
        }
        requireHex64(prev, "prev");
        requireHex64(keyId, "key");
        if (seq == 0 && !GENESIS_PREV.equals(prev)) {
            throw new EntryFormatException("bad-prev", "prev", "the first entry of a stream links to 64 zeros");
        }
    }

    /** Truncates an instant to the millisecond precision entries carry. */
    public static Instant entryTime(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ}; formatted by hand because it runs for every entry. */
    public String timeText() {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(time.getEpochSecond(), time.getNano(),
                java.time.ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return TIME.format(time);
        }
        char[] c = new char[24];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The envelope as a JSON tree (not yet canonical bytes). */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("format", FORMAT);
        o.put("ledger", ledgerId);
        o.set("stream", f.objectNode().put("type", stream.type()).put("id", stream.id()));
        o.put("seq", seq);
        o.put("type", type);
        o.put("schema", schema);
        o.put("time", timeText());
        o.set("actor", f.objectNode().put("department", actor.department()).put("user", actor.user()));
        o.set("payload", payload);
        o.put("prev", prev);
        o.put("key", keyId);
        return o;
    }

    /**
     * The canonical bytes the entry hash is computed over; validates the payload's value space. Written member
     * by member in canonical order (equal to {@code CanonicalJson.write(toJson())}, which a test checks) because
     * this is on the append path of every event.
     */
    public byte[] canonicalBytes() {
        try {
            return new CanonicalJson.ObjectWriter()
                    .strings("actor", "department", actor.department(), "user", actor.user())
                    .string("format", FORMAT)
                    .string("key", keyId)
                    .string("ledger", ledgerId)
                    .value("payload", payload)
                    .string("prev", prev)
                    .integer("schema", schema)
                    .integer("seq", seq)
                    .strings("stream", "id", stream.id(), "type", stream.type())
                    .string("time", timeText())
                    .string("type", type)
                    .toByteArray();
        } catch (CanonicalJsonException e) {
            throw new EntryFormatException("not-canonical", e.where(), e.getMessage(), e);
        }
    }

    /** Reads an envelope strictly: exactly the known fields, correct types, canonical time text. */
    public static Entry fromJson(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new EntryFormatException("wrong-type", "", "an entry must be a JSON object");
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw new EntryFormatException("unknown-field", name, "not part of " + FORMAT);
            }
        }
        String format = text(o, "format");
        if (!FORMAT.equals(format)) {
            throw new EntryFormatException("unsupported-version", "format", "expected " + FORMAT + ", got " + format);
        }
        JsonNode stream = object(o, "stream");
        JsonNode actor = object(o, "actor");
        exactly(stream, "stream", "type", "id");
        exactly(actor, "actor", "department", "user");
        JsonNode payload = object(o, "payload");
        String timeText = text(o, "time");
        Instant time;
        try {
            time = Instant.from(TIME.parse(timeText));
        } catch (DateTimeParseException e) {
            throw new EntryFormatException("bad-time", "time", "must be yyyy-MM-ddTHH:mm:ss.SSSZ in UTC, was " + timeText, e);
        }
        Entry e = new Entry(text(o, "ledger"), new StreamId(text(stream, "type", "stream.type"), text(stream, "id", "stream.id")),
                integer(o, "seq"), text(o, "type"), schema(o), time,
                new Actor(text(actor, "department", "actor.department"), text(actor, "user", "actor.user")),
                (ObjectNode) payload.deepCopy(), text(o, "prev"), text(o, "key"));
        if (!e.timeText().equals(timeText)) {
            // one text per instant, so the envelope's bytes are exactly what canonicalBytes() writes again
            throw new EntryFormatException("bad-time", "time", "must be yyyy-MM-ddTHH:mm:ss.SSSZ in UTC, was " + timeText);
        }
        return e;
    }

    private static void exactly(JsonNode o, String prefix, String... names) {
        Set<String> allowed = Set.of(names);
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new EntryFormatException("unknown-field", prefix + "." + name, "not part of " + FORMAT);
            }
        }
    }

    private static String text(JsonNode o, String name) {
        return text(o, name, name);
    }

    private static String text(JsonNode o, String name, String field) {
        JsonNode v = o.get(name);
        if (v == null) {
            throw new EntryFormatException("missing-field", field, "required");
        }
        if (!v.isTextual()) {
            throw new EntryFormatException("wrong-type", field, "must be a string");
        }
        return v.textValue();
    }

    private static long integer(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null) {
            throw new EntryFormatException("missing-field", name, "required");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new EntryFormatException("wrong-type", name, "must be an integer");
        }
        return v.longValue();
    }

    private static int schema(JsonNode o) {
        long v = integer(o, "schema");
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new EntryFormatException("wrong-type", "schema", "must be within 1..2^31-1, was " + v);
        }
        return (int) v;
    }

    private static JsonNode object(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null) {
            throw new EntryFormatException("missing-field", name, "required");
        }
        if (!v.isObject()) {
            throw new EntryFormatException("wrong-type", name, "must be an object");
        }
        return v;
    }

    static void requireHex64(String s, String field) {
        if (s == null) {
            throw new EntryFormatException("missing-field", field, "required");
        }
        if (s.length() != 64) {
            throw new EntryFormatException("bad-hex", field, "must be 64 lowercase hex characters");
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new EntryFormatException("bad-hex", field, "must be 64 lowercase hex characters");
            }
        }
    }
}
