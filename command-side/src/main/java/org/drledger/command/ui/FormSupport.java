package org.drledger.command.ui;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.drledger.command.support.CommandRefusedException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What every form controller shares. A form submits through the REST controller or application service the API
 * uses, so it is authorized, validated and refused exactly as the API is; this class only turns a refusal into
 * something a page can show. Bean-validation constraints of the REST request bodies are checked with the same
 * {@link Validator} the REST layer's {@code @Valid} uses. Access refusals and unexpected errors are not caught:
 * they reach {@code ProblemAdvice} (403 / an opaque 500) like any request's.
 */
@Component
public class FormSupport {
    private final Validator validator;
    private final AccessPolicy access;

    FormSupport(Validator validator, AccessPolicy access) {
        this.validator = validator;
        this.access = access;
    }

    /** The outcome of one submission: the value on success, else the refusal. */
    public record Outcome<T>(T value, Refusal refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    /** Validates {@code body} (when not null) as the REST layer's {@code @Valid} would, then runs {@code action}. */
    public <T> Outcome<T> submit(Object body, Supplier<T> action) {
        if (body != null) {
            Set<ConstraintViolation<Object>> violations = validator.validate(body);
            if (!violations.isEmpty()) {
                ConstraintViolation<Object> v = violations.stream()
                        .min(Comparator.comparing(c -> c.getPropertyPath().toString())).orElseThrow();
                return new Outcome<>(null, new Refusal(v.getPropertyPath().toString(),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                        v.getPropertyPath() + ": " + v.getMessage(), 400));
            }
        }
        try {
            return new Outcome<>(action.get(), null);
        } catch (CommandRefusedException e) {
            return new Outcome<>(null, refusal(e));
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof CommandRefusedException c) {
                return new Outcome<>(null, refusal(c));
            }
            throw e;
        }
    }

    /** A refusal of the form's own input parsing (a date or a number that is not one), before any command. */
    public static Refusal malformed(String field, String rule, String detail) {
        return new Refusal(field, rule, detail, 400);
    }

    /** A whole number from a form field (surrounding blanks ignored); null when the field is blank. */
    public static Integer integer(String value, String field) throws MalformedInput {
        Long n = longInteger(value, field);
        if (n != null && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
            throw new MalformedInput(field, "not-a-number", field + " must be a whole number");
        }
        return n == null ? null : n.intValue();
    }

    /** A whole number from a form field (surrounding blanks ignored); null when the field is blank. */
    public static Long longInteger(String value, String field) throws MalformedInput {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new MalformedInput(field, "not-a-number", field + " must be a whole number");
        }
    }

    /** A date {@code YYYY-MM-DD} from a form field; null when the field is blank. */
    public static java.time.LocalDate date(String value, String field) throws MalformedInput {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new MalformedInput(field, "bad-date", field + " must be a date YYYY-MM-DD");
        }
    }

    private static Refusal refusal(CommandRefusedException e) {
        return new Refusal(e.field(), e.rule(), e.getMessage(), e.isConflict() ? 409 : 422);
    }

    /** Whether the current user may act for {@code department} with one of {@code roles} (AccessPolicy's rule). */
    public boolean mayActFor(String department, Role... roles) {
        try {
            access.requireActsFor(department, roles);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    public boolean isOfficeAdmin() {
        return access.current().has(Role.OFFICE_ADMIN);
    }

    public LedgerPrincipal current() {
        return access.current();
    }
}
