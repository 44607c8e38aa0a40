package org.drledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.drledger.core.checkpoint.Checkpoint;
import org.drledger.core.checkpoint.NoteKey;
import org.drledger.core.checkpoint.SignedNote;
import org.drledger.core.entry.SignedEntry;
import org.drledger.core.json.CanonicalJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel parser, fed seeded mutations of valid input (byte flips, insertions, deletions, truncations),
 * either succeeds or throws a {@link FormatException}: nothing else escapes.
 */
class ParsersFuzzTest {
    private static final byte[] SPECIAL = "{}[]\":,\\\n+\u2014 0x".getBytes(StandardCharsets.UTF_8);
    static Stream<Arguments> parsers() {
        String signedEntry = TestVectors.read("entry/entry-sm2-sm3.json").get("entries").get(1).get("signedEntry").asText();
        String note = TestVectors.read("checkpoint/checkpoint-ed25519-sha256.json").get("signedNote").asText();
        String vkey = TestVectors.read("checkpoint/checkpoint-sm2-sm3.json").get("keys").get("log").get("vkey").asText();
        String checkpoint = TestVectors.read("checkpoint/checkpoint-sm2-sm3.json").get("checkpointText").asText();
        return Stream.of(
                Arguments.of("canonical JSON", signedEntry.getBytes(StandardCharsets.UTF_8),
                        (Consumer<byte[]>) CanonicalJson::parse),
                Arguments.of("signed entry", signedEntry.getBytes(StandardCharsets.UTF_8),
                        (Consumer<byte[]>) SignedEntry::parse),
                Arguments.of("signed note", note.getBytes(StandardCharsets.UTF_8),
                        (Consumer<byte[]>) SignedNote::parse),
                Arguments.of("checkpoint body", checkpoint.getBytes(StandardCharsets.UTF_8),
                        (Consumer<byte[]>) b -> Checkpoint.parse(new String(b, StandardCharsets.UTF_8))),
                Arguments.of("verifier key", vkey.getBytes(StandardCharsets.UTF_8),
                        (Consumer<byte[]>) b -> NoteKey.parseVkey(new String(b, StandardCharsets.UTF_8))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsers")
    void onlyFormatExceptionsEscape(String name, byte[] valid, Consumer<byte[]> parser) {
        parser.accept(valid);
        Random r = new Random(name.hashCode());
        List<String> escaped = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            byte[] input = mutate(valid, r);
            try {
                parser.accept(input);
            } catch (FormatException expected) {
                assertThat(expected.rule()).isNotBlank();
            } catch (RuntimeException e) {
                escaped.add(e.getClass().getName() + ": " + e.getMessage());
            }
        }
        assertThat(escaped).as("exceptions other than FormatException").isEmpty();
    }

    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        int kind = r.nextInt(5);
        int at = r.nextInt(b.length);
        switch (kind) {
            case 0:
                b[at] ^= (byte) (1 << r.nextInt(8));
                return b;
            case 1:
                b[at] = SPECIAL[r.nextInt(SPECIAL.length)];
                return b;
            case 2:
                return java.util.Arrays.copyOf(b, at);
            case 3: {
                byte[] out = new byte[b.length - 1];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + 1, out, at, b.length - at - 1);
                return out;
            }
            default: {
                byte[] out = new byte[b.length + 1];
                System.arraycopy(b, 0, out, 0, at);
                out[at] = (byte) r.nextInt(256);
                System.arraycopy(b, at, out, at + 1, b.length - at);
                return out;
            }
        }
    }
}
