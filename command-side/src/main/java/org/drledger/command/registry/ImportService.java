package org.drledger.command.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import java.util.concurrent.RejectedExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.LedgerPrincipal;
import org.drledger.command.actor.Role;
import org.drledger.command.department.DepartmentDirectory;
import org.drledger.command.ledger.LedgerConfiguration;
import org.drledger.command.ledger.LedgerProperties;
import org.drledger.command.registry.ImportJobs.Issue;
import org.drledger.command.registry.ImportJobs.Job;
import org.drledger.command.registry.ImportJobs.Status;
import org.drledger.core.bytes.Hex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Accepts a CSV upload: spools it to an owner-only file under {@code <data-dir>/imports} (it holds plaintext ID-card
 * numbers and phones, so it is deleted when the import ends and at start-up), hashes it, checks its syntax and
 * header and counts its rows before anything is queued (a file that is not strict UTF-8 RFC 4180 CSV is refused at
 * once), then runs the import in the request (small files) or as a job on the import thread.
 */
@Service
class ImportService {
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    /** A file refused as a whole, before anything is imported. */
    static final class Refused extends RuntimeException {
        final HttpStatus status;
        final String field;
        final String rule;
        final Long row;
        final Integer column;

        Refused(HttpStatus status, String field, String rule, String message, Long row, Integer column) {
            super(message);
            this.status = status;
            this.field = field;
            this.rule = rule;
            this.row = row;
            this.column = column;
        }

        Refused(HttpStatus status, String field, String rule, String message) {
            this(status, field, rule, message, null, null);
        }
    }

    /** An accepted upload: the job, and whether it already ran (synchronously). */
    record Accepted(Job job, boolean ran) {
    }

    private record Scan(long records, long rows) {
    }

    private final Map<String, RegistryKind<?, ?>> kinds = new HashMap<>();
    private final ImportJobs jobs;
    private final AccessPolicy access;
    private final DepartmentDirectory departments;
    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final ExecutorService executor;
    private final ImportProperties properties;
    private final Clock clock;
    private final Path spoolDir;
    private final int writers;

    ImportService(ObjectKind objects, InspectorKind inspectors, ImportJobs jobs, AccessPolicy access,
                  DepartmentDirectory departments, CommandGateway commands, TransactionManager transactions,
                  @Qualifier(RegistryConfiguration.IMPORT_EXECUTOR) ExecutorService executor,
                  ImportProperties properties, LedgerProperties ledger, Clock clock, DataSource dataSource) {
        kinds.put(objects.name(), objects);
        kinds.put(inspectors.name(), inspectors);
        this.jobs = jobs;
        this.access = access;
        this.departments = departments;
        this.commands = commands;
        this.transactions = transactions;
        this.executor = executor;
        this.properties = properties;
        this.clock = clock;
        this.spoolDir = ledger.dataDir().resolve("imports");
        // on H2 the append path locks the department's key row for update until commit (H2 has no share lock), so
        // a second batch of the same department would only wait for the first
        this.writers = LedgerConfiguration.isPostgres(dataSource) ? properties.writers() : 1;
    }

    RegistryKind<?, ?> kind(String registry) {
        RegistryKind<?, ?> k = kinds.get(registry);
        if (k == null) {
            throw new Refused(HttpStatus.NOT_FOUND, "registry", "not-found", "no registry " + registry
                    + "; use objects or inspectors");
        }
        return k;
    }

    /** Imports a file: clerks and approvers of a department. */
    Accepted accept(String registry, InputStream body, String fileName, boolean partial, boolean dryRun,
                    boolean async) {
        RegistryKind<?, ?> kind = kind(registry);
        LedgerPrincipal me = access.requireActsFor(access.current().department(), Role.DEPT_CLERK,
                Role.DEPT_APPROVER);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String importId = UUID.randomUUID().toString();
        Path file = spool(importId, body);
        boolean queued = false;
        try {
            long bytes = Files.size(file);
            String sha256 = sha256(file);
            Scan scan = scan(kind, file);
            String now = ImportRun.time(clock);
            Job job = new Job(importId, kind.name(), me.username(), me.department(),
                    fileName == null ? null : ImportJobs.truncate(fileName, 500), sha256, bytes, partial, dryRun,
                    Status.QUEUED, ImportJobs.Phase.QUEUED, scan.rows(), ImportJobs.Counts.ZERO, now, null, null, now,
                    null);
            jobs.create(job);
            ImportRun<?, ?> run = run(job, kind, file, scan.records());
            if (!async && bytes <= properties.syncMaxBytes()) {
                run.run();
                return new Accepted(jobs.find(importId).orElseThrow(), true);
            }
            try {
                executor.execute(() -> inBackground(auth, run, file));
                queued = true;
            } catch (RejectedExecutionException e) {
                throw new Refused(HttpStatus.SERVICE_UNAVAILABLE, "", "shutting-down", "the server is shutting down");
            }
            return new Accepted(jobs.find(importId).orElseThrow(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!queued) {
                delete(file);
            }
        }
    }

    private <D extends RegistryKind.Draft, S> ImportRun<D, S> run(Job job, RegistryKind<D, S> kind, Path file,
                                                                   long records) {
        return new ImportRun<>(job, kind, file, records, new ImportRun.Services(jobs, commands, transactions, writers,
                new Authorizer(access, departments), clock, properties));
    }

    private void inBackground(Authentication auth, ImportRun<?, ?> run, Path file) {
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(auth);
        SecurityContextHolder.setContext(ctx);
        try {
            run.run();
        } finally {
            SecurityContextHolder.clearContext();
            delete(file);
        }
    }

    /** The job, for its importer's department, auditors and the office administrator. */
    Job job(String importId) {
        Job job = jobs.find(importId).orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "importId", "not-found",
                "no import " + importId));
        LedgerPrincipal me = access.current();
        if (!me.department().equals(job.department()) && !me.has(Role.AUDITOR) && !me.has(Role.OFFICE_ADMIN)) {
            throw new AccessDeniedException(me.username() + " of " + me.department() + " may not read imports of "
                    + job.department());
        }
        return job;
    }

    /** The job as JSON: progress, counts and, once finished, one page of the per-row report. */
    Map<String, Object> view(Job job, int page, int size, String status) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("importId", job.importId());
        out.put("registry", job.registry());
        out.put("status", job.status().name());
        out.put("phase", job.phase().name());
        out.put("partial", job.partial());
        out.put("dryRun", job.dryRun());
        out.put("user", job.username());
        out.put("department", job.department());
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("name", job.fileName());
        file.put("sha256", job.sha256());
        file.put("bytes", job.bytes());
        out.put("file", file);
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("total", job.total());
        rows.put("processed", job.counts().processed());
        rows.put("accepted", job.counts().accepted());
        rows.put("rejected", job.counts().rejected());
        rows.put("unchanged", job.counts().unchanged());
        rows.put("warnings", job.counts().warnings());
        rows.put("written", job.counts().written());
        out.put("rows", rows);
        out.put("percent", percent(job));
        out.put("createdAt", job.createdAt());
        out.put("startedAt", job.startedAt());
        out.put("finishedAt", job.finishedAt());
        out.put("message", job.message());
        if (job.finished()) {
            out.put("report", report(job, page, size, status));
        }
        return out;
    }

    /**
     * Progress in whole percent of the current phase's rows (a non-partial import validates every row, then writes
     * them): 100 once the import has run to its end (DONE or REJECTED), below 100 before.
     */
    static long percent(Job job) {
        if (job.status() == ImportJobs.Status.DONE || job.status() == ImportJobs.Status.REJECTED) {
            return 100;
        }
        if (job.total() <= 0) {
            return 0;
        }
        return Math.min(99, job.counts().processed() * 100 / job.total());
    }

    private Map<String, Object> report(Job job, int page, int size, String status) {
        byte[] statuses = jobs.rowStatus(job.importId()).orElse(new byte[0]);
        byte wanted = status == null ? 0 : switch (status) {
            case "ACCEPTED" -> ImportJobs.ACCEPTED;
            case "REJECTED" -> ImportJobs.REJECTED;
            case "UNCHANGED" -> ImportJobs.UNCHANGED;
            default -> throw new Refused(HttpStatus.BAD_REQUEST, "status", "unknown-value",
                    "status is ACCEPTED, REJECTED or UNCHANGED");
        };
        long skip = (long) page * size;
        long matching = 0;
        List<long[]> picked = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            byte b = statuses[i];
            if (b == 0 || (wanted != 0 && b != wanted)) {
                continue;
            }
            if (matching >= skip && picked.size() < size) {
                picked.add(new long[]{i + 2L, b});
            }
            matching++;
        }
        Map<Long, List<Issue>> issues = new HashMap<>();
        if (!picked.isEmpty()) {
            for (Issue i : jobs.issues(job.importId(), picked.get(0)[0], picked.get(picked.size() - 1)[0])) {
                issues.computeIfAbsent(i.row(), r -> new ArrayList<>()).add(i);
            }
        }
        List<Map<String, Object>> list = new ArrayList<>(picked.size());
        for (long[] p : picked) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("row", p[0]);
            row.put("status", p[1] == ImportJobs.ACCEPTED ? "ACCEPTED" : p[1] == ImportJobs.REJECTED ? "REJECTED"
                    : "UNCHANGED");
            List<Issue> mine = issues.getOrDefault(p[0], List.of());
            if (!mine.isEmpty()) {
                row.put("id", mine.get(0).recordId());
            }
            List<Map<String, Object>> is = new ArrayList<>();
            for (Issue i : mine) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("severity", i.severity());
                m.put("field", i.field());
                m.put("rule", i.rule());
                m.put("message", i.message());
                is.add(m);
            }
            row.put("issues", is);
            list.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("page", page);
        out.put("size", size);
        out.put("status", status);
        out.put("matchingRows", matching);
        out.put("more", skip + picked.size() < matching);
        out.put("rows", list);
        return out;
    }

    /** Maps each of the kind's columns to its position in the header (-1: an omitted optional column). */
    static int[] columnMap(RegistryKind<?, ?> kind, String[] header) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            if (at.put(header[i], i) != null) {
                throw new Refused(HttpStatus.BAD_REQUEST, header[i], "csv-duplicate-column",
                        "the header names column " + header[i] + " twice", 1L, i + 1);
            }
            if (!kind.columns().contains(header[i])) {
                throw new Refused(HttpStatus.BAD_REQUEST, header[i], "csv-unknown-column", "unknown column \""
                        + header[i] + "\"; the columns are " + String.join(",", kind.columns()), 1L, i + 1);
            }
        }
        int[] map = new int[kind.columns().size()];
        for (int c = 0; c < map.length; c++) {
            String name = kind.columns().get(c);
            Integer i = at.get(name);
            if (i == null && !kind.optionalColumns().contains(name)) {
                throw new Refused(HttpStatus.BAD_REQUEST, name, "csv-missing-column", "the header lacks column "
                        + name + "; the columns are " + String.join(",", kind.columns()), 1L, null);
            }
            map[c] = i == null ? -1 : i;
        }
        return map;
    }

    private Scan scan(RegistryKind<?, ?> kind, Path file) throws IOException {
        try (CsvReader r = new CsvReader(Files.newInputStream(file), properties.maxFieldChars(), 100)) {
            String[] header = r.next();
            if (header == null || header.length == 0) {
                throw new Refused(HttpStatus.BAD_REQUEST, "file", "csv-no-header",
                        "the first row must be the header: " + String.join(",", kind.columns()), 1L, null);
            }
            columnMap(kind, header);
            long rows = 0;
            String[] cells;
            while ((cells = r.next()) != null) {
                if (cells.length > 0 && ++rows > properties.maxRows()) {
                    throw new Refused(HttpStatus.PAYLOAD_TOO_LARGE, "file", "too-many-rows", "a file has at most "
                            + properties.maxRows() + " rows");
                }
            }
            if (rows == 0) {
                throw new Refused(HttpStatus.BAD_REQUEST, "file", "csv-no-rows", "the file has a header but no rows");
            }
            return new Scan(r.row() - 1, rows);
        } catch (CsvReader.SyntaxException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, "file", e.rule(), e.getMessage(), e.row(),
                    e.column() > 0 ? e.column() : null);
        }
    }

    private Path spool(String importId, InputStream body) {
        Path target = spoolDir.resolve(importId + ".csv");
        try {
            Files.createDirectories(spoolDir);
            restrict(spoolDir, "rwx------");
            Path tmp = Files.createTempFile(spoolDir, ".upload-", ".csv");
            restrict(tmp, "rw-------");
            long n = 0;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[1 << 16];
                int k;
                while ((k = body.read(buf)) > 0) {
                    n += k;
                    if (n > properties.maxBytes()) {
                        throw new Refused(HttpStatus.PAYLOAD_TOO_LARGE, "file", "too-large", "a file has at most "
                                + properties.maxBytes() + " bytes");
                    }
                    out.write(buf, 0, k);
                }
            } catch (RuntimeException | IOException e) {
                delete(tmp);
                throw e;
            }
            try {
                Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the upload", e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             DigestOutputStream d = new DigestOutputStream(OutputStream.nullOutputStream(),
                     MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(d);
            return Hex.encode(d.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void restrict(Path p, String perms) throws IOException {
        if (Files.getFileStore(p).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the import spool file {}: {}", file, e.getMessage());
        }
    }

    /** Jobs a stopped node left behind are failed, and spool files of finished imports deleted. */
    @EventListener(ApplicationReadyEvent.class)
    void cleanUp() {
        String now = ImportRun.time(clock);
        String cutoff = ImportRun.time(Clock.offset(clock, properties.staleAfter().negated()));
        List<String> failed = jobs.failStale(cutoff, now);
        if (!failed.isEmpty()) {
            log.warn("Marked {} interrupted import(s) failed: {}", failed.size(), failed);
        }
        if (!Files.isDirectory(spoolDir)) {
            return;
        }
        List<String> active = jobs.active();
        try (var files = Files.list(spoolDir)) {
            files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(".upload-") || (name.endsWith(".csv")
                        && !active.contains(name.substring(0, name.length() - 4)));
            }).forEach(ImportService::delete);
        } catch (IOException e) {
            log.warn("Could not list {}: {}", spoolDir, e.getMessage());
        }
    }
}
