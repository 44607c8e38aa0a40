package org.drledger.verifier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.drledger.core.FormatException;
import org.drledger.core.bytes.Hex;
import org.drledger.core.checkpoint.Checkpoint;
import org.drledger.core.checkpoint.CheckpointVerificationException;
import org.drledger.core.checkpoint.NoteKey;
import org.drledger.core.checkpoint.NoteSigner;
import org.drledger.core.checkpoint.NoteVerifier;
import org.drledger.core.checkpoint.SignedNote;
import org.drledger.core.crypto.CryptoSuite;
import org.drledger.core.crypto.CryptoSuites;
import org.drledger.core.crypto.HashAlgorithm;
import org.drledger.core.crypto.SigningKey;
import org.drledger.core.draw.Draw;
import org.drledger.core.draw.DrawInputParser;
import org.drledger.core.draw.DrawJson;
import org.drledger.core.json.CanonicalJson;
import org.drledger.core.merkle.ConsistencyProof;
import org.drledger.core.merkle.InclusionProof;
import org.drledger.core.merkle.InvalidProofException;
import org.drledger.core.merkle.MerkleProofJson;
import org.drledger.core.merkle.MerkleVerifier;
import org.drledger.verifier.BundleVerifier;
import org.drledger.verifier.DatabaseVerifier;
import org.drledger.verifier.Fairness;
import org.drledger.verifier.Report;
import org.drledger.verifier.UnusableInputException;
import org.drledger.verifier.Witness;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar ledger-verifier.jar <command>}. Exit codes: 0 verified, 1 verification failed, 2 unusable input
 * (one line on stderr, no stack trace).
 */
@Command(name = "ledger-verifier", mixinStandardHelpOptions = true, version = "ledger-verifier drl-bundle/1",
        description = "Verifies Double-Random Ledger bundles, proofs, checkpoints and draws offline.",
        subcommands = {Main.Verify.class, Main.DrawCmd.class, Main.Proof.class, Main.WitnessCmd.class,
                Main.FairnessCmd.class})
public final class Main {
    public static final int VERIFIED = 0;
    public static final int FAILED = 1;
    public static final int UNUSABLE = 2;

    private final Clock clock;

    Main(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), Clock.systemUTC()));
    }

    /** Runs one command line; the clock is the witness's cosignature time (injected by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Clock clock) {
        Main main = new Main(clock);
        CommandLine cl = new CommandLine(main, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == WitnessCmd.Cosign.class) {
                    return cls.cast(new WitnessCmd.Cosign(main.clock));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("error: " + oneLine(ex));
            line.getErr().flush();
            return UNUSABLE;
        });
        cl.setParameterExceptionHandler((ex, args2) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().flush();
            return UNUSABLE;
        });
        int rc;
        try {
            rc = cl.execute(args);
        } catch (Throwable t) { // a broken installation (missing class) still gets one line, not a stack trace
            err.println("error: " + t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).replace('\n', ' '));
            rc = UNUSABLE;
        }
        out.flush();
        err.flush();
        return rc;
    }

    private static String oneLine(Exception ex) {
        String m = ex instanceof UnusableInputException u ? u.rule() + ": " + u.getMessage()
                : ex instanceof FormatException f ? f.rule() + ": " + f.getMessage()
                : ex instanceof java.nio.file.NoSuchFileException ? "no such file: " + ex.getMessage()
                : ex.getClass().getSimpleName() + ": " + ex.getMessage();
        return m.replace('\n', ' ');
    }

    static byte[] read(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

    /** A verifier key given inline or as the name of a file that holds it. */
    static NoteKey noteKey(String vkeyOrFile) throws IOException {
        Path p = Path.of(vkeyOrFile);
        String text = !vkeyOrFile.contains("+") && Files.isRegularFile(p)
                ? Files.readString(p, StandardCharsets.UTF_8).trim() : vkeyOrFile;
        return NoteKey.parseVkey(text);
    }

    @Command(name = "verify", description = "Verify a drl-bundle/1 file and print the report.")
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "<bundle>", arity = "0..1", description = "the bundle (.zip)")
        Path bundle;
        @Option(names = "--jdbc-url", paramLabel = "<url>", description = "verify a ledger database directly, "
                + "read-only (jdbc:postgresql://… or jdbc:h2:…), instead of a bundle")
        String jdbcUrl;
        @Option(names = "--user", paramLabel = "<user>", description = "database user")
        String user;
        @Option(names = "--password-env", paramLabel = "<VAR>", description = "the environment variable holding "
                + "the database password (never give a password on the command line)")
        String passwordEnv;
        @Option(names = "--trusted-checkpoint", paramLabel = "<file>",
                description = "a checkpoint note you obtained independently; the bundle must be consistent with it")
        Path trusted;
        @Option(names = "--json", description = "print the report as JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Optional<byte[]> t = trusted == null ? Optional.empty() : Optional.of(read(trusted));
            if ((bundle == null) == (jdbcUrl == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give a bundle or --jdbc-url, not both");
            }
            Report r;
            if (jdbcUrl != null) {
                String password = null;
                if (passwordEnv != null) {
                    password = System.getenv(passwordEnv);
                    if (password == null) {
                        throw new CommandLine.ParameterException(spec.commandLine(), "environment variable "
                                + passwordEnv + " is not set");
                    }
                }
                r = DatabaseVerifier.verify(jdbcUrl, user, password, new BundleVerifier.Options(t));
            } else {
                r = BundleVerifier.verify(bundle, new BundleVerifier.Options(t));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? CanonicalJson.writeString(r.toJson()) + "\n" : r.toText());
            return r.verified() ? VERIFIED : FAILED;
        }
    }

    @Command(name = "fairness", description = "Selection statistics across the draws of a full bundle: per stratum, "
            + "each entity's selections against uniform sampling (chi-square, p-value), and officers' slots. Exit 1 "
            + "if the bundle does not verify or a stratum's p-value is below --alpha.")
    static final class FairnessCmd implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "<bundle>", description = "a public-ledger or auditor-full bundle (.zip)")
        Path bundle;
        @Option(names = "--alpha", defaultValue = "0.001", description = "significance level (default 0.001)")
        double alpha;
        @Option(names = "--json", description = "print the statistics as JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (!(alpha > 0 && alpha < 1)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--alpha must be in (0, 1)");
            }
            Fairness.Result r = Fairness.analyse(bundle, alpha);
            PrintWriter out = spec.commandLine().getOut();
            // plain JSON: the statistics are fractions, which canonical ledger JSON does not allow
            out.print(json ? new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(r.toJson()) + "\n"
                    : r.toText());
            return r.ledgerVerified() && !r.suspicious() ? VERIFIED : FAILED;
        }
    }

    @Command(name = "draw", description = "Compute a draw from a drl-draw-input/1 document; print drl-draw-result/1.")
    static final class DrawCmd implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(paramLabel = "<input.json>")
        Path input;

        @Override
        public Integer call() throws Exception {
            byte[] result = DrawJson.canonical(DrawJson.result(Draw.run(DrawInputParser.parse(read(input)))));
            spec.commandLine().getOut().println(new String(result, StandardCharsets.UTF_8));
            return VERIFIED;
        }
    }

    @Command(name = "proof", description = "Check Merkle proofs (ledger-format §6 JSON form) and checkpoints.",
            subcommands = {Proof.Inclusion.class, Proof.Consistency.class, Proof.CheckpointCmd.class})
    static final class Proof {
        /** Binds a proof's size and root to a signed checkpoint (ledger-format §6: never trust a proof alone). */
        static abstract class Bound implements Callable<Integer> {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;
            @Option(names = "--suite", description = "the ledger's suite (sm2-sm3 or ed25519-sha256); default: "
                    + "the log key's")
            String suite;
            @Option(names = "--log-key", paramLabel = "<vkey|file>", description = "the log's verifier key")
            String logKey;

            HashAlgorithm hash() throws IOException {
                if (suite != null) {
                    return CryptoSuites.byId(suite).hash();
                }
                if (logKey != null) {
                    return noteKey(logKey).type().suite().hash();
                }
                throw new CommandLine.ParameterException(spec.commandLine(), "give --suite or --log-key");
            }

            /** Null if the checkpoint verifies and matches; else the failure reason. */
            String bind(Path note, long size, byte[] root) throws IOException {
                if (logKey == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "a checkpoint needs --log-key");
                }
                try {
                    Checkpoint cp = NoteVerifier.verifyCheckpoint(SignedNote.parse(read(note)), noteKey(logKey),
                            List.of()).checkpoint();
                    if (cp.size() != size || !java.util.Arrays.equals(cp.root(), root)) {
                        return "the proof's size " + size + " / root " + Hex.encode(root) + " differ from checkpoint "
                                + note + " (size " + cp.size() + ", root " + Hex.encode(cp.root()) + ")";
                    }
                    return null;
                } catch (CheckpointVerificationException e) {
                    return e.check() + ": " + e.getMessage();
                }
            }

            int verdict(String failure, String success, boolean bound) {
                PrintWriter out = spec.commandLine().getOut();
                if (failure != null) {
                    out.println("FAILED: " + failure);
                    return FAILED;
                }
                out.println("VERIFIED: " + success);
                if (!bound) {
                    out.println("note: sizes and roots were taken from the proof; bind them with --checkpoint");
                }
                return VERIFIED;
            }
        }

        @Command(name = "inclusion", description = "Check an inclusion proof.")
        static final class Inclusion extends Bound {
            @Parameters(paramLabel = "<proof.json>")
            Path proof;
            @Option(names = "--checkpoint", paramLabel = "<note>", description = "the signed checkpoint it proves to")
            Path checkpoint;

            @Override
            public Integer call() throws Exception {
                InclusionProof p = MerkleProofJson.parseInclusion(read(proof));
                String failure = checkpoint == null ? null : bind(checkpoint, p.treeSize(), p.root());
                if (failure == null) {
                    try {
                        new MerkleVerifier(hash()).verify(p);
                    } catch (InvalidProofException e) {
                        failure = e.check() + " " + e.where() + ": " + e.getMessage() + " (expected " + e.expected()
                                + ", computed " + e.computed() + ")";
                    }
                }
                return verdict(failure, "leaf " + p.leafIndex() + " is in the tree of size " + p.treeSize(),
                        checkpoint != null);
            }
        }

        @Command(name = "consistency", description = "Check a consistency proof.")
        static final class Consistency extends Bound {
            @Parameters(paramLabel = "<proof.json>")
            Path proof;
            @Option(names = "--old-checkpoint", paramLabel = "<note>")
            Path oldCheckpoint;
            @Option(names = "--checkpoint", paramLabel = "<note>")
            Path checkpoint;

            @Override
            public Integer call() throws Exception {
                ConsistencyProof p = MerkleProofJson.parseConsistency(read(proof));
                String failure = oldCheckpoint == null ? null : bind(oldCheckpoint, p.size1(), p.root1());
                if (failure == null && checkpoint != null) {
                    failure = bind(checkpoint, p.size2(), p.root2());
                }
                if (failure == null) {
                    try {
                        new MerkleVerifier(hash()).verify(p);
                    } catch (InvalidProofException e) {
                        failure = e.check() + " " + e.where() + ": " + e.getMessage() + " (expected " + e.expected()
                                + ", computed " + e.computed() + ")";
                    }
                }
                return verdict(failure, "the tree of size " + p.size2() + " extends the tree of size " + p.size1(),
                        oldCheckpoint != null && checkpoint != null);
            }
        }

        @Command(name = "checkpoint", description = "Check a checkpoint note's log signature and witness cosignatures.")
        static final class CheckpointCmd extends Bound {
            @Parameters(paramLabel = "<note>")
            Path note;
            @Option(names = "--witness-key", paramLabel = "<vkey|file>", description = "a witness's verifier key")
            List<String> witnessKeys = new ArrayList<>();

            @Override
            public Integer call() throws Exception {
                if (logKey == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "a checkpoint needs --log-key");
                }
                List<NoteKey> ws = new ArrayList<>();
                for (String w : witnessKeys) {
                    ws.add(noteKey(w));
                }
                try {
                    NoteVerifier.VerifiedCheckpoint v = NoteVerifier.verifyCheckpoint(SignedNote.parse(read(note)),
                            noteKey(logKey), ws);
                    Checkpoint cp = v.checkpoint();
                    StringBuilder sb = new StringBuilder("checkpoint of " + cp.origin() + ", size " + cp.size()
                            + ", root " + Hex.encode(cp.root()) + cp.time().map(t -> ", time " + t).orElse(""));
                    v.cosignatures().forEach(c -> sb.append("\n  cosigned by ").append(c.key().name())
                            .append(" at ").append(c.time().orElse(-1)));
                    if (!ws.isEmpty() && v.cosignatures().size() < ws.size()) {
                        sb.append("\n  note: ").append(ws.size() - v.cosignatures().size())
                                .append(" given witness key(s) did not cosign");
                    }
                    return verdict(null, sb.toString(), true);
                } catch (CheckpointVerificationException e) {
                    return verdict(e.check() + ": " + e.getMessage() + " (expected " + e.expected() + ", got "
                            + e.computed() + ")", null, true);
                }
            }
        }
    }

    @Command(name = "witness", description = "Act as a checkpoint witness.",
            subcommands = {WitnessCmd.Init.class, WitnessCmd.Cosign.class})
    static final class WitnessCmd {
        static final String KEY_FORMAT = "drl-witness-key/1";

        @Command(name = "init", description = "Generate a witness key file and print its verifier key.")
        static final class Init implements Callable<Integer> {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;
            @Option(names = "--key-file", required = true, paramLabel = "<file>")
            Path keyFile;
            @Option(names = "--name", required = true, description = "the witness's key name, e.g. "
                    + "jiwei.ziyang.example/witness")
            String name;
            @Option(names = "--suite", defaultValue = "ed25519-sha256")
            String suite;

            @Override
            public Integer call() throws Exception {
                CryptoSuite s = CryptoSuites.byId(suite);
                SigningKey key = s.generateKey(new SecureRandom());
                NoteSigner signer = NoteSigner.witness(name, key);
                ObjectNode o = JsonNodeFactory.instance.objectNode().put("format", KEY_FORMAT).put("name", name)
                        .put("suite", s.id()).put("privateKey", key.toPkcs8Pem());
                try {
                    Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(keyFile);
                } catch (FileAlreadyExistsException e) {
                    throw new UnusableInputException("exists", keyFile.toString(), keyFile
                            + " exists; a witness key is never overwritten", e);
                }
                Files.write(keyFile, CanonicalJson.write(o), StandardOpenOption.TRUNCATE_EXISTING);
                spec.commandLine().getOut().println(signer.noteKey().vkey());
                return VERIFIED;
            }
        }

        static NoteSigner load(Path keyFile) throws IOException, UnusableInputException {
            try {
                JsonNode o = CanonicalJson.parse(read(keyFile));
                if (!KEY_FORMAT.equals(o.path("format").asText())) {
                    throw new UnusableInputException("bad-key-file", keyFile.toString(), "not a " + KEY_FORMAT
                            + " file", null);
                }
                CryptoSuite s = CryptoSuites.byId(o.path("suite").asText());
                return NoteSigner.witness(o.path("name").asText(), s.readPrivateKeyPem(o.path("privateKey").asText()));
            } catch (FormatException e) {
                throw new UnusableInputException(e.rule(), keyFile.toString(), "unreadable witness key file: "
                        + e.getMessage(), e);
            }
        }

        @Command(name = "cosign", description = "Verify a new checkpoint against the last one cosigned (by a "
                + "consistency proof), store the new state atomically and print the cosigned note. Refuses a fork "
                + "(exit 1, state untouched).")
        static final class Cosign implements Callable<Integer> {
            private final Clock clock;
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;
            @Option(names = "--key-file", required = true, paramLabel = "<file>")
            Path keyFile;
            @Option(names = "--state", required = true, paramLabel = "<file>",
                    description = "the witness's state; created on first use (trust on first use)")
            Path state;
            @Option(names = "--log-key", required = true, paramLabel = "<vkey|file>")
            String logKey;
            @Option(names = "--proof", paramLabel = "<consistency.json>",
                    description = "consistency proof from the last cosigned size to the new one")
            Path proof;
            @Option(names = "--out", paramLabel = "<file>", description = "write the cosigned note here, not stdout")
            Path outFile;
            @Parameters(paramLabel = "<checkpoint>")
            Path checkpoint;

            Cosign(Clock clock) {
                this.clock = clock;
            }

            @Override
            public Integer call() throws Exception {
                Optional<ConsistencyProof> p = proof == null ? Optional.empty()
                        : Optional.of(MerkleProofJson.parseConsistency(read(proof)));
                Witness.Outcome o = new Witness(load(keyFile), clock).cosign(state, noteKey(logKey), read(checkpoint), p);
                PrintWriter out = spec.commandLine().getOut();
                if (!o.cosigned()) {
                    out.println("REFUSED: " + o.reason());
                    return FAILED;
                }
                if (outFile != null) {
                    Files.writeString(outFile, o.note(), StandardCharsets.UTF_8);
                } else {
                    out.print(o.note());
                }
                return VERIFIED;
            }
        }
    }
}
