package org.drledger.server.security;

import java.time.Clock;
import org.drledger.command.web.RefusedAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every refused attempt — failed logins and denied access — in {@code security_event} and the log. Not a
 * ledger entry: refusals of unauthenticated strangers must not grow the public ledger.
 */
@Component
class RefusedAttemptLog implements RefusedAttempts {
    private static final Logger log = LoggerFactory.getLogger("security.refused");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RefusedAttemptLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refused(String username, String kind, String detail, String remoteAddress) {
        String d = detail.length() > 1900 ? detail.substring(0, 1900) : detail;
        log.warn("refused {} user={} from={} {}", kind, username, remoteAddress, d);
        jdbc.update("INSERT INTO security_event (occurred_at, username, kind, detail, remote_addr) VALUES (?, ?, ?, ?, ?)",
                clock.instant().toString(), username, kind, d, remoteAddress);
    }

    @EventListener
    void onLoginFailure(AbstractAuthenticationFailureEvent e) {
        refused(e.getAuthentication().getName(), "LOGIN_FAILED", e.getException().getClass().getSimpleName(), null);
    }

    @EventListener
    void onDenied(AuthorizationDeniedEvent<?> e) {
        var auth = e.getAuthentication().get();
        String who = auth == null ? null : auth.getName();
        refused(who, "ACCESS_DENIED", String.valueOf(e.getObject()), null);
    }
}
