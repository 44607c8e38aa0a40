package org.drledger.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/** A plain HTTP client for server tests (the JDK's): exact control of headers, no retries, no redirects. */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A response: status, content type, body and headers. */
    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }

    public Response get(String path, TestUsers.Credentials who, String... headers) {
        return send("GET", path, who, null, null, headers);
    }

    public Response post(String path, TestUsers.Credentials who, Object jsonBody, String... headers) {
        return send("POST", path, who, "application/json", jsonBody == null ? null : toJson(jsonBody), headers);
    }

    public CompletableFuture<Response> postAsync(String path, TestUsers.Credentials who, Object jsonBody,
                                                 String... headers) {
        return client.sendAsync(request("POST", path, who, "application/json", toJson(jsonBody), headers),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(r -> new Response(r.statusCode(), r.body(), r.headers()));
    }

    /** {@code headers}: name, value, name, value, ... */
    public Response send(String method, String path, TestUsers.Credentials who, String contentType, String body,
                         String... headers) {
        try {
            HttpResponse<String> r = client.send(request(method, path, who, contentType, body, headers),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String method, String path, TestUsers.Credentials who, String contentType,
                                String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null && body != null) {
            b.header("Content-Type", contentType);
        }
        if (who != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (who.username() + ":" + who.password()).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    public static String toJson(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
