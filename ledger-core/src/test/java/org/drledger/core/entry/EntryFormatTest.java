package org.drledger.core.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Consumer;
import org.drledger.core.json.CanonicalJson;
import org.junit.jupiter.api.Test;

class EntryFormatTest {
    private static final String VALID = "{\"actor\":{\"department\":\"scjgj\",\"user\":\"u1\"},\"format\":\"drl-entry/1\","
            + "\"key\":\"" + "ab".repeat(32) + "\",\"ledger\":\"L\",\"payload\":{},\"prev\":\"" + "0".repeat(64) + "\","
            + "\"schema\":1,\"seq\":0,\"stream\":{\"id\":\"x\",\"type\":\"T\"},\"time\":\"2026-01-05T00:00:00.000Z\","
            + "\"type\":\"SomethingHappened\"}";

    @Test
    void validEnvelopeRoundTripsToTheSameCanonicalBytes() {
        Entry e = Entry.fromJson(CanonicalJson.parse(VALID));
        assertThat(new String(e.canonicalBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(VALID);
        assertThat(e.time()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
    }

    @Test
    void theHandWrittenCanonicalFormEqualsTheGenericOne() {
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 200; i++) {
            ObjectNode o = (ObjectNode) CanonicalJson.parse(VALID);
            o.put("time", java.time.Instant.ofEpochMilli(r.nextLong() % 4_000_000_000_000L + 4_000_000_000_000L).toString()
                    .replaceFirst("Z$", "").replaceFirst("(\\.\\d{3})?$", "") + "." + String.format("%03d", r.nextInt(1000)) + "Z");
            o.put("seq", 1 + r.nextInt(1_000_000));
            o.put("prev", "7f".repeat(32));
            ((ObjectNode) o.get("payload")).put("k" + r.nextInt(5), "值\u00e9" + r.nextInt());
            ((ObjectNode) o.get("actor")).put("user", "用户" + r.nextInt(100));
            Entry e = Entry.fromJson(o);
            assertThat(e.canonicalBytes()).isEqualTo(CanonicalJson.write(e.toJson()));
            assertThat(e.timeText()).isEqualTo(o.get("time").asText());
        }
    }

    @Test
    void everyMalformationHasItsOwnRule() {
        rejects(o -> o.put("extra", 1), "unknown-field", "extra");
        rejects(o -> o.remove("actor"), "missing-field", "actor");
        rejects(o -> ((ObjectNode) o.get("stream")).put("other", "x"), "unknown-field", "stream.other");
        rejects(o -> o.put("format", "drl-entry/2"), "unsupported-version", "format");
        rejects(o -> o.put("time", "2026-01-05T00:00:00Z"), "bad-time", "time");
        rejects(o -> o.put("time", "2026-01-05T08:00:00.000+08:00"), "bad-time", "time");
        rejects(o -> o.put("time", "2026-02-30T00:00:00.000Z"), "bad-time", "time"); // read leniently as the 28th
        rejects(o -> o.put("time", "2026-01-04T24:00:00.000Z"), "bad-time", "time"); // read as the 5th's midnight
        rejects(o -> o.put("prev", "AB".repeat(32)), "bad-hex", "prev");
        rejects(o -> o.put("key", "ab"), "bad-hex", "key");
        rejects(o -> o.put("seq", -1), "negative-sequence", "seq");
        rejects(o -> o.put("seq", "0"), "wrong-type", "seq");
        rejects(o -> o.put("schema", 0), "wrong-type", "schema");
        rejects(o -> o.put("prev", "11".repeat(32)), "bad-prev", "prev");
        rejects(o -> o.put("type", ""), "bad-identifier", "type");
        rejects(o -> o.put("type", "A\u0007"), "bad-identifier", "type");
        rejects(o -> ((ObjectNode) o.get("actor")).put("user", "e\u0301"), "bad-identifier", "actor.user");
        rejects(o -> o.put("payload", "text"), "wrong-type", "payload");
    }

    @Test
    void floatsInThePayloadAreNotCanonical() {
        ObjectNode o = (ObjectNode) CanonicalJson.parse(VALID);
        ((ObjectNode) o.get("payload")).put("ratio", 0.05);
        Entry e = Entry.fromJson(o);
        assertThatThrownBy(e::canonicalBytes).isInstanceOfSatisfying(EntryFormatException.class, ex -> {
            assertThat(ex.rule()).isEqualTo("not-canonical");
            assertThat(ex.where()).isEqualTo("/payload/ratio");
        });
    }

    @Test
    void signedEntryRejectsMalformedHashAndSignature() {
        JsonNode envelope = CanonicalJson.parse(VALID);
        ObjectNode s = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        s.set("entry", envelope);
        s.put("hash", "00".repeat(31));
        s.put("sig", "00");
        assertThatThrownBy(() -> SignedEntry.fromJson(s))
                .isInstanceOfSatisfying(EntryFormatException.class, ex -> assertThat(ex.where()).isEqualTo("hash"));
        s.put("hash", "00".repeat(32));
        s.put("sig", "zz");
        assertThatThrownBy(() -> SignedEntry.fromJson(s))
                .isInstanceOfSatisfying(EntryFormatException.class, ex -> assertThat(ex.where()).isEqualTo("sig"));
        s.put("sig", "");
        assertThatThrownBy(() -> SignedEntry.fromJson(s)).isInstanceOf(EntryFormatException.class);
    }

    private static void rejects(Consumer<ObjectNode> mutation, String rule, String field) {
        ObjectNode o = (ObjectNode) CanonicalJson.parse(VALID);
        mutation.accept(o);
        assertThatThrownBy(() -> Entry.fromJson(o)).isInstanceOfSatisfying(EntryFormatException.class, e -> {
            assertThat(e.rule()).isEqualTo(rule);
            assertThat(e.where()).isEqualTo(field);
        });
    }
}
