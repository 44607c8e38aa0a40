package org.drledger.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details with the two members every refusal carries: the field and the rule. */
public final class Problems {
    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String field, String rule, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://drledger.local/problems/" + rule));
        p.setTitle(status.getReasonPhrase());
        p.setProperty("field", field == null ? "" : field);
        p.setProperty("rule", rule);
        return p;
    }

    public static ProblemDetail withErrors(ProblemDetail p, List<Map<String, String>> errors) {
        p.setProperty("errors", errors);
        return p;
    }

    /**
     * Writes a problem outside Spring MVC (servlet filters, Spring Security's entry point and access-denied
     * handler). The mapper must be Spring's (it flattens the problem's properties, as MVC does).
     */
    public static void write(HttpServletResponse response, ProblemDetail problem, ObjectMapper mapper)
            throws IOException {
        byte[] body = mapper.writeValueAsBytes(problem);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
