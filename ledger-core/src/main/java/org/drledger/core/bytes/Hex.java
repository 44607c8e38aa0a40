package org.drledger.core.bytes;

/** Lowercase hexadecimal, strict on input: even length, hex digits only. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /**
     * Decodes upper- or lowercase hex.
     *
     * @throws IllegalArgumentException on odd length or a non-hex character, naming its position
     */
    public static byte[] decode(CharSequence hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("hex string has odd length " + hex.length());
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((digit(hex, 2 * i) << 4) | digit(hex, 2 * i + 1));
        }
        return out;
    }

    /** Like {@link #decode} but also requires an exact decoded length. */
    public static byte[] decode(CharSequence hex, int expectedBytes) {
        byte[] out = decode(hex);
        if (out.length != expectedBytes) {
            throw new IllegalArgumentException("expected " + expectedBytes + " bytes of hex, got " + out.length);
        }
        return out;
    }

    private static int digit(CharSequence s, int i) {
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException("not a hex digit at position " + i + ": '" + c + "'");
    }
}
