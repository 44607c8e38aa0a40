package org.drledger.command.registry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ids seen so far in one CSV file, with the row each was first seen in: exact (no hashing shortcuts) and compact
 * (the UTF-8 bytes of each id in 1 MiB chunks plus an open-addressing table of longs — about 55 bytes per
 * id for USCCs, against roughly 150 for a {@code HashMap<String, Long>}), so a million-row file stays small.
 */
final class IdSet {
    private static final int CHUNK = 1 << 20;

    private final List<byte[]> chunks = new ArrayList<>();
    private int chunkUsed = CHUNK;
    /** Position + 1 of each id's bytes (chunk index << 20 | offset), 0 = empty slot. */
    private long[] slots = new long[1 << 12];
    private long[] rows = new long[1 << 12];
    private int size;

    /** Records {@code id} at {@code row}; returns 0 if it is new, else the row it was first seen in. */
    long add(String id, long row) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xFFFF) {
            throw new IllegalArgumentException("id too long");
        }
        int mask = slots.length - 1;
        int i = mix(Arrays.hashCode(b)) & mask;
        while (slots[i] != 0) {
            if (equalsAt(slots[i] - 1, b)) {
                return rows[i];
            }
            i = (i + 1) & mask;
        }
        slots[i] = store(b) + 1;
        rows[i] = row;
        if (++size * 2 > slots.length) {
            grow();
        }
        return 0;
    }

    int size() {
        return size;
    }

    private long store(byte[] b) {
        if (chunkUsed + 2 + b.length > CHUNK) {
            chunks.add(new byte[CHUNK]);
            chunkUsed = 0;
        }
        byte[] c = chunks.get(chunks.size() - 1);
        long pos = ((long) (chunks.size() - 1) << 20) | chunkUsed;
        c[chunkUsed] = (byte) (b.length >>> 8);
        c[chunkUsed + 1] = (byte) b.length;
        System.arraycopy(b, 0, c, chunkUsed + 2, b.length);
        chunkUsed += 2 + b.length;
        return pos;
    }

    private boolean equalsAt(long pos, byte[] b) {
        byte[] c = chunks.get((int) (pos >>> 20));
        int off = (int) (pos & (CHUNK - 1));
        int len = ((c[off] & 0xFF) << 8) | (c[off + 1] & 0xFF);
        return len == b.length && Arrays.equals(c, off + 2, off + 2 + len, b, 0, len);
    }

    private int hashAt(long pos) {
        byte[] c = chunks.get((int) (pos >>> 20));
        int off = (int) (pos & (CHUNK - 1));
        int len = ((c[off] & 0xFF) << 8) | (c[off + 1] & 0xFF);
        int h = 1;
        for (int k = off + 2; k < off + 2 + len; k++) {
            h = 31 * h + c[k];
        }
        return h;
    }

    private void grow() {
        long[] oldSlots = slots;
        long[] oldRows = rows;
        slots = new long[oldSlots.length * 2];
        rows = new long[oldRows.length * 2];
        int mask = slots.length - 1;
        for (int k = 0; k < oldSlots.length; k++) {
            if (oldSlots[k] != 0) {
                int i = mix(hashAt(oldSlots[k] - 1)) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = oldSlots[k];
                rows[i] = oldRows[k];
            }
        }
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
