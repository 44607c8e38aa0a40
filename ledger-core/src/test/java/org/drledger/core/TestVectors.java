package org.drledger.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates and reads the shared JSON test vectors under {@code docs/test-vectors/}. */
public final class TestVectors {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestVectors() {
    }

    public static Path root() {
        String configured = System.getProperty("drl.testVectors");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "docs", "test-vectors");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("test vectors not found at " + root.toAbsolutePath()
                    + " (set -Ddrl.testVectors=<repo>/docs/test-vectors)");
        }
        return root;
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    public static JsonNode read(String relative) {
        try {
            return MAPPER.readTree(Files.readAllBytes(path(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
