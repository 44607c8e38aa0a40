package org.drledger.command.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;
import org.drledger.command.registry.ImportJobs.Job;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.command.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV bulk import into either registry ({@code objects}, {@code inspectors}); columns in docs/workflow.md §2. A
 * file up to {@code ledger.registry.import.sync-max-bytes} is imported within the request: 200 with the per-row
 * report, or 422 {@code rows-rejected} (nothing written) when a non-partial import has a rejected row. A larger
 * file, or {@code async=true}, becomes a job: 202 with its id; {@code GET /api/imports/{id}} shows its progress
 * and, once finished, the report page by page.
 */
@RestController
@Tag(name = "Registries")
@ConditionalOnLedgerRole(LedgerRoles.COMMAND)
class ImportController {
    static final String TEXT_CSV = "text/csv";
    private static final int SYNC_REPORT_ROWS = 10_000;

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/api/registries/{registry}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a CSV file (multipart part \"file\") into the objects or inspectors registry")
    ResponseEntity<Object> importPart(@PathVariable String registry, @RequestPart("file") MultipartFile file,
                                      @RequestParam(defaultValue = "false") boolean partial,
                                      @RequestParam(defaultValue = "false") boolean dryRun,
                                      @RequestParam(defaultValue = "false") boolean async) throws IOException {
        requireUtf8(file.getContentType());
        try (InputStream in = file.getInputStream()) {
            return answer(imports.accept(registry, in, file.getOriginalFilename(), partial, dryRun, async));
        }
    }

    @PostMapping(path = "/api/registries/{registry}/imports", consumes = TEXT_CSV)
    @Operation(summary = "Import a CSV file sent as the request body (text/csv; charset=UTF-8)")
    ResponseEntity<Object> importBody(@PathVariable String registry, HttpServletRequest request,
                                      @RequestParam(defaultValue = "false") boolean partial,
                                      @RequestParam(defaultValue = "false") boolean dryRun,
                                      @RequestParam(defaultValue = "false") boolean async,
                                      @RequestParam(required = false) String fileName) throws IOException {
        requireUtf8(request.getContentType());
        try (InputStream in = request.getInputStream()) {
            return answer(imports.accept(registry, in, fileName, partial, dryRun, async));
        }
    }

    @GetMapping("/api/imports/{importId}")
    @Operation(summary = "An import's progress and, once finished, a page of its per-row report (importer's "
            + "department, auditors, office administrator)")
    Map<String, Object> job(@PathVariable String importId, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "100") int size,
                            @RequestParam(required = false) String status) {
        if (page < 0 || size < 1 || size > RegistryController.MAX_PAGE) {
            throw new ImportService.Refused(HttpStatus.BAD_REQUEST, page < 0 ? "page" : "size", "out-of-range",
                    "page is 0 or more, size 1 to " + RegistryController.MAX_PAGE);
        }
        return imports.view(imports.job(importId), page, size, status);
    }

    private ResponseEntity<Object> answer(ImportService.Accepted a) {
        Job job = a.job();
        URI location = URI.create("/api/imports/" + job.importId());
        if (!a.ran()) {
            return ResponseEntity.accepted().location(location).body(imports.view(job, 0, 1, null));
        }
        Map<String, Object> view = imports.view(job, 0, SYNC_REPORT_ROWS, null);
        if (job.status() == ImportJobs.Status.REJECTED) {
            ProblemDetail p = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "file", "rows-rejected", job.message());
            p.setProperty("import", view);
            return ResponseEntity.unprocessableEntity().location(location)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        if (job.status() == ImportJobs.Status.FAILED) {
            ProblemDetail p = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "file", "import-failed", job.message());
            p.setProperty("import", view);
            return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        return ResponseEntity.ok().location(location).body(view);
    }

    private static void requireUtf8(String contentType) {
        if (contentType == null) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (RuntimeException e) {
            return;
        }
        String cs = type.getParameter("charset");
        if (cs == null) {
            return;
        }
        try {
            if (Charset.forName(cs.replace("\"", "")).equals(StandardCharsets.UTF_8)) {
                return;
            }
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            // refused below
        }
        throw new ImportService.Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file", "charset",
                "the file must be UTF-8 (charset=" + cs + " given)");
    }

    @ExceptionHandler(ImportService.Refused.class)
    ResponseEntity<ProblemDetail> refused(ImportService.Refused e) {
        ProblemDetail p = Problems.of(e.status, e.field, e.rule, e.getMessage());
        if (e.row != null) {
            p.setProperty("row", e.row);
        }
        if (e.column != null) {
            p.setProperty("column", e.column);
        }
        return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
