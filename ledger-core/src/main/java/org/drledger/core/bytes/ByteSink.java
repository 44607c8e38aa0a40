package org.drledger.core.bytes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds the length-prefixed, big-endian byte strings the specs hash: {@code u8}, {@code u32}, {@code u64}
 * and {@code STR(s) = u32(byte length) || UTF-8(s)}.
 */
public final class ByteSink {
    private final ByteArrayOutputStream out;

    public ByteSink() {
        this(64);
    }

    public ByteSink(int initialCapacity) {
        out = new ByteArrayOutputStream(initialCapacity);
    }

    public ByteSink u8(int value) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("u8 out of range: " + value);
        }
        out.write(value);
        return this;
    }

    public ByteSink u32(long value) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException("u32 out of range: " + value);
        }
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xff);
        }
        return this;
    }

    /** Unsigned 64-bit; Java's {@code long} is read as its unsigned two's-complement bit pattern. */
    public ByteSink u64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xff);
        }
        return this;
    }

    public ByteSink str(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        u32(utf8.length);
        out.write(utf8, 0, utf8.length);
        return this;
    }

    public ByteSink bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    public static byte[] u64Bytes(long value) {
        return new ByteSink(8).u64(value).toByteArray();
    }
}
