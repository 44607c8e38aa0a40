package org.drledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.drledger.core.TestVectors;
import org.drledger.core.bundle.BundleKind;
import org.drledger.core.bundle.BundleLines;
import org.drledger.core.bundle.BundleMutations;
import org.drledger.core.bundle.BundleScenario;
import org.drledger.core.bundle.TaskLedgerScenario;
import org.drledger.core.checkpoint.Checkpoint;
import org.drledger.core.checkpoint.NoteKey;
import org.drledger.core.checkpoint.NoteVerifier;
import org.drledger.core.checkpoint.SignedNote;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.merkle.ConsistencyProof;
import org.drledger.core.merkle.InclusionProof;
import org.drledger.core.merkle.MerkleProofJson;
import org.drledger.verifier.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes 0/1/2, one-line errors, and each subcommand end to end. */
class CliTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-03T00:00:00Z"), ZoneOffset.UTC);
    private static final BundleScenario SCENARIO = new BundleScenario(CryptoSuites.ED25519_SHA256);

    @TempDir
    Path dir;
    private String out;
    private String err;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int rc = Main.run(args, new PrintWriter(o), new PrintWriter(e), CLOCK);
        out = o.toString();
        err = e.toString();
        return rc;
    }

    private Path write(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private Path note(int checkpointLine) throws Exception {
        return write("cp" + checkpointLine + ".note", SCENARIO.checkpoints.get(checkpointLine).note().format()
                .getBytes(StandardCharsets.UTF_8));
    }

    private String logKey() {
        return SCENARIO.log.noteKey().vkey();
    }

    @Test
    void verifyExitsZeroOnACleanBundleAndPrintsEveryCheck() throws Exception {
        Path b = write("b.zip", SCENARIO.fullBundle(BundleKind.PUBLIC_LEDGER));
        assertThat(run("verify", b.toString())).as(out + err).isEqualTo(0);
        assertThat(out).contains("RESULT: VERIFIED").contains("PASS      entry.signature")
                .contains("UNCHECKED task.draw").contains("non-random: manual adjustment in task task:2026-001")
                .contains("cosigned by witness " + BundleScenario.WITNESS);
        assertThat(run("verify", "--json", b.toString())).isEqualTo(0);
        JsonNode j = CanonicalJson.parse(out.trim());
        assertThat(j.get("result").asText()).isEqualTo("VERIFIED");
        assertThat(j.get("checks")).hasSize(BundleVerifier.CHECKS.size());
    }

    @Test
    void verifyExitsOneOnATamperedBundleAndShowsExpectedAndComputed() throws Exception {
        BundleMutations.Mutant m = BundleMutations.all(CryptoSuites.ED25519_SHA256).stream()
                .filter(x -> x.fault().equals("changed-time")).findFirst().orElseThrow();
        Path b = write("t.zip", BundleMutations.zip(m.files()));
        assertThat(run("verify", b.toString())).isEqualTo(1);
        assertThat(out).contains("FAIL      entry.hash").contains("expected ").contains("computed ")
                .contains("stream InspectionChecklist/amr/2026 seq 1 leaf 7")
                .contains("RESULT: FAILED (first failing check: entry.hash)");
    }

    @Test
    void unusableInputExitsTwoWithOneLineAndNoStackTrace() throws Exception {
        Path junk = write("junk.zip", "not a zip".getBytes(StandardCharsets.UTF_8));
        assertThat(run("verify", junk.toString())).isEqualTo(2);
        assertThat(err.trim()).startsWith("error: not-a-zip").doesNotContain("\n").doesNotContain("\tat ");
        assertThat(run("verify", dir.resolve("missing.zip").toString())).isEqualTo(2);
        assertThat(err.trim()).startsWith("error:").doesNotContain("\n");
        assertThat(run("verify")).isEqualTo(2);
        assertThat(run("draw", write("bad.json", "{\"format\":\"x\"}".getBytes()).toString())).isEqualTo(2);
        assertThat(err.trim()).startsWith("error:").doesNotContain("\n");
    }

    @Test
    void aTrustedCheckpointIsCheckedAgainstTheBundle() throws Exception {
        Path b = write("b.zip", SCENARIO.fullBundle(BundleKind.PUBLIC_LEDGER));
        assertThat(run("verify", "--trusted-checkpoint", note(1).toString(), b.toString())).isEqualTo(0);
        assertThat(out).contains("PASS      checkpoint.trusted");
        // the last checkpoint is trusted, but the bundle was rolled back (its tail cut off)
        BundleMutations.Mutant cut = BundleMutations.all(CryptoSuites.ED25519_SHA256).stream()
                .filter(x -> x.fault().equals("truncated-tail")).findFirst().orElseThrow();
        Path t = write("t.zip", BundleMutations.zip(cut.files()));
        assertThat(run("verify", "--trusted-checkpoint", note(SCENARIO.checkpoints.size() - 1).toString(),
                t.toString())).isEqualTo(1);
        assertThat(out).contains("FAIL      checkpoint.trusted").contains("rolled back");
        // a fork the log signed elsewhere: same size as a bundle checkpoint, another root
        BundleScenario split = new BundleScenario(CryptoSuites.ED25519_SHA256, BundleScenario.Variant.SPLIT_VIEW);
        Path fork = write("fork.note", split.checkpoints.get(1).note().format().getBytes(StandardCharsets.UTF_8));
        assertThat(run("verify", "--trusted-checkpoint", fork.toString(), b.toString())).isEqualTo(1);
        assertThat(out).contains("FAIL      checkpoint.trusted");
    }

    @Test
    void aTaskFairnessBundleVerifiesByInclusionProofs() throws Exception {
        Path b = write("task.zip", SCENARIO.taskBundle());
        assertThat(run("verify", b.toString())).as(out).isEqualTo(0);
        assertThat(out).contains("PASS      log.inclusion").contains("UNCHECKED bundle.trust")
                .contains("UNCHECKED checkpoint.root");
    }

    @Test
    void drawReproducesTheWorkedExample() throws Exception {
        JsonNode c = TestVectors.read("draw/worked-example.json").get("cases").get(0);
        Path in = write("in.json", new ObjectMapper().writeValueAsBytes(c.get("input")));
        assertThat(run("draw", in.toString())).as(err).isEqualTo(0);
        assertThat(CanonicalJson.parse(out.trim())).isEqualTo(CanonicalJson.parse(
                CanonicalJson.write(c.get("output"))));
    }

    @Test
    void proofsAreCheckedAndBoundToASignedCheckpoint() throws Exception {
        long size = 16;
        InclusionProof ip = new InclusionProof(5, size, SCENARIO.tree.leafHash(5), SCENARIO.tree.inclusionProof(5, size),
                SCENARIO.tree.rootAt(size));
        Path p = write("inc.json", MerkleProofJson.encode(ip));
        assertThat(run("proof", "inclusion", "--log-key", logKey(), "--checkpoint", note(1).toString(),
                p.toString())).as(out + err).isEqualTo(0);
        assertThat(run("proof", "inclusion", "--log-key", logKey(), "--checkpoint", note(0).toString(),
                p.toString())).isEqualTo(1);
        InclusionProof wrong = new InclusionProof(6, size, ip.leafHash(), ip.proof(), ip.root());
        assertThat(run("proof", "inclusion", "--suite", "ed25519-sha256", write("w.json",
                MerkleProofJson.encode(wrong)).toString())).isEqualTo(1);
        assertThat(out).startsWith("FAILED: merkle.inclusion");
        ConsistencyProof cp = new ConsistencyProof(8, 16, SCENARIO.tree.rootAt(8), SCENARIO.tree.rootAt(16),
                SCENARIO.tree.consistencyProof(8, 16));
        assertThat(run("proof", "consistency", "--log-key", logKey(), "--old-checkpoint", note(0).toString(),
                "--checkpoint", note(1).toString(), write("c.json", MerkleProofJson.encode(cp)).toString()))
                .as(out + err).isEqualTo(0);
        assertThat(run("proof", "inclusion", "--suite", "ed25519-sha256",
                write("bad.json", "{\"leafIndex\":1}".getBytes()).toString())).isEqualTo(2);
        Path last = note(SCENARIO.checkpoints.size() - 1);
        assertThat(run("proof", "checkpoint", "--log-key", logKey(), "--witness-key",
                SCENARIO.witness.noteKey().vkey(), last.toString())).as(out + err).isEqualTo(0);
        assertThat(out).contains("cosigned by " + BundleScenario.WITNESS);
        byte[] forged = SCENARIO.checkpoints.get(1).note().format().replace("\n16\n", "\n17\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(run("proof", "checkpoint", "--log-key", logKey(), write("f.note", forged).toString()))
                .isEqualTo(1);
    }

    @Test
    void aWitnessCosignsConsistentCheckpointsAndRefusesAFork() throws Exception {
        Path key = dir.resolve("witness.key");
        assertThat(run("witness", "init", "--key-file", key.toString(), "--name", "city.example/witness"))
                .as(err).isEqualTo(0);
        NoteKey wkey = NoteKey.parseVkey(out.trim());
        assertThat(run("witness", "init", "--key-file", key.toString(), "--name", "x")).isEqualTo(2);
        Path state = dir.resolve("state.json");
        assertThat(run("witness", "cosign", "--key-file", key.toString(), "--state", state.toString(), "--log-key",
                logKey(), note(0).toString())).as(out + err).isEqualTo(0);
        NoteVerifier.VerifiedCheckpoint v = NoteVerifier.verifyCheckpoint(SignedNote.parse(out), SCENARIO.log.noteKey(),
                List.of(wkey));
        assertThat(v.cosignatures()).singleElement().satisfies(c ->
                assertThat(c.time().getAsLong()).isEqualTo(CLOCK.instant().getEpochSecond()));
        // 8 -> 16 with a consistency proof
        Path proof = write("p.json", MerkleProofJson.encode(new ConsistencyProof(8, 16, SCENARIO.tree.rootAt(8),
                SCENARIO.tree.rootAt(16), SCENARIO.tree.consistencyProof(8, 16))));
        assertThat(run("witness", "cosign", "--key-file", key.toString(), "--state", state.toString(), "--log-key",
                logKey(), "--proof", proof.toString(), note(1).toString())).as(out + err).isEqualTo(0);
        byte[] before = Files.readAllBytes(state);
        assertThat(new String(before, StandardCharsets.UTF_8)).contains("\"size\":16");
        // a fork of size 16 the same log signed: refused, state untouched
        BundleScenario split = new BundleScenario(CryptoSuites.ED25519_SHA256, BundleScenario.Variant.SPLIT_VIEW);
        BundleLines.CheckpointLine forkLine = split.checkpoints.get(1);
        assertThat(Checkpoint.parse(forkLine.note().text()).size()).isEqualTo(16);
        Path fork = write("fork.note", forkLine.note().format().getBytes(StandardCharsets.UTF_8));
        assertThat(run("witness", "cosign", "--key-file", key.toString(), "--state", state.toString(), "--log-key",
                logKey(), fork.toString())).isEqualTo(1);
        assertThat(out).startsWith("REFUSED: fork");
        assertThat(Files.readAllBytes(state)).isEqualTo(before);
        // a rollback to 8: refused
        assertThat(run("witness", "cosign", "--key-file", key.toString(), "--state", state.toString(), "--log-key",
                logKey(), note(0).toString())).isEqualTo(1);
        assertThat(out).startsWith("REFUSED: rollback");
        // a larger checkpoint with a proof from the wrong size: refused
        assertThat(run("witness", "cosign", "--key-file", key.toString(), "--state", state.toString(), "--log-key",
                logKey(), "--proof", proof.toString(), note(2).toString())).isEqualTo(1);
        assertThat(Files.readAllBytes(state)).isEqualTo(before);
        assertThat(Files.list(dir).filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }

    @Test
    void fairnessPrintsStatisticsAndExitsByTheLedgerAndTheTest() throws Exception {
        Path b = write("task-ledger.zip", new TaskLedgerScenario(CryptoSuites.ED25519_SHA256)
                .fullBundle(BundleKind.PUBLIC_LEDGER));
        assertThat(run("fairness", b.toString())).as(out + err).isEqualTo(0);
        assertThat(out).contains("stratum 'food'").contains("no evidence against uniform selection");
        assertThat(run("fairness", "--json", b.toString())).isEqualTo(0);
        JsonNode j = new ObjectMapper().readTree(out);
        assertThat(j.get("format").asText()).isEqualTo("drl-fairness-report/1");
        assertThat(j.get("strata")).hasSize(2);
        assertThat(j.get("strata").get(0).get("perEntity").size()).isGreaterThan(10);
        assertThat(j.get("officers").size()).isGreaterThan(3);
        Path bad = write("removed.zip", new TaskLedgerScenario(CryptoSuites.ED25519_SHA256,
                TaskLedgerScenario.Variant.ENTITY_REMOVED).fullBundle(BundleKind.PUBLIC_LEDGER));
        assertThat(run("fairness", bad.toString())).isEqualTo(1);
        assertThat(out).contains("FAILED (first failing check: task.population)");
        assertThat(run("fairness", "--alpha", "2", b.toString())).isEqualTo(2);
        assertThat(run("fairness", write("junk.zip", new byte[]{1, 2}).toString())).isEqualTo(2);
    }

    @Test
    void verifyReDerivesATaskLedger() throws Exception {
        Path b = write("task-ledger.zip", new TaskLedgerScenario(CryptoSuites.ED25519_SHA256)
                .fullBundle(BundleKind.PUBLIC_LEDGER));
        assertThat(run("verify", b.toString())).as(out + err).isEqualTo(0);
        assertThat(out).contains("PASS      task.population").contains("PASS      task.draw")
                .contains("UNCHECKED task.randomness").contains("check round 123 online");
    }
}
