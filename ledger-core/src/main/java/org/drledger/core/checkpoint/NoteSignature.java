package org.drledger.core.checkpoint;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/** One signature line of a signed note: {@code — <key name> base64(key id || signature bytes)}. */
public record NoteSignature(String keyName, int keyId, byte[] signature) {
    public NoteSignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public String line() {
        byte[] all = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
        return "\u2014 " + keyName + " " + Base64.getEncoder().encodeToString(all) + "\n";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteSignature s && s.keyName.equals(keyName) && s.keyId == keyId
                && Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return keyName.hashCode() * 31 + keyId;
    }
}
