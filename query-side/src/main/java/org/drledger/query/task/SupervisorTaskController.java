package org.drledger.query.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.drledger.command.vault.Vault;
import org.drledger.command.web.Problems;
import org.drledger.core.json.CanonicalJson;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supervisors' task views: every step with the targets' strata even when confidential. The office administrator and
 * auditors see every task; clerks and approvers the tasks their department leads or assists.
 */
@RestController
@RequestMapping("/api/tasks-view")
public class SupervisorTaskController {
    private final TaskViews views;
    private final DrawInputs inputs;
    private final AccessPolicy access;
    private final ObjectProvider<Vault> vault;

    SupervisorTaskController(TaskViews views, DrawInputs inputs, AccessPolicy access, ObjectProvider<Vault> vault) {
        this.views = views;
        this.inputs = inputs;
        this.access = access;
        this.vault = vault;
    }

    /** Whether the user sees every department's tasks. */
    public static boolean seesAll(LedgerPrincipal p) {
        return p.has(Role.OFFICE_ADMIN) || p.has(Role.AUDITOR);
    }

    @GetMapping
    public List<Map<String, Object>> list(@RequestParam(required = false) String department) {
        LedgerPrincipal p = access.current();
        if (!seesAll(p)) {
            if (department != null && !department.equals(p.department())) {
                throw new AccessDeniedException(p.username() + " reads only the tasks of " + p.department());
            }
            department = p.department();
        }
        return views.list(department);
    }

    @GetMapping("/{taskId}")
    public ResponseEntity<?> task(@PathVariable String taskId) {
        requireScope(taskId);
        return views.proof(taskId, false).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> unknown(taskId));
    }

    @GetMapping("/{taskId}/draw-input")
    public ResponseEntity<?> drawInput(@PathVariable String taskId) {
        requireScope(taskId);
        Vault v = vault.getIfAvailable();
        return download(taskId, () -> inputs.of(taskId, c -> v == null ? Optional.empty()
                : v.open(c).map(n -> n.asText())));
    }

    /** The task is readable by the current user (unknown tasks fall through to 404). */
    public LedgerPrincipal requireScope(String taskId) {
        LedgerPrincipal p = access.current();
        if (!seesAll(p) && views.proof(taskId, true).isPresent() && !views.involves(taskId, p.department())) {
            throw new AccessDeniedException(p.username() + " of " + p.department() + " is not in task " + taskId);
        }
        return p;
    }

    static ResponseEntity<?> unknown(String taskId) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "taskId",
                "unknown-task", "no task " + taskId));
    }

    /** A draw input as a canonical JSON download, or the problem why not. */
    public static ResponseEntity<?> download(String taskId, java.util.function.Supplier<Optional<ObjectNode>> input) {
        try {
            Optional<ObjectNode> doc = input.get();
            if (doc.isEmpty()) {
                return unknown(taskId);
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"draw-input-" + taskId + ".json\"")
                    .body(new String(CanonicalJson.write(doc.get()), StandardCharsets.UTF_8));
        } catch (DrawInputs.Unavailable e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "taskId",
                    e.rule(), e.getMessage()));
        }
    }
}
