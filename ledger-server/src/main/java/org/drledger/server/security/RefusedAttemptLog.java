package org.drledger.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.drledger.command.web.RefusedAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every refused attempt — failed logins and denied access — and every change of user accounts in
 * {@code security_event} and the log. Not ledger entries: refusals of unauthenticated strangers must not grow the
 * public ledger, and accounts are security state, not supervision records.
 */
@Component
class RefusedAttemptLog implements RefusedAttempts {
    private static final Logger log = LoggerFactory.getLogger("security.refused");
    private static final Logger accounts = LoggerFactory.getLogger("security.accounts");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RefusedAttemptLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** In its own transaction: the refusal stays recorded when the refused request's transaction rolls back. */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(String username, String kind, String detail, String remoteAddress) {
        String d = clip(detail);
        log.warn("refused {} user={} from={} {}", kind, username, remoteAddress, d);
        insert(username, kind, d, remoteAddress);
    }

    /** An account change, in the caller's transaction (it commits with the change). */
    @Transactional
    public void accountChanged(String administrator, String kind, String detail, String remoteAddress) {
        String d = clip(detail);
        accounts.info("{} by {} from {}: {}", kind, administrator, remoteAddress, d);
        insert(administrator, kind, d, remoteAddress);
    }

    @EventListener
    void onLoginFailure(AbstractAuthenticationFailureEvent e) {
        String remote = e.getAuthentication().getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress() : null;
        refused(e.getAuthentication().getName(), "LOGIN_FAILED", e.getException().getClass().getSimpleName(), remote);
    }

    @EventListener
    void onDenied(AuthorizationDeniedEvent<?> e) {
        Authentication auth = e.getAuthentication().get();
        String who = auth == null || auth instanceof AnonymousAuthenticationToken ? null : auth.getName();
        if (e.getObject() instanceof HttpServletRequest r) {
            refused(who, "ACCESS_DENIED", r.getMethod() + " " + r.getRequestURI(), r.getRemoteAddr());
        } else {
            refused(who, "ACCESS_DENIED", String.valueOf(e.getObject()), null);
        }
    }

    private void insert(String username, String kind, String detail, String remoteAddress) {
        jdbc.update("INSERT INTO security_event (occurred_at, username, kind, detail, remote_addr) VALUES (?, ?, ?, ?, ?)",
                clock.instant().toString(), clip(username, 100), kind, detail, clip(remoteAddress, 100));
    }

    /** A login attempt may name any user; the column holds 100 characters. */
    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String clip(String detail) {
        String d = detail == null ? "" : detail;
        return d.length() > 1900 ? d.substring(0, 1900) : d;
    }
}
