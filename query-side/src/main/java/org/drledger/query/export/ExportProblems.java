package org.drledger.query.export;

import org.drledger.command.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Export refusals as problem+json naming the field and the rule, before anything of a bundle is written. */
@RestControllerAdvice(assignableTypes = ExportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExportProblems {
    @ExceptionHandler(ExportRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ExportRefusedException e) {
        ResponseEntity.BodyBuilder r = ResponseEntity.status(e.status());
        if (e.status().value() == 401) {
            r.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Double-Random Ledger\"");
        }
        return r.body(Problems.of(e.status(), e.field(), e.rule(), e.getMessage()));
    }
}
