package org.drledger.server.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drledger.server.testing.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs {@code docs/examples/walkthrough.sh} (bash, curl, jq) against a server on a private H2 with the real clock,
 * logged in with the one-time administrator password the first start prints, and checks that it walks the whole
 * workflow to the draw and the publications. The drand relay is a local stand-in serving a beacon whose randomness
 * is SHA-256 of its signature (all the server checks; the BLS signature is the verifier's), so the test is offline.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.checkpoint-interval=1s")
class WalkthroughScriptTest {
    private static final Pattern SHOWN = Pattern.compile("office administrator 'admin', password (\\S+)");
    private static final Path SCRIPT = Path.of("..", "docs", "examples", "walkthrough.sh");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Test
    void theWalkthroughScriptRunsTheWholeWorkflowAgainstTheServer(CapturedOutput startup) throws Exception {
        requireTools("bash", "curl", "jq");
        assertThat(SCRIPT).as("the script, relative to ledger-server/").isRegularFile();
        Matcher shown = SHOWN.matcher(startup.getOut());
        assertThat(shown.find()).as("the first start printed the administrator's one-time password").isTrue();

        HttpServer relay = drandRelay();
        try {
            Path log = Files.createTempFile("walkthrough-", ".log");
            ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("BASE_URL", "http://localhost:" + port);
            pb.environment().put("ADMIN_PASSWORD", shown.group(1));
            pb.environment().put("DRAND_URL", "http://localhost:" + relay.getAddress().getPort());
            pb.environment().put("DRAND_LEAD_SECONDS", "20");
            Process process = pb.start();
            // completion of the process is the synchronisation; the timeout is only a safety net
            boolean finished = process.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String out = Files.readString(log);
            System.out.println(out);
            assertThat(finished).as("the script finished: %s", out).isTrue();
            assertThat(process.exitValue()).as(out).isZero();
            assertThat(out).contains("joint list published", "objects imported (CSV)", "inspectors imported (CSV)",
                    "district plan published", "task planned", "randomness recorded", "draw executed",
                    "recusal recorded", "latest checkpoint:", "inclusion proof of the draw");
            assertThat(out).containsPattern("draw executed +seed [0-9a-f]{16} targets [1-9]");
            // the result is published unless its deadline lies beyond the built-in calendar (then the script says so)
            assertThat(out).containsAnyOf("result published", "result skipped");
        } finally {
            relay.stop(0);
        }
    }

    private static void requireTools(String... tools) throws InterruptedException, IOException {
        boolean ci = System.getenv("CI") != null || System.getenv("DRL_REQUIRE_POSTGRES") != null;
        for (String tool : tools) {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                String message = "walkthrough script test needs '" + tool + "' on the PATH";
                if (ci) {
                    fail(message + " (CI installs it in .ci/run)");
                }
                System.err.println("SKIPPED: " + message);
                Assumptions.abort(message);
            }
        }
    }

    /** A stand-in drand relay: GET /{chain}/public/{round} answers a beacon with randomness = SHA-256(signature). */
    private static HttpServer drandRelay() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            byte[] body;
            int status;
            if (parts.length == 4 && "public".equals(parts[2]) && parts[3].matches("[0-9]{1,18}")) {
                byte[] signature = new byte[48];
                byte[] h = sha256(("test beacon " + parts[3]).getBytes(StandardCharsets.UTF_8));
                System.arraycopy(h, 0, signature, 0, 32);
                System.arraycopy(h, 0, signature, 32, 16);
                HexFormat hex = HexFormat.of();
                body = ("{\"round\":" + parts[3] + ",\"randomness\":\"" + hex.formatHex(sha256(signature))
                        + "\",\"signature\":\"" + hex.formatHex(signature) + "\"}").getBytes(StandardCharsets.UTF_8);
                status = 200;
            } else {
                body = "not found".getBytes(StandardCharsets.UTF_8);
                status = 404;
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        return server;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
