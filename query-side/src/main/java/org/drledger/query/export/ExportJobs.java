package org.drledger.query.export;

import jakarta.annotation.PreDestroy;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.drledger.command.ledger.LedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Exports run in the background for large ledgers: each job writes its bundle to
 * {@code <ledger.data-dir>/exports/<id>.zip} (through a {@code .part} file, renamed when complete) and reports its
 * progress. Jobs live in memory: a restart forgets them and deletes their files, and at most {@link #KEEP} finished
 * jobs are kept (the oldest is deleted first). Two exports run at a time; the rest queue.
 */
@Service
class ExportJobs {
    static final int KEEP = 20;
    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);

    enum Status { QUEUED, RUNNING, DONE, FAILED }

    /** One job. {@code owner} is null for an anonymous public export; restricted jobs are shown to their owner only. */
    static final class Job implements Progress {
        final String id;
        final String kind;
        final String subject;
        final String owner;
        final boolean restricted;
        final Instant created;
        final long exportPoint;
        final Path file;
        volatile Status status = Status.QUEUED;
        volatile long leavesExamined;
        volatile long entriesWritten;
        volatile long bytes;
        volatile String error;

        Job(String id, String kind, String subject, String owner, boolean restricted, Instant created,
            long exportPoint, Path file) {
            this.id = id;
            this.kind = kind;
            this.subject = subject;
            this.owner = owner;
            this.restricted = restricted;
            this.created = created;
            this.exportPoint = exportPoint;
            this.file = file;
        }

        @Override
        public void scanned(long leavesExamined, long leavesTotal) {
            this.leavesExamined = leavesExamined;
        }

        @Override
        public void wrote(long entriesWritten) {
            this.entriesWritten = entriesWritten;
        }

        /** Whole percent of the log examined; 100 only when the file is complete. */
        int percent() {
            if (status == Status.DONE) {
                return 100;
            }
            return exportPoint == 0 ? 0 : (int) Math.min(99, leavesExamined * 100 / exportPoint);
        }
    }

    /** The writing itself, given the job (its progress) and the file's stream. */
    interface Work {
        void write(Job job, OutputStream out);
    }

    private final Path dir;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor;

    ExportJobs(LedgerProperties properties, Clock clock) {
        this.dir = properties.dataDir().resolve("exports");
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "bundle-export-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        clearLeftovers();
    }

    Job start(String kind, String subject, String owner, boolean restricted, long exportPoint, Work work) {
        prune();
        String id = UUID.randomUUID().toString();
        Job job = new Job(id, kind, subject, owner, restricted, clock.instant(), exportPoint, dir.resolve(id + ".zip"));
        jobs.put(id, job);
        executor.execute(() -> run(job, work));
        return job;
    }

    Optional<Job> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(Job job, Work work) {
        job.status = Status.RUNNING;
        Path part = dir.resolve(job.id + ".zip.part");
        try {
            Files.createDirectories(dir);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
                work.write(job, out);
            }
            Files.move(part, job.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            job.bytes = Files.size(job.file);
            job.status = Status.DONE;
        } catch (IOException | RuntimeException e) {
            String ref = UUID.randomUUID().toString();
            log.error("Export job {} ({}) failed, reference {}", job.id, job.kind, ref, e);
            job.error = "the export failed; reference " + ref;
            job.status = Status.FAILED;
            deleteQuietly(part);
        }
    }

    /** Keeps at most {@link #KEEP} finished jobs, deleting the oldest and its file. */
    private synchronized void prune() {
        jobs.values().stream().filter(j -> j.status == Status.DONE || j.status == Status.FAILED)
                .sorted((a, b) -> b.created.compareTo(a.created)).skip(KEEP - 1L).toList()
                .forEach(j -> {
                    jobs.remove(j.id);
                    deleteQuietly(j.file);
                });
    }

    private void clearLeftovers() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{zip,part}")) {
            files.forEach(ExportJobs::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", p, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
