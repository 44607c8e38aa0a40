package org.drledger.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Public: the log (checkpoints, proofs, entries), witness cosignature submission (verified by signature), health,
 * info and the API docs ({@link PublicEndpoints}). Everything else needs an authenticated user; writing needs a
 * writing role (an auditor reads everything and writes nothing); department scope and roles are checked per
 * command ({@code AccessPolicy}). Refusals are problem+json, and every one is recorded ({@link RefusedAttemptLog}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(Clock clock,
            @Value("${ledger.security.verified-password-ttl:PT5M}") Duration verifiedPasswordTtl) {
        return new VerifiedPasswordCache(new BCryptPasswordEncoder(), clock, verifiedPasswordTtl, 10_000,
                new SecureRandom());
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper mapper) throws Exception {
        ProblemResponses problems = new ProblemResponses(mapper);
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, PublicEndpoints.GET).permitAll()
                        .requestMatchers(HttpMethod.POST, PublicEndpoints.POST).permitAll()
                        .requestMatchers(PublicEndpoints.ANY).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/**").hasAnyRole(PublicEndpoints.WRITER_ROLES)
                        .requestMatchers(HttpMethod.PUT, "/api/**").hasAnyRole(PublicEndpoints.WRITER_ROLES)
                        .requestMatchers(HttpMethod.PATCH, "/api/**").hasAnyRole(PublicEndpoints.WRITER_ROLES)
                        .requestMatchers(HttpMethod.DELETE, "/api/**").hasAnyRole(PublicEndpoints.WRITER_ROLES)
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * The web UI: public pages without login, everything else behind a login form with a session and CSRF
     * protection (the API above stays stateless HTTP Basic). Page-level role checks live in the controllers.
     */
    @Bean
    @Order(2)
    SecurityFilterChain ui(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PublicEndpoints.PAGES).permitAll()
                        .requestMatchers("/admin/**").hasRole("OFFICE_ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/app").permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }
}
