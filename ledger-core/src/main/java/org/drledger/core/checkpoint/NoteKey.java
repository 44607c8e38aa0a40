package org.drledger.core.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.drledger.core.crypto.HashAlgorithm;
import org.drledger.core.crypto.VerifyingKey;

/**
 * A signed-note verifier key: a name, a signature type and a public key, identified by the C2SP key id
 * {@code SHA-256(name || 0x0A || type id || public key)[:4]}. Text form: {@code name+hex(key id)+base64(type id ||
 * public key)}.
 */
public final class NoteKey {
    private final String name;
    private final SignatureType type;
    private final VerifyingKey key;
    private final int keyId;

    private NoteKey(String name, SignatureType type, VerifyingKey key) {
        this.name = SignedNote.requireKeyName(name, "key name");
        this.type = type;
        this.key = key;
        if (!key.suite().id().equals(type.suite().id())) {
            throw new IllegalArgumentException(type + " needs a " + type.suite().id() + " key, got " + key.suite().id());
        }
        this.keyId = computeKeyId(name, type, key.rawPublicKey());
    }

    public static NoteKey of(String name, SignatureType type, VerifyingKey key) {
        return new NoteKey(name, type, key);
    }

    static int computeKeyId(String name, SignatureType type, byte[] rawPublicKey) {
        byte[] digest = HashAlgorithm.SHA_256.newHasher()
                .update(name.getBytes(StandardCharsets.UTF_8)).update((byte) 0x0a)
                .update(type.id()).update(rawPublicKey).digest();
        return ByteBuffer.wrap(digest, 0, 4).getInt();
    }

    public String name() {
        return name;
    }

    public SignatureType type() {
        return type;
    }

    public VerifyingKey key() {
        return key;
    }

    public int keyId() {
        return keyId;
    }

    /** The {@code name+hexid+base64} verifier-key string. */
    public String vkey() {
        byte[] id = type.id();
        byte[] raw = key.rawPublicKey();
        byte[] both = new byte[id.length + raw.length];
        System.arraycopy(id, 0, both, 0, id.length);
        System.arraycopy(raw, 0, both, id.length, raw.length);
        return name + "+" + String.format("%08x", keyId) + "+" + Base64.getEncoder().encodeToString(both);
    }

    /** Parses a verifier-key string, checking that its key id matches its name, type and key. */
    public static NoteKey parseVkey(String vkey) {
        if (vkey == null) {
            throw new NoteFormatException("bad-vkey", "vkey", "missing");
        }
        String[] parts = vkey.split("\\+", 3); // base64 may itself contain '+'
        if (parts.length != 3 || parts[1].length() != 8) {
            throw new NoteFormatException("bad-vkey", "vkey", "expected name+hex8+base64");
        }
        int claimedId;
        try {
            claimedId = Integer.parseUnsignedInt(parts[1], 16);
        } catch (NumberFormatException e) {
            throw new NoteFormatException("bad-vkey", "vkey", "key id is not 8 hex digits");
        }
        byte[] typeAndKey;
        try {
            typeAndKey = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException("bad-base64", "vkey", "key is not base64");
        }
        SignatureType type = SignatureType.identify(typeAndKey);
        byte[] raw = java.util.Arrays.copyOfRange(typeAndKey, type.id().length, typeAndKey.length);
        VerifyingKey key;
        try {
            key = type.suite().publicKeyFromRaw(raw);
        } catch (RuntimeException e) {
            throw new NoteFormatException("bad-vkey", "vkey", "not a valid " + type.suite().id() + " public key");
        }
        NoteKey k = new NoteKey(parts[0], type, key);
        if (k.keyId != claimedId) {
            throw new NoteFormatException("bad-vkey", "vkey", "key id " + parts[1] + " does not match the key (computed "
                    + String.format("%08x", k.keyId) + ")");
        }
        return k;
    }

    /** Whether {@code signature} (as carried in a note, after the 4-byte key id) is valid over {@code message}. */
    boolean verifyRaw(byte[] message, byte[] signature) {
        return key.verify(message, signature);
    }

    @Override
    public String toString() {
        return vkey();
    }
}
