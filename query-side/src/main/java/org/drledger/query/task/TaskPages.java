package org.drledger.query.task;

import org.drledger.command.actor.AccessPolicy;
import org.drledger.command.actor.LedgerPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/** Supervisors' task pages: the department's tasks (all for the office and auditors) and the full draw proof. */
@Controller
class TaskPages {
    private final TaskViews views;
    private final AccessPolicy access;
    private final SupervisorTaskController api;

    TaskPages(TaskViews views, AccessPolicy access, SupervisorTaskController api) {
        this.views = views;
        this.access = access;
        this.api = api;
    }

    @GetMapping("/app/tasks")
    String list(Model model) {
        LedgerPrincipal p = access.current();
        model.addAttribute("tasks", views.list(SupervisorTaskController.seesAll(p) ? null : p.department()));
        return "tasks/list";
    }

    @GetMapping("/app/tasks/{taskId}")
    String proof(@PathVariable String taskId, Model model) {
        api.requireScope(taskId);
        model.addAttribute("task", views.proof(taskId, false)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("drawInputUrl", "/app/tasks/" + taskId + "/draw-input");
        model.addAttribute("fairnessUrl", "/api/exports/tasks/" + taskId + "/fairness");
        return "tasks/proof";
    }

    /** The same download as {@code /api/tasks-view/{id}/draw-input}, for the signed-in browser session. */
    @GetMapping("/app/tasks/{taskId}/draw-input")
    @ResponseBody
    ResponseEntity<?> drawInput(@PathVariable String taskId) {
        return api.drawInput(taskId);
    }
}
