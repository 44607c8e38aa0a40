package org.drledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit trail explorer ({@code /app/audit}) and an entry's page with its verified proof. */
@Controller
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class AuditPages {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final AuditTrail trail;
    private final AuditAccess access;
    private final EntryEvidence evidence;
    private final JdbcTemplate jdbc;

    AuditPages(AuditTrail trail, AuditAccess access, EntryEvidence evidence, JdbcTemplate jdbc) {
        this.trail = trail;
        this.access = access;
        this.evidence = evidence;
        this.jdbc = jdbc;
    }

    @GetMapping("/app/audit")
    String trail(@RequestParam(required = false) String actor, @RequestParam(required = false) String department,
                 @RequestParam(required = false) String streamType, @RequestParam(required = false) String streamId,
                 @RequestParam(required = false) String eventType, @RequestParam(required = false) String task,
                 @RequestParam(required = false) String entity, @RequestParam(required = false) String officer,
                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) Long after, @RequestParam(defaultValue = "0") int page,
                 @RequestParam(defaultValue = "50") int size, Model model) {
        AuditFilter f = access.scope(AuditFilter.of(actor, department, streamType, streamId, eventType, task, entity,
                officer, from, to));
        AuditController.checkPaging(after, page, size);
        AuditTrail.Page result = trail.search(f, after, page, size);
        boolean all = access.readsAll();
        model.addAttribute("f", f);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("result", result);
        model.addAttribute("readsAll", all);
        model.addAttribute("ownDepartment", f.department());
        model.addAttribute("departments", all ? jdbc.queryForList("SELECT DISTINCT actor_department FROM audit_entry "
                + "ORDER BY actor_department", String.class) : List.of(f.department()));
        model.addAttribute("eventTypes", jdbc.queryForList("SELECT DISTINCT event_type FROM audit_entry "
                + "ORDER BY event_type", String.class));
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/app/audit");
        query(base, "actor", actor);
        query(base, "department", department);
        query(base, "streamType", streamType);
        query(base, "streamId", streamId);
        query(base, "eventType", eventType);
        query(base, "task", task);
        query(base, "entity", entity);
        query(base, "officer", officer);
        query(base, "from", from);
        query(base, "to", to);
        base.queryParam("size", size);
        if (result.nextAfter() != null) {
            model.addAttribute("nextUrl", base.cloneBuilder().queryParam("page", result.page() + 1)
                    .queryParam("after", result.nextAfter()).build().encode().toUriString());
        }
        if (result.page() > 0) {
            model.addAttribute("prevUrl", base.cloneBuilder().queryParam("page", result.page() - 1).build().encode()
                    .toUriString());
        }
        return "audit/trail";
    }

    @GetMapping("/app/audit/entries/{leafIndex}")
    String entry(@PathVariable long leafIndex, Model model) throws Exception {
        AuditTrail.Row row = trail.entry(leafIndex).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND));
        access.requireMayRead(row);
        EntryEvidence.Evidence e = evidence.of(row).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND));
        model.addAttribute("row", row);
        model.addAttribute("evidence", e);
        model.addAttribute("keyStatusKey", "audit.keyStatus." + e.keyStatus().status().name());
        model.addAttribute("keyValid", e.keyStatus().status() == org.drledger.core.entry.KeyStatus.VALID);
        model.addAttribute("compromisedFrom", e.keyStatus().key().map(k -> k.compromisedFrom()).orElse(null));
        model.addAttribute("references", trail.references(leafIndex));
        JsonNode payload = e.signedEntry().at("/entry/payload");
        model.addAttribute("links", AuditLinks.of(row, payload.isMissingNode() ? null : payload));
        model.addAttribute("entryText", PRETTY.writeValueAsString(e.signedEntry()));
        model.addAttribute("proofText", e.inclusion().isPresent()
                ? PRETTY.writeValueAsString(e.inclusion().get().proof()) : "");
        return "audit/entry";
    }

    private static void query(UriComponentsBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.queryParam(name, value);
        }
    }
}
