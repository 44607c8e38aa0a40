package org.drledger.core.draw;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Every entity's ticket, computed once: 32 bytes per entity in one flat array, plus the first 8 bytes as a long with
 * the sign bit flipped so that signed {@code long} order equals unsigned byte order (a cheap first comparison).
 */
final class TicketTable {
    private static final int CHUNK = 8192;

    final byte[] tickets;
    final long[] keys;

    private TicketTable(byte[] tickets, long[] keys) {
        this.tickets = tickets;
        this.keys = keys;
    }

    static TicketTable compute(byte[] seed, List<PopulationMember> members) {
        int n = members.size();
        byte[] prefix = Feed.buffer().str(DrawHashes.TICKET_LABEL).bytes(seed).finish();
        byte[] tickets = new byte[32 * n];
        long[] keys = new long[n];
        int chunks = (n + CHUNK - 1) / CHUNK;
        // Each ticket is a pure function of (seed, entity id), so chunks computed on other threads give the same bytes.
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> {
            MessageDigest md = Feed.sha256();
            int end = Math.min(n, (c + 1) * CHUNK);
            for (int i = c * CHUNK; i < end; i++) {
                md.update(prefix);
                md.update(Feed.strBytes(members.get(i).entityId()));
                try {
                    md.digest(tickets, 32 * i, 32);
                } catch (DigestException e) {
                    throw new IllegalStateException(e);
                }
                keys[i] = key(tickets, 32 * i);
            }
        });
        return new TicketTable(tickets, keys);
    }

    static long key(byte[] b, int off) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            v = (v << 8) | (b[off + k] & 0xff);
        }
        return v ^ Long.MIN_VALUE;
    }

    byte[] ticket(int i) {
        return Arrays.copyOfRange(tickets, 32 * i, 32 * i + 32);
    }

    /** Order by (ticket as unsigned integer, entity id); entity indices already follow entity-id order. */
    int compare(int a, int b) {
        int c = Long.compare(keys[a], keys[b]);
        if (c != 0) {
            return c;
        }
        c = Arrays.compareUnsigned(tickets, 32 * a, 32 * a + 32, tickets, 32 * b, 32 * b + 32);
        return c != 0 ? c : Integer.compare(a, b);
    }

    /**
     * The {@code n} smallest of {@code idx} in (ticket, id) order, sorted. Exact: the n-th smallest 64-bit key is a
     * threshold every one of the n smallest lies at or below; only those candidates get the full comparison.
     */
    int[] smallest(int[] idx, int n) {
        if (n <= 0) {
            return new int[0];
        }
        int[] cand;
        if (n >= idx.length) {
            cand = idx.clone();
        } else {
            long[] k = new long[idx.length];
            for (int i = 0; i < idx.length; i++) {
                k[i] = keys[idx[i]];
            }
            Arrays.sort(k);
            long threshold = k[n - 1];
            int count = 0;
            for (int i : idx) {
                if (keys[i] <= threshold) {
                    count++;
                }
            }
            cand = new int[count];
            count = 0;
            for (int i : idx) {
                if (keys[i] <= threshold) {
                    cand[count++] = i;
                }
            }
        }
        Integer[] boxed = new Integer[cand.length];
        for (int i = 0; i < cand.length; i++) {
            boxed[i] = cand[i];
        }
        Arrays.sort(boxed, this::compare);
        int[] out = new int[Math.min(n, boxed.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = boxed[i];
        }
        return out;
    }
}
