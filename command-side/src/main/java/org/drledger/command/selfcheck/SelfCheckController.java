package org.drledger.command.selfcheck;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs the ledger self-check on demand (office administrator or auditor). */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Administration")
class SelfCheckController {
    private final AccessPolicy access;
    private final LedgerIntegrity integrity;

    SelfCheckController(AccessPolicy access, LedgerIntegrity integrity) {
        this.access = access;
        this.integrity = integrity;
    }

    @GetMapping("/self-check")
    @Operation(summary = "Re-verify the whole ledger from the database: entries, chains, leaves, checkpoints, "
            + "cosignatures (office administrator or auditor)")
    SelfCheckReport selfCheck() {
        LedgerPrincipal p = access.current();
        if (!p.has(Role.OFFICE_ADMIN) && !p.has(Role.AUDITOR)) {
            throw new AccessDeniedException(p.username() + " is neither the office administrator nor an auditor");
        }
        return integrity.check();
    }
}
