package org.drledger.command.actor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.drledger.command.ledger.LedgerMetaData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Actor identity flows from the authenticated request into command metadata (dispatch interceptor) and from the
 * command into every event it causes (correlation data), where the append path records it in the entry.
 */
@Configuration(proxyBeanMethods = false)
public class ActorConfiguration {

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(LedgerMetaData.ACTOR_DEPARTMENT, LedgerMetaData.ACTOR_USER);
    }

    /** Registered apart from the configuration class: the gateway itself depends on the correlation provider. */
    @org.springframework.stereotype.Component
    static class ActorInterceptorRegistration {
        ActorInterceptorRegistration(CommandGateway gateway) {
            gateway.registerDispatchInterceptor(new ActorFromSecurityContext());
        }
    }

    static final class ActorFromSecurityContext implements MessageDispatchInterceptor<CommandMessage<?>> {
        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (i, command) -> {
                if (command.getMetaData().containsKey(LedgerMetaData.ACTOR_DEPARTMENT)) {
                    return command;
                }
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth != null && auth.getPrincipal() instanceof LedgerPrincipal p) {
                    Map<String, Object> meta = new HashMap<>(ActorMetaData.of(p));
                    return command.andMetaData(meta);
                }
                return command;
            };
        }
    }
}
