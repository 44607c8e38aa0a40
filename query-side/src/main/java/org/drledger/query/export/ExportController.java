package org.drledger.query.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.query.export.BundleExporter.InspectionSubject;
import org.drledger.query.export.BundleExporter.Point;
import org.drledger.query.export.BundleExporter.TaskSubject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bundle downloads (docs/exports.md). The public ledger and task fairness bundles are public; an inspection's
 * evidence is for auditors, the office administrator and the task's lead and assisting departments; the full export
 * with vault openings is for auditors only. Every bundle is streamed as it is written; the asynchronous variant writes
 * it to a file under {@code <ledger.data-dir>/exports} and reports progress. Subjects are checked before a byte is
 * written, so an unknown task or object is a 404 problem naming the field.
 */
@RestController
@RequestMapping("/api/exports")
@Tag(name = "Exports (drl-bundle/1)")
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class ExportController {
    static final String ZIP = "application/zip";
    static final String POINT_HEADER = "X-Drl-Export-Tree-Size";

    private final BundleExporter exporter;
    private final ExportJobs jobs;
    private final AccessPolicy access;

    ExportController(BundleExporter exporter, ExportJobs jobs, AccessPolicy access) {
        this.exporter = exporter;
        this.jobs = jobs;
        this.access = access;
    }

    @GetMapping("/public-ledger")
    @Operation(summary = "The whole public ledger up to the latest checkpoint (public-ledger bundle, public)")
    void publicLedger(HttpServletResponse response) throws IOException {
        Point p = exporter.point();
        stream(response, p, "public-ledger", out -> exporter.publicLedger(p, out, Progress.NONE));
    }

    @GetMapping("/auditor-full")
    @Operation(summary = "The whole ledger with vault openings (auditor-full bundle; auditors only)")
    void auditorFull(HttpServletResponse response) throws IOException {
        requireAuditor();
        Point p = exporter.point();
        stream(response, p, "auditor-full", out -> exporter.auditorFull(p, out, Progress.NONE));
    }

    @GetMapping("/tasks/{taskId}/fairness")
    @Operation(summary = "Everything needed to re-derive a task's draw, with inclusion proofs (public)")
    void fairness(@PathVariable String taskId, HttpServletResponse response) throws IOException {
        Point p = exporter.point();
        TaskSubject task = exporter.task(p, taskId);
        stream(response, p, "task-fairness-" + taskId, out -> exporter.taskFairness(p, task, out, Progress.NONE));
    }

    @GetMapping("/tasks/{taskId}/inspections/{entityId}/evidence")
    @Operation(summary = "One inspection's evidence for 尽职免责 review, with inclusion proofs (auditors, the office "
            + "administrator, the task's departments)")
    void evidence(@PathVariable String taskId, @PathVariable String entityId, HttpServletResponse response)
            throws IOException {
        Point p = exporter.point();
        InspectionSubject i = inspection(p, taskId, entityId);
        stream(response, p, "inspection-evidence-" + taskId + "-" + entityId,
                out -> exporter.inspectionEvidence(p, i, out, Progress.NONE));
    }

    @GetMapping("/tasks/{taskId}/inspections/{entityId}/summary")
    @Operation(summary = "A human-readable reading of the evidence bundle's entries (same access as the bundle)")
    ResponseEntity<ObjectNode> summary(@PathVariable String taskId, @PathVariable String entityId) {
        Point p = exporter.point();
        InspectionSubject i = inspection(p, taskId, entityId);
        List<ExportSource.Leaf> lists = new ArrayList<>();
        i.task().planned().path("items").forEach(it -> lists.addAll(
                exporter.stream(p, "checklist:" + it.path("listId").asText())));
        return ResponseEntity.ok().header(POINT_HEADER, Long.toString(p.size())).body(EvidenceSummary.of(p.size(), i,
                lists, exporter.stream(p, "entity:" + entityId), exporter.resultStreams(p, i)));
    }

    @PostMapping("/{kind}")
    @Operation(summary = "Start an export in the background (kind public-ledger, task-fairness with taskId, "
            + "inspection-evidence with taskId and entityId, auditor-full); 202 with the job")
    ResponseEntity<Map<String, Object>> start(@PathVariable String kind, @RequestParam Optional<String> taskId,
                                              @RequestParam Optional<String> entityId) {
        String owner = principal().map(LedgerPrincipal::username).orElse(null);
        ExportJobs.Job job = switch (kind) {
            case "public-ledger" -> {
                Point p = exporter.point();
                yield jobs.start(kind, "", owner, false, p.size(), (j, out) -> exporter.publicLedger(p, out, j));
            }
            case "auditor-full" -> {
                requireAuditor();
                Point p = exporter.point();
                yield jobs.start(kind, "", owner, true, p.size(), (j, out) -> exporter.auditorFull(p, out, j));
            }
            case "task-fairness" -> {
                String t = required(taskId, "taskId");
                Point p = exporter.point();
                TaskSubject task = exporter.task(p, t);
                yield jobs.start(kind, t, owner, false, p.size(), (j, out) -> exporter.taskFairness(p, task, out, j));
            }
            case "inspection-evidence" -> {
                String t = required(taskId, "taskId");
                String e = required(entityId, "entityId");
                Point p = exporter.point();
                InspectionSubject i = inspection(p, t, e);
                yield jobs.start(kind, t + "/" + e, owner, true, p.size(),
                        (j, out) -> exporter.inspectionEvidence(p, i, out, j));
            }
            default -> throw ExportRefusedException.notFound("kind", "unknown-kind", "no export kind " + kind
                    + "; use public-ledger, task-fairness, inspection-evidence or auditor-full");
        };
        return ResponseEntity.accepted().location(URI.create("/api/exports/jobs/" + job.id)).body(view(job));
    }

    @GetMapping("/jobs/{id}")
    @Operation(summary = "An export job's progress")
    Map<String, Object> job(@PathVariable String id) {
        return view(visibleJob(id));
    }

    @GetMapping("/jobs/{id}/file")
    @Operation(summary = "A finished export job's bundle")
    void jobFile(@PathVariable String id, HttpServletResponse response) throws IOException {
        ExportJobs.Job job = visibleJob(id);
        if (job.status != ExportJobs.Status.DONE) {
            throw new ExportRefusedException(HttpStatus.CONFLICT, "id", "export-not-ready", "export " + id + " is "
                    + job.status.name().toLowerCase(java.util.Locale.ROOT));
        }
        response.setContentType(ZIP);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(job.kind,
                job.subject.replace('/', '-'), job.exportPoint) + "\"");
        response.setHeader(POINT_HEADER, Long.toString(job.exportPoint));
        response.setContentLengthLong(Files.size(job.file));
        try (InputStream in = Files.newInputStream(job.file); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private interface Body {
        void write(OutputStream out);
    }

    private void stream(HttpServletResponse response, Point p, String name, Body body) throws IOException {
        response.setContentType(ZIP);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(name, "", p.size())
                + "\"");
        response.setHeader(POINT_HEADER, Long.toString(p.size()));
        try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), 1 << 16)) {
            body.write(out);
        }
    }

    private static String fileName(String kind, String subject, long size) {
        String base = subject.isEmpty() ? kind : kind + "-" + subject;
        return base.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + size + ".zip";
    }

    private InspectionSubject inspection(Point p, String taskId, String entityId) {
        TaskSubject task = exporter.task(p, taskId);
        requireEvidenceReader(task);
        return exporter.inspection(task, entityId);
    }

    /** Auditors and the office administrator read any inspection; clerks and approvers those of their tasks. */
    private void requireEvidenceReader(TaskSubject task) {
        LedgerPrincipal user = principal().orElseThrow(ExportController::unauthenticated);
        if (user.has(Role.AUDITOR) || user.has(Role.OFFICE_ADMIN)) {
            return;
        }
        List<String> departments = new ArrayList<>();
        departments.add(task.planned().path("leadDepartment").asText());
        task.planned().path("assistingDepartments").forEach(d -> departments.add(d.asText()));
        AccessDeniedException refused = null;
        for (String d : departments) {
            try {
                access.requireActsFor(d, Role.DEPT_CLERK, Role.DEPT_APPROVER);
                return;
            } catch (AccessDeniedException e) {
                refused = e;
            }
        }
        throw new AccessDeniedException(user.username() + " of " + user.department() + " may not read the evidence "
                + "of task " + task.taskId() + " (" + (refused == null ? "" : refused.getMessage()) + ")");
    }

    /** The office administrator is not an auditor: the openings are for auditors only. */
    private void requireAuditor() {
        LedgerPrincipal user = principal().orElseThrow(ExportController::unauthenticated);
        if (!user.has(Role.AUDITOR)) {
            throw new AccessDeniedException(user.username() + " is not an auditor: the full export with vault "
                    + "openings is for auditors only");
        }
    }

    private static Optional<LedgerPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof LedgerPrincipal p ? Optional.of(p) : Optional.empty();
    }

    private static ExportRefusedException unauthenticated() {
        return new ExportRefusedException(HttpStatus.UNAUTHORIZED, "", "authentication-required",
                "this export needs a login");
    }

    private static String required(Optional<String> value, String field) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new ExportRefusedException(
                HttpStatus.UNPROCESSABLE_ENTITY, field, "required", field + " is required for this kind"));
    }

    /** A job the caller may see: public ones to anyone with the id, restricted ones to their owner only. */
    private ExportJobs.Job visibleJob(String id) {
        Optional<ExportJobs.Job> job = jobs.get(id);
        if (job.isPresent() && job.get().restricted) {
            String me = principal().map(LedgerPrincipal::username).orElse(null);
            if (me == null || !me.equals(job.get().owner)) {
                job = Optional.empty();
            }
        }
        return job.orElseThrow(() -> ExportRefusedException.notFound("id", "unknown-job", "no export job " + id));
    }

    private static Map<String, Object> view(ExportJobs.Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id);
        m.put("kind", j.kind);
        m.put("subject", j.subject);
        m.put("status", j.status.name());
        m.put("exportPoint", j.exportPoint);
        m.put("leavesExamined", j.leavesExamined);
        m.put("entriesWritten", j.entriesWritten);
        m.put("percent", j.percent());
        m.put("created", j.created.toString());
        if (j.status == ExportJobs.Status.DONE) {
            m.put("bytes", j.bytes);
            m.put("file", "/api/exports/jobs/" + j.id + "/file");
        }
        if (j.error != null) {
            m.put("error", j.error);
        }
        return m;
    }
}
