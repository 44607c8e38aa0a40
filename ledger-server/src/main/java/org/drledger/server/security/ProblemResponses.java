package org.drledger.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.drledger.command.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Spring Security's own refusals as {@code application/problem+json}, like every other refusal: 401 (no or bad
 * credentials; which of the two is all it says, so user names cannot be probed) and 403. The refusal itself is
 * recorded by {@link RefusedAttemptLog} from Spring Security's events.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
    static final String REALM = "Double-Random Ledger";

    private final ObjectMapper mapper;

    ProblemResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean missing = e instanceof InsufficientAuthenticationException;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, HttpHeaders.AUTHORIZATION,
                missing ? "authentication-required" : "bad-credentials",
                missing ? "log in (HTTP Basic) to use this operation" : "the user name or password is wrong, "
                        + "or the account is disabled"), mapper);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "", "access-denied",
                "your roles do not allow " + request.getMethod() + " " + request.getRequestURI()), mapper);
    }
}
