package org.drledger.query.disclosure;

import org.drledger.query.task.DrawInputs;
import org.drledger.query.task.TaskViews;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The public task pages: the list and the draw proof step by step, with the re-run section. */
@Controller
class PublicTaskPages {
    private final TaskViews views;
    private final DrawInputs inputs;

    PublicTaskPages(TaskViews views, DrawInputs inputs) {
        this.views = views;
        this.inputs = inputs;
    }

    @GetMapping("/public/tasks")
    String list(Model model) {
        model.addAttribute("tasks", views.list(null));
        return "public/tasks/list";
    }

    @GetMapping("/public/tasks/{taskId}")
    String proof(@PathVariable String taskId, Model model) {
        model.addAttribute("task", views.proof(taskId, true)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("drawInputUrl", inputs.publicStrata(taskId)
                ? "/api/public/tasks/" + taskId + "/draw-input" : null);
        model.addAttribute("fairnessUrl", "/api/exports/tasks/" + taskId + "/fairness");
        return "public/tasks/proof";
    }
}
