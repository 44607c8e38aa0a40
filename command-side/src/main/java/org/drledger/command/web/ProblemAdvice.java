package org.drledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.drledger.command.ledger.LedgerIntegrityException;
import org.drledger.command.ledger.NoActiveKeyException;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.core.FormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as {@code application/problem+json} naming the field and the rule; never a stack trace. Unexpected
 * errors get an opaque reference that is logged with the cause.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private final ObjectProvider<RefusedAttempts> refused;

    ProblemAdvice(ObjectProvider<RefusedAttempts> refused) {
        this.refused = refused;
    }

    @ExceptionHandler(CommandRefusedException.class)
    ProblemDetail refused(CommandRefusedException e) {
        return Problems.of(e.isConflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY, e.field(), e.rule(),
                e.getMessage());
    }

    @ExceptionHandler(NoActiveKeyException.class)
    ProblemDetail noKey(NoActiveKeyException e) {
        return Problems.of(HttpStatus.CONFLICT, "actor.department", "no-active-key", e.getMessage());
    }

    @ExceptionHandler(LedgerIntegrityException.class)
    ProblemDetail integrity(LedgerIntegrityException e) {
        log.error("The append path refused to store: {}", e.getMessage());
        return Problems.of(HttpStatus.CONFLICT, "", "ledger-integrity", e.getMessage());
    }

    @ExceptionHandler(FormatException.class)
    ProblemDetail format(FormatException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, e.where(), e.rule(), e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e, HttpServletRequest request) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String user = auth == null ? null : auth.getName();
        refused.ifAvailable(r -> r.refused(user, "ACCESS_DENIED",
                request.getMethod() + " " + request.getRequestURI() + ": " + e.getMessage(), request.getRemoteAddr()));
        return Problems.of(HttpStatus.FORBIDDEN, "", "access-denied", e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "id", "not-found", "no such record: " + e.getAggregateIdentifier());
    }

    @ExceptionHandler({ConcurrencyException.class, DuplicateKeyException.class})
    ProblemDetail exists(RuntimeException e) {
        return Problems.of(HttpStatus.CONFLICT, "id", "already-exists-or-concurrent-change",
                "the record already exists or was changed concurrently; reload and retry");
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException e) {
        int code = e.getStatusCode().value();
        return Problems.of(HttpStatus.valueOf(code), "", code == 404 ? "not-found" : "status-" + code, e.getReason());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> wrapped(CommandExecutionException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof CommandRefusedException c) {
            return ResponseEntity.status(c.isConflict() ? 409 : 422).body(refused(c));
        }
        if (cause instanceof RuntimeException r && !(cause instanceof CommandExecutionException)) {
            return unexpectedOrKnown(r, request);
        }
        return ResponseEntity.internalServerError().body(unexpected(e));
    }

    private ResponseEntity<ProblemDetail> unexpectedOrKnown(RuntimeException r, HttpServletRequest request) {
        ProblemDetail p;
        if (r instanceof NoActiveKeyException n) {
            p = noKey(n);
        } else if (r instanceof LedgerIntegrityException i) {
            p = integrity(i);
        } else if (r instanceof FormatException f) {
            p = format(f);
        } else if (r instanceof AccessDeniedException a) {
            p = denied(a, request);
        } else {
            p = unexpected(r);
        }
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (uniqueViolation(e)) {
            // e.g. an aggregate id taken by a concurrent or earlier command: the event store's unique key refused it
            return exists(new DuplicateKeyException(e.getMessage(), e));
        }
        String ref = UUID.randomUUID().toString();
        log.error("Unexpected error {}", ref, e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "", "internal-error",
                "an internal error occurred; reference " + ref);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(f -> errors.add(Map.of("field", f.getField(),
                "rule", Optional.ofNullable(f.getCode()).orElse("invalid"),
                "message", Optional.ofNullable(f.getDefaultMessage()).orElse("invalid"))));
        ex.getBindingResult().getGlobalErrors().forEach(g -> errors.add(Map.of("field", g.getObjectName(),
                "rule", Optional.ofNullable(g.getCode()).orElse("invalid"),
                "message", Optional.ofNullable(g.getDefaultMessage()).orElse("invalid"))));
        Map<String, String> first = errors.isEmpty() ? Map.of("field", "", "rule", "invalid", "message", "invalid") : errors.get(0);
        ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, first.get("field"), first.get("rule"),
                first.get("field") + ": " + first.get("message"));
        return ResponseEntity.badRequest().body(Problems.withErrors(p, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(Map.of(
                "field", r.getMethodParameter().getParameterName() == null ? "" : r.getMethodParameter().getParameterName(),
                "rule", err.getCodes() == null || err.getCodes().length == 0 ? "invalid" : last(err.getCodes()),
                "message", Optional.ofNullable(err.getDefaultMessage()).orElse("invalid")))));
        Map<String, String> first = errors.isEmpty() ? Map.of("field", "", "rule", "invalid", "message", "invalid") : errors.get(0);
        return ResponseEntity.badRequest().body(Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST,
                first.get("field"), first.get("rule"), first.get("field") + ": " + first.get("message")), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = "";
        if (ex.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("");
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, field, "malformed-body",
                "the request body is not valid JSON for this operation"));
    }

    /**
     * Spring MVC's own refusals (unknown route, wrong method or media type, missing or mistyped parameter) get the
     * field and the rule every problem carries.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail p
                && (p.getProperties() == null || !p.getProperties().containsKey("rule"))) {
            String field = ex instanceof MissingServletRequestParameterException m ? m.getParameterName()
                    : ex instanceof TypeMismatchException t && t.getPropertyName() != null ? t.getPropertyName() : "";
            String rule = switch (statusCode.value()) {
                case 400 -> ex instanceof MissingServletRequestParameterException ? "required"
                        : ex instanceof TypeMismatchException ? "type-mismatch" : "bad-request";
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 413 -> "too-large";
                case 415 -> "unsupported-media-type";
                default -> "status-" + statusCode.value();
            };
            p.setProperty("field", field);
            p.setProperty("rule", rule);
        }
        return response;
    }

    /** A unique-key violation (SQLSTATE 23505 on H2 and PostgreSQL) anywhere in the cause chain. */
    private static boolean uniqueViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException s && ("23505".equals(s.getSQLState())
                    || (s.getNextException() != null && "23505".equals(s.getNextException().getSQLState())))) {
                return true;
            }
        }
        return false;
    }

    private static String last(String[] codes) {
        String c = codes[codes.length - 1];
        return c.contains(".") ? c.substring(c.lastIndexOf('.') + 1) : c;
    }
}
