package org.drledger.query.export;

import org.springframework.http.HttpStatus;

/** An export that cannot be made: an unknown subject (404) or a ledger with nothing to export yet (409). */
final class ExportRefusedException extends RuntimeException {
    private final HttpStatus status;
    private final String field;
    private final String rule;

    ExportRefusedException(HttpStatus status, String field, String rule, String message) {
        super(message);
        this.status = status;
        this.field = field;
        this.rule = rule;
    }

    static ExportRefusedException notFound(String field, String rule, String message) {
        return new ExportRefusedException(HttpStatus.NOT_FOUND, field, rule, message);
    }

    HttpStatus status() {
        return status;
    }

    String field() {
        return field;
    }

    String rule() {
        return rule;
    }
}
