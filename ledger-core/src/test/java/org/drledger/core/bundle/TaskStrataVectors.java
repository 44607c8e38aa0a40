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
 * Writes docs/test-vectors/bundle/task-strata-&lt;suite&gt;.json (bundle-format.md §8, docs/workflow.md §4
 * "DrawExecuted"): the {@link TaskLedgerScenario} with a plan stratified by the confidential credit-risk class, so
 * its {@code DrawExecuted} (schema 2) records every target's stratum as the registry's commitment. {@code clean} is
 * the public-ledger bundle (no openings: the verifier checks the strata by commitment only and says so); the
 * auditor-full bundle adds the openings (the whole draw re-derives); two faults a server could commit — the classes
 * in clear, another object's commitment — must fail {@code task.draw}. {@code reportContains}: text the verifier's
 * report must contain. Run with the test-vectors directory as argument; {@code TaskStrataVectorsTest} checks the
 * stored file is what this produces.
 */
public final class TaskStrataVectors {
    public static final String FILE = "bundle/task-strata-ed25519-sha256.json";

    private TaskStrataVectors() {
    }

    public static byte[] generate() {
        CryptoSuite suite = CryptoSuites.ED25519_SHA256;
        TaskLedgerScenario s = new TaskLedgerScenario(suite, TaskLedgerScenario.Variant.CONFIDENTIAL_STRATA);
        int n = s.draw.targets().size();
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("format", "drl-bundle-vectors/1");
        doc.put("suite", suite.id());
        doc.put("description", "bundle-format.md §8, workflow.md §4 DrawExecuted schema 2: a task stratified by the "
                + "confidential credit-risk class. 'clean' is the public-ledger bundle (targets' strata are the "
                + "registry's commitments, checked by commitment only); the other vectors replace the files they list "
                + "in 'clean'. 'reportContains': text the verification report must contain.");
        ArrayNode vs = doc.putArray("vectors");
        Map<String, byte[]> clean = BundleMutations.unzip(s.fullBundle(BundleKind.PUBLIC_LEDGER));
        add(vs, "confidential-strata-public-ledger", null, clean, null,
                "the stratum of " + n + " target(s) (confidential attribute creditRiskClass) checked only by "
                        + "commitment");
        add(vs, "confidential-strata-auditor-full", null, BundleMutations.unzip(s.fullBundle(BundleKind.AUDITOR_FULL)),
                clean, "the committed stratum of " + n + " target(s) (confidential attribute creditRiskClass) is the "
                        + "registry's commitment, checked against its opening");
        add(vs, "clear-confidential-stratum", "task.draw", BundleMutations.unzip(new TaskLedgerScenario(suite,
                TaskLedgerScenario.Variant.CONFIDENTIAL_STRATA, TaskLedgerScenario.Variant.CLEAR_CONFIDENTIAL_STRATUM)
                .fullBundle(BundleKind.PUBLIC_LEDGER)), clean, null);
        add(vs, "forged-stratum-commitment", "task.draw", BundleMutations.unzip(new TaskLedgerScenario(suite,
                TaskLedgerScenario.Variant.CONFIDENTIAL_STRATA, TaskLedgerScenario.Variant.FORGED_STRATUM_COMMITMENT)
                .fullBundle(BundleKind.PUBLIC_LEDGER)), clean, null);
        return CanonicalJson.write(doc);
    }

    private static void add(ArrayNode vs, String name, String check, Map<String, byte[]> files,
                            Map<String, byte[]> clean, String reportContains) {
        ObjectNode v = vs.addObject();
        v.put("name", name);
        v.put("expect", check == null ? "PASS" : "FAIL");
        if (check == null) {
            v.putNull("check");
        } else {
            v.put("check", check);
        }
        if (reportContains == null) {
            v.putNull("reportContains");
        } else {
            v.put("reportContains", reportContains);
        }
        ObjectNode out = v.putObject("files");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (clean == null || !Arrays.equals(clean.get(f.getKey()), f.getValue())) {
                out.put(f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8));
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Path p = Path.of(args.length > 0 ? args[0] : "docs/test-vectors").resolve(FILE);
        Files.createDirectories(p.getParent());
        Files.write(p, generate());
    }
}
