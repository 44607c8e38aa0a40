package org.drledger.server.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.drledger.server.security.PublicEndpoints;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}) and its UI ({@code /swagger-ui.html}), both public: API info, tags,
 * and HTTP Basic on every operation that needs a login (everything but {@link PublicEndpoints}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {
    static final String BASIC = "basicAuth";

    @Bean
    OpenAPI ledgerOpenApi(ObjectProvider<BuildProperties> build) {
        return new OpenAPI()
                .info(new Info()
                        .title("Double-Random Ledger API")
                        .version(ProductVersion.of(build.getIfAvailable()))
                        .description("""
                                A signed, hash-chained, publicly verifiable ledger of "double random, one public" \
                                (双随机、一公开) market supervision. Commands need HTTP Basic login and a role; every \
                                accepted command becomes a signed ledger entry. The Merkle log (checkpoints, proofs, \
                                entries) is public and verifiable offline. Refusals are `application/problem+json` \
                                with `field` and `rule`. Send an `Idempotency-Key` header to retry commands safely."""))
                .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A user account; the first start creates 'admin' with a one-time password")))
                .tags(List.of(
                        new Tag().name("Departments and keys").description("Member departments and their signing keys"),
                        new Tag().name("Access grants").description("谁审批、谁监管: which department may act for which"),
                        new Tag().name("Witnesses").description("Independent checkpoint witnesses"),
                        new Tag().name("Merkle log (public)").description("Checkpoints, proofs and entries; no login"),
                        new Tag().name("Users").description("Accounts and roles: security state, not ledger entries")));
    }

    /** HTTP Basic on every operation that is not public. */
    @Bean
    OpenApiCustomizer basicAuthOnProtectedOperations() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                if (!PublicEndpoints.isPublic(method.name(), path)) {
                    operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
                } else {
                    operation.setSecurity(List.of());
                }
            }));
        };
    }
}
