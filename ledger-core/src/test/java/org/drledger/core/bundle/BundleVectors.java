package org.drledger.core.bundle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.json.CanonicalJson;

/**
 * Writes docs/test-vectors/bundle/bundle-&lt;suite&gt;.json: the scenario's clean {@code public-ledger} bundle, file by
 * file, and every fault of {@link BundleMutations} as the files that differ from the clean one, with the check
 * that must reject it. Run with the test-vectors directory as argument; {@code BundleVectorsTest} checks the
 * stored files are what this produces.
 */
public final class BundleVectors {
    private BundleVectors() {
    }

    public static byte[] generate(CryptoSuite suite) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("format", "drl-bundle-vectors/1");
        doc.put("suite", suite.id());
        doc.put("description", "bundle-format.md §8: 'clean' is a complete public-ledger bundle (files as text); "
                + "every other vector replaces the files it lists in 'clean' and must fail the named check first.");
        ArrayNode vs = doc.putArray("vectors");
        Map<String, byte[]> clean = null;
        for (BundleMutations.Mutant m : BundleMutations.all(suite)) {
            ObjectNode v = vs.addObject();
            v.put("name", m.fault());
            v.put("expect", m.check() == null ? "PASS" : "FAIL");
            if (m.check() == null) {
                v.putNull("check");
                clean = m.files();
            } else {
                v.put("check", m.check());
            }
            ObjectNode files = v.putObject("files");
            for (Map.Entry<String, byte[]> f : m.files().entrySet()) {
                if (clean == m.files() || !Arrays.equals(clean.get(f.getKey()), f.getValue())) {
                    files.put(f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8));
                }
            }
        }
        return CanonicalJson.write(doc);
    }

    public static String fileName(CryptoSuite suite) {
        return "bundle/bundle-" + suite.id() + ".json";
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "docs/test-vectors");
        // Ed25519 only: SM2 signatures are randomized, so an SM2 bundle cannot be reproduced byte for byte
        CryptoSuite s = CryptoSuites.ED25519_SHA256;
        Path p = root.resolve(fileName(s));
        Files.createDirectories(p.getParent());
        Files.write(p, generate(s));
    }
}
