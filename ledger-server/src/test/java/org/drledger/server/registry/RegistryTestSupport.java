package org.drledger.server.registry;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.drledger.server.testing.Http;
import org.drledger.server.testing.ServerTestSupport;
import org.drledger.server.testing.TestUsers;

/** Registry tests on a running server: CSV uploads and waiting for import jobs. */
abstract class RegistryTestSupport extends ServerTestSupport {
    Http.Response postCsv(String registry, TestUsers.Credentials who, String csv, String query) {
        return http.send("POST", "/api/registries/" + registry + "/imports" + (query.isEmpty() ? "" : "?" + query),
                who, "text/csv; charset=UTF-8", csv);
    }

    /** Posts raw bytes (the shared {@link Http} helper sends strings as UTF-8, so it cannot send a non-UTF-8 file). */
    Http.Response postBytes(String path, TestUsers.Credentials who, String contentType, byte[] body) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", contentType)
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (who.username() + ":" + who.password()).getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode awaitImport(String importId, TestUsers.Credentials who) {
        return awaitImport(importId, who, new ArrayList<>());
    }

    /** Polls the job until it has finished, collecting the progress ({@code percent}) seen on the way. */
    JsonNode awaitImport(String importId, TestUsers.Credentials who, List<Long> percents) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            last[0] = http.get("/api/imports/" + importId, who).json();
            percents.add(last[0].get("percent").asLong());
            return Set.of("DONE", "REJECTED", "FAILED").contains(last[0].get("status").asText());
        });
        return last[0];
    }
}
