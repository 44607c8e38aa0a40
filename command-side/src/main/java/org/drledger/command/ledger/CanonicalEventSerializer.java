package org.drledger.command.ledger;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.drledger.core.json.CanonicalJson;

/**
 * Axon's Jackson serializer whose output is the ledger's canonical JSON, so the stored payload bytes are exactly
 * the bytes the entry hash covers. Floats, non-NFC text and out-of-range integers cannot be stored.
 */
public class CanonicalEventSerializer extends JacksonSerializer {

    protected CanonicalEventSerializer(Builder builder) {
        super(builder);
    }

    public static CanonicalEventSerializer create(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        Builder b = JacksonSerializer.builder().objectMapper(mapper);
        return new CanonicalEventSerializer(b);
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        SerializedObject<byte[]> raw = super.serialize(object, byte[].class);
        byte[] canonical = CanonicalJson.canonicalize(raw.getData());
        SerializedObject<byte[]> out = new SimpleSerializedObject<>(canonical, byte[].class, raw.getType());
        return getConverter().convert(out, expectedRepresentation);
    }
}
