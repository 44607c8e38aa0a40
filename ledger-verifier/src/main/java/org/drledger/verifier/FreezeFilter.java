package org.drledger.verifier;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A byte search that tells which entry lines the freeze may read ({@link TaskFreezes#TYPES}), so that the second
 * pass parses only those. It may say yes to a line it need not read (the parsed type decides), never no to one it
 * must: the canonical envelope always holds {@code "type":"<EntryType>"}.
 */
final class FreezeFilter {
    private static final List<byte[]> NEEDLES = TaskFreezes.TYPES.stream()
            .map(t -> ("\"type\":\"" + t + "\"").getBytes(StandardCharsets.UTF_8)).toList();

    private FreezeFilter() {
    }

    static boolean mayMatter(byte[] line) {
        for (byte[] n : NEEDLES) {
            if (indexOf(line, n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0, last = hay.length - needle.length; i <= last; i++) {
            if (hay[i] != needle[0]) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
