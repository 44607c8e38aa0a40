package org.drledger.core.checkpoint;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A C2SP tlog-checkpoint body: origin, tree size, base64 root hash, then extension lines. The ledger always adds
 * one extension line {@code time <unix seconds>}: the log's claimed signing time, which the draw rules compare to
 * randomness rounds (witness cosignatures carry independent times).
 */
public record Checkpoint(String origin, long size, byte[] root, Optional<Long> time, List<String> extensions) {
    public static final String TIME_PREFIX = "time ";

    public Checkpoint {
        if (origin == null || origin.isEmpty() || !origin.strip().equals(origin)) {
            throw new NoteFormatException("bad-origin", "line 1", "origin is empty or has surrounding spaces");
        }
        if (size < 0) {
            throw new NoteFormatException("bad-size", "line 2", "negative tree size");
        }
        if (root == null || root.length != 32) {
            throw new NoteFormatException("bad-root", "line 3", "root hash must be 32 bytes");
        }
        root = root.clone();
        extensions = List.copyOf(extensions);
    }

    /** A checkpoint as the ledger writes it: with a {@code time} line and no other extensions. */
    public static Checkpoint of(String origin, long size, byte[] root, long unixSeconds) {
        if (unixSeconds < 0) {
            throw new NoteFormatException("bad-time", "line 4", "time before 1970");
        }
        return new Checkpoint(origin, size, root, Optional.of(unixSeconds), List.of(TIME_PREFIX + unixSeconds));
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** The note text that is signed: every line ends in a newline. */
    public String text() {
        StringBuilder sb = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(root)).append('\n');
        extensions.forEach(e -> sb.append(e).append('\n'));
        return sb.toString();
    }

    /** Parses a checkpoint body (the text of a signed note). */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new NoteFormatException("no-final-newline", "", "checkpoint text ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new NoteFormatException("too-few-lines", "", "a checkpoint has at least origin, size and root lines");
        }
        long size = parseSize(lines[1]);
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException("bad-base64", "line 3", "root is not standard base64");
        }
        if (root.length != 32 || !Base64.getEncoder().encodeToString(root).equals(lines[2])) {
            throw new NoteFormatException("bad-root", "line 3", "root must be the base64 of exactly 32 bytes");
        }
        List<String> ext = new ArrayList<>();
        Optional<Long> time = Optional.empty();
        for (int i = 3; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                throw new NoteFormatException("bad-extension", "line " + (i + 1), "empty extension line");
            }
            if (line.startsWith(TIME_PREFIX)) {
                if (time.isPresent()) {
                    throw new NoteFormatException("bad-time", "line " + (i + 1), "more than one time line");
                }
                time = Optional.of(parseDecimal(line.substring(TIME_PREFIX.length()), "bad-time", "line " + (i + 1)));
            }
            ext.add(line);
        }
        return new Checkpoint(lines[0], size, root, time, ext);
    }

    private static long parseSize(String s) {
        return parseDecimal(s, "bad-size", "line 2");
    }

    /** Decimal without sign or leading zeros, fitting in a signed 64-bit integer. */
    private static long parseDecimal(String s, String rule, String where) {
        if (s.isEmpty() || s.length() > 19 || (s.length() > 1 && s.charAt(0) == '0')) {
            throw new NoteFormatException(rule, where, "not a decimal number without leading zeros: '" + s + "'");
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw new NoteFormatException(rule, where, "not a decimal number: '" + s + "'");
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new NoteFormatException(rule, where, "number too large: '" + s + "'");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && c.text().equals(text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
