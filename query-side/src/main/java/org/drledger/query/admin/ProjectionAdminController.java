package org.drledger.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The views as an operator sees them (office administrator only): position, log size, lag, per-table digests on
 * request and rebuild progress; {@code POST …/rebuild} empties and replays every view in the background.
 */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Projections (administration)")
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class ProjectionAdminController {
    static final String STATUS = "/api/admin/projections";

    private final ProjectionAdmin admin;
    private final AccessPolicy policy;

    ProjectionAdminController(ProjectionAdmin admin, AccessPolicy policy) {
        this.admin = admin;
        this.policy = policy;
    }

    @GetMapping
    @Operation(summary = "Position, log size, lag, rebuild progress; digests=true adds a digest per view table")
    Map<String, Object> status(@RequestParam(defaultValue = "false") boolean digests) {
        policy.requireOfficeAdmin();
        return admin.status(digests);
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Empty every view and replay the ledger (asynchronous: 202, progress at the status URL)")
    ResponseEntity<Map<String, Object>> rebuild() {
        policy.requireOfficeAdmin();
        if (!admin.startRebuild()) {
            throw CommandRefusedException.conflict("rebuild", "already-running", "a rebuild is already running");
        }
        return ResponseEntity.accepted().location(URI.create(STATUS))
                .body(Map.of("status", STATUS, "rebuild", admin.status(false).get("rebuild")));
    }
}
