package org.drledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drledger.command.support.CommandRefusedException;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.query.keys.KeyDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The audit trail API (signed-in users; scope per {@link AuditAccess}): filtered pages of entries in leaf order and
 * one entry with its evidence (signed entry, key status, checkpoint and verified inclusion proof).
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit trail")
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class AuditController {
    private final AuditTrail trail;
    private final AuditAccess access;
    private final EntryEvidence evidence;

    AuditController(AuditTrail trail, AuditAccess access, EntryEvidence evidence) {
        this.trail = trail;
        this.access = access;
        this.evidence = evidence;
    }

    @GetMapping
    @Operation(summary = "Entries matching the filters, in leaf order (keyset: after=<leafIndex>; or page/size)")
    AuditTrail.Page search(@RequestParam(required = false) String actor,
                           @RequestParam(required = false) String department,
                           @RequestParam(required = false) String streamType,
                           @RequestParam(required = false) String streamId,
                           @RequestParam(required = false) String eventType,
                           @RequestParam(required = false) String task,
                           @RequestParam(required = false) String entity,
                           @RequestParam(required = false) String officer,
                           @RequestParam(required = false) String from,
                           @RequestParam(required = false) String to,
                           @RequestParam(required = false) Long after,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "50") int size) {
        AuditFilter filter = access.scope(AuditFilter.of(actor, department, streamType, streamId, eventType, task,
                entity, officer, from, to));
        checkPaging(after, page, size);
        return trail.search(filter, after, page, size);
    }

    @GetMapping("/entries/{leafIndex}")
    @Operation(summary = "One entry: signed entry, hash, prev, signature, key status, checkpoint and inclusion proof")
    Map<String, Object> entry(@PathVariable long leafIndex) {
        AuditTrail.Row row = trail.entry(leafIndex).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "no entry at leaf " + leafIndex + " in the audit trail (yet)"));
        access.requireMayRead(row);
        EntryEvidence.Evidence e = evidence.of(row).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "leaf " + leafIndex + " is not sealed"));
        return detail(row, e, trail);
    }

    static Map<String, Object> detail(AuditTrail.Row row, EntryEvidence.Evidence e, AuditTrail trail) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("leafIndex", row.leafIndex());
        out.put("globalIndex", row.globalIndex());
        out.put("entry", row);
        out.put("entryHash", row.entryHash());
        out.put("prev", row.prev());
        out.put("signature", e.signature());
        out.put("keyId", row.keyId());
        out.put("keyStatus", keyStatus(e.keyStatus()));
        out.put("signedEntry", e.signedEntry());
        out.put("references", trail.references(row.leafIndex()));
        out.put("checkpoint", e.inclusion().map(i -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("treeSize", i.treeSize());
            c.put("root", i.root());
            c.put("signedAt", i.signedAt());
            c.put("note", i.note());
            return c;
        }).orElse(null));
        out.put("inclusionProof", e.inclusion().map(EntryEvidence.Inclusion::proof).orElse(null));
        out.put("verified", e.inclusion().map(i -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("ok", i.verified());
            v.put("treeSize", i.treeSize());
            v.put("failure", i.failure());
            return v;
        }).orElse(null));
        JsonNode payload = e.signedEntry().at("/entry/payload");
        out.put("links", AuditLinks.of(row, payload.isMissingNode() ? null : payload));
        return out;
    }

    static Map<String, Object> keyStatus(KeyDirectory.StatusAt s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", s.status().name());
        s.key().ifPresent(k -> {
            m.put("department", k.department());
            m.put("state", k.state());
            m.put("validFrom", k.validFrom());
            m.put("validUntil", k.validUntil());
            m.put("compromisedFrom", k.compromisedFrom());
        });
        return m;
    }

    static void checkPaging(Long after, int page, int size) {
        if (size < 1 || size > AuditTrail.MAX_PAGE) {
            throw new CommandRefusedException("size", "out-of-range", "size must be 1.." + AuditTrail.MAX_PAGE);
        }
        if (page < 0) {
            throw new CommandRefusedException("page", "out-of-range", "page must be 0 or more");
        }
        if (after != null && after < -1) {
            throw new CommandRefusedException("after", "out-of-range", "after must be a leaf index (or -1)");
        }
    }
}
