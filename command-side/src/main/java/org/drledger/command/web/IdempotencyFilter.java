package org.drledger.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.drledger.core.bytes.Hex;
import org.drledger.core.crypto.HashAlgorithm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for command endpoints. With the header, a request runs inside one transaction that the
 * command joins (Axon's Spring transaction manager participates), so the events, the subscribing projections and
 * the stored response commit together or not at all:
 * <ol>
 * <li>a stored record for (key, user) with the same request hash is replayed without executing anything
 * ({@code Idempotent-Replayed: true}); with another hash it is refused (422 {@code idempotency-key-reused});</li>
 * <li>otherwise the key is reserved by inserting its row first: a concurrent request with the same key waits on
 * that row and, once the winner commits, fails on the primary key, rolls back everything it did and replays the
 * winner's response (if the winner's transaction is still open when the database gives up waiting: 409
 * {@code idempotency-key-in-progress});</li>
 * <li>a 2xx response is stored with the transaction; any other status deletes the reservation and the rest of
 * the transaction ends as it would have without the key (committed, or rolled back if the command failed).
 * A response marked {@code Cache-Control: no-store} (it carries a one-time secret, e.g. a generated password)
 * is never stored: secrets are not kept in plain text, and a repeat executes again.</li>
 * </ol>
 * Runs after Spring Security (it needs the user) on POST, PUT, PATCH and DELETE under {@code /api/}, except the
 * public log endpoints.
 */
final class IdempotencyFilter extends OncePerRequestFilter {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 200;
    /** The largest request body accepted with a key (it is held in memory to be hashed and replayed). */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    private static final Set<String> COMMAND_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyRecords records;
    private final PlatformTransactionManager transactions;
    private final ObjectMapper mapper;
    private final Clock clock;

    IdempotencyFilter(IdempotencyRecords records, PlatformTransactionManager transactions, ObjectMapper mapper,
                      Clock clock) {
        this.records = records;
        this.transactions = transactions;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Whether a path under the servlet context takes an idempotency key: command endpoints, not the public log. */
    static boolean appliesToPath(String path) {
        return path.startsWith("/api/") && !path.startsWith("/api/log/") && !path.startsWith("/api/public/");
    }

    static boolean appliesToMethod(String method) {
        return COMMAND_METHODS.contains(method);
    }

    /** 1 to 200 printable ASCII characters (space to tilde). */
    static boolean validKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !appliesToMethod(request.getMethod()) || !appliesToPath(path) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> keys = Collections.list(request.getHeaders(HEADER));
        if (keys.size() != 1 || !validKey(keys.get(0))) {
            Problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, HEADER, "idempotency-key-format",
                    "Idempotency-Key must be one header of 1 to " + MAX_KEY_LENGTH + " printable ASCII characters"),
                    mapper);
            return;
        }
        String user = currentUser();
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        CachedBodyRequest cached;
        try {
            cached = CachedBodyRequest.of(request, MAX_BODY_BYTES);
        } catch (CachedBodyRequest.TooLarge e) {
            Problems.write(response, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "body", "body-too-large",
                    "a request with an Idempotency-Key may have at most " + MAX_BODY_BYTES + " bytes"), mapper);
            return;
        }
        String key = keys.get(0);
        String hash = requestHash(request.getMethod(), request.getRequestURI(), request.getQueryString(),
                cached.body());
        execute(key, user, hash, cached, response, chain);
    }

    private void execute(String key, String user, String hash, CachedBodyRequest request, HttpServletResponse response,
                         FilterChain chain) throws IOException, ServletException {
        TransactionStatus tx = transactions.getTransaction(new DefaultTransactionDefinition());
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            Optional<IdempotencyRecords.Record> existing = records.find(key, user);
            if (existing.isPresent()) {
                transactions.rollback(tx);
                answerFromRecord(existing.get(), hash, response);
                return;
            }
            try {
                records.reserve(key, user, hash, clock.instant());
            } catch (DuplicateKeyException | ConcurrencyFailureException race) {
                transactions.rollback(tx);
                answerAfterRace(key, user, hash, response);
                return;
            }
            chain.doFilter(request, captured);
        } catch (RuntimeException | IOException | ServletException | Error e) {
            if (!tx.isCompleted()) {
                transactions.rollback(tx);
            }
            throw e;
        }
        int status = captured.getStatus();
        boolean success = status >= 200 && status < 300;
        try {
            if (tx.isRollbackOnly()) {
                // a command failed inside the request: nothing it did may commit
                transactions.rollback(tx);
                if (success) {
                    failed(response, "the request reported success but its transaction was marked for rollback", null);
                    return;
                }
            } else {
                if (success && !noStore(captured)) {
                    records.complete(key, user, status, captured.getContentType(), captured.getContentAsByteArray());
                } else {
                    records.release(key, user);
                }
                transactions.commit(tx);
            }
        } catch (RuntimeException e) {
            if (!tx.isCompleted()) {
                transactions.rollback(tx);
            }
            failed(response, "the request's transaction did not commit", e);
            return;
        }
        captured.copyBodyToResponse();
    }

    /** The response the controller produced cannot be sent: nothing was committed; an opaque reference is logged. */
    private void failed(HttpServletResponse response, String what, Exception cause) throws IOException {
        String ref = UUID.randomUUID().toString();
        log.error("{} (reference {})", what, ref, cause);
        response.reset();
        Problems.write(response, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "", "internal-error",
                "an internal error occurred; nothing was recorded; reference " + ref), mapper);
    }

    /** A repeat of a stored request is replayed; the same key on another request is refused. */
    private void answerFromRecord(IdempotencyRecords.Record r, String hash, HttpServletResponse response)
            throws IOException {
        if (!r.requestHash().equals(hash)) {
            Problems.write(response, Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, HEADER, "idempotency-key-reused",
                    "this Idempotency-Key was used for a different request; use a new key"), mapper);
            return;
        }
        if (r.status() == IdempotencyRecords.RESERVED) {
            inProgress(response);
            return;
        }
        response.setStatus(r.status());
        response.setHeader(REPLAYED, "true");
        if (r.contentType() != null) {
            response.setContentType(r.contentType());
        }
        byte[] body = r.body() == null ? new byte[0] : r.body();
        response.setContentLength(body.length);
        if (body.length > 0) {
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }

    /** Lost the race for the key: everything this request did is rolled back; answer from the winner's record. */
    private void answerAfterRace(String key, String user, String hash, HttpServletResponse response)
            throws IOException {
        TransactionStatus read = transactions.getTransaction(new DefaultTransactionDefinition());
        Optional<IdempotencyRecords.Record> winner;
        try {
            winner = records.find(key, user);
        } finally {
            transactions.rollback(read);
        }
        if (winner.isPresent()) {
            answerFromRecord(winner.get(), hash, response);
        } else {
            inProgress(response);
        }
    }

    private void inProgress(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        Problems.write(response, Problems.of(HttpStatus.CONFLICT, HEADER, "idempotency-key-in-progress",
                "a request with this Idempotency-Key is still being processed; retry shortly"), mapper);
    }

    private static boolean noStore(HttpServletResponse response) {
        return response.getHeaders(HttpHeaders.CACHE_CONTROL).stream()
                .anyMatch(v -> v.toLowerCase(java.util.Locale.ROOT).contains("no-store"));
    }

    private static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return auth.getName();
    }

    /** SHA-256 over method, path, query and body, each length-prefixed so no two requests share an encoding. */
    static String requestHash(String method, String path, String query, byte[] body) {
        return Hex.encode(HashAlgorithm.SHA_256.digest(part(method), part(path), part(query == null ? "" : query),
                part(body)));
    }

    private static byte[] part(String s) {
        return part(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] part(byte[] b) {
        return ByteBuffer.allocate(8 + b.length).putLong(b.length).put(b).array();
    }
}
