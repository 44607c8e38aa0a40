package org.drledger.server.security;

import org.springframework.util.AntPathMatcher;

/**
 * What anyone may call without logging in: reading the log (checkpoints, proofs, entries, witnesses), public
 * pages, the public export bundles and export jobs (restricted jobs are checked by the export controller), submitting witness cosignatures (accepted only if they verify), health, info and the API docs. One list
 * for the security chain and the API documentation.
 */
public final class PublicEndpoints {
    static final String[] GET = {"/api/log/**", "/api/public/**", "/api/exports/public-ledger",
            "/api/exports/tasks/*/fairness", "/api/exports/jobs/**"};
    /** Export jobs: public kinds for anyone; the controller requires a login and role for the restricted kinds. */
    static final String[] POST = {"/api/log/checkpoints/*/cosignatures", "/api/exports/*"};
    static final String[] ANY = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};
    /** Web pages anyone may open: the home page, public disclosures, the login form and static assets. */
    static final String[] PAGES = {"/", "/public", "/public/**", "/login", "/error", "/css/**", "/js/**",
            "/webjars/**", "/favicon.ico"};
    /** Writing needs one of these roles; an auditor reads everything and writes nothing. */
    static final String[] WRITER_ROLES = {"OFFICE_ADMIN", "DEPT_CLERK", "DEPT_APPROVER"};

    private static final AntPathMatcher MATCHER = new AntPathMatcher();

    private PublicEndpoints() {
    }

    /** Whether an operation (HTTP method, path or path template) is public. */
    public static boolean isPublic(String method, String path) {
        return matches(ANY, path) || ("GET".equalsIgnoreCase(method) && matches(GET, path))
                || ("POST".equalsIgnoreCase(method) && matches(POST, path));
    }

    private static boolean matches(String[] patterns, String path) {
        for (String p : patterns) {
            if (MATCHER.match(p, path)) {
                return true;
            }
        }
        return false;
    }
}
