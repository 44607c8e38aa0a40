package org.drledger.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.drledger.server.testing.EmbeddedServerTest;
import org.drledger.server.testing.Http;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and its UI are public and describe the API, its login and the Idempotency-Key header. */
class ApiDocumentationTest extends EmbeddedServerTest {
    private static final String KEY_REF = "#/components/parameters/IdempotencyKey";

    @Test
    void theDocumentListsTheDepartmentWitnessGrantUserAndLogEndpoints() {
        Http.Response r = http.get("/v3/api-docs", null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = r.json();
        assertThat(doc.at("/info/title").asText()).isEqualTo("Double-Random Ledger API");
        assertThat(doc.at("/info/version").asText()).isNotBlank().isNotEqualTo("unknown");
        assertThat(doc.at("/info/license").isMissingNode()).isTrue();
        JsonNode paths = doc.get("paths");
        assertThat(paths.has("/api/departments")).isTrue();
        assertThat(paths.has("/api/departments/{departmentId}/keys")).isTrue();
        assertThat(paths.has("/api/departments/{grantor}/grants")).isTrue();
        assertThat(paths.has("/api/witnesses")).isTrue();
        assertThat(paths.has("/api/log/checkpoint")).isTrue();
        assertThat(paths.has("/api/log/proof/inclusion")).isTrue();
        assertThat(paths.has("/api/users")).isTrue();
        assertThat(doc.findValuesAsText("name")).contains("Departments and keys", "Witnesses", "Merkle log (public)",
                "Access grants", "Users");
    }

    @Test
    void commandOperationsTakeTheIdempotencyKeyAndNeedBasicLogin() {
        JsonNode doc = http.get("/v3/api-docs", null).json();
        JsonNode key = doc.at("/components/parameters/IdempotencyKey");
        assertThat(key.get("name").asText()).isEqualTo("Idempotency-Key");
        assertThat(key.get("in").asText()).isEqualTo("header");
        assertThat(key.at("/schema/maxLength").asInt()).isEqualTo(200);
        assertThat(doc.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");

        JsonNode register = doc.at("/paths/~1api~1departments/post");
        assertThat(register.get("parameters").findValuesAsText("$ref")).contains(KEY_REF);
        assertThat(register.at("/security/0").has("basicAuth")).isTrue();
        JsonNode createUser = doc.at("/paths/~1api~1users/post");
        assertThat(createUser.get("parameters").findValuesAsText("$ref")).contains(KEY_REF);

        JsonNode list = doc.at("/paths/~1api~1departments/get");
        assertThat(list.path("parameters").findValuesAsText("$ref")).doesNotContain(KEY_REF);
        assertThat(list.at("/security/0").has("basicAuth")).isTrue();

        JsonNode checkpoint = doc.at("/paths/~1api~1log~1checkpoint/get");
        assertThat(checkpoint.path("security").size()).as("public: no login").isZero();
        JsonNode cosign = doc.at("/paths/~1api~1log~1checkpoints~1{size}~1cosignatures/post");
        assertThat(cosign.path("parameters").findValuesAsText("$ref")).as("public log: no key").doesNotContain(KEY_REF);
        assertThat(cosign.path("security").size()).isZero();
    }

    @Test
    void theUiIsPublic() {
        Http.Response redirect = http.get("/swagger-ui.html", null);
        assertThat(redirect.status()).isEqualTo(302);
        String location = redirect.header("Location");
        assertThat(location).contains("/swagger-ui/index.html");
        Http.Response ui = http.get(location.replaceFirst("^https?://[^/]+", ""), null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
    }
}
