package org.drledger.query.disclosure;

import java.util.List;
import java.util.Map;
import org.drledger.command.web.Problems;
import org.drledger.query.task.DrawInputs;
import org.drledger.query.task.SupervisorTaskController;
import org.drledger.query.task.TaskViews;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 一公开 of tasks, no login: announcements and draw proofs (hashes, counts, commitments, randomness, reveals, seed,
 * targets with tickets, teams with officer name, certificate number and department). A target's stratum is left out
 * when the plan stratifies by a confidential attribute, and so is the draw input, whose population lists every
 * entity's stratum.
 */
@RestController
@RequestMapping("/api/public/tasks")
class PublicTaskController {
    private final TaskViews views;
    private final DrawInputs inputs;

    PublicTaskController(TaskViews views, DrawInputs inputs) {
        this.views = views;
        this.inputs = inputs;
    }

    @GetMapping
    List<Map<String, Object>> list(@RequestParam(required = false) String department) {
        return views.list(department);
    }

    @GetMapping("/{taskId}")
    ResponseEntity<?> task(@PathVariable String taskId) {
        return views.proof(taskId, true).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND,
                        "taskId", "unknown-task", "no task " + taskId)));
    }

    @GetMapping("/{taskId}/draw-input")
    ResponseEntity<?> drawInput(@PathVariable String taskId) {
        if (views.proof(taskId, true).isPresent() && !inputs.publicStrata(taskId)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN, "taskId",
                    "confidential-strata", "the plan stratifies by a confidential attribute: the population's strata "
                            + "are not public; auditors and the task's departments download the input from "
                            + "/api/tasks-view/" + taskId + "/draw-input, the public checks the fairness bundle"));
        }
        return SupervisorTaskController.download(taskId, () -> inputs.of(taskId, c -> {
            throw new IllegalStateException("a public draw input never opens a commitment");
        }));
    }
}
