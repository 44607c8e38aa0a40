package org.drledger.core.draw;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Writes a pre-image either into SHA-256 directly (streaming; a million-entity population never sits in memory as one
 * byte string) or into a buffer (to show the exact pre-image in vectors and verifier output). Same bytes either way.
 */
final class Feed {
    private final MessageDigest md;
    private final ByteArrayOutputStream out;
    private final byte[] scratch = new byte[8];

    private Feed(MessageDigest md, ByteArrayOutputStream out) {
        this.md = md;
        this.out = out;
    }

    static Feed digest() {
        return new Feed(sha256(), null);
    }

    static Feed buffer() {
        return new Feed(null, new ByteArrayOutputStream(256));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    Feed bytes(byte[] b) {
        if (md != null) {
            md.update(b);
        } else {
            out.write(b, 0, b.length);
        }
        return this;
    }

    private Feed raw(int len) {
        if (md != null) {
            md.update(scratch, 0, len);
        } else {
            out.write(scratch, 0, len);
        }
        return this;
    }

    Feed u8(int v) {
        scratch[0] = (byte) v;
        return raw(1);
    }

    Feed u32(long v) {
        if (v < 0 || v > 0xffffffffL) {
            throw new IllegalArgumentException("u32 out of range: " + v);
        }
        for (int i = 0; i < 4; i++) {
            scratch[i] = (byte) (v >>> (24 - 8 * i));
        }
        return raw(4);
    }

    Feed u64(long v) {
        for (int i = 0; i < 8; i++) {
            scratch[i] = (byte) (v >>> (56 - 8 * i));
        }
        return raw(8);
    }

    /** {@code STR(s) = u32(UTF-8 byte length) || UTF-8(s)}. */
    Feed str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u32(b.length);
        return bytes(b);
    }

    /** The digest, or the buffered pre-image. */
    byte[] finish() {
        return md != null ? md.digest() : out.toByteArray();
    }

    static byte[] strBytes(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] o = new byte[4 + b.length];
        o[0] = (byte) (b.length >>> 24);
        o[1] = (byte) (b.length >>> 16);
        o[2] = (byte) (b.length >>> 8);
        o[3] = (byte) b.length;
        System.arraycopy(b, 0, o, 4, b.length);
        return o;
    }
}
