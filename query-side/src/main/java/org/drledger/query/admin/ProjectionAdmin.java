package org.drledger.query.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.drledger.command.support.ConditionalOnLedgerRole;
import org.drledger.command.support.LedgerRoles;
import org.drledger.query.projection.Projection;
import org.drledger.query.projection.ProjectionRunner;
import org.drledger.query.projection.ViewDigests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** Starts rebuilds on a background thread and reports the views' state (position, lag, digests, progress). */
@Component
@ConditionalOnLedgerRole(LedgerRoles.QUERY)
class ProjectionAdmin implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    private final ProjectionRunner runner;
    private final ViewDigests digests;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "projection-rebuild");
        t.setDaemon(true);
        return t;
    });

    ProjectionAdmin(ProjectionRunner runner, ViewDigests digests) {
        this.runner = runner;
        this.digests = digests;
    }

    /** Starts a rebuild; false when one is running already. */
    boolean startRebuild() {
        if (!runner.startRebuild()) {
            return false;
        }
        worker.execute(() -> {
            try {
                runner.rebuild();
            } catch (RuntimeException e) {
                log.error("projection rebuild failed", e); // reported through the status as well
            }
        });
        return true;
    }

    Map<String, Object> status(boolean withDigests) {
        long position = runner.position();
        long size = runner.logSize();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("position", position);
        out.put("logSize", size);
        out.put("lag", Math.max(0, size - 1 - position));
        out.put("pageSize", runner.pageSize());
        Map<String, Object> views = new LinkedHashMap<>();
        for (Projection p : runner.projections()) {
            views.put(p.name(), p.tables());
        }
        out.put("projections", views);
        if (withDigests) {
            out.put("digests", digests.of(runner.projections()));
        }
        ProjectionRunner.Rebuild r = runner.rebuildState();
        Map<String, Object> rebuild = new LinkedHashMap<>();
        rebuild.put("running", r.running());
        rebuild.put("applied", r.applied());
        rebuild.put("target", r.target());
        rebuild.put("startedAt", r.startedAt());
        rebuild.put("finishedAt", r.finishedAt());
        rebuild.put("error", r.error());
        out.put("rebuild", rebuild);
        return out;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
