package org.drledger.command.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drledger.command.registry.ImportJobs.Counts;
import org.drledger.command.registry.ImportJobs.Issue;
import org.drledger.command.registry.ImportJobs.Job;
import org.drledger.command.registry.ImportJobs.Status;
import org.drledger.command.registry.RegistryKind.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One CSV import, run once: a validation pass (every row checked, compared with the current state, nothing written)
 * unless the import is partial, then a write pass that commits batches of {@code batch-size} rows, each batch one
 * transaction that the commands join (one commit per batch, then the job's progress), up to {@code writers} batches
 * at the same time. A non-partial import with any
 * rejected row stops after validation and writes nothing; a partial import writes the accepted rows only.
 *
 * <p>The file is streamed twice from its spool copy; what stays in memory is one batch of parsed rows, the ids seen
 * ({@link IdSet}) and one status byte per row. Messages and logs never carry a value of a confidential column.
 */
final class ImportRun<D extends RegistryKind.Draft, S> {
    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_FIELDS = 100;

    /** A row of a non-partial import that was valid when validated and is not when written. */
    static final class NoLongerValid extends RuntimeException {
        private final transient List<Issue> issues;

        NoLongerValid(long row, List<Issue> issues) {
            super("row " + row + " was valid when the file was validated but is not any more: "
                    + issues.get(0).field() + " " + issues.get(0).rule());
            this.issues = issues;
        }
    }

    private record Row<D>(long row, String id, D draft, List<Violation> pre) {
    }

    /** Services a run needs. */
    record Services(ImportJobs jobs, CommandGateway commands, TransactionManager transactions, int writers,
                    Authorizer authorizer,
                    Clock clock, ImportProperties properties) {
    }

    private final Job job;
    private final RegistryKind<D, S> kind;
    private final Path file;
    private final Services s;
    private final byte[] rowStatus;
    private final String idColumn;
    private Counts totals = Counts.ZERO;

    ImportRun(Job job, RegistryKind<D, S> kind, Path file, long records, Services services) {
        this.job = job;
        this.kind = kind;
        this.file = file;
        this.s = services;
        this.rowStatus = new byte[(int) records];
        this.idColumn = kind.columns().get(0);
    }

    static String time(Clock clock) {
        return TIME.format(clock.instant());
    }

    /** Runs the import to its end and records the outcome; returns the final status. */
    Status run() {
        String id = job.importId();
        try {
            if (job.dryRun() || !job.partial()) {
                s.jobs().phase(id, Status.RUNNING, ImportJobs.Phase.VALIDATING, time(s.clock()));
                Counts checked = pass(false, true, false);
                if (job.dryRun()) {
                    return finish(Status.DONE, checked, "dry run: " + checked.accepted() + " rows would be written, "
                            + checked.unchanged() + " are unchanged, " + checked.rejected() + " are rejected; "
                            + "nothing was written");
                }
                if (checked.rejected() > 0) {
                    return finish(Status.REJECTED, checked, checked.rejected() + " of " + checked.processed()
                            + " rows are rejected; nothing was written (import with partial=true to write the "
                            + "accepted rows only)");
                }
                totals = Counts.ZERO;
                s.jobs().phase(id, Status.RUNNING, ImportJobs.Phase.WRITING, time(s.clock()));
                Counts written = pass(true, false, true);
                return finish(Status.DONE, written, summary(written));
            }
            s.jobs().phase(id, Status.RUNNING, ImportJobs.Phase.WRITING, time(s.clock()));
            Counts written = pass(true, true, false);
            return finish(Status.DONE, written, summary(written));
        } catch (NoLongerValid e) {
            s.jobs().issues(id, e.issues);
            Counts done = totals();
            return finish(Status.FAILED, done, e.getMessage() + "; the " + done.written() + " rows of the batches "
                    + "committed before the import stopped stay written (import the file again once it is valid: "
                    + "unchanged rows write nothing)");
        } catch (RuntimeException | IOException | CsvReader.SyntaxException e) {
            String ref = java.util.UUID.randomUUID().toString();
            log.error("Import {} failed (reference {}): {}", id, ref, e.getClass().getName(), e);
            Counts done = totals();
            return finish(Status.FAILED, done, "the import failed after " + done.written() + " written rows "
                    + "(reference " + ref + "); import the file again: unchanged rows write nothing");
        }
    }

    private static String summary(Counts c) {
        return c.written() + " rows written, " + c.unchanged() + " unchanged, " + c.rejected() + " rejected";
    }

    private Status finish(Status status, Counts counts, String message) {
        s.jobs().finish(job.importId(), status, counts, rowStatus, message, time(s.clock()));
        return status;
    }

    /**
     * One pass over the file. {@code write}: send the commands; {@code recordIssues}: store rejections and warnings
     * (a write pass after validation has stored them already); {@code strict}: a rejected row stops the pass.
     */
    private Counts pass(boolean write, boolean recordIssues, boolean strict)
            throws IOException, CsvReader.SyntaxException {
        IdSet seen = recordIssues ? new IdSet() : null;
        int size = s.properties().batchSize();
        try (CsvReader r = new CsvReader(Files.newInputStream(file), s.properties().maxFieldChars(), MAX_FIELDS);
             Writers writers = write && s.writers() > 1 ? new Writers(s.writers()) : null) {
            String[] header = r.next();
            int[] map = ImportService.columnMap(kind, header);
            List<Row<D>> batch = new ArrayList<>(size);
            String[] cells;
            while ((cells = r.next()) != null) {
                if (cells.length == 0) {
                    continue;
                }
                batch.add(row(r.row(), cells, header.length, map, seen));
                if (batch.size() == size) {
                    dispatch(writers, batch, write, recordIssues, strict);
                    batch = new ArrayList<>(size);
                }
            }
            if (!batch.isEmpty()) {
                dispatch(writers, batch, write, recordIssues, strict);
            }
            if (writers != null) {
                writers.awaitAll();
            }
        }
        return totals();
    }

    private void dispatch(Writers writers, List<Row<D>> rows, boolean write, boolean recordIssues, boolean strict) {
        if (writers == null) {
            batch(rows, write, recordIssues, strict);
        } else {
            writers.submit(() -> batch(rows, true, recordIssues, strict));
        }
    }

    /**
     * Writes up to {@code n} batches at once, each in its own transaction on its own thread (signing and storing one
     * batch overlaps reading and commanding the next). The first failure stops further batches; the batches already
     * running finish (each commits whole or not at all) and the failure is rethrown by {@link #awaitAll()}.
     */
    private final class Writers implements AutoCloseable {
        private final int n;
        private final ExecutorService pool;
        private final Semaphore slots;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final SecurityContext security = SecurityContextHolder.getContext();

        Writers(int n) {
            this.n = n;
            this.slots = new Semaphore(n);
            this.pool = Executors.newFixedThreadPool(n, task -> {
                Thread t = new Thread(task, "registry-import-writer");
                t.setDaemon(true);
                return t;
            });
        }

        void submit(Runnable batch) {
            rethrow();
            slots.acquireUninterruptibly();
            if (failure.get() != null) {
                slots.release();
                awaitAll();
            }
            pool.execute(() -> {
                SecurityContextHolder.setContext(security);
                try {
                    batch.run();
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    SecurityContextHolder.clearContext();
                    slots.release();
                }
            });
        }

        /** Waits for every running batch; rethrows the first failure. */
        void awaitAll() {
            slots.acquireUninterruptibly(n);
            slots.release(n);
            rethrow();
        }

        private void rethrow() {
            Throwable t = failure.get();
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
        }

        @Override
        public void close() {
            slots.acquireUninterruptibly(n);
            pool.shutdown();
        }
    }

    private Row<D> row(long rowNo, String[] cells, int headerLength, int[] map, IdSet seen) {
        List<Violation> pre = new ArrayList<>(0);
        D draft = null;
        String id = map[0] < cells.length ? cells[map[0]] : null;
        if (cells.length != headerLength) {
            pre.add(new Violation("row", "csv-field-count", "the row has " + cells.length + " fields, the header "
                    + headerLength));
        } else {
            String[] k = new String[map.length];
            for (int i = 0; i < map.length; i++) {
                k[i] = map[i] < 0 ? null : cells[map[i]];
            }
            draft = kind.parse(k);
        }
        if (seen != null && id != null && !id.isEmpty()) {
            long first = seen.add(id, rowNo);
            if (first != 0) {
                pre.add(new Violation(idColumn, "duplicate-in-file", idColumn + " is also in row " + first
                        + "; a file lists each record once"));
            }
        }
        return new Row<>(rowNo, id, draft, pre);
    }

    private void batch(List<Row<D>> rows, boolean write, boolean recordIssues, boolean strict) {
        if (!write) {
            progress(classify(rows, false, recordIssues, strict));
            return;
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                Outcome o = inUnitOfWork(() -> classify(rows, true, recordIssues, strict));
                progress(o);
                kind.afterWriteBatch();
                return;
            } catch (NoLongerValid e) {
                throw e;
            } catch (RuntimeException e) {
                // e.g. a record registered by someone else meanwhile: the batch rolled back; compare again once
                last = e;
                log.warn("Import {}: the batch of rows {}-{} rolled back ({}); attempt {} of 2", job.importId(),
                        rows.get(0).row(), rows.get(rows.size() - 1).row(), e.getClass().getSimpleName(), attempt);
            }
        }
        throw last;
    }

    /**
     * Counts a finished batch and records the progress. After the batch's commit, not in its transaction: batches
     * written at the same time would otherwise queue on the job's row; a node that stops in between leaves the
     * progress one batch behind, and the stale job is marked failed at start-up either way.
     */
    private synchronized void progress(Outcome o) {
        totals = totals.plus(o.counts);
        for (int i = 0; i < o.rows.length; i++) {
            rowStatus[(int) (o.rows[i] - 2)] = o.statuses[i];
        }
        s.jobs().progress(job.importId(), totals, time(s.clock()));
    }

    private synchronized Counts totals() {
        return totals;
    }

    /**
     * Runs a write batch in one root unit of work that owns the transaction: the commands' units of work nest in it,
     * so their events are appended together when it commits (one JDBC batch through the door) and the event store
     * wakes its readers (the sealer) once per batch, not once per row.
     */
    private <R> R inUnitOfWork(Callable<R> work) {
        DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
        uow.attachTransaction(s.transactions());
        ResultMessage<R> result = uow.executeWithResult(work, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable t = result.exceptionResult();
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }
        return result.getPayload();
    }

    private record Outcome(Counts counts, long[] rows, byte[] statuses) {
    }

    private Outcome classify(List<Row<D>> rows, boolean write, boolean recordIssues, boolean strict) {
        List<String> ids = new ArrayList<>(rows.size());
        for (Row<D> r : rows) {
            if (r.draft() != null && r.pre().isEmpty() && r.draft().violations().isEmpty()) {
                ids.add(r.draft().id());
            }
        }
        Map<String, S> current = kind.current(ids);
        List<Issue> issues = new ArrayList<>();
        long[] rowNos = new long[rows.size()];
        byte[] statuses = new byte[rows.size()];
        long accepted = 0;
        long rejected = 0;
        long unchanged = 0;
        long warnings = 0;
        long written = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row<D> r = rows.get(i);
            rowNos[i] = r.row();
            List<Violation> errors = new ArrayList<>(r.pre());
            if (r.draft() != null) {
                errors.addAll(r.draft().violations());
            }
            S cur = null;
            if (errors.isEmpty()) {
                cur = current.get(r.draft().id());
                Optional<Violation> denied = kind.authorize(r.draft(), cur, s.authorizer());
                denied.ifPresent(errors::add);
            }
            if (!errors.isEmpty()) {
                List<Issue> mine = new ArrayList<>();
                for (Violation v : errors) {
                    mine.add(new Issue(r.row(), mine.size(), "ERROR", r.id(), v.field(), v.rule(), v.message()));
                }
                if (write && strict) {
                    throw new NoLongerValid(r.row(), mine);
                }
                issues.addAll(mine);
                statuses[i] = ImportJobs.REJECTED;
                rejected++;
                continue;
            }
            Change change = kind.compare(r.draft(), cur);
            if (change.unchanged()) {
                statuses[i] = ImportJobs.UNCHANGED;
                unchanged++;
            } else {
                statuses[i] = ImportJobs.ACCEPTED;
                accepted++;
                if (write) {
                    s.commands().sendAndWait(change.command().get());
                    written++;
                }
            }
            if (r.draft().warning() != null) {
                warnings++;
                issues.add(new Issue(r.row(), 0, "WARNING", r.id(), idColumn, "id-warning", r.draft().warning()));
            }
        }
        if (recordIssues) {
            s.jobs().issues(job.importId(), issues);
        }
        return new Outcome(new Counts(rows.size(), accepted, rejected, unchanged, warnings, written), rowNos,
                statuses);
    }
}
