package org.drledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.drledger.core.TestVectors;
import org.drledger.core.bundle.BundleMutations;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared vectors of docs/test-vectors/bundle, read as an independent implementation would: files as text,
 * negatives as replacements of the clean bundle's files (bundle-format.md §8).
 */
class BundleVectorsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> vectors() {
        List<Arguments> out = new ArrayList<>();
        for (String file : List.of("bundle/bundle-ed25519-sha256.json", "bundle/task-strata-ed25519-sha256.json")) {
            out.addAll(vectors(file));
        }
        return out.stream();
    }

    private static List<Arguments> vectors(String file) {
        JsonNode doc = TestVectors.read(file);
        Map<String, byte[]> clean = null;
        List<Arguments> out = new ArrayList<>();
        for (JsonNode v : doc.get("vectors")) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            if (clean != null) {
                files.putAll(clean);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = v.get("files").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                files.put(f.getKey(), f.getValue().textValue().getBytes(StandardCharsets.UTF_8));
            }
            if (clean == null) {
                clean = files;
            }
            out.add(Arguments.of(v.get("name").asText(), v.get("expect").asText(),
                    v.get("check").isNull() ? null : v.get("check").asText(),
                    v.path("reportContains").isTextual() ? v.get("reportContains").asText() : null, files));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyVectorGetsItsVerdict(String name, String expect, String check, String reportContains,
                                   Map<String, byte[]> files) throws Exception {
        Path p = dir.resolve(name + ".zip");
        Files.write(p, BundleMutations.zip(files));
        Report r = BundleVerifier.verify(p, BundleVerifier.Options.none());
        assertThat(r.verified()).as(r.toText()).isEqualTo(expect.equals("PASS"));
        if (check != null) {
            assertThat(r.firstFailure()).as(r.toText()).contains(check);
        }
        if (reportContains != null) {
            assertThat(r.toText()).contains(reportContains);
        }
    }
}
