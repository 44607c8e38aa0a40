package org.drledger.server.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.drledger.command.department.DepartmentDirectory;
import org.drledger.command.support.CommandRefusedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * User accounts, administered by the office administrator (auditors may list them). Accounts are security state,
 * not ledger entries: they live in {@code app_user}, and each change is recorded in {@code security_event}. A
 * password is either chosen by the administrator (checked) or generated and returned once, marked
 * {@code Cache-Control: no-store}; only its bcrypt hash is kept.
 */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Users", description = "Accounts and roles: security state, not ledger entries")
class UserAdministrationController {
    static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,63}";

    private final UserAccounts users;
    private final AccessPolicy access;
    private final DepartmentDirectory departments;
    private final RefusedAttemptLog events;
    private final Passwords passwords = new Passwords(new SecureRandom());

    UserAdministrationController(UserAccounts users, AccessPolicy access, DepartmentDirectory departments,
                                 RefusedAttemptLog events) {
        this.users = users;
        this.access = access;
        this.departments = departments;
        this.events = events;
    }

    record NewUser(@NotBlank @Pattern(regexp = USERNAME, message = "2 to 64 of a-z, 0-9, '.', '_', '-'") String username,
                   @NotBlank String department,
                   @NotEmpty List<@NotBlank String> roles,
                   @Size(max = 200) String password) {
    }

    record NewPassword(@Size(max = 200) String password) {
    }

    @PostMapping
    @Transactional
    @Operation(summary = "Create a user (office administrator); without a password, one is generated and returned "
            + "once")
    ResponseEntity<Map<String, Object>> create(@Valid @RequestBody NewUser body, HttpServletRequest request) {
        LedgerPrincipal admin = access.requireOfficeAdmin();
        Set<Role> roles = roles(body.roles());
        var department = departments.find(body.department()).orElseThrow(() -> new CommandRefusedException(
                "department", "unknown-department", "no department " + body.department()));
        if (roles.contains(Role.OFFICE_ADMIN) && !department.office()) {
            throw new CommandRefusedException("roles", "office-admin-outside-office",
                    "the office administrator is a member of the joint-conference office");
        }
        String password = chosenOrGenerated(body.username(), body.password());
        if (users.find(body.username()).isPresent()) {
            throw CommandRefusedException.conflict("username", "username-taken", "user " + body.username() + " exists");
        }
        try {
            users.create(body.username(), password, body.department(), roles);
        } catch (DuplicateKeyException e) {
            throw CommandRefusedException.conflict("username", "username-taken", "user " + body.username() + " exists");
        }
        events.accountChanged(admin.username(), "USER_CREATED", body.username() + " in " + body.department() + " as "
                + roles.stream().map(Enum::name).sorted().toList(), request.getRemoteAddr());
        Map<String, Object> out = new LinkedHashMap<>();
        UserAccounts.Account account = users.account(body.username()).orElseThrow();
        out.put("username", account.username());
        out.put("department", account.department());
        out.put("roles", account.roles());
        out.put("enabled", account.enabled());
        return withGenerated(HttpStatus.CREATED, out, body.password() == null ? password : null);
    }

    @GetMapping
    @Operation(summary = "List users (office administrator or auditor); never a password or its hash")
    List<UserAccounts.Account> list() {
        requireAdminOrAuditor();
        return users.all();
    }

    @GetMapping("/{username}")
    @Operation(summary = "One user (office administrator or auditor)")
    UserAccounts.Account one(@PathVariable String username) {
        requireAdminOrAuditor();
        return users.account(username).orElseThrow(() -> noUser(username));
    }

    @PostMapping("/{username}/disable")
    @Transactional
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Disable a user: it can no longer log in (office administrator)")
    void disable(@PathVariable String username, HttpServletRequest request) {
        LedgerPrincipal admin = access.requireOfficeAdmin();
        if (admin.username().equals(username)) {
            throw CommandRefusedException.conflict("username", "cannot-disable-self",
                    "an administrator cannot disable the account in use");
        }
        if (!users.setEnabled(username, false)) {
            throw noUser(username);
        }
        events.accountChanged(admin.username(), "USER_DISABLED", username, request.getRemoteAddr());
    }

    @PostMapping("/{username}/enable")
    @Transactional
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Enable a disabled user again (office administrator)")
    void enable(@PathVariable String username, HttpServletRequest request) {
        LedgerPrincipal admin = access.requireOfficeAdmin();
        if (!users.setEnabled(username, true)) {
            throw noUser(username);
        }
        events.accountChanged(admin.username(), "USER_ENABLED", username, request.getRemoteAddr());
    }

    @PostMapping("/{username}/password")
    @Transactional
    @Operation(summary = "Reset a user's password (office administrator); without a password, one is generated "
            + "and returned once")
    ResponseEntity<Map<String, Object>> resetPassword(@PathVariable String username,
                                                      @Valid @RequestBody(required = false) NewPassword body,
                                                      HttpServletRequest request) {
        LedgerPrincipal admin = access.requireOfficeAdmin();
        if (users.find(username).isEmpty()) {
            throw noUser(username);
        }
        String chosen = body == null ? null : body.password();
        String password = chosenOrGenerated(username, chosen);
        users.setPassword(username, password);
        events.accountChanged(admin.username(), "PASSWORD_RESET", username, request.getRemoteAddr());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", username);
        return withGenerated(HttpStatus.OK, out, chosen == null ? password : null);
    }

    /** A generated password is in this one response only, which no cache (nor the idempotency store) keeps. */
    private static ResponseEntity<Map<String, Object>> withGenerated(HttpStatus status, Map<String, Object> body,
                                                                     String generated) {
        if (generated == null) {
            return ResponseEntity.status(status).body(body);
        }
        body.put("password", generated);
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(body);
    }

    private String chosenOrGenerated(String username, String chosen) {
        if (chosen == null) {
            return passwords.generate();
        }
        Passwords.violation(username, chosen).ifPresent(rule -> {
            throw new CommandRefusedException("password", rule, switch (rule) {
                case "password-too-short" -> "a password has at least " + Passwords.MIN_LENGTH + " characters";
                case "password-too-long" -> "a password has at most " + Passwords.MAX_UTF8_BYTES + " UTF-8 bytes";
                default -> "the password must not be the user name";
            });
        });
        return chosen;
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String n : names) {
            try {
                roles.add(Role.valueOf(n.strip()));
            } catch (IllegalArgumentException e) {
                throw new CommandRefusedException("roles", "unknown-role", "no role " + n + "; roles are "
                        + List.of(Role.values()));
            }
        }
        if (roles.contains(Role.AUDITOR) && roles.size() > 1) {
            throw new CommandRefusedException("roles", "auditor-exclusive",
                    "an auditor reads everything and writes nothing: no other role with AUDITOR");
        }
        return roles;
    }

    private void requireAdminOrAuditor() {
        LedgerPrincipal p = access.current();
        if (!p.has(Role.OFFICE_ADMIN) && !p.has(Role.AUDITOR)) {
            throw new AccessDeniedException(p.username() + " may not list users");
        }
    }

    private static ResponseStatusException noUser(String username) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no user " + username);
    }
}
