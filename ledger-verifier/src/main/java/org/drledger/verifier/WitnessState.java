package org.drledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.drledger.core.FormatException;
import org.drledger.core.bytes.Hex;
import org.drledger.core.json.CanonicalJson;

/**
 * What a witness remembers of a log: the origin, the log's verifier key and the last checkpoint it cosigned
 * (size and root). Stored as canonical JSON and replaced atomically (temp file in the same directory, then an
 * atomic move), so a crash leaves either the old or the new state, never a mix.
 */
public record WitnessState(String origin, String logKey, long size, byte[] root) {
    public static final String FORMAT = "drl-witness-state/1";

    public static Optional<WitnessState> load(Path file) throws UnusableInputException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode o = CanonicalJson.parse(Files.readAllBytes(file));
            if (!FORMAT.equals(o.path("format").asText())) {
                throw new UnusableInputException("bad-state", file.toString(), "not a " + FORMAT + " file", null);
            }
            return Optional.of(new WitnessState(o.path("origin").asText(), o.path("logKey").asText(),
                    o.path("size").asLong(), Hex.decode(o.path("root").asText(), 32)));
        } catch (IOException | FormatException | IllegalArgumentException e) {
            throw new UnusableInputException("bad-state", file.toString(), "witness state " + file
                    + " is unreadable: " + e.getMessage(), e);
        }
    }

    public void store(Path file) throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("format", FORMAT).put("origin", origin)
                .put("logKey", logKey).put("size", size).put("root", Hex.encode(root));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".witness-state", ".tmp");
        try {
            Files.write(tmp, CanonicalJson.write(o));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
