package org.drledger.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.time.Clock;
import java.util.Set;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Registers the {@code Idempotency-Key} filter right after Spring Security's chain and documents the header. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class IdempotencyConfiguration {
    static final String PARAMETER = "IdempotencyKey";
    private static final Set<PathItem.HttpMethod> COMMAND_METHODS = Set.of(PathItem.HttpMethod.POST,
            PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                                                ObjectMapper mapper, Clock clock,
                                                                ObjectProvider<SecurityProperties> security) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(new IdempotencyRecords(jdbc), transactions, mapper, clock));
        registration.addUrlPatterns("/api/*");
        int securityOrder = security.getIfAvailable(SecurityProperties::new).getFilter().getOrder();
        registration.setOrder(securityOrder + 1);
        registration.setName("idempotencyFilter");
        return registration;
    }

    /** The header as a reusable parameter, referenced from every operation the filter applies to. */
    @Bean
    OpenApiCustomizer idempotencyKeyParameter() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addParameters(PARAMETER, new HeaderParameter()
                    .name(IdempotencyFilter.HEADER)
                    .required(false)
                    .description("Makes a command safe to retry. 1 to " + IdempotencyFilter.MAX_KEY_LENGTH
                            + " printable ASCII characters, unique per user and request (e.g. a UUID). A repeat of "
                            + "the same request with the same key returns the stored response without executing "
                            + "it again (header `" + IdempotencyFilter.REPLAYED + ": true`); the same key with a "
                            + "different method, path, query or body is refused (422, rule "
                            + "`idempotency-key-reused`). Only 2xx responses are stored, except those marked "
                            + "`Cache-Control: no-store` (they carry a one-time secret).")
                    .schema(new StringSchema().minLength(1).maxLength(IdempotencyFilter.MAX_KEY_LENGTH)
                            .pattern("^[\\x20-\\x7E]+$")));
            Parameter ref = new Parameter().$ref("#/components/parameters/" + PARAMETER);
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (!IdempotencyFilter.appliesToPath(path)) {
                    return;
                }
                item.readOperationsMap().forEach((method, operation) -> {
                    boolean present = operation.getParameters() != null && operation.getParameters().stream()
                            .anyMatch(p -> ref.get$ref().equals(p.get$ref()));
                    if (COMMAND_METHODS.contains(method) && !present) {
                        operation.addParametersItem(ref);
                    }
                });
            });
        };
    }
}
